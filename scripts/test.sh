#!/usr/bin/env bash
# Builds the solution and runs every test executable (xunit v3), then prints one line:
#   N passed, N failed, N skipped
# NVRTC compile tests always run: NVRTC is installed into .cache/ when the machine has none.
# GPU tests skip on a machine without a CUDA GPU.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source scripts/nvrtc-env.sh || { echo "could not install NVRTC"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }
export KITTENS_CACHE_DIR="${KITTENS_CACHE_DIR:-$root/.cache/kernels}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if ! dotnet build Kittens.sln -c Release -nologo -v q; then
  echo "build failed"
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

passed=0 failed=0 skipped=0 status=0
for proj in tests/*/*.csproj; do
  name=$(basename "$proj" .csproj)
  exe="$(dirname "$proj")/bin/Release/net10.0/$name"
  log=$(mktemp)
  "$exe" -noColor "$@" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  summary=$(grep -E 'Total: [0-9]+, Errors: [0-9]+, Failed: [0-9]+, Skipped: [0-9]+' "$log" | tail -1)
  rm -f "$log"
  if [[ -z "$summary" ]]; then echo "$name: no test summary (exit $rc)"; failed=$((failed + 1)); status=1; continue; fi
  total=$(sed -E 's/.*Total: ([0-9]+).*/\1/' <<<"$summary")
  errors=$(sed -E 's/.*Errors: ([0-9]+).*/\1/' <<<"$summary")
  fails=$(sed -E 's/.*Failed: ([0-9]+).*/\1/' <<<"$summary")
  skips=$(sed -E 's/.*Skipped: ([0-9]+).*/\1/' <<<"$summary")
  notrun=$(sed -E 's/.*Not Run: ([0-9]+).*/\1/' <<<"$summary")
  passed=$((passed + total - fails - skips - notrun))
  failed=$((failed + fails + errors))
  skipped=$((skipped + skips))
  [[ $rc -ne 0 || $fails -ne 0 || $errors -ne 0 ]] && status=1
done
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
