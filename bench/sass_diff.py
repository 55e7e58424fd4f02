"""Compiles CUDA translation units the way the Kittens runtime does (NVRTC, the runtime's options,
the tile headers from src/Kittens.Runtime/include) and compares their SASS (cuobjdump), with
line-number comments left out: an A/B of two generated kernels without running them.

Usage: python3 bench/sass_diff.py [--include-a DIR] OUT_DIR A.cu B.cu [C.cu D.cu ...]   (pairs: A against B, ...)
--include-a compiles the A side against the headers in DIR (another commit's include folder), so a
change to the headers themselves is compared too.
Prints one line per pair: identical, or the number of differing SASS lines (a diff in OUT_DIR).
"""
import difflib
import os
import re
import subprocess
import sys

from cuda.bindings import nvrtc

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INCLUDE = os.path.join(ROOT, "src", "Kittens.Runtime", "include")
OPTIONS = [b"-std=c++17", b"--gpu-architecture=sm_90a", b"-default-device", b"--use_fast_math", b"-lineinfo"]


def check(result):
    err = result[0]
    if err != nvrtc.nvrtcResult.NVRTC_SUCCESS:
        raise RuntimeError(f"NVRTC: {err}")
    return result[1:] if len(result) > 2 else (result[1] if len(result) == 2 else None)


def cubin(path, include):
    source = open(path, "rb").read()
    program = check(nvrtc.nvrtcCreateProgram(source, path.encode(), 0, [], []))
    options = OPTIONS + [b"-I" + include.encode()]
    err, = nvrtc.nvrtcCompileProgram(program, len(options), options)
    size = check(nvrtc.nvrtcGetProgramLogSize(program))
    log = b" " * size
    nvrtc.nvrtcGetProgramLog(program, log)
    if err != nvrtc.nvrtcResult.NVRTC_SUCCESS:
        raise RuntimeError(f"{path}: {err}\n{log.decode(errors='replace')}")
    size = check(nvrtc.nvrtcGetCUBINSize(program))
    data = b" " * size
    nvrtc.nvrtcGetCUBIN(program, data)
    return data


def sass(path, out_dir, include=INCLUDE, tag=""):
    binary = os.path.join(out_dir, tag + os.path.basename(path) + ".cubin")
    with open(binary, "wb") as f:
        f.write(cubin(path, include))
    text = subprocess.run(["cuobjdump", "-sass", binary], check=True, capture_output=True, text=True).stdout
    # Drop addresses' comments and line-info lines; keep the instructions in order.
    lines = []
    for line in text.splitlines():
        m = re.match(r"\s*/\*[0-9a-f]{4,}\*/\s*(.*?)\s*;", line)
        if m:
            lines.append(m.group(1))
    return lines


def main():
    args = sys.argv[1:]
    include_a = INCLUDE
    if args[:1] == ["--include-a"]:
        include_a, args = os.path.abspath(args[1]), args[2:]
    out_dir, files = args[0], args[1:]
    os.makedirs(out_dir, exist_ok=True)
    for a, b in zip(files[0::2], files[1::2]):
        sa, sb = sass(a, out_dir, include_a, "a_"), sass(b, out_dir, INCLUDE, "b_")
        diff = [l for l in difflib.unified_diff(sa, sb, a, b, lineterm="") if l[:1] in "+-" and l[:3] not in ("+++", "---")]
        name = os.path.basename(a) + "_vs_" + os.path.basename(b)
        if diff:
            with open(os.path.join(out_dir, name + ".diff"), "w") as f:
                f.write("\n".join(difflib.unified_diff(sa, sb, a, b, lineterm="")))
        print(f"{a} vs {b}: {len(sa)} / {len(sb)} SASS instructions, " + ("identical" if not diff else f"{len(diff)} lines differ"))


if __name__ == "__main__":
    main()
