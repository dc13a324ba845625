"""Static matplotlib figures that render on GitHub, each with its data written as a CSV.

Call :func:`setup` once per notebook; every figure function returns the Figure and takes the
DataFrame it draws, and :func:`save` writes that DataFrame (and the PNG) beside each other.
"""

from __future__ import annotations

import functools
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import Image
from matplotlib.ticker import NullFormatter
from matplotlib.transforms import Bbox

from .tables import write_csv

PALETTE = ("#1f77b4", "#d95f02", "#1b9e77", "#7570b3", "#e7298a", "#66a61e")
MAX_PANELS = len(PALETTE)  # articles drawn in a figure with a panel, row or bar per article: one colour each


def _cap(ids: list, limit: int = MAX_PANELS) -> tuple[list, str]:
    """The first ``limit`` article ids, and a line saying how many were left out ("" when none)."""
    if len(ids) <= limit:
        return ids, ""
    return ids[:limit], f"The first {limit} of {len(ids)} articles are drawn; the CSV beside the figure has all of them."


def _note(fig: plt.Figure, left_out: str) -> None:
    """Write the left-out line of :func:`_cap` at the top left of the figure (callers leave 0.25 in)."""
    if left_out:
        fig.text(0.01, 1 - 0.06 / fig.get_figheight(), left_out, fontsize=9, color="#444444", va="top")


def setup() -> None:
    """Deterministic, readable defaults: PNG output, bundled font, no timestamps in files."""
    mpl.rcParams.update({
        "figure.dpi": 150,  # readable at the width GitHub renders a notebook
        "savefig.dpi": 150,
        "font.family": "DejaVu Sans",
        "font.size": 10,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.titleweight": "bold",
        "axes.titlesize": 11,
        "svg.hashsalt": "analysis",
        "path.simplify": True,
        # Labels come from users' files: "$5 story" is text, not mathtext (which would fail or
        # typeset it). No figure here uses math.
        "text.parse_math": False,
    })
    try:  # inside IPython: PNG only (SVG embeds ids and dates that change between runs)
        from matplotlib_inline.backend_inline import set_matplotlib_formats

        set_matplotlib_formats("png")
    except ImportError:  # pragma: no cover - matplotlib_inline ships with ipykernel
        pass


def margins(fig: plt.Figure, labels=(), left: float = 0.09, bottom: float = 0.1, top: float = 0.93,
            right: float = 0.98, **kw) -> None:
    """Fixed margins, wide enough for the longest y tick label: one draw per figure instead of the
    two (or three) that tight or constrained layout need, which keeps notebook runs fast."""
    longest = max((len(str(x)) for x in labels), default=0)
    fig.subplots_adjust(left=max(left, 0.03 + 0.012 * longest * 7.5 / fig.get_figwidth()), bottom=bottom,
                        top=top, right=right, **kw)


def colors(labels) -> dict[str, str]:
    """A stable colour per label, in order."""
    return {lab: PALETTE[i % len(PALETTE)] for i, lab in enumerate(labels)}


def _empty(title: str, why: str) -> plt.Figure:
    """A small figure that says why there is nothing to draw (very short or unusual articles),
    so that a notebook run on other articles shows the reason instead of failing."""
    fig, ax = plt.subplots(figsize=(7.5, 1.2))
    ax.set_axis_off()
    ax.text(0.5, 0.4, why, ha="center", va="center", transform=ax.transAxes, color="#444444")
    ax.set_title(title, loc="left")
    fig.set_label(why)
    return fig


def _finite(thresholds: dict[str, float]) -> dict[str, float]:
    """Threshold lines that can be drawn (a permutation over no eligible term gives NaN)."""
    return {k: float(v) for k, v in thresholds.items() if np.isfinite(v)}


def _threshold_lines(draw, thresholds: dict[str, float]) -> None:
    """Lines at +t and -t for each named |z| threshold, one legend entry each; ``draw`` is
    ``ax.axvline`` or ``ax.axhline``."""
    for (name, t), ls in zip(thresholds.items(), ["--", ":", "-."], strict=False):
        for sign in (-1, 1):
            draw(sign * t, color="black", linewidth=0.8, linestyle=ls, label=name if sign > 0 else None)


