#!/usr/bin/env bash
# Builds the NuGet packages Kittens and Kittens.Attention (Release, deterministic) with their
# symbol packages (.snupkg), and the .NET tool package Kittens.Tool (the `kittens` command).
#   scripts/pack.sh [output-folder [build-folder]]
# Packages go to artifacts/packages/ unless an output folder is given; the build happens under
# artifacts/build/ (or the build folder), apart from the bin/ and obj/ of a normal build.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/artifacts/packages}
build=${2:-$root/artifacts/build}
mkdir -p "$out" "$build"
out=$(cd "$out" && pwd)
build=$(cd "$build" && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
cd "$root"
# ContinuousIntegrationBuild: source paths inside the PDBs are normalized, so one commit packs
# the same assemblies wherever it is checked out.
for proj in src/Kittens.Runtime/Kittens.Runtime.csproj src/Kittens.Attention/Kittens.Attention.csproj src/Kittens.Tool/Kittens.Tool.csproj; do
  dotnet pack "$proj" -c Release -nologo -v q -o "$out" --artifacts-path "$build" -p:ContinuousIntegrationBuild=true
done
ls -1 "$out"/*.nupkg "$out"/*.snupkg
