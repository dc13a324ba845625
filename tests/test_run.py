"""The main job on someone else's articles: separate output folder, committed notebooks untouched."""

import json
import re

import nbformat
import pytest
from conftest import ROOT

from analysis import CorpusError
from analysis.run import coalesce_streams, markdown_literal, notebooks, render_html, run_all

ARTICLES = {
    "a_city.txt": "Council approves budget\n\nThe city council approved the budget on Monday, the mayor said. "
    "Critics called it reckless.\nThe vote was 7 to 2.\n",
    "b_paper.txt": "The budget passed after a long debate. “This is a good day,” said Mayor Lee. "
    "Opponents said taxes would rise.\nA final vote is due in June.\n",
    "c_blog.md": "# Budget passes\n\nCouncil members voted 7-2 for the plan. Residents were divided.\n",
}


def problems(nb_path):
    """Error outputs and stderr text of an executed notebook."""
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    return [o for c in nb["cells"] if c["cell_type"] == "code" for o in c["outputs"]
            if o["output_type"] == "error" or o.get("name") == "stderr"]


def printed(nb_path) -> str:
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    return "".join("".join(o["text"]) for c in nb["cells"] if c["cell_type"] == "code" for o in c["outputs"]
                   if o.get("name") == "stdout")


def shown(nb_path) -> str:
    """The Markdown the notebook's cells displayed (computed findings)."""
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    return "".join("".join(o["data"]["text/markdown"]) for c in nb["cells"] if c["cell_type"] == "code"
                   for o in c["outputs"] if "text/markdown" in o.get("data", {}))


def test_run_on_own_articles_writes_elsewhere(tmp_path):
    src = tmp_path / "articles"
    src.mkdir()
    for name, text in ARTICLES.items():
        (src / name).write_text(text, encoding="utf-8")
    committed = {p: p.read_bytes() for p in (ROOT / "notebooks").glob("*.ipynb")}
    out = tmp_path / "out"
    done = run_all(articles=src, out=out, log=lambda *_: None)
    assert [p.name for p in done] == [p.name for p in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))]
    for nb_path in done[1:]:  # every notebook runs cleanly on these articles
        assert not problems(nb_path), (nb_path.name, problems(nb_path))
    nb = json.loads(done[0].read_text(encoding="utf-8"))
    first = "".join(nb["cells"][0]["source"])
    assert nb["cells"][0]["cell_type"] == "markdown" and f"Run on 3 articles from {markdown_literal(str(src))}." in first
    nbformat.validate(nbformat.reads(done[0].read_text(encoding="utf-8"), as_version=4))
    outputs = [o for c in nb["cells"] if c["cell_type"] == "code" for o in c["outputs"]]
    assert not [o for o in outputs if o["output_type"] == "error"]
    assert not [o for o in outputs if o.get("name") == "stderr"]
    text = json.dumps(nb)
    assert "a_city" in text and "c_blog" in text and "000_114e8d6102804466" not in text
    report = (out / "reports" / "01_corpus.html").read_text(encoding="utf-8")
    assert len(report) > 10_000 and "data:image/png;base64," in report  # the figure travels inside the page
    # Nothing is fetched when the report is opened: no remote script, stylesheet, image or module import.
    assert not re.search(r"""(src|href)=["']?https?:|import\(["']https?:|@import\s+url\(["']?https?:""", report)
    assert (out / "results" / "01_corpus" / "sentence_lengths.csv").read_text().count("\n") >= 5
    assert {p: p.read_bytes() for p in (ROOT / "notebooks").glob("*.ipynb")} == committed


