"""The main job on someone else's articles: separate output folder, committed notebooks untouched."""

import json
import re

import nbformat
import pytest
from conftest import ROOT

from analysis import CorpusError
from analysis.run import render_html, run_all

ARTICLES = {
    "a_city.txt": "Council approves budget\n\nThe city council approved the budget on Monday, the mayor said. "
    "Critics called it reckless.\nThe vote was 7 to 2.\n",
    "b_paper.txt": "The budget passed after a long debate. “This is a good day,” said Mayor Lee. "
    "Opponents said taxes would rise.\nA final vote is due in June.\n",
    "c_blog.md": "# Budget passes\n\nCouncil members voted 7-2 for the plan. Residents were divided.\n",
}


def test_run_on_own_articles_writes_elsewhere(tmp_path):
    src = tmp_path / "articles"
    src.mkdir()
    for name, text in ARTICLES.items():
        (src / name).write_text(text, encoding="utf-8")
    committed = {p: p.read_bytes() for p in (ROOT / "notebooks").glob("*.ipynb")}
    out = tmp_path / "out"
    done = run_all(articles=src, out=out, only=["01"], log=lambda *_: None)
    assert done == [out / "notebooks" / "01_corpus.ipynb"]
    nb = json.loads(done[0].read_text(encoding="utf-8"))
    first = "".join(nb["cells"][0]["source"])
    assert nb["cells"][0]["cell_type"] == "markdown" and f"Re-run on 3 articles from `{src}`" in first
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
    (tmp_path / "two.txt").write_bytes(b"\xff\xfe bad")
    with pytest.raises(CorpusError, match=r"two\.txt: not valid UTF-8 at byte offset 0"):
        run_all(articles=tmp_path, out=tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_committed_notebooks_render_as_offline_reports(tmp_path):
    nb = ROOT / "notebooks" / "04_framing.ipynb"
    render_html(nb, tmp_path / "r.html")
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "cdnjs" not in html and "<script src=" not in html
    tags = re.findall(r"<img [^>]*>", html)
    assert len(tags) == 2 and all('src="data:image/png;base64,' in t for t in tags)  # both figures, embedded
    imgs = [re.search(r'alt="([^"]*)"', t).group(1) for t in tags]  # each with its description
    assert imgs[0].startswith("Cumulative share of body words") and imgs[0].endswith("Data: 04_framing/cumulative_voice.csv")
    assert "No description has been provided" not in html
    assert "Entman" in html  # the narrative is there, not just the outputs
