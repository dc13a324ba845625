"""Where the per-article work runs: in this process, or on a Dask cluster; with a progress bar.

The per-article steps (reading and parsing an article into paragraphs, sentences and tokens;
extracting its quotes) are pure functions of one article's text, so they can run anywhere and
give the same rows. :func:`map_articles` applies one of them to every article, in order:

- ``local`` (default): in this process.
- ``processes``: in worker processes of this machine, one per CPU this process may use (or
  ``ANALYSIS_WORKERS``), in batches of articles; a run of fewer than two batches stays local. The
  command line uses it unless told otherwise (``--engine``); the notebooks stay local.
- ``dask``: on a ``dask.distributed`` cluster, in batches of articles. The scheduler is the one at
  ``ANALYSIS_DASK_SCHEDULER`` (an address such as ``tcp://10.0.0.5:8786``; the workers need this
  package installed), else a LocalCluster of two single-threaded worker processes started for
  this run, whose scratch files go to a temporary folder that is removed at exit. Install with
  ``pip install -e ".[dask]"``.

The engine comes from the ``engine`` argument, else ``ANALYSIS_ENGINE`` (which ``--engine`` sets,
so notebooks run by ``python -m analysis run --engine dask`` inherit it), else ``local``.
Results are gathered in article order, so the tables are the same bytes whichever engine ran.
"""

from __future__ import annotations

import atexit
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from .files import CorpusError

ENGINES = ("local", "processes", "dask")
BATCH = 25  # articles per Dask task: one task per short article would cost more in scheduling than in work

_client = None


def current(engine: str | None = None) -> str:
    """The engine to use: ``engine`` if given, else ``ANALYSIS_ENGINE``, else ``local``."""
    name = engine or os.environ.get("ANALYSIS_ENGINE", "") or "local"
    if name not in ENGINES:
        raise CorpusError(f"engine {name!r}: use one of {', '.join(ENGINES)}")
    return name


def progress(items: Iterable, total: int | None = None, desc: str = "articles"):
    """``items`` with a tqdm progress bar on stderr when stderr is a terminal (never in notebooks,
    logs or pipes, so outputs stay byte-identical)."""
    if not (hasattr(sys.stderr, "isatty") and sys.stderr.isatty()):
        return items
    from tqdm import tqdm

    return tqdm(items, total=total, desc=desc, unit="article", file=sys.stderr, leave=False, mininterval=0.5)


def _run_batch(func: Callable, batch: Sequence[tuple]) -> list:
    return [func(*args) for args in batch]


def client():
    """The Dask client of this process, started on first use (see the module docstring)."""
    global _client
    if _client is not None:
        return _client
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise CorpusError('--engine dask needs the dask extra: pip install -e ".[dask]"') from None
    address = os.environ.get("ANALYSIS_DASK_SCHEDULER", "")
    if address:
        _client = Client(address)
    else:
        import tempfile

        import dask

        scratch = tempfile.TemporaryDirectory(prefix="analysis-dask-")
        # Dask's own lock and spill files go here too (not ./dask-scratch-space), workers included
        os.environ["DASK_TEMPORARY_DIRECTORY"] = scratch.name
        dask.config.set({"temporary-directory": scratch.name})
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                               local_directory=scratch.name, silence_logs=40)
        _client = Client(cluster)

        def close() -> None:
            _client.close()
            cluster.close()
            scratch.cleanup()

        atexit.register(close)
    return _client


def workers() -> int:
    """Worker processes for the ``processes`` engine: ``ANALYSIS_WORKERS`` if set, else the CPUs this process may use."""
    value = os.environ.get("ANALYSIS_WORKERS", "")
    if value:
        if not value.isdigit() or int(value) < 1:
            raise CorpusError(f"ANALYSIS_WORKERS={value!r}: use a whole number of at least 1")
        return int(value)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _map_processes(func: Callable, items: list[tuple], desc: str) -> list[Any]:
    """``func`` over ``items`` in worker processes, in batches, results in the order of ``items``."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    n = min(workers(), len(items) // BATCH)
    batches = [items[i : i + BATCH] for i in range(0, len(items), BATCH)]
    # fork where the platform has it: the workers start with this process's modules and compiled rules loaded
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() and sys.platform == "linux" else "spawn"
    with ProcessPoolExecutor(max_workers=n, mp_context=multiprocessing.get_context(method)) as pool:
        results = pool.map(_run_batch, [func] * len(batches), batches)  # yields in submission order
        return [r for batch_result in progress(results, len(batches), desc + f" (batches of {BATCH})")
                for r in batch_result]


def map_articles(func: Callable, items: Sequence[tuple], engine: str | None = None, desc: str = "articles") -> list[Any]:
    """``[func(*args) for args in items]``, run by the chosen engine, results in the order of ``items``.

    ``func`` must be a module-level function (Dask sends it to the workers by name).
    """
    items = list(items)
    name = current(engine)
    if name == "processes" and (workers() < 2 or len(items) < 2 * BATCH):
        name = "local"  # one CPU, or too few articles to pay for starting workers
    if name == "local" or not items:
        return [func(*args) for args in progress(items, len(items), desc)]
    if name == "processes":
        return _map_processes(func, items, desc)
    from distributed import as_completed

    c = client()
    batches = [items[i : i + BATCH] for i in range(0, len(items), BATCH)]
    futures = c.map(_run_batch, [func] * len(batches), batches, pure=False)
    for _ in progress(as_completed(futures), len(batches), desc + f" (batches of {BATCH})"):
        pass
    return [r for batch_result in c.gather(futures) for r in batch_result]  # in the order of items
