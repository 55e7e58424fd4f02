# Sourced by the scripts: makes NVRTC findable. An NVRTC already on the loader path (a CUDA
# install) wins; otherwise the project installs its own copy (scripts/install-nvrtc.sh) and
# points KITTENS_NVRTC at it.
if [[ -z "${KITTENS_NVRTC:-}" ]] && ! ldconfig -p 2>/dev/null | grep -qE 'libnvrtc\.so(\.1[23])? '; then
  _kittens_nvrtc=$("$(dirname "${BASH_SOURCE[0]}")/install-nvrtc.sh") || return 1
  export KITTENS_NVRTC="$_kittens_nvrtc"
  export LD_LIBRARY_PATH="$(dirname "$_kittens_nvrtc")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
fi