def save(fig: plt.Figure, data: pd.DataFrame, folder: Path, name: str) -> tuple[Path, Path]:
    """Write ``name.csv`` (the figure's data) and ``name.png`` into ``folder``; return both paths."""
    folder.mkdir(parents=True, exist_ok=True)
    csv_path, png_path = folder / f"{name}.csv", folder / f"{name}.png"
    write_csv(data, csv_path)  # fixed significant digits: the same bytes on every CPU
    fig.savefig(png_path, metadata={"Software": None})  # layout is already tight; "tight" bbox would render twice
    return csv_path, png_path


def _described(func):
    """Label each figure with the first line of its function's docstring (see :func:`describe`)."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        fig = func(*args, **kwargs)
        if not fig.get_label():  # a placeholder from _empty already says why it is empty
            fig.set_label(func.__doc__.strip().splitlines()[0])
        return fig

    return wrapper


def describe(fig: plt.Figure) -> str:
    """A text description of a figure: what it shows, then each panel's title and axis labels.

    Used as the image's alt text in the HTML reports, for readers who cannot see the figure.
    """
    parts = [fig.get_label()]
    for ax in fig.axes:
        bits = [ax.get_title(loc="left") or ax.get_title()]
        bits += [f"{axis}: {label}" for axis, label in (("x", ax.get_xlabel()), ("y", ax.get_ylabel())) if label]
        parts.append("; ".join(b for b in bits if b))
    return " ".join(p if p.endswith(".") else p + "." for p in dict.fromkeys(p.strip() for p in parts) if p)


def publish(fig: plt.Figure, data: pd.DataFrame, folder: Path, name: str):
    """Save the figure's CSV and PNG (see :func:`save`), close it, and return the PNG for display.

    The notebook shows exactly the file written to ``results/``, and the figure is rendered
    once instead of twice (once for the file, once for the inline display). The image carries
    alt text (:func:`describe`, and where its data is), which the HTML reports use.
    """
    csv_path, png = save(fig, data, folder, name)
    alt = f"{describe(fig)} Data: {csv_path.parent.name}/{csv_path.name}"
    plt.close(fig)
    return Image(filename=str(png), metadata={"alt": alt})


@_described
def sentence_lengths(sentences: pd.DataFrame, labels: dict[str, str]) -> plt.Figure:
    """Sentence length (words) per article: a histogram per article on a shared axis, medians marked."""
    ids = [a for a in labels if a in set(sentences["article_id"])]
    if not ids:
        return _empty("Sentence lengths", "No body sentences to draw.")
    ids, left_out = _cap(ids)
    fig, axes = plt.subplots(len(ids), 1, figsize=(7, 1.1 + 1.4 * len(ids) + 0.25 * bool(left_out)), sharex=True, squeeze=False)
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
    _note(fig, left_out)
    if left_out:
        margins(fig, left=0.1, bottom=0.7 / fig.get_figheight(), top=1 - 0.6 / fig.get_figheight(), hspace=0.55)
    else:
        margins(fig, left=0.1, bottom=0.13, top=0.92, hspace=0.55)
    return fig


def _place_labels(ax, xs, ys, texts, fontsize: int = 9) -> list:
    """Greedy non-overlapping labels: try eight offsets around each point, skip a label that fits nowhere.

    Each label is measured once; its candidate boxes are that box shifted, so only placed labels
    become artists.
    """
    ax.get_xlim(), ax.get_ylim()  # settle any autoscaling; margins are fixed, so no draw is needed to measure
    renderer = ax.figure.canvas.get_renderer()
    axbox = ax.get_window_extent(renderer)
    pt = ax.figure.dpi / 72  # pixels per offset point
    taken = []
    placed = []
    offsets = [(4, 4), (4, -10), (-4, 4), (-4, -10), (6, -3), (-6, -3), (0, 8), (0, -14)]
    for x, y, t in zip(xs, ys, texts, strict=True):
        probe = ax.annotate(t, (x, y), xytext=(0, 0), textcoords="offset points", fontsize=fontsize, ha="left")
        base = probe.get_window_extent(renderer)  # left edge at the point
        probe.remove()
        for dx, dy in offsets:
            ha = "left" if dx >= 0 else "right"
            sx = dx * pt - (0 if dx >= 0 else base.width)
            box = Bbox.from_extents(base.x0 + sx, base.y0 + dy * pt, base.x1 + sx, base.y1 + dy * pt).expanded(1.05, 1.15)
            inside = axbox.contains(box.x0, box.y0) and axbox.contains(box.x1, box.y1)
            if inside and not any(box.overlaps(b) for b in taken):
                ax.annotate(t, (x, y), xytext=(dx, dy), textcoords="offset points", fontsize=fontsize, ha=ha)
                taken.append(box)
                placed.append(t)
                break
    return placed


@_described
def frequency_scatter(dist: pd.DataFrame, labels: dict[str, str], n_labels: int = 25) -> plt.Figure:
    """Rate per 1,000 words in one article against the other, each term a point (two articles).

    ``dist``: the rows of :func:`analysis.terms.distinctive` for the first article. Axes are
    square-root scaled so that rare terms are not piled at the origin. Labelled: the most
    frequent terms (the big shared words a reader looks for first), then those with the
    largest |z|, ``n_labels`` in all, placed so that no two labels overlap (a label that fits
    nowhere is left out).
    """
    a, b = list(labels)
    if dist.empty:
        return _empty("Each term's rate in the two articles", "No terms to draw.")
    fig, ax = plt.subplots(figsize=(7.5, 7))
    margins(fig, left=0.09, bottom=0.08, top=0.95)  # before placing labels, which measure the axes
    x, y = np.sqrt(dist["per_1000"]), np.sqrt(dist["per_1000_rest"])
    col = colors(labels.values())
    c = np.where(dist["z"] > 0, col[labels[a]], col[labels[b]])
    ax.scatter(x, y, s=12 + 6 * (dist["count"] + dist["count_rest"]), c=c, alpha=0.45, edgecolors="none")
    top = float(max(x.max(), y.max())) * 1.05
    ax.plot([0, top], [0, top], color="grey", linewidth=0.8, linestyle=":")
    ax.set_xlim(0, top)
    ax.set_ylim(0, top)
    ticks = [t for t in (0, 1, 2, 5, 10, 20, 40, 80) if np.sqrt(t) <= top]
    ax.set_xticks(np.sqrt(ticks), [str(t) for t in ticks])
    ax.set_yticks(np.sqrt(ticks), [str(t) for t in ticks])
    ax.set_xlabel(f"{labels[a]}: uses per 1,000 words")
    ax.set_ylabel(f"{labels[b]}: uses per 1,000 words")
    d = dist.assign(absz=dist["z"].abs(), total=dist["count"] + dist["count_rest"])
    frequent = d.sort_values(["total", "term"], ascending=[False, True]).head(n_labels // 2)
    extreme = d.sort_values(["absz", "term"], ascending=[False, True])
    order = pd.concat([frequent, extreme]).drop_duplicates("term").head(n_labels)
    _place_labels(ax, np.sqrt(order["per_1000"]).tolist(), np.sqrt(order["per_1000_rest"]).tolist(), order["term"].tolist())
    ax.set_title("Each term's rate in the two articles (square-root scale; dotted: equal rates)", loc="left")
    return fig


@_described
def diverging_bars(top: pd.DataFrame, labels: dict[str, str], thresholds: dict[str, float]) -> plt.Figure:
    """Top distinctive terms each way as bars of z, with counts written beside each bar.

    ``top``: rows of ``distinctive`` for the first article (positive z: first article).
    ``thresholds``: name -> |z| line to draw (e.g. {"p < 0.05, one test": 1.96}).
    """
    a, b = list(labels)
    thresholds = _finite(thresholds)
    if top.empty:
        return _empty("Most distinctive terms each way", "No term is used twice or more: nothing to rank.")
    col = colors(labels.values())
    top = top.sort_values(["z", "term"], ascending=[True, True]).reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(7.5, 0.75 + 0.28 * len(top)))
    ax.barh(np.arange(len(top)), top["z"], color=[col[labels[a]] if z > 0 else col[labels[b]] for z in top["z"]])
    ax.set_yticks(np.arange(len(top)), top["term"])
    lim = max(float(top["z"].abs().max()), *thresholds.values()) * 1.35
    ax.set_xlim(-lim, lim)
    for i, r in top.iterrows():
        note = f"{r['count']} vs {r['count_rest']}"
        ax.text(r["z"] + (0.04 if r["z"] > 0 else -0.04) * lim, i, note, va="center", fontsize=9,
                ha="left" if r["z"] > 0 else "right", color="#444444")
    _threshold_lines(ax.axvline, thresholds)
    ax.axvline(0, color="black", linewidth=0.6)
    ax.set_xlabel(f"z (log-odds, informative prior)   ← {labels[b]}   |   {labels[a]} →")
    ax.legend(loc="lower right", fontsize=9, frameon=False)
    ax.set_title(f"Most distinctive terms each way\ncounts beside each bar: {labels[a]} vs {labels[b]}", loc="left", fontsize=10)
    margins(fig, top["term"], bottom=0.6 / fig.get_figheight(), top=1 - 0.6 / fig.get_figheight())
    return fig


@_described
def funnel(dist: pd.DataFrame, labels: dict[str, str], thresholds: dict[str, float]) -> plt.Figure:
    """Each term's z against its total frequency: a term used once or twice can only reach a small |z|."""
    a, b = list(labels)
    thresholds = _finite(thresholds)
    col = colors(labels.values())
    total = dist["count"] + dist["count_rest"]
    rng = np.random.default_rng(0)  # fixed jitter so stacked integer counts are visible
    jitter = total * np.exp(rng.uniform(-0.08, 0.08, len(total)))
    fig, ax = plt.subplots(figsize=(7.5, 4.5))
    ax.scatter(jitter, dist["z"], s=14, alpha=0.5, edgecolors="none",
               c=np.where(dist["z"] > 0, col[labels[a]], col[labels[b]]))
    ax.set_xscale("log")
    # Plain numbers (2, 5, 10, ...) instead of 10^n: easier to read, and no mathtext engine to start.
    ticks = [t for t in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000) if t <= max(float(jitter.max()), 1) * 1.2]
    ax.set_xticks(ticks, [str(t) for t in ticks])
    ax.xaxis.set_minor_formatter(NullFormatter())
    _threshold_lines(ax.axhline, thresholds)
    ax.axhline(0, color="grey", linewidth=0.6)
    ax.set_xlabel("total uses in both articles (log scale, jittered)")
    ax.set_ylabel(f"z   ({labels[a]} above, {labels[b]} below)")
    ax.legend(loc="upper right", bbox_to_anchor=(1, 0.86), fontsize=9, frameon=True, framealpha=0.9, edgecolor="none")
    ax.set_title("Funnel: each term's z against how often it is used", loc="left")
    margins(fig, left=0.11, bottom=0.12, top=0.92)
    return fig


