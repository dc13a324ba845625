"""Writing tables and text: the same bytes on every machine, and names shown as names.

numpy picks SIMD kernels by CPU, so ``np.log`` on an AVX-512 machine can differ from an AVX2
one in the last bits; a CSV with full float precision then changes between machines. Every
table this project writes (figure data, command-line output) goes through :func:`stable`,
which keeps a fixed number of significant digits, far above what any measure here can resolve
and far below the last bits.
"""

from __future__ import annotations

import html
import re
import sys
from typing import TextIO

import numpy as np
import pandas as pd

SIGNIFICANT_DIGITS = 6


def round_significant(values, digits: int = SIGNIFICANT_DIGITS) -> np.ndarray:
    """Floats rounded to ``digits`` significant digits through their decimal text (so that
    ``repr`` of each result is that short decimal, e.g. 0.1 + 0.2 -> 0.3). NaN and inf stay."""
    x = np.asarray(values, dtype=float)
    out = x.copy()
    finite = np.isfinite(x)
    if finite.any():
        out[finite] = np.char.mod(f"%.{digits}g", x[finite]).astype(float)
    return out


def stable(df: pd.DataFrame, digits: int = SIGNIFICANT_DIGITS) -> pd.DataFrame:
    """A copy of ``df`` whose float columns keep ``digits`` significant digits (other columns untouched)."""
    out = df.copy()
    for col in out.columns[[pd.api.types.is_float_dtype(t) for t in out.dtypes]]:
        out[col] = round_significant(out[col].to_numpy(dtype=float, na_value=np.nan), digits)
    return out


def write_csv(df: pd.DataFrame, path_or_buf, **kwargs) -> None:
    """``df`` as CSV (no index, ``\\n`` line ends) with stable floats."""
    stable(df).to_csv(path_or_buf, index=False, lineterminator="\n", **kwargs)


def write_table(df: pd.DataFrame, fmt: str = "csv", out: TextIO | None = None) -> None:
    """``df`` to ``out`` (default stdout) as CSV or JSON lines, with stable floats."""
    out = sys.stdout if out is None else out
    if fmt == "jsonl":
        text = stable(df).to_json(orient="records", lines=True, force_ascii=False, double_precision=15)
        out.write(text if text.endswith("\n") or not text else text + "\n")
    else:
        write_csv(df, out)


def markdown_literal(text: str) -> str:
    """``text`` as inline Markdown that shows exactly those characters: ``<``, ``>`` and ``&`` escaped
    (a folder called ``<img onerror=...>`` is a name, not markup; quotes need no escaping outside
    attributes) and the characters that format inline text
    (emphasis, code, links, tables, strike-through, math) backslash-escaped."""
    return re.sub(r"([\\`*_\[\]|~$])", r"\\\1", html.escape(text, quote=False))


LIST_LIMIT = 8  # articles a notebook prints line by line; the tables and CSVs keep every article


def first_articles(labels: dict, limit: int = LIST_LIMIT) -> tuple[dict, str]:
    """The first ``limit`` entries of an article_id -> label dict, and a line saying how many were
    left out ("" when none), for notebook cells that print a line per article."""
    if len(labels) <= limit:
        return labels, ""
    return dict(list(labels.items())[:limit]), (f"(The first {limit} of {len(labels)} articles are listed; "
                                                "the table above and the CSVs have all of them.)")
