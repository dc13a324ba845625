"""The main job: re-execute every notebook in place, deterministically, and render HTML reports.

Notebooks run in a kernel of *this* Python (not whatever kernelspec a machine has lying
around), with timing metadata off and a fixed hash seed, so two runs give byte-identical
files. With ``articles`` set, the notebooks analyse that folder instead of the seeds and
everything (executed notebooks, reports, figure data) goes to ``out``, never over the
committed notebooks.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from . import paths
from .corpus import CorpusError, article_labels, read_article
from .tables import markdown_literal

KERNEL_NAME = "python3"
KERNEL_DISPLAY = "Python 3 (ipykernel)"


def notebooks(folder: Path = paths.NOTEBOOKS) -> list[Path]:
    """The numbered notebooks, in order (``NN_name.ipynb``)."""
    return sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb"))


@contextmanager
def _environment(env: dict[str, str]) -> Iterator[None]:
    """Temporarily set environment variables (the kernel inherits them) and pin the kernelspec.

    A private JUPYTER_PATH entry maps the ``python3`` kernel to this interpreter, because a
    stale user kernelspec would otherwise run the notebooks in another environment.
    """
    with tempfile.TemporaryDirectory() as tmp:
        spec_dir = Path(tmp) / "kernels" / KERNEL_NAME
        spec_dir.mkdir(parents=True)
        spec = {
            "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": KERNEL_DISPLAY,
            "language": "python",
            "metadata": {"debugger": True},
        }
        (spec_dir / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
        # Kernels keep their history, font cache and runtime files here, not in the user's home:
        # a run writes only to its output folder (the temporary folder goes when the run ends).
        env = {
            **env,
            "JUPYTER_PATH": tmp + os.pathsep + os.environ.get("JUPYTER_PATH", ""),
            "IPYTHONDIR": str(Path(tmp) / "ipython"),
            "MPLCONFIGDIR": str(Path(tmp) / "matplotlib"),
            "JUPYTER_RUNTIME_DIR": str(Path(tmp) / "runtime"),
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        old = {k: os.environ.get(k) for k in env}
        os.environ.update(env)
        try:
            yield
        finally:
            for k, v in old.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v


def own_articles_note(articles: Path, n_files: int) -> str:
    """The Markdown note that opens a notebook run on someone else's articles: which folder it read."""
    return (
        f"> **Run on {n_files} articles from {markdown_literal(str(articles))}.** Every table, figure and "
        "sentence that describes the articles is computed from them; the text between them states questions and methods."
    )


def execute(src: Path, dst: Path, timeout: int = 600, note: str | None = None) -> None:
    """Execute one notebook with its own folder as working directory and write it to ``dst``.

    ``note``: Markdown put in a first cell of the written copy (the source is not changed).
    """
    import nbformat
    from nbclient import NotebookClient
    from traitlets.config import Config

    nb = nbformat.read(src, as_version=4)
    with tempfile.TemporaryDirectory() as sockets:
        # Unix-socket transport: nothing listens on a network port, and the kernel does not warn.
        config = Config()
        config.KernelManager.transport = "ipc"
        config.KernelManager.ip = str(Path(sockets) / "kernel")
        client = NotebookClient(
            nb,
            config=config,
            timeout=timeout,
            kernel_name=KERNEL_NAME,
            record_timing=False,
            resources={"metadata": {"path": str(src.parent)}},
        )
        try:
            client.execute()
        except Exception as e:  # CellExecutionError, DeadKernelError, CellTimeoutError
            _write_notebook(nb, dst)  # the cells up to the failure, for the reader to inspect
            failed = next((c for c in nb.cells if c.cell_type == "code" and any(
                o.get("output_type") == "error" for o in c.get("outputs", []))), None)
            raise NotebookError(src.name, dst, getattr(e, "ename", type(e).__name__),
                                getattr(e, "evalue", str(e)), failed.source if failed else "") from None
    nb.metadata.pop("widgets", None)
    if note:
        nb.cells.insert(0, nbformat.v4.new_markdown_cell(note, id="own-articles-note"))
    _write_notebook(nb, dst)


def coalesce_streams(nb) -> None:
    """Join each code cell's adjacent outputs to the same stream (stdout, stderr) into one, in place:
    the kernel sends a cell's prints in one message or several depending on timing, and a re-run
    must not change the file because of it."""
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        merged = []
        for out in cell.outputs:
            last = merged[-1] if merged else None
            if (out.get("output_type") == "stream" and last is not None and last.get("output_type") == "stream"
                    and last.get("name") == out.get("name")):
                last["text"] = "".join(last["text"]) + "".join(out["text"])
            else:
                merged.append(out)
        cell.outputs = merged


def _write_notebook(nb, dst: Path) -> None:
    """Write ``nb`` to ``dst`` unless the file already holds exactly that (keeps its timestamp)."""
    import nbformat

    dst.parent.mkdir(parents=True, exist_ok=True)
    coalesce_streams(nb)
    text = nbformat.writes(nb) + "\n"
    if not dst.exists() or dst.read_text(encoding="utf-8") != text:
        dst.write_text(text, encoding="utf-8")


