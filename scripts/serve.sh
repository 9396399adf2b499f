#!/usr/bin/env bash
# Set up (if needed) and serve the Flashpoint dashboard.
#
#   bash scripts/serve.sh [extra streamlit options]
#
# FLASHPOINT_PORT     port to listen on (default 8501)
# FLASHPOINT_ADDRESS  address to bind (default: Streamlit's own default)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

bash scripts/setup.sh

args=(--server.headless true --browser.gatherUsageStats false
      --server.port "${FLASHPOINT_PORT:-8501}")
if [[ -n "${FLASHPOINT_ADDRESS:-}" ]]; then
    args+=(--server.address "$FLASHPOINT_ADDRESS")
fi
echo "[serve] Flashpoint at http://${FLASHPOINT_ADDRESS:-localhost}:${FLASHPOINT_PORT:-8501}" >&2
exec .venv/bin/streamlit run dashboard.py "${args[@]}" "$@"
