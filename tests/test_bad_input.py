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
