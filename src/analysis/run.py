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
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from . import paths
from .corpus import CorpusError, find_articles, read_article

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
        env = {**env, "JUPYTER_PATH": tmp + os.pathsep + os.environ.get("JUPYTER_PATH", "")}
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
    """The Markdown note that opens a notebook re-run on someone else's articles."""
    return (
        f"> **Re-run on {n_files} articles from `{articles}`, not on the seed articles.** Every table, "
        "figure and printed sentence below is computed from those articles. The Markdown text between "
        "them was written about the seed story (Anthropic's accusation against three Chinese AI "
        "labs): read it as a guide to what each measure means, not as a description of your articles."
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
        client.execute()
    nb.metadata.pop("widgets", None)
    if note:
        nb.cells.insert(0, nbformat.v4.new_markdown_cell(note, id="own-articles-note"))
    dst.parent.mkdir(parents=True, exist_ok=True)
    text = nbformat.writes(nb) + "\n"
    if not dst.exists() or dst.read_text(encoding="utf-8") != text:
        dst.write_text(text, encoding="utf-8")


def render_html(src: Path, dst: Path) -> None:
    """Render an executed notebook as a self-contained static HTML page: images embedded, and
    nothing fetched from the network when it is opened (see templates/offline)."""
    import nbformat
    from nbconvert import HTMLExporter

    templates = str(Path(__file__).resolve().parent / "templates")
    exporter = HTMLExporter(template_name="offline", extra_template_basedirs=[templates], embed_images=True,
                            exclude_anchor_links=True)
    body, _ = exporter.from_notebook_node(nbformat.read(src, as_version=4))
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.write_text(body, encoding="utf-8")


def run_all(
    articles: Path | None = None,
    out: Path | None = None,
    only: Sequence[str] = (),
    log=print,
) -> list[Path]:
    """Execute the notebooks and write reports; return the executed notebook paths.

    Default: the seeds, notebooks rewritten in place, reports into ``reports/``, figure data
    into ``results/``. With ``articles``: that folder (checked first, so a bad folder fails
    with a clear message before any kernel starts), outputs under ``out``.
    """
    env = {"PYTHONHASHSEED": "0", "MPLBACKEND": "module://matplotlib_inline.backend_inline"}
    if articles is not None:
        articles = Path(articles).resolve()
        files = find_articles(articles)  # raises CorpusError with the file and the problem
        for f in files:
            read_article(f)
        if len(files) < 2:
            raise CorpusError(f"{articles}: the notebooks compare articles, so the folder needs at least two")
        out = Path(out or "output").resolve()
        nb_dir, report_dir = out / "notebooks", out / "reports"
        env.update(ANALYSIS_ARTICLES=str(articles), ANALYSIS_RESULTS=str(out / "results"))
    else:
        nb_dir, report_dir = paths.NOTEBOOKS, paths.REPORTS
    selected = [nb for nb in notebooks() if not only or any(nb.name.startswith(o) for o in only)]
    done = []
    with _environment(env):
        for nb in selected:
            dst = nb_dir / nb.name
            log(f"executing {nb.name} -> {dst}")
            execute(nb, dst, note=None if articles is None else own_articles_note(articles, len(files)))
            html = report_dir / (nb.stem + ".html")
            render_html(dst, html)
            log(f"  report  {html}")
            done.append(dst)
    return done
