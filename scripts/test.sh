#!/usr/bin/env bash
# Set up (with test dependencies), make sure Debian's Chromium is present, and
# run the whole test suite from the repo root.
#
#   bash scripts/test.sh [pytest options]
#
# Browser tests use /usr/bin/chromium from Debian; this script never runs
# `playwright install` (no browser downloads).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

bash scripts/setup.sh --test

if [[ ! -x /usr/bin/chromium ]]; then
    sudo=""
    if [[ "$(id -u)" -ne 0 ]]; then
        sudo="sudo"
    fi
    echo "[test] /usr/bin/chromium missing: installing Debian chromium" >&2
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q chromium fonts-dejavu-core
fi

rc=0
.venv/bin/python -m pytest -q "$@" || rc=$?
if [[ $rc -eq 5 ]]; then
    echo "[test] FAILED: pytest collected no tests (exit code 5); the suite must run at least one test." >&2
    exit 1
fi
exit "$rc"
