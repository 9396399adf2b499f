#!/usr/bin/env bash
# Flashpoint set-up, shared by scripts/serve.sh and scripts/test.sh.
#
#   bash scripts/setup.sh            # runtime dependencies
#   bash scripts/setup.sh --test     # runtime + test dependencies
#   source scripts/setup.sh [--test] # same, from another bash script
#
# Idempotent: creates .venv at the repo root only when it is missing, runs pip
# only when the requirements files changed since the last successful install
# (a hash stamp kept inside .venv), then builds the gazetteer cache with
# `python -m geodata.build` (that module keeps its own cache and is expected
# to return quickly when the cache is current) and the map's label glyphs
# with `python -m layers.glyphs` (static/glyphs, from Debian's fonts-dejavu-core).
#
# Environment: FLASHPOINT_PYTHON (default python3) is the interpreter used to
# create the venv.

flashpoint_setup() (
    set -euo pipefail

    local mode=runtime
    for arg in "$@"; do
        case "$arg" in
            --test) mode=test ;;
            -h|--help) sed -n '2,15p' "${BASH_SOURCE[0]}"; return 0 ;;
            *) echo "setup.sh: unknown argument: $arg" >&2; return 2 ;;
        esac
    done

    local root
    root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
    cd "$root"

    local venv="$root/.venv"
    local py="$venv/bin/python"
    local base_python="${FLASHPOINT_PYTHON:-python3}"

    log() { printf '[setup] %s\n' "$*" >&2; }

    # 1. The virtual environment.
    if [[ ! -x "$py" ]]; then
        log "creating $venv with $base_python"
        if ! "$base_python" -m venv "$venv"; then
            # Debian's own python3 needs python3-venv for ensurepip.
            if command -v apt-get >/dev/null 2>&1; then
                local sudo=""
                [[ "$(id -u)" -ne 0 ]] && sudo="sudo"
                log "python3 -m venv failed; installing python3-venv"
                $sudo apt-get update -q
                $sudo apt-get install -y -q python3-venv
                "$base_python" -m venv "$venv"
            else
                log "could not create the virtual environment"
                return 1
            fi
        fi
    fi

    # 2. Python packages, skipped when the stamp matches.
    local files=(requirements.txt)
    [[ "$mode" == test ]] && files+=(requirements-test.txt)
    local hash
    hash="$( { "$py" -c 'import sys; print(sys.version)'; cat "${files[@]}"; } | sha256sum | cut -d' ' -f1)"
    local stamp="$venv/.flashpoint-$mode.stamp"
    if [[ -f "$stamp" && "$(cat "$stamp")" == "$hash" ]]; then
        log "$mode requirements unchanged; skipping pip"
    else
        log "installing $mode requirements (${files[*]})"
        "$py" -m pip install -q --upgrade pip \
            || log "warning: could not upgrade pip; continuing with $("$py" -m pip --version)"
        "$py" -m pip install -q -r "${files[-1]}"
        printf '%s\n' "$hash" > "$stamp"
        if [[ "$mode" == test ]]; then
            # requirements-test.txt includes requirements.txt: runtime is current too.
            { "$py" -c 'import sys; print(sys.version)'; cat requirements.txt; } \
                | sha256sum | cut -d' ' -f1 > "$venv/.flashpoint-runtime.stamp"
        fi
    fi

    # 3. Gazetteer cache.
    if [[ -f geodata/build.py || -f geodata/build/__init__.py || -f geodata/build/__main__.py ]]; then
        log "building the gazetteer cache (python -m geodata.build)"
        "$py" -m geodata.build
    else
        log "warning: geodata/build.py does not exist yet; skipping the gazetteer cache"
    fi

    # 4. The map's label glyphs, from Debian's DejaVu Sans (layers/glyphs.py; quick when current). Without
    # the font the map still works offline: MapLibre then draws each label's characters itself, more slowly.
    local font=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
    if [[ ! -f "$font" ]] && command -v apt-get >/dev/null 2>&1; then
        local sudo=""
        [[ "$(id -u)" -ne 0 ]] && sudo="sudo"
        log "installing fonts-dejavu-core for the map's label glyphs"
        { $sudo apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q fonts-dejavu-core; } \
            || log "warning: could not install fonts-dejavu-core"
    fi
    if [[ -f "$font" ]]; then
        log "building the map's label glyphs (python -m layers.glyphs)"
        "$py" -m layers.glyphs
    else
        log "warning: $font missing; the map will draw its labels in the browser"
    fi
    log "ready ($mode)"
)

flashpoint_setup "$@"
