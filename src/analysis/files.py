"""Finding and reading article files safely: no pandas, no NLTK, so a command that only reads texts starts fast.

:mod:`analysis.corpus` re-exports everything here; import from there in analysis code.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from pathlib import Path

from . import nlp

TEXT_SUFFIXES = (".txt", ".md")
# Files named on the command line with these suffixes are tables or markup data, not articles: a shell glob such
# as ``folder/*`` would otherwise read metadata.csv or actors.csv as one more article.
DATA_SUFFIXES = (".csv", ".tsv", ".json", ".jsonl", ".ndjson", ".xml", ".yaml", ".yml", ".xlsx", ".xls", ".ods",
                 ".parquet", ".ipynb", ".py", ".zip", ".gz", ".pdf", ".docx", ".doc", ".png", ".jpg", ".jpeg")
# Byte-order marks of encodings other than UTF-8 (UTF-32 first: its LE mark starts like UTF-16 LE).
_OTHER_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"), (b"\xff\xfe", "UTF-16"),
               (b"\xfe\xff", "UTF-16"))


class CorpusError(ValueError):
    """Bad input. The message starts with the offending path and says what is wrong."""


def control_character(text: str) -> str | None:
    """The first control or invisible format character in ``text`` (line breaks, tabs, escape
    codes, zero-width and bidirectional controls such as U+202E, which can disguise a name), or None."""
    return next((c for c in text if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp")), None)


def _safe_resolve(p: Path) -> Path:
    """``p`` made absolute with symbolic links followed, or CorpusError for a loop or an unreadable link."""
    try:
        return p.resolve(strict=False)
    except (OSError, RuntimeError) as e:  # RuntimeError: a symlink loop (Python 3.11)
        raise CorpusError(f"{p}: cannot be followed ({'a symbolic link loop' if isinstance(e, RuntimeError) else e})") from None


def _folder_files(folder: Path, notes: list[str]) -> list[Path]:
    """The article files directly in ``folder``; symbolic links that point outside it, broken links
    and links in a loop are skipped with a note, so a folder never pulls in a file from elsewhere."""
    try:
        entries = sorted(folder.iterdir())
    except OSError as e:
        raise CorpusError(f"{folder}: folder cannot be read ({e.strerror or e})") from None
    home = _safe_resolve(folder)
    found = []
    for f in entries:
        if f.name.startswith(".") or f.suffix.lower() not in TEXT_SUFFIXES:
            continue
        if f.is_symlink():
            try:
                target = f.resolve(strict=True)
            except (OSError, RuntimeError):
                notes.append(f"{f}: skipped: a broken symbolic link or a link loop")
                continue
            if home not in target.parents:
                notes.append(f"{f}: skipped: a symbolic link to a file outside the folder ({target})")
                continue
        if f.is_file():
            found.append(f)
        elif f.is_dir():
            notes.append(f"{f}: skipped: a folder, not a file (folders are read one level deep)")
    return found


def scan_articles(path: str | Path | Sequence[str | Path]) -> tuple[list[Path], list[str]]:
    """The article files named by ``path`` and a note for every file that was skipped and why.

    ``path``: a file, a folder (its .txt/.md files, not recursively, hidden files skipped) or a
    list of both. Files come back sorted by name so the corpus order never depends on the file
    system. Inside a folder, symbolic links that point outside it are skipped (a note says so).
    """
    items = [path] if isinstance(path, (str, Path)) else list(path)
    if not items:
        raise CorpusError("no paths given: pass a folder of .txt/.md articles or a list of files")
    files: list[Path] = []
    notes: list[str] = []
    for item in items:
        p = Path(item)
        if p.is_symlink() and not p.exists():
            _safe_resolve(p)  # a loop says so
            raise CorpusError(f"{p}: a broken symbolic link (it points to {p.readlink()})")
        try:
            exists, is_dir, is_file = p.exists(), p.is_dir(), p.is_file()
        except OSError as e:
            raise CorpusError(f"{p}: cannot be read ({e.strerror or e})") from None
        if not exists:
            raise CorpusError(f"{p}: no such file or folder")
        if is_dir:
            found = _folder_files(p, notes)
            if not found:
                raise CorpusError(f"{p}: folder has no article files (looked for {', '.join(TEXT_SUFFIXES)})")
            files.extend(found)
        elif is_file:
            if p.suffix.lower() in DATA_SUFFIXES:
                raise CorpusError(f"{p}: a {p.suffix} file is not an article; articles are plain-text .txt or .md "
                                  "files (metadata.csv and actors.csv are read from beside the articles, not named)")
            files.append(p)
        else:
            raise CorpusError(f"{p}: not a regular file or folder")
    seen: dict[str, Path] = {}
    for f in files:
        bad = control_character(f.name)
        if bad is not None:
            raise CorpusError(f"{f}: the file name contains the control character {bad!r}; article ids are file "
                              "names and appear in tables, figures and reports, so rename the file")
        if f.stem in seen:
            raise CorpusError(
                f"{f}: duplicate article id {f.stem!r} (also {seen[f.stem]}); article ids are file names "
                "without their suffix, so rename one of the files"
            )
        seen[f.stem] = f
    return files, notes


def find_articles(path: str | Path | Sequence[str | Path]) -> list[Path]:
    """The article files named by ``path`` (see :func:`scan_articles`, which also says what it skipped)."""
    return scan_articles(path)[0]


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def read_article(path: str | Path) -> str:
    """Decode one article file as UTF-8, exactly (no newline or BOM changes), or raise CorpusError.

    Refuses files that are empty or only whitespace, binary (NUL bytes), or not valid UTF-8
    (the message gives the byte offset and the bytes found there). Never writes to the file.
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise CorpusError(f"{p}: cannot be read ({e.strerror or e})") from None
    if not data:
        raise CorpusError(f"{p}: file is empty")
    for bom, name in _OTHER_BOMS:
        if data.startswith(bom) and _decodes(data, name):
            raise CorpusError(
                f"{p}: is {name} text (it starts with the {name} byte-order mark {bom.hex(' ').upper()}), not UTF-8; "
                "re-save it as UTF-8 (in most editors: Save As, encoding UTF-8)"
            )
    nul = data.find(b"\x00")
    if nul >= 0:
        n_nul, even = data.count(0), data[0::2].count(0)  # UTF-16 puts its NULs on one side of each pair
        utf16 = n_nul * 4 > len(data) and max(even, n_nul - even) >= 0.9 * n_nul
        hint = " It looks like UTF-16 text without a byte-order mark: re-save it as UTF-8." if utf16 else ""
        raise CorpusError(f"{p}: looks like a binary file (NUL byte at byte offset {nul}), not UTF-8 text.{hint}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        bad = data[e.start : e.start + 4].hex(" ")
        line = data.count(b"\n", 0, e.start) + 1
        raise CorpusError(
            f"{p}: not valid UTF-8 at byte offset {e.start} (line {line}, bytes {bad}); "
            "re-save the file as UTF-8"
        ) from None
    if not nlp.normalise(text).strip():
        raise CorpusError(f"{p}: file contains only whitespace")
    return text


