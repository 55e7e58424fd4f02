#!/usr/bin/env bash
# Builds what the GPU machine runs (it has a GPU and NVRTC but no .NET SDK) into .gpu/:
# the test executable and the attention example, framework-dependent. Run there with
#   eval "$(bash .gpu/unpack-runtime.sh)"; dotnet .gpu/tests/Kittens.Tests.dll
# (.gpu/ also holds the packed .NET runtime and its unpack script.)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
rm -rf .gpu/tests .gpu/attention
dotnet build tests/Kittens.Tests -c Release -nologo -v q -o .gpu/tests
dotnet build examples/Attention -c Release -nologo -v q -o .gpu/attention
du -sh .gpu