@_described
def dispersion(disp: pd.DataFrame, terms_: list[str], labels: dict[str, str]) -> plt.Figure:
    """Where key terms occur through each article (0 = start, 1 = end), one row per term."""
    if not terms_:
        return _empty("Where key terms occur", "No terms to place.")
    ids, left_out = _cap(list(labels), 4)  # side by side: more panels would be too narrow to read
    col = colors(labels.values())
    fig, axes = plt.subplots(1, len(ids), figsize=(7.5, 0.8 + 0.25 * bool(left_out) + 0.32 * len(terms_)), sharey=True,
                             squeeze=False)
    for ax, aid in zip(axes[0], ids, strict=True):
        d = disp[disp["article_id"] == aid]
        for i, t in enumerate(terms_):
            pos = d.loc[d["term"] == t, "position"]
            ax.vlines(pos, i - 0.35, i + 0.35, color=col[labels[aid]], linewidth=1.5)
        ax.set_xlim(0, 1)
        ax.set_yticks(range(len(terms_)), terms_)
        ax.set_ylim(len(terms_) - 0.5, -0.5)
        ax.set_xlabel("position in article")
        ax.set_title(labels[aid], loc="left")
        ax.grid(axis="y", color="#eeeeee")
    _note(fig, left_out)
    margins(fig, terms_, bottom=0.55 / fig.get_figheight(), top=1 - (0.35 + 0.25 * bool(left_out)) / fig.get_figheight(),
            wspace=0.08)
    return fig


