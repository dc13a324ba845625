"""Shared fixtures: the seed corpus, loaded once."""

from pathlib import Path

import pytest

from analysis import load_corpus

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHORT, LONG = "000_114e8d6102804466", "001_923bd7c0f2416d6f"


@pytest.fixture(scope="session")
def seeds():
    return load_corpus(SEEDS)


def corpus_of(tmp_path, texts: dict[str, str]):
    """A corpus of the articles ``texts`` (file name -> text), written to ``tmp_path`` first."""
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return load_corpus(tmp_path)
