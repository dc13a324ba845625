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