class NotebookError(RuntimeError):
    """A notebook cell failed: which notebook, where the partly executed copy is, the error and the cell."""

    def __init__(self, name: str, written: Path, ename: str, evalue: str, cell: str):
        self.name, self.written, self.ename, self.evalue, self.cell = name, written, ename, evalue, cell
        evalue = re.sub(r"\x1b\[[0-9;]*m", "", evalue)  # no terminal colour codes in the message
        cell_text = "\n".join("    " + line for line in cell.splitlines())
        super().__init__(f"{name}: a cell failed with {ename}: {evalue}\n  the cell:\n{cell_text}\n"
                         f"  the notebook as far as it ran: {written}")


def notebook_title(nb) -> str:
    """The first Markdown heading of a notebook, without its # marks and emphasis ("1 · The corpus: ...")."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return re.sub(r"[*_`]", "", line.lstrip("#").strip())
    return ""


def render_html(src: Path, dst: Path) -> None:
    """Render an executed notebook as a self-contained static HTML page: images embedded, and
    nothing fetched from the network when it is opened (see templates/offline)."""
    import nbformat
    from nbconvert import HTMLExporter

    templates = str(Path(__file__).resolve().parent / "templates")
    exporter = HTMLExporter(template_name="offline", extra_template_basedirs=[templates], embed_images=True,
                            exclude_anchor_links=True)
    nb = nbformat.read(src, as_version=4)
    nb.metadata["title"] = notebook_title(nb) or src.stem  # the report is titled after its notebook
    body, _ = exporter.from_notebook_node(nb)
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.write_text(body, encoding="utf-8")


OUT_MARKER = ".analysis-output"
# The project's own folders: an output folder is never one of them, inside one, or above the project.
PROTECTED = ("seeds", "notebooks", "results", "reports", "src", "tests", "benchmarks", ".ci", ".git", ".venv")


def _inside(p: Path, folder: Path) -> bool:
    return p == folder or folder in p.parents


def check_out(out: str | Path, articles: Path) -> Path:
    """The resolved output folder for a run on ``articles``, or CorpusError saying why it is refused.

    An output folder must be new, empty, or one this command wrote before (it holds the marker
    file ``.analysis-output``); it is never the project, one of the project's folders or inside
    one, a folder that contains the project, the articles' folder or a folder inside or above
    it; and it must be a folder that can be written. Nothing is created here.
    """
    raw = Path(out)
    if str(out).strip() == "":
        raise CorpusError("OUT is empty: name a new or empty folder for the results, e.g. OUT=my-output")
    try:
        target = raw.resolve(strict=False)
    except (OSError, RuntimeError):
        raise CorpusError(f"{raw}: output folder cannot be used (a symbolic link loop)") from None
    root = paths.ROOT.resolve()
    if _inside(root, target):
        raise CorpusError(f"{raw}: output folder is the project folder or contains it ({target}); "
                          "name a new folder, e.g. OUT=my-output")
    for name in PROTECTED:
        if _inside(target, root / name):
            raise CorpusError(f"{raw}: output folder is inside the project's {name}/ folder; "
                              "name a new folder outside it, e.g. OUT=my-output")
    home = articles if articles.is_dir() else articles.parent
    if _inside(target, home) or _inside(home, target):
        raise CorpusError(f"{raw}: output folder would be inside, or would contain, the articles' folder "
                          f"({home}); inputs are never written to, so name a folder elsewhere")
    if target.exists() or raw.is_symlink():
        if not target.is_dir():
            raise CorpusError(f"{raw}: exists and is not a folder; name a new or empty folder for the results")
        try:
            entries = [e.name for e in target.iterdir()]
        except OSError as e:
            raise CorpusError(f"{raw}: output folder cannot be read ({e.strerror or e})") from None
        if entries and OUT_MARKER not in entries:
            raise CorpusError(
                f"{raw}: exists and is not empty, and was not written by this command (it has no {OUT_MARKER} "
                "file); name a new or empty folder so that nothing of yours is overwritten"
            )
        if not os.access(target, os.W_OK | os.X_OK):
            raise CorpusError(f"{raw}: output folder is not writable")
    else:
        parent = next((q for q in target.parents if q.exists()), None)
        if parent is None or not parent.is_dir():
            raise CorpusError(f"{raw}: cannot be created: {parent} is not a folder")
        if not os.access(parent, os.W_OK | os.X_OK):
            raise CorpusError(f"{raw}: cannot be created: {parent} is not writable")
    return target


def _prepare_out(out: Path) -> None:
    """Create the output folder and mark it as this command's (see :func:`check_out`)."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        marker = out / OUT_MARKER
        if not marker.exists():
            marker.write_text("Written by `python -m analysis run --articles ... --out` (make ARTICLES=... OUT=...).\n"
                              "A later run may overwrite this folder's notebooks/, reports/ and results/.\n",
                              encoding="utf-8")
    except OSError as e:
        raise CorpusError(f"{out}: output folder cannot be written ({e.strerror or e})") from None


