"""Bad input: a clear CorpusError naming the file and the problem, or correct handling.

No input file is ever modified (checked by content and modification time).
"""

import os

import pytest
from conftest import LONG, SEEDS, SHORT

from analysis import CorpusError, load_corpus
from analysis.__main__ import main


def snapshot(folder):
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def error_of(path):
    with pytest.raises(CorpusError) as e:
        load_corpus(path)
    return str(e.value)


def test_missing_path(tmp_path):
    msg = error_of(tmp_path / "nope")
    assert str(tmp_path / "nope") in msg and "no such file or folder" in msg


def test_empty_folder(tmp_path):
    (tmp_path / "notes.csv").write_text("a,b\n")
    msg = error_of(tmp_path)
    assert str(tmp_path) in msg and "no article files" in msg


def test_empty_list():
    assert "no paths given" in error_of([])


@pytest.mark.parametrize("content, problem", [(b"", "file is empty"), (b" \n\t\r\n\xc2\xa0\n", "only whitespace")])
def test_empty_and_whitespace_files(tmp_path, content, problem):
    f = tmp_path / "blank.txt"
    f.write_bytes(content)
    msg = error_of(f)
    assert str(f) in msg and problem in msg


def test_not_utf8_names_file_and_byte_offset(tmp_path):
    f = tmp_path / "latin1.txt"
    f.write_bytes("Caf\u00e9 society.\nSecond line.".encode("latin-1"))
    msg = error_of(f)
    assert str(f) in msg and "not valid UTF-8 at byte offset 3" in msg and "line 1" in msg and "e9" in msg


def test_binary_file(tmp_path):
    f = tmp_path / "image.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    msg = error_of(f)
    assert str(f) in msg and "binary" in msg and "byte offset 8" in msg


def test_bom_is_handled_and_offsets_point_into_the_decoded_file(tmp_path):
    raw = (SEEDS / f"{LONG}.txt").read_bytes()
    f = tmp_path / "bom.txt"
    f.write_bytes(b"\xef\xbb\xbf" + raw)
    c = load_corpus(f)
    ref = load_corpus(SEEDS / f"{LONG}.txt")
    assert c.text("bom").startswith("\ufeff")
    assert c.sentences["text"].tolist() == ref.sentences["text"].tolist()
    assert (c.sentences["start"] == ref.sentences["start"] + 1).all()
    assert c.paragraphs["kind"].tolist() == ref.paragraphs["kind"].tolist()


def test_crlf_is_handled(tmp_path):
    raw = (SEEDS / f"{SHORT}.txt").read_bytes()
    f = tmp_path / "crlf.txt"
    f.write_bytes(raw.replace(b"\n", b"\r\n"))
    c = load_corpus(f)
    ref = load_corpus(SEEDS / f"{SHORT}.txt")
    assert c.sentences["text"].tolist() == ref.sentences["text"].tolist()
    assert "\r" not in "".join(c.paragraphs["text"])
    text = c.text("crlf")
    assert all(text[s:e] == t for s, e, t in c.tokens[["start", "end", "text"]].itertuples(index=False))


