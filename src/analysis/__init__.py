"""How two news articles cover the same story: corpus loading, terms, quotes, framing, figures.

Start with :func:`load_corpus`; every other function takes the resulting DataFrames.
"""

__all__ = ["Corpus", "CorpusError", "load_corpus"]
__version__ = "0.1.0"


def __getattr__(name: str):
    """``Corpus``, ``CorpusError`` and ``load_corpus`` on first use, so ``python -m analysis quotes`` does not
    import pandas (PEP 562)."""
    if name in ("Corpus", "load_corpus"):
        from . import corpus

        return getattr(corpus, name)
    if name == "CorpusError":
        from .files import CorpusError

        return CorpusError
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
