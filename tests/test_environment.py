"""pyproject.toml, requirements.lock and environment.yml pin the same versions."""

import re
import tomllib

from conftest import ROOT


def pins(lines, sep):
    out = {}
    for line in lines:
        m = re.match(rf"^\s*(?:-\s+)?([A-Za-z0-9_.\-]+)\s*{sep}\s*([0-9][^\s;#]*)", line)
        if m:
            out[m.group(1).lower().replace("_", "-")] = m.group(2)
    return out


def test_pyproject_pins_are_exact_and_in_the_lock():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = meta["dependencies"] + [d for ds in meta["optional-dependencies"].values() for d in ds]
    assert all("==" in d for d in declared), "every dependency is pinned exactly"
    project = pins(declared, "==")
    lock = pins((ROOT / "requirements.lock").read_text().splitlines(), "==")
    assert len(project) == len(declared)
    for name, version in project.items():
        assert lock.get(name) == version, f"{name}: pyproject {version}, lock {lock.get(name)}"


def test_environment_yml_mirrors_pyproject():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = meta["dependencies"] + [d for ds in meta["optional-dependencies"].values() for d in ds]
    project = pins(declared, "==")
    text = (ROOT / "environment.yml").read_text()
    conda = pins(text.splitlines(), "=")
    assert conda.pop("python") == "3.11"
    assert conda == project
    assert "- -e .[dev,dask]" in text and "- -c requirements.lock" in text