def test_run_refuses_bad_folders_before_any_kernel(tmp_path):
    (tmp_path / "one.txt").write_text("Only one article.", encoding="utf-8")
    with pytest.raises(CorpusError, match="at least two"):
        run_all(articles=tmp_path, out=tmp_path / "out")
    (tmp_path / "two.txt").write_bytes(b"\xff\xfd bad")
    with pytest.raises(CorpusError, match=r"two\.txt: not valid UTF-8 at byte offset 0"):
        run_all(articles=tmp_path, out=tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_committed_notebooks_render_as_offline_reports(tmp_path):
    nb = ROOT / "notebooks" / "04_framing.ipynb"
    render_html(nb, tmp_path / "r.html")
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "cdnjs" not in html and "<script src=" not in html
    tags = re.findall(r"<img [^>]*>", html)
    assert len(tags) == 3 and all('src="data:image/png;base64,' in t for t in tags)  # every figure, embedded
    imgs = [re.search(r'alt="([^"]*)"', t).group(1) for t in tags]  # each with its description
    assert imgs[0].startswith("Cumulative share of body words") and imgs[0].endswith("Data: 04_framing/cumulative_voice.csv")
    assert "No description has been provided" not in html
    assert "Entman" in html  # the narrative is there, not just the outputs


def test_run_on_two_tiny_articles_without_quotes_explains_instead_of_failing(tmp_path):
    # The first thing a newcomer may try: two short texts, nobody quoted, no word used twice.
    src = tmp_path / "tiny"
    src.mkdir()
    (src / "x.txt").write_text("The river rose. Farmers moved their cattle to higher ground.\n", encoding="utf-8")
    (src / "y.txt").write_text("Rain fell for days. The bridge closed on Tuesday.\n", encoding="utf-8")
    done = run_all(articles=src, out=tmp_path / "out", only=["02", "03", "04"], log=lambda *_: None)
    assert len(done) == 3 and not [p.name for p in done if problems(p)]
    terms_nb, quotes_nb, framing_nb = (printed(p) + shown(p) for p in done)
    assert "No term is used often enough in these articles to test whether it distinguishes them" in terms_nb
    assert "larger than chance" not in terms_nb
    assert "x: no attributed speech found." in quotes_nb and "direct quotation" not in quotes_nb
    assert "No article opens with a summary that repeats its body" in framing_nb
    report = (tmp_path / "out" / "reports" / "03_quote_attribution.html").read_text(encoding="utf-8")
    assert "No attributed speech found" in report  # the figure's own explanation, in its alt text


def test_run_on_articles_with_no_content_words_runs_every_notebook(tmp_path):
    # "It is what it is." has body words but none that is not a stopword, and neither has the markup
    # article (its tag names are not words): only one article has content words to compare.
    src = tmp_path / "odd"
    src.mkdir()
    (src / "a_stopwords.txt").write_text("It is what it is.\n", encoding="utf-8")
    (src / "b_markup.txt").write_text("<div><p>It is.</p></div>\n", encoding="utf-8")
    (src / "c_normal.txt").write_text("The council approved the budget on Monday, the mayor said.\n", encoding="utf-8")
    done = run_all(articles=src, out=tmp_path / "out", log=lambda *_: None)
    assert len(done) == len(notebooks()) == 7 and not [(p.name, problems(p)) for p in done if problems(p)]


def test_prints_split_over_several_stream_messages_are_written_as_one():
    """A cell's prints arrive in one stream message or several, by timing; the written notebook is the same."""
    cell = nbformat.v4.new_code_cell("print(1); print(2)", outputs=[
        nbformat.v4.new_output("stream", name="stdout", text="1\n"),
        nbformat.v4.new_output("stream", name="stdout", text="2\n"),
        nbformat.v4.new_output("stream", name="stderr", text="warn\n"),
        nbformat.v4.new_output("stream", name="stdout", text="3\n")])
    nb = nbformat.v4.new_notebook(cells=[cell, nbformat.v4.new_markdown_cell("text")])
    coalesce_streams(nb)
    assert [(o["name"], o["text"]) for o in nb.cells[0].outputs] == [("stdout", "1\n2\n"), ("stderr", "warn\n"), ("stdout", "3\n")]
