"""Hostile and careless input to the main job: nothing outside OUT is written, no command from a
name is run, and every refusal names the path and the problem before any kernel starts."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import LONG, ROOT, SEEDS, SHORT

from analysis import CorpusError
from analysis.__main__ import main
from analysis.run import OUT_MARKER, check_out, markdown_literal, own_articles_note, run_all


@pytest.fixture
def articles(tmp_path):
    src = tmp_path / "articles"
    src.mkdir()
    for aid in (SHORT, LONG):
        shutil.copy(SEEDS / f"{aid}.txt", src)
    return src


def tree(folder: Path) -> dict:
    """Every file under ``folder`` (outside caches) with its bytes and modification time."""
    skip = {".git", ".venv", "__pycache__", ".pytest_cache", ".hypothesis", ".ruff_cache", ".venv-scattertext"}
    found = {}
    for top, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if d not in skip]
        for name in files:
            p = Path(top) / name
            found[p] = (p.read_bytes(), p.stat().st_mtime_ns)
    return found


def refused(articles, out) -> str:
    with pytest.raises(CorpusError) as e:
        run_all(articles=articles, out=out, log=lambda *_: None)
    return str(e.value)


# --- 1. OUT is never the project, its folders, the articles or a parent of them ------------------

@pytest.mark.parametrize("out, why", [
    (ROOT, "is the project folder or contains it"),
    (ROOT / "notebooks" / "..", "is the project folder or contains it"),
    (Path("/"), "is the project folder or contains it"),
    (ROOT.parent, "is the project folder or contains it"),
    (ROOT / "notebooks", "inside the project's notebooks/ folder"),
    (ROOT / "seeds", "inside the project's seeds/ folder"),
    (ROOT / "results" / "new", "inside the project's results/ folder"),
    (ROOT / "src" / "analysis", "inside the project's src/ folder"),
])
def test_out_inside_or_above_the_project_is_refused(articles, out, why):
    before = tree(ROOT)
    msg = refused(articles, out)
    assert str(out) in msg and why in msg
    assert tree(ROOT) == before


def test_out_at_or_around_the_articles_is_refused(articles):
    before = tree(articles.parent)
    for out in (articles, articles / "out", articles.parent):
        assert "the articles' folder" in refused(articles, out)
    assert tree(articles.parent) == before


def test_out_that_is_not_ours_is_refused(articles, tmp_path):
    mine = tmp_path / "my-notes"
    mine.mkdir()
    (mine / "draft.docx").write_bytes(b"precious")
    msg = refused(articles, mine)
    assert str(mine) in msg and "not empty" in msg and OUT_MARKER in msg
    assert (mine / "draft.docx").read_bytes() == b"precious" and len(list(mine.iterdir())) == 1
    a_file = tmp_path / "out.txt"
    a_file.write_text("x")
    assert "exists and is not a folder" in refused(articles, a_file)
    assert "is not a folder" in refused(articles, a_file / "sub")


def test_symlinked_out_into_the_project_is_refused(articles, tmp_path):
    link = tmp_path / "innocent"
    link.symlink_to(ROOT / "notebooks")
    assert "notebooks/ folder" in refused(articles, link)
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    assert "symbolic link loop" in refused(articles, loop)


def test_out_checks_pass_for_new_empty_and_marked_folders(articles, tmp_path):
    assert check_out(tmp_path / "new" / "deeper", articles) == (tmp_path / "new" / "deeper").resolve()
    (tmp_path / "empty").mkdir()
    assert check_out(tmp_path / "empty", articles)
    (tmp_path / "ours").mkdir()
    (tmp_path / "ours" / OUT_MARKER).write_text("")
    (tmp_path / "ours" / "notebooks").mkdir()
    assert check_out(tmp_path / "ours", articles)


def test_read_only_out_is_refused_before_any_kernel(articles, tmp_path, monkeypatch):
    # Root may write anywhere, so the permission is simulated: os.access says no.
    (tmp_path / "ro").mkdir()
    monkeypatch.setattr(os, "access", lambda *a, **k: False)
    assert "not writable" in refused(articles, tmp_path / "ro")
    assert "not writable" in refused(articles, tmp_path / "ro" / "new")


# --- 2 and 7. make passes ARTICLES and OUT as plain names ----------------------------------------

def make_run(tmp_path, *assignments):
    """``make run`` with this interpreter and no install step (a fresh stamp stands for it)."""
    stamp = tmp_path / "stamp"
    stamp.write_text("")
    cmd = ["make", "-s", "-C", str(ROOT), "run", f"BIN={Path(sys.executable).parent}", f"STAMP={stamp}", *assignments]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300, cwd=tmp_path)


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
@pytest.mark.parametrize("template", [
    'x"; touch {p}; echo "',
    "`touch {p}`",
    "$$(touch {p})",
    "$(shell touch {p})",
    "x'; touch {p}; echo '",
    "a;touch {p}",
])
def test_make_never_runs_a_command_from_articles_or_out(tmp_path, template):
    pwned = tmp_path / "PWNED"
    value = template.format(p=pwned)
    for var in ("ARTICLES", "OUT"):
        assignments = [f"{var}={value}"] + (["ARTICLES=/nonexistent-folder"] if var == "OUT" else [])
        r = make_run(tmp_path, *assignments)
        assert not pwned.exists(), (var, value, r.stderr)
        assert r.returncode != 0 and "error: " in r.stderr and "Traceback" not in r.stderr


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_with_empty_articles_or_out_stops(tmp_path, articles):
    before = tree(ROOT)
    r = make_run(tmp_path, "ARTICLES=")
    assert r.returncode != 0 and "ARTICLES is empty" in r.stderr
    r = make_run(tmp_path, f"ARTICLES={articles}", "OUT=")
    assert r.returncode != 0 and "OUT is empty" in r.stderr
    r = make_run(tmp_path, f"OUT={tmp_path / 'o'}")
    assert r.returncode != 0 and "OUT is only for runs on your own articles" in r.stderr
    r = make_run(tmp_path, f"ARTICLES={articles}", f"OUT={ROOT}")
    assert r.returncode != 0 and "project folder" in r.stderr
    assert tree(ROOT) == before and not (tmp_path / "o").exists()


# --- 6. names from the file system are text, not markup ------------------------------------------

def test_folder_names_are_escaped_in_notes(tmp_path):
    name = tmp_path / '<img src=x onerror="alert(1)">_*`$x$`*'
    note = own_articles_note(name, 2)
    assert "<img" not in note and "&lt;img src=x onerror=\"alert(1)\"&gt;" in note
    assert r"\_\*\`\$x\$\`\*" in note
    assert markdown_literal("a|b~c[d](e)") == r"a\|b\~c\[d\](e)"


def test_hostile_folder_name_reaches_the_report_as_text(tmp_path):
    src = tmp_path / '<img src=x onerror=alert(1)>'
    src.mkdir()
    (src / "a.txt").write_text("The council met on Monday. It approved the budget.\n", encoding="utf-8")
    (src / "b.txt").write_text("Rain fell all day. The bridge was closed.\n", encoding="utf-8")
    run_all(articles=src, out=tmp_path / "out", only=["01"], log=lambda *_: None)
    report = (tmp_path / "out" / "reports" / "01_corpus.html").read_text(encoding="utf-8")
    assert "<img src=x onerror" not in report and "&lt;img src=x onerror=alert(1)&gt;" in report


# --- 9. unreadable folders, loops and links that leave the folder -------------------------------

def test_symlink_loop_and_broken_link_are_named(tmp_path, capsys):
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    assert main(["run", "--articles", str(loop), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {loop}") and "loop" in err and "Traceback" not in err
    broken = tmp_path / "broken.txt"
    broken.symlink_to(tmp_path / "gone.txt")
    assert main(["hygiene", str(broken)]) == 2
    assert "broken symbolic link" in capsys.readouterr().err


def test_links_out_of_the_folder_are_skipped_with_a_note(articles, tmp_path, capsys):
    secret = tmp_path / "secret.txt"
    secret.write_text("The password is swordfish.", encoding="utf-8")
    (articles / "leak.txt").symlink_to(secret)
    (articles / "loop.txt").symlink_to(articles / "loop.txt")
    (articles / "inside.txt").symlink_to(articles / f"{SHORT}.txt")  # a link within the folder is fine
    assert main(["hygiene", str(articles)]) == 0
    out, err = capsys.readouterr()
    assert "swordfish" not in out and "leak" not in out and "inside," in out
    assert f"note: {articles / 'leak.txt'}: skipped: a symbolic link to a file outside the folder" in err
    assert f"note: {articles / 'loop.txt'}: skipped: a broken symbolic link or a link loop" in err


def test_unreadable_folder_is_named(tmp_path, capsys, monkeypatch):
    # Root reads any folder, so the refusal is simulated where the listing happens.
    folder = tmp_path / "locked"
    folder.mkdir()
    real = Path.iterdir

    def iterdir(self):
        if self == folder:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    assert main(["run", "--articles", str(folder), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert err == f"error: {folder}: folder cannot be read (Permission denied)\n"


# --- 8 and 11. OUT that cannot be used, --only that matches nothing ------------------------------

def test_only_that_matches_no_notebook_stops(articles, tmp_path, capsys):
    assert main(["run", "--articles", str(articles), "--out", str(tmp_path / "o"), "--only", "99"]) == 2
    err = capsys.readouterr().err
    assert "--only 99: no notebook starts with that" in err and "01_corpus" in err
    assert not (tmp_path / "o").exists()


def test_a_failing_cell_names_the_notebook_and_keeps_what_ran(tmp_path):
    import nbformat

    from analysis.run import NotebookError, execute

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_code_cell("1 / 0")])
    src = tmp_path / "09_broken.ipynb"
    nbformat.write(nb, src)
    with pytest.raises(NotebookError) as e:
        execute(src, tmp_path / "out" / "09_broken.ipynb")
    msg = str(e.value)
    assert msg.startswith("09_broken.ipynb: a cell failed with ZeroDivisionError") and "1 / 0" in msg
    assert "\x1b[" not in msg and (tmp_path / "out" / "09_broken.ipynb").is_file()


def test_a_run_writes_only_inside_out(articles, tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("IPYTHONDIR", raising=False)
    monkeypatch.delenv("MPLCONFIGDIR", raising=False)
    project, inputs = tree(ROOT), tree(articles)
    out = tmp_path / "out"
    run_all(articles=articles, out=out, only=["01"], log=lambda *_: None)
    assert tree(ROOT) == project and tree(articles) == inputs
    assert not list(home.rglob("*"))  # no IPython history, font cache or Jupyter runtime files in $HOME
    assert (out / OUT_MARKER).is_file() and (out / "notebooks" / "01_corpus.ipynb").is_file()
    run_all(articles=articles, out=out, only=["01"], log=lambda *_: None)  # a second run may reuse it
