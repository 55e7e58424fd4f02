#!/usr/bin/env bash
# The main job: builds and runs the FlashAttention example end to end.
# Extra arguments go to the example (e.g. --batch 16 --heads 16 --seq 4096).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source scripts/nvrtc-env.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet run --project examples/Attention -c Release -- "$@"
