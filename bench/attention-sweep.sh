#!/usr/bin/env bash
# On the GPU machine: the sm_90a attention kernels beside PyTorch SDPA's flash and cuDNN backends,
# same shapes, interleaved config by config (B·N = 32768 tokens; H·D = 2048). Prints one table.
# Usage: bash bench/attention-sweep.sh   (after scripts/gpu-pack.sh; .gpu/ carried along)
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
example="dotnet $root/.gpu/attention/Kittens.Examples.Attention.dll"
printf '| D | N | B | H | causal | Kittens TFLOP/s | rel. L2 | SDPA flash | SDPA cuDNN | vs flash | vs cuDNN |\n|---|---|---|---|---|---|---|---|---|---|---|\n'
for d in 64 96 128 256; do
  h=$((2048 / d))
  for n in 1024 4096 16384; do
    b=$((32768 / n))
    for causal in no yes; do
      flag=""; [[ $causal == yes ]] && flag="--causal"
      ours=$($example --only sm_90a --dim $d --causal $causal --batch $b --heads $h --seq $n --iters 30 --check-heads 1 2>&1 | grep 'TFLOP/s' | tail -1)
      flash=$(python3 "$root/bench/sdpa.py" --backend flash --batch $b --heads $h --seq $n --dim $d $flag 2>&1 | grep -o '[0-9.]* TFLOP/s' | cut -d' ' -f1)
      cudnn=$(python3 "$root/bench/sdpa.py" --backend cudnn --batch $b --heads $h --seq $n --dim $d $flag 2>&1 | grep -o '[0-9.]* TFLOP/s' | cut -d' ' -f1)
      tf=$(grep -o '[0-9.]* TFLOP/s' <<<"$ours" | cut -d' ' -f1)
      err=$(grep -o 'rel. L2 error [^ ]* [a-zA-Z]*' <<<"$ours" | cut -d' ' -f4-)
      ratio() { python3 -c "print(f'{float(\"$1\")/float(\"$2\"):.2f}x')" 2>/dev/null || echo "-"; }
      printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$d" "$n" "$b" "$h" "$causal" "${tf:--}" "${err:--}" "${flash:--}" "${cudnn:--}" "$(ratio "$tf" "$flash")" "$(ratio "$tf" "$cudnn")"
    done
  done
done
