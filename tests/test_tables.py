"""Notebook output at many articles: line-per-article lists and findings lists are capped, and say so."""

import pandas as pd

from analysis import findings, tables


def test_first_articles_keeps_order_and_counts_the_rest():
    labels = {f"id{k}": f"Article {k}" for k in range(11)}
    shown, note = tables.first_articles(labels, limit=8)
    assert list(shown) == [f"id{k}" for k in range(8)]
    assert note == "(The first 8 of 11 articles are listed; the table above and the CSVs have all of them.)"
    assert tables.first_articles(dict(list(labels.items())[:3])) == (dict(list(labels.items())[:3]), "")


def test_findings_markdown_caps_each_finding_and_says_how_many_more():
    rows = [{"finding": "length", "section": "", "statement": f"Article {k} has {k} words"} for k in range(11)]
    rows += [{"finding": "voiceless", "section": "", "statement": "Nobody is unheard"}]
    md = findings.markdown(pd.DataFrame(rows), limit=8).splitlines()
    assert md[:8] == [f"- Article {k} has {k} words" for k in range(8)]
    assert md[8] == "- _… and 3 more statements of the finding length, in the findings table (`findings.csv`)._"
    assert md[9] == "- Nobody is unheard" and len(md) == 10
    assert len(findings.markdown(pd.DataFrame(rows), limit=None).splitlines()) == 12
