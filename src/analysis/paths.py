"""Every project path in one place; environment variables let a run point at other articles.

``ANALYSIS_ARTICLES`` replaces the seed folder and ``ANALYSIS_RESULTS`` the folder where
notebooks write the CSV (and PNG) behind each figure; ``python -m analysis run --articles``
sets both, so an analysis of your own articles never overwrites the committed results.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
NOTEBOOKS = ROOT / "notebooks"
RESULTS = ROOT / "results"
REPORTS = ROOT / "reports"


def articles_dir() -> Path:
    """The folder of articles the notebooks analyse: $ANALYSIS_ARTICLES, else ``seeds/``."""
    return Path(os.environ.get("ANALYSIS_ARTICLES") or SEEDS)


def results_dir(name: str) -> Path:
    """Folder for one notebook's figure data (created): $ANALYSIS_RESULTS/name, else results/name."""
    folder = Path(os.environ.get("ANALYSIS_RESULTS") or RESULTS) / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder
