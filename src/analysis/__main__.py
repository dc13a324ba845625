"""Command line: ``python -m analysis COMMAND``.

- ``run [--articles DIR --out DIR] [--only NN]``: execute the notebooks and render HTML reports.
- ``hygiene PATH... [--format csv|jsonl]``: the capture-artifact and structure report.
- ``terms PATH... [--top N] [--unit norm|stem] [--prior pooled|background] [--format csv|jsonl]``:
  the distinctive terms of each article against the others.
- ``frames PATH... [--actors FILE] [--format csv|jsonl]``: every framing measure in one long
  table (article_id, measure, group, value). Actors come from ``--actors``, else from an
  actors.csv beside the articles, else each speaker is an actor (with a note on stderr).
- ``quotes PATH... [--format csv|jsonl]``: one record per attribution (direct, mixed, indirect,
  partial, mention) with character offsets into each article as read from disk.
- ``align PATH... [--what sentences|figures|names|quotes|coverage] [--format csv|jsonl]``: the
  fact-by-fact alignment, one row per body sentence (article_id, sentence, status shared|partial|
  only_here, match_article, match_sentence, score, text, match_text), or the figures, names,
  quotation differences or coverage shares behind it (see ``analysis.align``).
- ``groups PATH... [--what terms|quotes|measures] [--format csv|jsonl]``: group against group, with
  the groups from a ``group`` column of ``metadata.csv`` (see ``analysis.groups``).
- ``findings PATH... [--actors FILE] [--format csv|jsonl|markdown]``: every computed finding
  (finding, section, article_id, statement, value, values, evidence), see ``analysis.findings``.

Bad input ends with ``error: <file>: <problem>`` and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .files import CorpusError


def _write_table(df, fmt: str) -> None:
    from .tables import write_table

    write_table(df, fmt)


def _from_make(args: argparse.Namespace) -> None:
    """Fill --articles and --out from make's ARTICLES and OUT, which the Makefile passes through the
    environment exactly as typed (no shell or make expansion: a folder name is only a name)."""
    origin = {k: os.environ.get(f"ANALYSIS_MAKE_{k}_ORIGIN", "undefined") for k in ("ARTICLES", "OUT")}
    if origin["ARTICLES"] != "undefined":
        value = os.environ.get("ANALYSIS_MAKE_ARTICLES", "")
        if not value.strip():
            raise CorpusError("ARTICLES is empty: name a folder of articles (make ARTICLES=path/to/folder OUT=my-output), "
                              "or leave ARTICLES out to re-run the notebooks on the seeds")
        args.articles = Path(value)
        if origin["OUT"] != "undefined":
            out = os.environ.get("ANALYSIS_MAKE_OUT", "")
            if not out.strip():
                raise CorpusError("OUT is empty: name a new or empty folder for the results, e.g. OUT=my-output")
            args.out = Path(out)
    elif origin["OUT"] == "command line":
        raise CorpusError("OUT is only for runs on your own articles: make ARTICLES=path/to/folder OUT=my-output")


def _cmd_run(args: argparse.Namespace) -> int:
    from .run import NotebookError, run_all

    if args.from_make:
        _from_make(args)
    try:
        run_all(articles=args.articles, out=args.out, only=args.only or (), log=_log)
    except NotebookError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0


def _log(line: str) -> None:
    """Progress to stdout; notes about skipped input to stderr."""
    print(line, file=sys.stderr if line.startswith("note: ") else sys.stdout, flush=True)


def _load(paths: Sequence[Path]):
    """The corpus of ``paths``, after a note on stderr for every file that was skipped and why."""
    from .corpus import scan_articles

    files, notes = scan_articles(paths)
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    from .corpus import load_corpus

    return load_corpus(files)


def _cmd_hygiene(args: argparse.Namespace) -> int:
    from .hygiene import report

    _write_table(report(_load(args.paths)), args.format)
    return 0


def _cmd_terms(args: argparse.Namespace) -> int:
    from . import terms

    corpus = _load(args.paths)
    if len(corpus.articles) < 2:
        raise CorpusError(f"{args.paths[0]}: distinctive terms compare articles, so give at least two")
    table = terms.count_table(corpus.tokens, unit=args.unit, stopwords=args.with_stopwords)
    empty = [a for a in corpus.articles["article_id"] if a not in table.index]
    for aid in empty:
        print(f"note: {aid}: no body words{'' if args.with_stopwords else ' other than stopwords'}, "
              "so it has no distinctive terms (and does not count as 'the rest')", file=sys.stderr)
    n_words = terms.words(corpus.tokens).groupby("article_id").size()
    top = terms.distinctive(table, prior=args.prior, n_words=n_words, min_count=args.min_count, top=max(args.top, 0))
    if args.unit == "stem":  # a readable form beside each stem: its most frequent spelling
        forms = terms.frequencies(corpus.tokens, unit="stem", stopwords=args.with_stopwords)
        top.insert(2, "label", top["term"].map(forms.drop_duplicates("term").set_index("term")["label"]))
    _write_table(top, args.format)
    return 0


def _cmd_quotes(args: argparse.Namespace) -> int:
    from .engine import map_articles
    from .files import read_article, scan_articles
    from .quotes import COLUMNS, article_text

    files, notes = scan_articles(args.paths)
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    items = [(f.stem, read_article(f), args.format) for f in files]
    texts = map_articles(article_text, items, desc="quotes")  # each article written out where it was extracted
    if args.format == "csv":
        sys.stdout.write(",".join(COLUMNS) + "\n")
    sys.stdout.writelines(texts)
    return 0


def _cmd_frames(args: argparse.Namespace) -> int:
    from . import framing, hygiene, quotes

    corpus = _load(args.paths)
    actors_file = args.actors or _actors_beside(args.paths)
    atts = quotes.extract(corpus)
    if actors_file is None:  # as notebook 4 does: every speaker is an actor, and the user is told
        print(f"note: {args.paths[0]}: no actors.csv beside the articles: using each speaker as an actor "
              "(write one, or name it with --actors FILE, to group actors into sides)", file=sys.stderr)
        actors = framing.actors_from_speakers(atts, corpus)
    else:
        actors = framing.load_actors(actors_file)
    if args.without_repeated_summary:
        keys = hygiene.repeated_sentences(corpus)
        atts = atts[~quotes.in_sentences(atts, corpus.sentences, keys)]
        corpus = corpus.drop_sentences(keys)
    _write_table(framing.all_measures(corpus, atts, actors), args.format)
    return 0


def _cmd_align(args: argparse.Namespace) -> int:
    from . import align

    corpus = _load(args.paths)
    if len(corpus.articles) < 2:
        raise CorpusError(f"{args.paths[0]}: alignment compares articles, so give at least two")
    ids = corpus.articles["article_id"]
    if args.what == "figures":
        table = align.figures(corpus)
    elif args.what == "names":
        table = align.carried(align.names(corpus), "key", ids)
    else:
        alignment = align.align(corpus)
        if args.what == "quotes":
            from .quotes import extract

            table = align.quote_fidelity(corpus, alignment, extract(corpus))
        elif args.what == "coverage":
            table = align.coverage(corpus, alignment)
        else:
            table = alignment
    _write_table(table, args.format)
    return 0


def _cmd_groups(args: argparse.Namespace) -> int:
    from . import framing, groups, quotes

    corpus = _load(args.paths)
    groups.groups_of(corpus)  # a clear error before any work when there are no groups
    if args.what == "terms":
        table = groups.group_terms(corpus, top=max(args.top, 0), unit=args.unit)
    else:
        atts = quotes.extract(corpus)
        if args.what == "quotes":
            table = groups.group_quotes(corpus, atts)
        else:
            actors_file = args.actors or _actors_beside(args.paths)
            actors = framing.load_actors(actors_file) if actors_file else framing.actors_from_speakers(atts, corpus)
            table = groups.group_measures(corpus, framing.all_measures(corpus, atts, actors))
    _write_table(table, args.format)
    return 0


def _nonempty_path(value: str) -> Path:
    """A path argument that is not empty ("" would silently mean the current folder)."""
    if not value.strip():
        raise argparse.ArgumentTypeError("empty: name a folder")
    return Path(value)


def _cmd_findings(args: argparse.Namespace) -> int:
    from . import findings, framing

    corpus = _load(args.paths)
    actors = None
    actors_file = args.actors or _actors_beside(args.paths)
    if actors_file is not None:
        actors = framing.load_actors(actors_file)
    table = findings.compute(corpus, actors=actors, n_perm=args.permutations)
    if args.format == "markdown":
        sys.stdout.write(findings.markdown(table, limit=None) + "\n")
    else:
        _write_table(table, args.format)
    return 0


def _actors_beside(paths: Sequence[Path]) -> Path | None:
    """An actors.csv in the folder of the articles, if there is one."""
    folders = {p if p.is_dir() else p.parent for p in paths}
    found = sorted(f / "actors.csv" for f in folders if (f / "actors.csv").is_file())
    return found[0] if found else None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("run", help="execute every notebook and render HTML reports")
    p.add_argument("--articles", type=_nonempty_path, help="analyse this folder of .txt/.md articles instead of seeds/")
    p.add_argument("--out", type=_nonempty_path, help="output folder for an --articles run (default: ./output)")
    p.add_argument("--only", action="append", metavar="NN", help="only notebooks whose name starts with NN")
    p.add_argument("--from-make", action="store_true", help=argparse.SUPPRESS)  # ARTICLES/OUT from the Makefile
    p.set_defaults(func=_cmd_run)

    p = sub.add_parser("hygiene", help="report capture artifacts, structure and near-duplicate sentences")
    p.add_argument("paths", nargs="+", type=_nonempty_path, help="article files or folders")
    p.add_argument("--format", choices=["csv", "jsonl"], default="csv")
    p.set_defaults(func=_cmd_hygiene)

    p = sub.add_parser("terms", help="distinctive terms of each article against the others")
    p.add_argument("paths", nargs="+", type=_nonempty_path, help="article files or folders (two or more articles)")
    p.add_argument("--top", type=int, default=20, help="terms per article, most distinctive first (default 20)")
    p.add_argument("--unit", choices=["norm", "stem"], default="norm", help="count words or Snowball stems")
    p.add_argument("--prior", choices=["pooled", "background"], default="pooled",
                   help="Dirichlet prior from the articles themselves or from general English (wordfreq)")
    p.add_argument("--with-stopwords", action="store_true", help="keep stopwords (default: removed)")
    p.add_argument("--min-count", type=int, default=1, help="leave out terms used fewer times in total")
    p.add_argument("--format", choices=["csv", "jsonl"], default="csv")
    p.set_defaults(func=_cmd_terms)

    p = sub.add_parser("quotes", help="quotes and reported speech with their speakers and cues")
    p.add_argument("paths", nargs="+", type=_nonempty_path, help="article files or folders")
    p.add_argument("--format", choices=["csv", "jsonl"], default="csv",
                   help="jsonl keeps quote_spans as lists (the format benchmarks/eval_quotes.py scores)")
    p.set_defaults(func=_cmd_quotes)

    p = sub.add_parser("frames", help="framing measures: voices, cue stance, placement, frames, labels, hedges, tone")
    p.add_argument("paths", nargs="+", type=_nonempty_path, help="article files or folders")
    p.add_argument("--actors", type=Path, help="actor CSV (actor, side, patterns); default: actors.csv beside the articles, else each speaker")
    p.add_argument("--without-repeated-summary", action="store_true",
                   help="leave out paragraphs that only repeat other paragraphs (a summary lede)")
    p.add_argument("--format", choices=["csv", "jsonl"], default="csv")
    p.set_defaults(func=_cmd_frames)

    p = sub.add_parser("align", help="align the articles fact by fact: shared, partial or only in one article")
    p.add_argument("paths", nargs="+", type=_nonempty_path, help="article files or folders (two or more articles)")
    p.add_argument("--what", choices=["sentences", "figures", "names", "quotes", "coverage"], default="sentences",
                   help="the sentence alignment (default), or the figures, names, quotation diffs or coverage")
    p.add_argument("--format", choices=["csv", "jsonl"], default="csv")
    p.set_defaults(func=_cmd_align)

    p = sub.add_parser("groups", help="group against group (metadata.csv's group column): terms, quoting, framing measures")
    p.add_argument("paths", nargs="+", type=_nonempty_path, help="article folders whose metadata.csv has a group column")
    p.add_argument("--what", choices=["terms", "quotes", "measures"], default="terms",
                   help="distinctive terms of each group (default), how each group quotes, or every framing measure per group")
    p.add_argument("--top", type=int, default=20, help="terms per group (default 20)")
    p.add_argument("--unit", choices=["norm", "stem"], default="norm")
    p.add_argument("--actors", type=Path, help="actor CSV for --what measures; default: actors.csv beside the articles")
    p.add_argument("--format", choices=["csv", "jsonl"], default="csv")
    p.set_defaults(func=_cmd_groups)

    p = sub.add_parser("findings", help="every computed finding: one sentence each, with its numbers and evidence")
    p.add_argument("paths", nargs="+", type=_nonempty_path, help="article files or folders")
    p.add_argument("--actors", type=Path, help="actor CSV; default: actors.csv beside the articles, else each speaker")
    p.add_argument("--permutations", type=int, default=1000, help="permutations for the distinctive-terms null (default 1000)")
    p.add_argument("--format", choices=["csv", "jsonl", "markdown"], default="csv")
    p.set_defaults(func=_cmd_findings)
    for name, p in sub.choices.items():
        p.add_argument("--engine", choices=["local", "processes", "dask"], default=None,
                       help="where the per-article work runs: this process, worker processes (one per CPU, "
                            "ANALYSIS_WORKERS to change; the default "
                            + ("of the other commands; here the notebooks run locally unless told" if name == "run"
                               else "from 50 articles up") + ") or Dask "
                            "(a LocalCluster, or the scheduler at ANALYSIS_DASK_SCHEDULER); needs the dask extra"
                       + (" (the notebooks' kernels inherit it)" if name == "run" else ""))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "engine", None):  # read by analysis.engine here and in the notebooks' kernels
        os.environ["ANALYSIS_ENGINE"] = args.engine
    elif args.command != "run" and not os.environ.get("ANALYSIS_ENGINE"):
        os.environ["ANALYSIS_ENGINE"] = "processes"  # a command's own run: use this machine's CPUs
    try:
        return args.func(args)
    except CorpusError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. piped into head
        return 0


if __name__ == "__main__":
    sys.exit(main())
