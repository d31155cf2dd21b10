#!/usr/bin/env bash
# Runs factquiz (release build), installing the system libraries it needs first.
# Arguments are passed on: scripts/run.sh --data-dir /tmp/try, scripts/run.sh check, ...
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
exec cargo run --release --quiet -- "$@"