MAX_LABEL = 28


def _short(label: str, width: int = MAX_LABEL) -> str:
    """A tick label cut to ``width`` characters with an ellipsis, so a long speaker phrase stays inside the figure."""
    return label if len(label) <= width else label[: width - 1].rstrip() + "…"


@_described
def first_voice(voices: pd.DataFrame, labels: dict[str, str], top: int = 8) -> plt.Figure:
    """Where each speaker is first heard in each article (0 = start, 1 = end), dot size = words given."""
    ids = [a for a in labels if a in set(voices["article_id"])]
    if not ids:
        return _empty("Where each speaker is first heard", "No attributed speech found.")
    ids, left_out = _cap(ids)
    col = colors(labels.values())
    fig, axes = plt.subplots(len(ids), 1, figsize=(7.5, 1.0 + 0.25 * bool(left_out) + 0.35 * top * len(ids)), squeeze=False)
    for ax, aid in zip(axes[:, 0], ids, strict=True):
        v = voices[voices["article_id"] == aid].head(top).sort_values("first", ascending=False).reset_index(drop=True)
        ax.scatter(v["first"], range(len(v)), s=20 + 4 * v["words"], color=col[labels[aid]], alpha=0.7)
        for i, r in v.iterrows():
            right = r["first"] < 0.5
            ax.text(r["first"] + (0.04 if right else -0.04), i, f"{r['words']} words, {r['quoted_words']} in quotation marks",
                    va="center", fontsize=9, color="#444444", ha="left" if right else "right")
        ax.set_yticks(range(len(v)), [_short(x) for x in v["speaker"]])
        ax.set_xlim(0, 1)
        ax.set_ylim(-0.7, len(v) - 0.3)
        ax.set_title(labels[aid], loc="left")
        ax.grid(axis="x", color="#eeeeee")
    axes[-1, 0].set_xlabel("position of the speaker's first attribution (0 = start, 1 = end)\n"
                           "dot area: the speaker's words; colour: the article")
    _note(fig, left_out)
    margins(fig, [_short(x) for x in voices["speaker"]], bottom=0.75 / fig.get_figheight(), top=1 - (0.35 + 0.25 * bool(left_out)) / fig.get_figheight(),
            hspace=0.35)
    return fig


