#!/usr/bin/env bash
# Publishes the attention example as one Native AOT executable (self-contained; no .NET runtime
# needed where it runs, only the CUDA driver and NVRTC):
#   scripts/publish-aot.sh [output-folder [runtime-id [build-folder]]]
# Output: artifacts/aot/Kittens.Examples.Attention unless a folder is given; runtime id linux-x64
# by default; the build happens under artifacts/aot-build/ (or the build folder), apart from the
# bin/ and obj/ of a normal build. Needs a C toolchain (clang or gcc) for the native link.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/artifacts/aot}
rid=${2:-linux-x64}
build=${3:-$root/artifacts/aot-build}
mkdir -p "$out" "$build"
out=$(cd "$out" && pwd)
build=$(cd "$build" && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
cd "$root"
dotnet publish examples/Attention -c Release -r "$rid" -nologo -v q -o "$out" --artifacts-path "$build"
echo "$out/Kittens.Examples.Attention"
