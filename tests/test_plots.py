"""Figures: label placement, margins, and files that are the same bytes every time."""

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from conftest import LONG, SHORT

from analysis import plots, terms


@pytest.fixture(scope="module")
def dist(seeds):
    d = terms.distinctive(terms.count_table(seeds.tokens))
    return d[d["article_id"] == SHORT]


PAIR = {SHORT: "Short wire piece", "rest": "Long feature"}


def label_boxes(fig):
    fig.canvas.draw()
    ax = fig.axes[0]
    r = fig.canvas.get_renderer()
    return ax.get_window_extent(r), {a.get_text(): a.get_window_extent(r) for a in ax.texts}


def test_scatter_labels_are_inside_the_axes_and_never_overlap(dist):
    plots.setup()
    fig = plots.frequency_scatter(dist, PAIR, n_labels=25)
    axbox, boxes = label_boxes(fig)
    assert len(boxes) >= 12  # most of the 25 candidates find a place on the seeds
    assert {"anthropic", "distillation"} <= set(boxes)
    for t, b in boxes.items():
        assert axbox.x0 <= b.x0 and b.x1 <= axbox.x1 and axbox.y0 <= b.y0 and b.y1 <= axbox.y1, t
    items = list(boxes.items())
    for i, (t1, b1) in enumerate(items):
        for t2, b2 in items[i + 1 :]:
            assert not b1.overlaps(b2), (t1, t2)  # measured on the drawn figure, not the placement estimate
    plt.close(fig)


def test_labels_that_fit_nowhere_are_left_out():
    plots.setup()
    fig, ax = plt.subplots(figsize=(3, 3))
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    words = [f"word{i}" for i in range(30)]  # thirty labels on one point: at most eight offsets exist
    placed = plots._place_labels(ax, [0.5] * 30, [0.5] * 30, words)
    assert 1 <= len(placed) <= 8 and placed == words[: len(placed)]
    assert len(ax.texts) == len(placed)  # nothing left behind from the attempts
    plt.close(fig)


def test_margin_grows_with_the_longest_label():
    narrow, wide = plt.figure(figsize=(7.5, 3)), plt.figure(figsize=(7.5, 3))
    plots.margins(narrow, ["ai"])
    plots.margins(wide, ["a very long speaker description indeed"])
    assert wide.subplotpars.left > narrow.subplotpars.left
    plt.close(narrow)
    plt.close(wide)


def test_save_writes_the_data_and_the_same_png_bytes_twice(dist, tmp_path):
    plots.setup()
    bars = pd.concat([dist.head(5), dist.tail(5)])
    made = []
    for name in ("one", "two"):
        fig = plots.diverging_bars(bars, PAIR, {"|z| = 1.96": 1.96})
        made.append(plots.save(fig, bars, tmp_path, name))
        plt.close(fig)
    (csv1, png1), (csv2, png2) = made
    assert png1.read_bytes() == png2.read_bytes() and csv1.read_bytes() == csv2.read_bytes()
    assert png1.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and b"Software" not in png1.read_bytes()
    back = pd.read_csv(csv1)
    assert back["term"].tolist() == bars["term"].tolist() and back["z"].tolist() == pytest.approx(bars["z"].tolist(), rel=1e-5)  # 6 significant digits


def test_diverging_bars_draw_one_bar_per_term_with_its_counts(dist):
    plots.setup()
    bars = pd.concat([dist.head(4), dist.tail(4)])
    fig = plots.diverging_bars(bars, PAIR, {"a": 1.96})
    ax = fig.axes[0]
    assert len(ax.patches) == 8
    notes = {t.get_text() for t in ax.texts}
    assert {f"{r['count']} vs {r['count_rest']}" for _, r in bars.iterrows()} == notes
    assert [t.get_text() for t in ax.get_yticklabels()] == bars.sort_values(["z", "term"])["term"].tolist()
    plt.close(fig)


def test_dispersion_marks_every_occurrence(seeds):
    plots.setup()
    disp = terms.dispersion(seeds, ["anthropic", "china"], kinds=["body"])
    fig = plots.dispersion(disp, ["anthropic", "china"], seeds.labels())
    marks = sum(len(c.get_segments()) for ax in fig.axes for c in ax.collections)
    assert marks == len(disp) and len(disp[disp["article_id"] == LONG]) > 0
    plt.close(fig)


def test_published_figures_carry_a_description(dist, tmp_path):
    plots.setup()
    bars = pd.concat([dist.head(3), dist.tail(3)])
    img = plots.publish(plots.diverging_bars(bars, PAIR, {"a": 1.96}), bars, tmp_path, "bars")
    alt = img.metadata["alt"]
    assert alt.startswith("Top distinctive terms each way as bars of z")  # what the figure is
    assert "x: z (log-odds, informative prior)" in alt  # its axis
    assert alt.endswith(f"Data: {tmp_path.name}/bars.csv")  # where its numbers are
    assert img.data == (tmp_path / "bars.png").read_bytes()  # and the display is the saved file
    assert not plt.get_fignums()  # closed once published
