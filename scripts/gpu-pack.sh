#!/usr/bin/env bash
# Builds what the GPU machine runs (it has a GPU and NVRTC but no .NET SDK) into .gpu/:
# the test executable, the attention example and the benchmark, framework-dependent. Run there with
#   eval "$(bash .gpu/unpack-runtime.sh)"; dotnet .gpu/tests/Kittens.Tests.dll
# (.gpu/ also holds the packed .NET runtime and its unpack script.)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
rm -rf .gpu/tests .gpu/attention .gpu/bench
dotnet build tests/Kittens.Tests -c Release -nologo -v q -o .gpu/tests
dotnet build examples/Attention -c Release -nologo -v q -o .gpu/attention
dotnet build bench/Kittens.Bench -c Release -nologo -v q -o .gpu/bench
du -sh .gpu
