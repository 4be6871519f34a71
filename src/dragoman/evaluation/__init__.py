"""Measure dragoman on annotated articles: the scorer behind `dragoman eval`.

Gold annotations (one `X.gold.json` per article, format in the specification's
`gold/README.md`) are compared with `dragoman/1` outputs part by part: persons
(found, country, role, merged), countries, organisations, direct and indirect
quotes, claims, events, sectors and findings. Each part gets true positives,
false positives and false negatives, hence precision, recall and F1; several
articles are summed (micro average). The matching rules agree count for count
with the reference scorer `shared/score/score.py`.

    >>> report = evaluate_paths([Path("tests/data/eval")], extract_fn)
    >>> print(format_report(report))
"""
from __future__ import annotations

from dragoman.evaluation.corpus import GOLD_SUFFIX, GoldPair, article_for, evaluate_paths, find_gold_pairs
from dragoman.evaluation.gold import GoldError, gold_problem, load_gold
from dragoman.evaluation.matching import normalise_name, token_f1
from dragoman.evaluation.report import (
    ALL_PARTS,
    PARTS,
    PartScore,
    Report,
    below_floors,
    format_report,
    merge,
    parse_floor,
)
from dragoman.evaluation.scoring import QUOTE_MIN_TOKEN_F1, VALUE_TOLERANCE, score_article

__all__ = [
    "ALL_PARTS", "GOLD_SUFFIX", "PARTS", "QUOTE_MIN_TOKEN_F1", "VALUE_TOLERANCE",
    "GoldError", "GoldPair", "PartScore", "Report",
    "article_for", "below_floors", "evaluate_paths", "find_gold_pairs", "format_report",
    "gold_problem", "load_gold", "merge", "normalise_name", "parse_floor", "score_article",
    "token_f1",
]
