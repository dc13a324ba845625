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


def all_figures(corpus, atts, actors):
    """Every figure the notebooks publish, drawn from ``corpus``."""
    from analysis import framing, quotes

    labels = corpus.labels()
    first, *others = list(labels)
    pair = {first: labels[first], "rest": labels[others[0]] if len(others) == 1 else "the other articles"}
    d = terms.distinctive(terms.count_table(corpus.tokens))
    d1 = d[d["article_id"] == first]
    lines = {"|z| = 1.96 (one test)": 1.96, "permutation 95% (max |z|)": 1.8}
    eligible = d1[(d1["count"] + d1["count_rest"]) >= 2]
    key = [*d1.head(3)["term"], *d1.tail(3)["term"]]
    body = corpus.sentences.query("kind == 'body'")
    return {
        "sentence_lengths": plots.sentence_lengths(body, labels),
        "frequency_scatter": plots.frequency_scatter(d1, pair),
        "distinctive_bars": plots.diverging_bars(pd.concat([eligible.head(12), eligible.tail(12)]), pair, lines),
        "funnel": plots.funnel(d1, pair, lines),
        "dispersion": plots.dispersion(terms.dispersion(corpus, key, kinds=["body"]), key, labels),
        "first_voice": plots.first_voice(quotes.voices(atts, corpus), labels),
        "cumulative_voice": plots.cumulative_voice(framing.cumulative_voice(corpus, atts, actors), labels),
        "frame_rates": plots.frame_bars(framing.frame_rate(corpus), labels),
        "paragraph_map": plots.paragraph_map(framing.paragraph_voices(corpus, atts, actors), labels),
    }


def drawn_texts(fig):
    """The text a reader sees: titles, axis labels, annotations, legends, figure text, and the tick
    labels of ticks inside each axis's range (matplotlib keeps, but does not draw, the others)."""
    out = list(fig.texts) + [t for legend in fig.legends for t in legend.get_texts()]
    for ax in fig.axes:
        out += [ax.title, ax._left_title, ax._right_title, ax.xaxis.label, ax.yaxis.label, *ax.texts]
        legend = ax.get_legend()
        if legend is not None:
            out += list(legend.get_texts())
        for axis in (ax.xaxis, ax.yaxis):
            lo, hi = sorted(axis.get_view_interval())
            eps = (hi - lo) * 1e-9
            out += [t.label1 for t in axis.get_major_ticks() if lo - eps <= t.get_loc() <= hi + eps]
    return out


@pytest.mark.parametrize("story", ["seeds", "fixture story"])
def test_every_text_lies_inside_its_figure_at_a_readable_size(seeds, story):
    from conftest import FIXTURES, SEEDS

    from analysis import framing, load_corpus, quotes

    corpus = seeds if story == "seeds" else load_corpus(FIXTURES / "story")
    folder = SEEDS if story == "seeds" else FIXTURES / "story"
    atts = quotes.extract(corpus)
    plots.setup()
    for name, fig in all_figures(corpus, atts, framing.load_actors(folder / "actors.csv")).items():
        assert fig.dpi >= 150, name
        fig.canvas.draw()
        r = fig.canvas.get_renderer()
        box = fig.bbox
        texts = [t for t in drawn_texts(fig) if t.get_visible() and t.get_text().strip()]
        for t in texts:
            b = t.get_window_extent(r)
            assert box.x0 - 1 <= b.x0 and b.x1 <= box.x1 + 1 and box.y0 - 1 <= b.y0 and b.y1 <= box.y1 + 1, (name, t.get_text())
            assert t.get_fontsize() >= 9, (name, t.get_text(), t.get_fontsize())
        plt.close(fig)


def test_figures_with_a_panel_per_article_draw_a_few_and_say_so(tmp_path):
    from analysis import load_corpus, quotes

    for k in range(9):
        (tmp_path / f"a{k}.txt").write_text(f"The council met on day {k}. \u201cWe will act,\u201d said Jane Roe.\n", encoding="utf-8")
    c = load_corpus(tmp_path)
    plots.setup()
    body = c.sentences[c.sentences["kind"] == "body"]
    for fig in (plots.sentence_lengths(body, c.labels()), plots.first_voice(quotes.voices(quotes.extract(c), c), c.labels())):
        assert len(fig.axes) == plots.MAX_PANELS
        notes = [t.get_text() for t in fig.texts]
        assert f"The first {plots.MAX_PANELS} of 9 articles are drawn; the CSV beside the figure has all of them." in notes
        plt.close(fig)
    fig = plots.sentence_lengths(body[body["article_id"].isin(["a0", "a1"])], c.labels())
    assert len(fig.axes) == 2 and not fig.texts
    plt.close(fig)
