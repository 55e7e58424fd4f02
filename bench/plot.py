"""Bar chart of the attention benchmark: python3 bench/plot.py out.csv docs/attention.png

Reads the CSV that `Kittens.Bench --csv` writes (D, N, B, H, causal, ours_tflops, flash_tflops,
cudnn_tflops, ...) and draws, for every config, three bars: Kittens, SDPA flash, SDPA cuDNN.
"""
import csv
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def value(row, key):
    text = row.get(key, "")
    return float(text) if text not in ("", None) else 0.0


def main():
    if len(sys.argv) != 3:
        raise SystemExit("usage: python3 bench/plot.py results.csv chart.png")
    with open(sys.argv[1], newline="") as f:
        rows = list(csv.DictReader(f))
    if not rows:
        raise SystemExit(f"{sys.argv[1]} has no rows")

    labels = [f"D={r['D']} N={r['N']}\n{'causal' if r['causal'] == 'yes' else 'full'}" for r in rows]
    series = [("Kittens (C#)", "ours_tflops", "#d62728"), ("SDPA flash", "flash_tflops", "#1f77b4"),
              ("SDPA cuDNN", "cudnn_tflops", "#2ca02c")]
    width = 0.27
    fig, ax = plt.subplots(figsize=(max(8, 1.3 * len(rows)), 4.8))
    for i, (name, key, color) in enumerate(series):
        xs = [j + (i - 1) * width for j in range(len(rows))]
        ys = [value(r, key) for r in rows]
        bars = ax.bar(xs, ys, width, label=name, color=color)
        for bar, y in zip(bars, ys):
            if y > 0:
                ax.annotate(f"{y:.0f}", (bar.get_x() + bar.get_width() / 2, y), ha="center", va="bottom", fontsize=7)
    ax.set_xticks(range(len(rows)))
    ax.set_xticklabels(labels, fontsize=8)
    ax.set_ylabel("TFLOP/s (causal: half the FLOPs)")
    ax.set_title("FlashAttention forward, bf16, B·N = 32768, H·D = 2048")
    ax.legend()
    ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    fig.savefig(sys.argv[2], dpi=150)
    print(f"wrote {sys.argv[2]}")


if __name__ == "__main__":
    main()
