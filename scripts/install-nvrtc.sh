#!/usr/bin/env bash
# Installs NVRTC 12.4 (Debian trixie non-free: libnvrtc12 + libnvrtc-builtins12.4) into a
# project-local cache, with no root install and no CUDA toolkit: NVRTC compiles sm_90a CUBIN on
# a machine without a GPU. Prints the path of libnvrtc.so.12 on its last line.
#
# The mirror is the one this machine's apt sources already use (the URIs: line of Debian's
# .sources file, or the first deb line of sources.list); nothing here names a host.
# Usage: scripts/install-nvrtc.sh [cache-dir]   (default: .cache/nvrtc under the repo)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cache=${1:-$root/.cache/nvrtc}
lib="$cache/root/usr/lib/x86_64-linux-gnu/libnvrtc.so.12"
if [[ -f "$lib" ]]; then echo "$lib"; exit 0; fi

uri=""
for f in /etc/apt/sources.list.d/*.sources; do
  [[ -f "$f" ]] || continue
  uri=$(awk '/^URIs:/ {print $2; exit}' "$f")
  [[ -n "$uri" && "$uri" != *security* ]] && break
done
if [[ -z "$uri" && -f /etc/apt/sources.list ]]; then
  uri=$(awk '$1=="deb" { for (i=2;i<=NF;i++) if ($i ~ /^[a-z]+:\/\//) { print $i; exit } }' /etc/apt/sources.list)
fi
if [[ -z "$uri" ]]; then echo "install-nvrtc: no Debian mirror found in the apt sources" >&2; exit 1; fi

mkdir -p "$cache/apt/lists/partial" "$cache/apt/archives/partial" "$cache/debs" "$cache/root"
echo "deb [trusted=yes] $uri trixie non-free" > "$cache/apt/sources.list"
opts=(-o "Dir::Etc::SourceList=$cache/apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
      -o "Dir::State::Lists=$cache/apt/lists" -o "Dir::Cache=$cache/apt"
      -o APT::Architecture=amd64 -o Acquire::AllowInsecureRepositories=true
      -o APT::Sandbox::User=root -o Debug::NoLocking=1)
echo "install-nvrtc: fetching libnvrtc12 and libnvrtc-builtins12.4 from trixie non-free" >&2
apt-get "${opts[@]}" -qq update >&2
(cd "$cache/debs" && apt-get "${opts[@]}" -qq download libnvrtc12 libnvrtc-builtins12.4 >&2)
for d in "$cache"/debs/*.deb; do dpkg -x "$d" "$cache/root"; done
[[ -f "$lib" ]] || { echo "install-nvrtc: $lib missing after unpacking" >&2; exit 1; }
echo "$lib"
