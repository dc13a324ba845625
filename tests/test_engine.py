"""The per-article work on Dask: a LocalCluster with two workers gives the same bytes as this process."""

import subprocess
import sys

import pandas as pd
import pytest
from conftest import SEEDS

from analysis import CorpusError, engine, load_corpus, quotes

STORY = SEEDS.parent / "tests" / "fixtures" / "story"


def test_unknown_engine_is_a_clear_error():
    with pytest.raises(CorpusError, match="engine 'spark'"):
        engine.current("spark")


def test_progress_bar_stays_off_when_stderr_is_not_a_terminal():
    items = [1, 2, 3]
    assert engine.progress(items) is items  # pytest captures stderr: no bar, outputs unchanged


def test_dask_local_cluster_equals_in_process_run():
    pytest.importorskip("distributed")
    for folder in (SEEDS, STORY):
        local, dask = load_corpus(folder), load_corpus(folder, engine="dask")
        for name in ("articles", "paragraphs", "sentences", "tokens"):
            pd.testing.assert_frame_equal(getattr(local, name), getattr(dask, name), check_exact=True)
        pd.testing.assert_frame_equal(quotes.extract(local), quotes.extract(local, engine="dask"), check_exact=True)
    workers = engine.client().scheduler_info()["workers"]
    assert len(workers) == 2


@pytest.mark.parametrize("command", ["quotes", "hygiene", "frames"])
def test_cli_engine_dask_writes_the_same_bytes(command):
    pytest.importorskip("distributed")
    run = [sys.executable, "-m", "analysis", command, str(SEEDS), str(STORY / "a_gazette.txt"), "--format", "jsonl"]
    local = subprocess.run(run, capture_output=True, check=True)
    dask = subprocess.run([*run, "--engine", "dask"], capture_output=True, check=True)
    assert dask.stdout == local.stdout and len(local.stdout) > 1000


def _pid_and_square(x: int) -> tuple[int, int]:
    import os

    return os.getpid(), x * x


def test_processes_engine_keeps_order_and_uses_workers(monkeypatch):
    monkeypatch.setenv("ANALYSIS_WORKERS", "2")
    items = [(i,) for i in range(4 * engine.BATCH)]
    out = engine.map_articles(_pid_and_square, items, engine="processes")
    assert [sq for _, sq in out] == [i * i for i in range(4 * engine.BATCH)]
    import os

    assert os.getpid() not in {pid for pid, _ in out}  # the work ran in worker processes
    few = engine.map_articles(_pid_and_square, items[:3], engine="processes")
    assert {pid for pid, _ in few} == {os.getpid()}  # too few articles to start workers: this process


def test_bad_worker_count_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("ANALYSIS_WORKERS", "two")
    with pytest.raises(CorpusError, match="ANALYSIS_WORKERS='two'"):
        engine.workers()


def _many_articles(folder):
    """60 different articles: each seed and story article's paragraphs, rotated by a different amount."""
    sources = sorted(SEEDS.glob("*.txt")) + sorted(STORY.glob("*.txt"))
    folder.mkdir()
    for i in range(60):
        paras = sources[i % len(sources)].read_text(encoding="utf-8").split("\n\n")
        k = i % len(paras)
        (folder / f"a{i:02d}.txt").write_text("\n\n".join(paras[k:] + paras[:k]), encoding="utf-8")
    return folder


@pytest.mark.parametrize("command", ["quotes", "hygiene", "terms"])
def test_cli_worker_processes_write_the_same_bytes(command, tmp_path):
    folder = _many_articles(tmp_path / "many")
    run = [sys.executable, "-m", "analysis", command, str(folder), "--format", "jsonl"]
    env = {**__import__("os").environ, "ANALYSIS_WORKERS": "2"}
    env.pop("ANALYSIS_ENGINE", None)
    default = subprocess.run(run, capture_output=True, check=True, env=env)  # the processes engine: 60 articles
    local = subprocess.run([*run, "--engine", "local"], capture_output=True, check=True, env=env)
    assert default.stdout == local.stdout and len(local.stdout) > 10000