@_described
def cumulative_voice(cum: pd.DataFrame, labels: dict[str, str]) -> plt.Figure:
    """Cumulative share of body words given to each side's speech, through each article."""
    ids = [a for a in labels if a in set(cum["article_id"])]
    if not ids:
        return _empty("Cumulative share of body words spoken", "No attributed speech found.")
    ids, left_out = _cap(ids, 4)
    sides = list(dict.fromkeys(cum["side"]))
    col = dict(zip(sides, PALETTE, strict=False))
    fig, axes = plt.subplots(1, len(ids), figsize=(7.5, 3.4), sharey=True, squeeze=False)
    for ax, aid in zip(axes[0], ids, strict=True):
        d = cum[cum["article_id"] == aid]
        for side in sides:
            s = d[d["side"] == side]
            if s["cumulative_share"].max() > 0:
                ax.step(s["position"], s["cumulative_share"], where="post", color=col[side], label=side)
        ax.set_title(labels[aid], loc="left")
        ax.set_xlim(0, 1)
        ax.set_xlabel("position in article")
        ax.grid(color="#eeeeee")
    axes[0, 0].set_ylabel("share of body words spoken so far")
    _note(fig, left_out)
    drawn = {lab: h for ax in axes[0] for h, lab in zip(*ax.get_legend_handles_labels(), strict=True)}
    if drawn:  # one legend for all panels, whichever panel drew each side
        axes[0, -1].legend(list(drawn.values()), list(drawn), loc="upper left", fontsize=9, frameon=False)
    margins(fig, left=0.09, bottom=0.15, top=0.9 - 0.06 * bool(left_out), wspace=0.08)
    return fig


