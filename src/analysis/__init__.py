"""How two news articles cover the same story: corpus loading, terms, quotes, framing, figures.

Start with :func:`load_corpus`; every other function takes the resulting DataFrames.
"""

from .corpus import Corpus, CorpusError, load_corpus

__all__ = ["Corpus", "CorpusError", "load_corpus"]
__version__ = "0.1.0"
