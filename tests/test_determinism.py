"""Byte-identical on any machine: no written number depends on the last bits of a float.

numpy picks SIMD kernels by CPU (an AVX-512 ``np.log`` differs from an AVX2 one in the last
digits). Two ways to reproduce another CPU on this one: ``NPY_DISABLE_CPU_FEATURES`` (which
changes the kernels only where the machine has the features), and, so that the test can fail
on any machine, a ``sitecustomize`` that moves every result of numpy's log, log2, exp and sqrt
by one unit in the last place. The main job's outputs (notebooks, reports, figure data) must
come out byte for byte the same.
"""

import subprocess
import sys

import numpy as np
import pandas as pd
from conftest import SEEDS

from analysis import tables

PERTURB = '''
import numpy as np
def _nudged(f):
    def g(*args, **kwargs):
        return np.nextafter(f(*args, **kwargs), np.inf)
    return g
for _name in ("log", "log2", "exp", "sqrt"):
    setattr(np, _name, _nudged(getattr(np, _name)))
'''
# Features beyond this machine's baseline, from the newest down: disabling those it has moves
# numpy to older kernels; those it lacks are ignored.
OTHER_CPU = "X86_V4 AVX512_ICL AVX512_SPR X86_V3"


def test_stable_floats_hide_the_last_bits():
    x = np.array([0.1 + 0.2, 1 / 3, 2 / 3 * 1e-12, 12345.678901234, 7.0, np.nan, np.inf])
    df = pd.DataFrame({"x": x, "name": list("abcdefg"), "n": range(7)})
    nudged = df.assign(x=np.nextafter(x, np.inf))
    assert df.to_csv() != nudged.to_csv()  # plain pandas writes the last bits ...
    for fmt in ("csv", "jsonl"):
        a, b = _table(df, fmt), _table(nudged, fmt)
        assert a == b  # ... the project's writer does not
    assert _table(df, "csv").splitlines()[1:3] == ["0.3,a,0", "0.333333,b,1"]
    assert tables.round_significant([123456789.0, -0.000123456789]).tolist() == [123457000.0, -0.000123457]


def _table(df, fmt):
    import io

    buf = io.StringIO()
    tables.write_table(df, fmt, buf)
    return buf.getvalue()


def _start_main_job(out, env_extra):
    import os

    env = {**os.environ, **env_extra}
    cmd = [sys.executable, "-m", "analysis", "run", "--articles", str(SEEDS), "--out", str(out)]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _outputs(proc, out):
    _, err = proc.communicate(timeout=900)
    assert proc.returncode == 0, err
    return {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_main_job_is_byte_identical_under_other_float_kernels(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(PERTURB, encoding="utf-8")
    # The two runs go side by side (two cores); each is a whole main job on the seeds.
    a = _start_main_job(tmp_path / "normal", {})
    b = _start_main_job(tmp_path / "other", {"NPY_DISABLE_CPU_FEATURES": OTHER_CPU, "PYTHONPATH": str(site)})
    normal, other = _outputs(a, tmp_path / "normal"), _outputs(b, tmp_path / "other")
    assert sorted(normal) == sorted(other) and len(normal) > 20
    assert any(p.suffix == ".csv" for p in normal) and any(p.suffix == ".ipynb" for p in normal)
    differ = [str(p) for p in normal if normal[p] != other[p]]
    assert not differ, differ