@_described
def frame_bars(rates: pd.DataFrame, labels: dict[str, str]) -> plt.Figure:
    """Frame keyword hits per 1,000 body words, one bar per article for each frame."""
    frames = [f for f in dict.fromkeys(rates["frame"]) if rates.loc[rates["frame"] == f, "hits"].sum() > 0]
    if not frames:
        return _empty("Frame keywords per 1,000 body words", "No frame keyword found in the body text.")
    ids, left_out = _cap([a for a in labels if a in set(rates["article_id"])])
    col = colors(labels.values())
    fig, ax = plt.subplots(figsize=(7.5, 0.6 + 0.25 * bool(left_out) + 0.42 * len(frames) * max(1, len(ids) / 3)))
    h = 0.8 / len(ids)
    for k, aid in enumerate(ids):
        d = rates[rates["article_id"] == aid].set_index("frame").reindex(frames)
        y = np.arange(len(frames)) + k * h
        ax.barh(y, d["per_1000"], height=h, color=col[labels[aid]], label=labels[aid])
        for yy, (rate, hits) in zip(y, zip(d["per_1000"], d["hits"], strict=True), strict=True):
            ax.text(rate + 0.3, yy, str(int(hits)), va="center", fontsize=9, color="#444444")
    ax.set_yticks(np.arange(len(frames)) + 0.4 - h / 2, [f.replace("_", " ") for f in frames])
    ax.invert_yaxis()
    ax.set_xlabel("keyword hits per 1,000 body words (hits beside each bar)")
    ax.legend(loc="lower right", fontsize=9, frameon=False)
    _note(fig, left_out)
    margins(fig, [f.replace("_", " ") for f in frames], bottom=0.55 / fig.get_figheight(), top=1 - (0.2 + 0.25 * bool(left_out)) / fig.get_figheight())
    return fig


@_described
def paragraph_map(pv: pd.DataFrame, labels: dict[str, str]) -> plt.Figure:
    """Who speaks in each body paragraph, in order: one row of cells per article, each cell coloured
    by the side with the most words in that paragraph and labelled with that voice."""
    ids = [a for a in labels if a in set(pv["article_id"])]
    if not ids:
        return _empty("Who speaks, paragraph by paragraph", "No body paragraph to draw.")
    ids, left_out = _cap(ids)
    lead = pv[pv["lead"] & pv["article_id"].isin(ids)]
    sides = ["narrator", *sorted(s for s in set(lead["side"]) if s != "narrator")]
    col = {"narrator": "#dddddd", **{s: PALETTE[i % len(PALETTE)] for i, s in enumerate(sides[1:])}}
    width = int(lead.groupby("article_id")["order"].max().max()) + 1
    fig, ax = plt.subplots(figsize=(7.5, 1.5 + 0.25 * bool(left_out) + 0.55 * len(ids)))
    for row_i, aid in enumerate(ids):
        d = lead[lead["article_id"] == aid]
        for r in d.itertuples(index=False):
            ax.add_patch(plt.Rectangle((r.order, row_i - 0.4), 0.95, 0.8, color=col[r.side], linewidth=0))
    for side in sides:
        ax.bar(0, 0, color=col[side], label=side)  # legend entries only
    ax.set_xlim(-0.1, width)
    step = max(1, int(np.ceil(width / 20)))  # at most about 20 tick labels
    ax.set_xticks([i + 0.475 for i in range(0, width, step)], [str(i + 1) for i in range(0, width, step)])
    ax.set_ylim(len(ids) - 0.5, -0.5)
    ax.set_yticks(range(len(ids)), [labels[a] for a in ids])
    ax.set_xlabel("body paragraph, in reading order; colour: the side with the most words in it")
    _note(fig, left_out)
    fig.legend(*ax.get_legend_handles_labels(), loc="lower left", bbox_to_anchor=(0.01, 0.01), ncol=min(len(sides), 5),
               fontsize=9, frameon=False)
    ax.set_title("Who speaks, paragraph by paragraph", loc="left")
    for spine in ("left", "bottom"):
        ax.spines[spine].set_visible(False)
    ax.tick_params(axis="y", length=0)
    margins(fig, [labels[a] for a in ids], bottom=1.15 / fig.get_figheight(),
            top=1 - (0.35 + 0.25 * bool(left_out)) / fig.get_figheight())
    return fig


