"""Static matplotlib figures that render on GitHub, each with its data written as a CSV.

Call :func:`setup` once per notebook; every figure function returns the Figure and takes the
DataFrame it draws, and :func:`save` writes that DataFrame (and the PNG) beside each other.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

PALETTE = ("#1f77b4", "#d95f02", "#1b9e77", "#7570b3", "#e7298a", "#66a61e")


def setup() -> None:
    """Deterministic, readable defaults: PNG output, bundled font, no timestamps in files."""
    mpl.rcParams.update({
        "figure.dpi": 100,
        "savefig.dpi": 100,
        "font.family": "DejaVu Sans",
        "font.size": 10,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.titleweight": "bold",
        "axes.titlesize": 11,
        "svg.hashsalt": "analysis",
        "path.simplify": True,
    })
    try:  # inside IPython: PNG only (SVG embeds ids and dates that change between runs)
        from matplotlib_inline.backend_inline import set_matplotlib_formats

        set_matplotlib_formats("png")
    except ImportError:  # pragma: no cover - matplotlib_inline ships with ipykernel
        pass


def colors(labels) -> dict[str, str]:
    """A stable colour per label, in order."""
    return {lab: PALETTE[i % len(PALETTE)] for i, lab in enumerate(labels)}


def save(fig: plt.Figure, data: pd.DataFrame, folder: Path, name: str) -> tuple[Path, Path]:
    """Write ``name.csv`` (the figure's data) and ``name.png`` into ``folder``; return both paths."""
    folder.mkdir(parents=True, exist_ok=True)
    csv_path, png_path = folder / f"{name}.csv", folder / f"{name}.png"
    data.to_csv(csv_path, index=False, lineterminator="\n")
    fig.savefig(png_path, metadata={"Software": None}, bbox_inches="tight")
    return csv_path, png_path


def sentence_lengths(sentences: pd.DataFrame, labels: dict[str, str]) -> plt.Figure:
    """Sentence length (words) per article: a histogram per article on a shared axis, medians marked."""
    ids = [a for a in labels if a in set(sentences["article_id"])]
    fig, axes = plt.subplots(len(ids), 1, figsize=(7, 1.1 + 1.4 * len(ids)), sharex=True, squeeze=False)
    top = int(sentences["n_words"].max()) if len(sentences) else 1
    bins = np.arange(0, top + 5, 5)
    col = colors(labels.values())
    for ax, aid in zip(axes[:, 0], ids, strict=True):
        n = sentences.loc[sentences["article_id"] == aid, "n_words"]
        ax.hist(n, bins=bins, color=col[labels[aid]], edgecolor="white")
        med = float(np.median(n))
        ax.axvline(med, color="black", linewidth=1, linestyle="--")
        ax.text(med, ax.get_ylim()[1] * 0.95, f" median {med:g} ", va="top", fontsize=9,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
        ax.set_title(f"{labels[aid]} ({len(n)} sentences)", loc="left")
        ax.set_ylabel("sentences")
    axes[-1, 0].set_xlabel("words per sentence (body text)")
    fig.tight_layout()
    return fig