def check_articles(articles: str | Path, log=print) -> tuple[Path, list[Path]]:
    """Everything about a folder of articles that can be checked before a notebook runs.

    Returns the resolved folder and its files; raises CorpusError naming the file and the
    problem: unreadable or not UTF-8, fewer than two articles, an article with no body text,
    a bad ``metadata.csv`` or ``actors.csv``. Skipped files (links that leave the folder, ...)
    are reported through ``log``.
    """
    from .corpus import scan_articles
    from .framing import load_actors

    files, notes = scan_articles(articles)  # raises CorpusError with the file and the problem
    for note in notes:
        log(f"note: {note}")
    folder = Path(articles).resolve()
    for f in files:
        no_body_text(f, read_article(f))
    if len(files) < 2:
        raise CorpusError(f"{articles}: the notebooks compare articles, so the folder needs at least two")
    article_labels(files)  # metadata.csv is valid and labels are unique
    for parent in dict.fromkeys(f.parent for f in files):
        if (parent / "actors.csv").is_file():
            load_actors(parent / "actors.csv")
    return folder, files


def no_body_text(f: Path, text: str) -> None:
    """CorpusError if an article has no body text with a letter or digit (only a headline,
    headings, boilerplate, symbols or markup tags): every comparison would be empty for it."""
    from .corpus import body_has_words

    if not body_has_words(text, markdown=f.suffix.lower() == ".md"):
        raise CorpusError(
            f"{f}: has no body text to analyse (no paragraph of running text with a letter or digit: "
            "only a headline, headings, boilerplate, symbols or markup tags); add the article's text or leave the file out"
        )


def select_notebooks(only: Sequence[str] = ()) -> list[Path]:
    """The notebooks to run: all, or those whose names start with one of ``only``."""
    available = notebooks()
    if not only:
        return available
    selected = [nb for nb in available if any(nb.name.startswith(o) for o in only)]
    unknown = [o for o in only if not any(nb.name.startswith(o) for nb in available)]
    if unknown:
        raise CorpusError(f"--only {', '.join(unknown)}: no notebook starts with that (the notebooks are "
                          f"{', '.join(nb.stem for nb in available)})")
    return selected


README_START, README_END = "<!-- findings:start -->", "<!-- findings:end -->"


def readme_findings(findings_md: str) -> str:
    """The README's "What we found" block for the seeds' findings.md (links made relative to the root)."""
    body = re.sub(r"\]\((?=\d\d_[\w-]+\.ipynb)", "](notebooks/", findings_md.strip())
    return f"{README_START}\n{body}\n{README_END}"


def update_readme(readme: Path = paths.ROOT / "README.md",
                  findings_md: Path = paths.RESULTS / "00_findings" / "findings.md") -> bool:
    """Replace the block between the README's findings markers with the current findings; True if changed."""
    text = readme.read_text(encoding="utf-8")
    start, end = text.find(README_START), text.find(README_END)
    if start < 0 or end < 0 or not findings_md.is_file():
        return False
    new = text[:start] + readme_findings(findings_md.read_text(encoding="utf-8")) + text[end + len(README_END):]
    if new != text:
        readme.write_text(new, encoding="utf-8")
    return new != text


def run_all(
    articles: Path | None = None,
    out: Path | None = None,
    only: Sequence[str] = (),
    log=print,
) -> list[Path]:
    """Execute the notebooks and write reports; return the executed notebook paths.

    Default: the seeds, notebooks rewritten in place, reports into ``reports/``, figure data
    into ``results/``. With ``articles``: that folder, outputs under ``out`` (default
    ``./output``). Every check (articles, their CSV files, the output folder, ``only``) runs
    before anything is written or any kernel starts.
    """
    env = {"PYTHONHASHSEED": "0", "MPLBACKEND": "module://matplotlib_inline.backend_inline"}
    selected = select_notebooks(only)
    if articles is not None:
        articles, files = check_articles(articles, log=log)
        out = check_out(Path("output") if out is None else out, articles)
        _prepare_out(out)
        nb_dir, report_dir = out / "notebooks", out / "reports"
        env.update(ANALYSIS_ARTICLES=str(articles), ANALYSIS_RESULTS=str(out / "results"))
    elif out is not None:
        raise CorpusError("--out is only for --articles runs (the default run updates notebooks/ and reports/)")
    else:
        nb_dir, report_dir = paths.NOTEBOOKS, paths.REPORTS
    done = []
    with _environment(env):
        for nb in selected:
            dst = nb_dir / nb.name
            log(f"executing {nb.name} -> {dst}")
            execute(nb, dst, note=None if articles is None else own_articles_note(articles, len(files)))
            html_path = report_dir / (nb.stem + ".html")
            render_html(dst, html_path)
            log(f"  report  {html_path}")
            done.append(dst)
    if articles is None and update_readme():
        log("updated README.md: What we found")
    return done