@_described
def fact_order(order_: pd.DataFrame, labels: dict[str, str]) -> plt.Figure:
    """Where each matched fact sits in two articles: a point per matched sentence pair, its position
    in the first article against its position in the second; off the diagonal, a fact is promoted
    (below) or buried (above) by the second article."""
    title = "Where shared facts sit in each article"
    pairs = list(dict.fromkeys(zip(order_["article_id"], order_["match_article"], strict=True)))
    if not pairs:
        return _empty(title, "No sentence of one article has a counterpart in another.")
    a, b = pairs[0]
    d = order_[(order_["article_id"] == a) & (order_["match_article"] == b)]
    fig, ax = plt.subplots(figsize=(5.6, 5.2))
    ax.plot([0, 1], [0, 1], color="#999999", linewidth=1, linestyle="--", zorder=1)
    ax.fill_between([0, 1], [0.25, 1.25], [1.25, 1.25], color="#f3e0d0", zorder=0, linewidth=0)
    ax.fill_between([0, 1], [-0.25, -0.25], [-0.25, 0.75], color="#d7e6f3", zorder=0, linewidth=0)
    for status, marker, color in (("shared", "o", PALETTE[0]), ("partial", "s", PALETTE[1])):
        g = d[d["status"] == status]
        ax.scatter(g["position"], g["match_position"], marker=marker, s=36, color=color, label=f"{status} ({len(g)})",
                   zorder=3, edgecolor="white", linewidth=0.5)
        for r in g.itertuples(index=False):
            ax.annotate(f"{r.sentence}→{r.match_sentence}", (r.position, r.match_position), xytext=(4, 3),
                        textcoords="offset points", fontsize=9, color="#444444")
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(-0.02, 1.02)
    ax.set_aspect("equal")
    ax.set_xlabel(f"position in {labels.get(a, a)} (0 = first sentence, 1 = end)")
    ax.set_ylabel(f"position in {labels.get(b, b)}")
    ax.text(0.02, 0.97, "told later: buried", fontsize=9, color="#8a4b16", va="top")
    ax.text(0.98, 0.03, "told earlier: promoted", fontsize=9, color="#1f4e79", ha="right")
    ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=2, fontsize=9, frameon=False)
    note = f" (first of {len(pairs)} pairs of articles)" if len(pairs) > 1 else ""
    ax.set_title(title + note, loc="left", pad=24)
    margins(fig, bottom=0.11, top=0.86, left=0.13)
    return fig


MAX_GROUPS = 20  # bars drawn in a figure with one bar per group


@_described
def group_quoting(quoting: pd.DataFrame) -> plt.Figure:
    """How each group quotes: the shares of direct, mixed and indirect speech among its body
    attributions, one stacked bar per group, with attributions per 1,000 body words beside each bar."""
    q = quoting.dropna(subset=["direct"])
    if q.empty:
        return _empty("How each group quotes", "No attribution in the body text of any group.")
    left_out = "" if len(q) <= MAX_GROUPS else \
        f"The first {MAX_GROUPS} of {len(q)} groups are drawn; the CSV beside the figure has all of them."
    q = q.head(MAX_GROUPS)
    names = [_short(str(g)) for g in q["group"]]
    fig, ax = plt.subplots(figsize=(7.5, 1.3 + 0.25 * bool(left_out) + 0.35 * len(q)))
    y, left = np.arange(len(q)), np.zeros(len(q))
    for kind, color in zip(("direct", "mixed", "indirect"), PALETTE, strict=False):
        share = q[kind].to_numpy(dtype=float)
        ax.barh(y, share, left=left, height=0.7, color=color, label=kind)
        left += share
    for yy, rate in zip(y, q["per_1000"], strict=True):
        ax.text(1.01, yy, f"{rate:.1f}", va="center", fontsize=9, color="#444444")
    ax.set_yticks(y, names)
    ax.invert_yaxis()
    ax.set_xlim(0, 1.12)
    ax.set_xlabel("share of the group's body attributions\n(beside each bar: attributions per 1,000 body words)")
    ax.legend(loc="lower right", fontsize=9, frameon=False, ncols=3, bbox_to_anchor=(1, 1))
    _note(fig, left_out)
    margins(fig, names, bottom=0.8 / fig.get_figheight(), top=1 - (0.45 + 0.25 * bool(left_out)) / fig.get_figheight())
    return fig
