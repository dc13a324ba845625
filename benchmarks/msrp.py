"""Read the MSRP training file and split it once into a fit part and a check part.

The file is never shipped (Microsoft Research's corpus; the sentences are the publishers'): pass
its path. ``part`` puts a pair in ``check`` when the CRC-32 of "<id1>-<id2>" is divisible by 5
(about 20% of pairs); the split is fixed here so that every script uses the same one. Weights and
thresholds are fitted on ``fit`` only; errors are read on ``fit`` only; both parts are reported.
"""

import sys
import zlib
from pathlib import Path


def part(id1: str, id2: str) -> str:
    """'check' for about one pair in five, chosen by a hash of the two ids; else 'fit'."""
    return "check" if zlib.crc32(f"{id1}-{id2}".encode()) % 5 == 0 else "fit"


def load(path: str) -> list[tuple[int, str, str, str, str, str]]:
    """(label, id1, id2, sentence1, sentence2, part) for every pair of an MSRP file; exits with a
    clear message when the file is missing or not in the MSRP format."""
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        sys.exit(f"error: {p}: cannot read it as UTF-8 text ({e.__class__.__name__})")
    if not lines or not lines[0].startswith("Quality\t"):
        sys.exit(f"error: {p}: not an MSRP file (the first line should start with 'Quality<tab>')")
    rows = []
    for n, line in enumerate(lines[1:], 2):
        cols = line.split("\t")
        if len(cols) != 5 or cols[0] not in ("0", "1"):
            sys.exit(f"error: {p}: line {n} is not label<tab>id<tab>id<tab>sentence<tab>sentence")
        rows.append((int(cols[0]), cols[1], cols[2], cols[3], cols[4], part(cols[1], cols[2])))
    return rows


def scores(pred, gold) -> tuple[float, float, float, float]:
    """(accuracy, precision, recall, F1 of the positive class) of boolean predictions."""
    tp = sum(1 for p, g in zip(pred, gold, strict=True) if p and g)
    fp = sum(1 for p, g in zip(pred, gold, strict=True) if p and not g)
    fn = sum(1 for p, g in zip(pred, gold, strict=True) if not p and g)
    acc = sum(1 for p, g in zip(pred, gold, strict=True) if bool(p) == bool(g)) / max(1, len(gold))
    prec, rec = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return acc, prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)