def test_duplicate_ids(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for sub in ("a", "b"):
        (tmp_path / sub / "story.txt").write_text("A sentence.", encoding="utf-8")
    msg = error_of([tmp_path / "a", tmp_path / "b"])
    assert "duplicate article id 'story'" in msg and str(tmp_path / "b" / "story.txt") in msg
    (tmp_path / "a" / "story.md").write_text("Another.", encoding="utf-8")
    assert "duplicate article id" in error_of(tmp_path / "a")


def test_bad_metadata(tmp_path):
    (tmp_path / "x.txt").write_text("A sentence.", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("id,label\nx,Story X\n", encoding="utf-8")
    msg = error_of(tmp_path)
    assert "metadata.csv" in msg and "article_id" in msg


def test_hidden_and_other_files_are_ignored(tmp_path):
    (tmp_path / ".hidden.txt").write_bytes(b"\x00\x01")
    (tmp_path / "data.json").write_text("{}")
    (tmp_path / "real.txt").write_text("Real text.", encoding="utf-8")
    assert load_corpus(tmp_path).articles["article_id"].tolist() == ["real"]


def test_inputs_are_never_modified(tmp_path):
    for name, data in {"bom.txt": b"\xef\xbb\xbfHi there.", "crlf.txt": b"One.\r\nTwo.\r\n", "nb.md": b"# T\n\nBody."}.items():
        (tmp_path / name).write_bytes(data)
    os.utime(tmp_path / "bom.txt", ns=(1_000_000_000, 1_000_000_000))
    before = snapshot(tmp_path)
    load_corpus(tmp_path)
    assert snapshot(tmp_path) == before
    seeds_before = snapshot(SEEDS)
    load_corpus(SEEDS)
    assert snapshot(SEEDS) == seeds_before


def test_cli_reports_bad_input_without_traceback(tmp_path, capsys):
    f = tmp_path / "latin1.txt"
    f.write_bytes(b"caf\xe9")
    assert main(["hygiene", str(f)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and str(f) in err and "Traceback" not in err
    assert main(["run", "--articles", str(tmp_path / "missing")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_utf16_and_utf32_are_named(tmp_path):
    for enc, name in (("utf-16", "UTF-16"), ("utf-32", "UTF-32")):
        f = tmp_path / f"{enc}.txt"
        f.write_bytes("The council met on Monday.\n".encode(enc))  # Python writes the BOM first
        msg = error_of(f)
        assert str(f) in msg and f"is {name} text" in msg and "re-save it as UTF-8" in msg and "binary" not in msg
    f = tmp_path / "le.txt"
    f.write_bytes("The council met on Monday.\n".encode("utf-16-le"))  # no byte-order mark
    assert "UTF-16 text without a byte-order mark" in error_of(f)


def test_nul_byte_anywhere_is_refused(tmp_path):
    f = tmp_path / "late.txt"
    f.write_bytes(b"A sentence. " * 2000 + b"\x00 and more.")
    msg = error_of(f)
    assert "binary" in msg and "byte offset 24000" in msg


def articles_with(tmp_path, name, content: bytes):
    for aid in (SHORT, LONG):
        (tmp_path / f"{aid}.txt").write_bytes((SEEDS / f"{aid}.txt").read_bytes())
    (tmp_path / name).write_bytes(content)
    return tmp_path


def test_metadata_with_a_byte_order_mark_is_read(tmp_path):
    d = articles_with(tmp_path, "metadata.csv", f"\ufeffarticle_id,label\r\n{SHORT},Wire\r\n{LONG},Feature\r\n".encode())
    assert load_corpus(d).articles["label"].tolist() == ["Wire", "Feature"]


@pytest.mark.parametrize("csv_text, problem", [
    (f"article_id,label,note\n{SHORT}\n{LONG},B,x\n", "line 2 has 1 field, the header has 3"),
    (f"article_id,label\n{SHORT},A,extra\n{LONG},B\n", "line 2 has 3 fields, the header has 2"),
    (f"article_id,label\n{SHORT},Same\n{LONG},Same\n", "label 'Same' is given to more than one article"),
    (f"article_id,label\n{SHORT},A\n{SHORT},B\n", "article_id listed more than once"),
    (f"article_id,label\n,A\n{LONG},B\n", "empty article_id"),
    (f'article_id,label\n{SHORT},"two\nlines"\n', "control character"),
    (f"article_id,label\n{SHORT},{LONG}\n", "would share the label"),  # a label equal to another's id
    ("id,label\nx,y\n", "needs the column article_id"),
])
def test_bad_metadata_is_named_before_anything_runs(tmp_path, csv_text, problem):
    from analysis.run import run_all

    d = articles_with(tmp_path, "metadata.csv", csv_text.encode())
    with pytest.raises(CorpusError) as e:
        run_all(articles=d, out=tmp_path.parent / (tmp_path.name + "-out"), log=lambda *_: None)
    assert "metadata.csv" in str(e.value) and problem in str(e.value)
    assert not (tmp_path.parent / (tmp_path.name + "-out")).exists()


def test_empty_label_falls_back_to_the_id_and_dollar_labels_are_plain_text(tmp_path):
    import matplotlib.pyplot as plt

    from analysis import plots

    d = articles_with(tmp_path, "metadata.csv", f"article_id,label\n{SHORT},\n{LONG},$1.5 billion story\n".encode())
    c = load_corpus(d)
    assert c.articles["label"].tolist() == [SHORT, "$1.5 billion story"]
    plots.setup()
    fig = plots.sentence_lengths(c.sentences.query("kind == 'body'"), c.labels())
    fig.savefig(tmp_path / "f.png")  # mathtext would fail on an unmatched '$'
    assert "$1.5 billion story" in [ax.get_title(loc="left").split(" (")[0] for ax in fig.axes]
    plt.close(fig)


@pytest.mark.parametrize("csv_text, problem", [
    ("\ufeffactor,side,patterns\nA,x,Acme\n", None),  # a BOM is fine
    ("actor,side,patterns\n,x,Acme\n", "the actor column is empty"),
    ("actor,side,patterns\nAcme,x\n", "line 2 has 2 fields"),
    ("actor,side,patterns\nAcme,x,\n", "no patterns"),
    ("actor,side,patterns\nAcme,accuser,Acme\nAcme,accused,Acme Corp\n", "an actor has one side"),
    ("actor,side,patterns\nAcme,x,the company\nBeta,y,The company\n", "also listed for 'Acme'"),
    ("actor,team\nAcme,x\n", "needs the columns side, patterns"),
])
def test_actor_file_is_checked(tmp_path, csv_text, problem):
    from analysis import framing

    f = tmp_path / "actors.csv"
    f.write_bytes(csv_text.encode())
    if problem is None:
        assert framing.load_actors(f)["actor"].tolist() == ["A"]
        return
    with pytest.raises(CorpusError) as e:
        framing.load_actors(f)
    assert str(f) in str(e.value) and problem in str(e.value)


def test_bad_actor_file_stops_the_run_before_any_kernel(tmp_path):
    from analysis.run import run_all

    (tmp_path / "in").mkdir()
    d = articles_with(tmp_path / "in", "actors.csv", b"actor,side,patterns\n,x,Acme\n")
    with pytest.raises(CorpusError, match=r"actors\.csv: row 1"):
        run_all(articles=d, out=tmp_path / "out", log=lambda *_: None)
    assert not (tmp_path / "out").exists()


def test_file_names_with_control_characters_are_refused(tmp_path):
    (tmp_path / "a\nb.txt").write_text("A sentence.", encoding="utf-8")
    (tmp_path / "ok.txt").write_text("Another sentence.", encoding="utf-8")
    msg = error_of(tmp_path)
    assert "control character" in msg and "rename" in msg


def test_disguised_file_names_are_refused_but_unicode_names_are_fine(tmp_path):
    (tmp_path / "report\u202etxt.exe.txt").write_text("A sentence.", encoding="utf-8")  # right-to-left override
    assert "U+202E" in error_of(tmp_path) or "\\u202e" in error_of(tmp_path)
    (tmp_path / "report\u202etxt.exe.txt").unlink()
    (tmp_path / "Zeitung\u00a0Süd – 1.txt").write_text("Ein Satz.", encoding="utf-8")
    (tmp_path / "新闻.md").write_text("一句话。", encoding="utf-8")
    assert sorted(load_corpus(tmp_path).articles["article_id"]) == ["Zeitung\u00a0Süd – 1", "新闻"]


def test_a_named_data_file_is_not_read_as_an_article(tmp_path, capsys):
    """``folder/*`` in a shell names metadata.csv too: it is refused by name, and a plain name without a suffix is read."""
    (tmp_path / "metadata.csv").write_text(f"article_id,label\n{SHORT},Wire\n", encoding="utf-8")
    msg = error_of([SEEDS / f"{SHORT}.txt", tmp_path / "metadata.csv"])
    assert str(tmp_path / "metadata.csv") in msg and "not an article" in msg
    assert main(["quotes", str(tmp_path / "metadata.csv")]) == 2
    assert "not an article" in capsys.readouterr().err
    plain = tmp_path / "article"
    plain.write_bytes((SEEDS / f"{SHORT}.txt").read_bytes())
    assert len(load_corpus([plain]).articles) == 1
