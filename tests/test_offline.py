"""The pipeline needs no nltk_data and no network: run it in a subprocess with both taken away."""

import os
import subprocess
import sys
import textwrap

from conftest import ROOT

SCRIPT = textwrap.dedent(
    """
    import socket, sys
    import nltk
    nltk.data.path[:] = []                      # no nltk_data anywhere

    def refuse(*args, **kwargs):
        raise RuntimeError("network access attempted")

    socket.socket = refuse                      # no network
    socket.create_connection = refuse
    socket.getaddrinfo = refuse

    from analysis import framing, hygiene, load_corpus, quotes
    c = load_corpus(sys.argv[1])
    r = hygiene.report(c)
    m = framing.all_measures(c, quotes.extract(c), framing.load_actors(sys.argv[1] + "/actors.csv"))
    assert (m["measure"] == "tone").sum() >= 4  # VADER's lexicon comes from the installed package
    try:
        nltk.word_tokenize("data needed")
    except LookupError:
        print("word_tokenize refused: nltk_data really is absent")
    print(len(c.sentences), len(c.tokens), len(r))
    """
)


def test_pipeline_runs_without_nltk_data_or_network(tmp_path):
    env = {**os.environ, "NLTK_DATA": str(tmp_path / "none"), "HOME": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(ROOT / "seeds")], capture_output=True, text=True, env=env, check=True
    ).stdout.splitlines()
    assert out[0] == "word_tokenize refused: nltk_data really is absent"
    n_sent, n_tok, n_findings = map(int, out[1].split())
    assert n_sent == 40 and n_tok > 1000 and n_findings == 13
