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
