"""Find gold files with their articles and score an extractor on all of them.

A gold file `X.gold.json` names its article in `article.file`, relative to the
gold file's folder or to one of the folders above it (a gold file kept in
`gold/` may say "seeds/000.txt" relative to the project folder); without that,
the article is `X.txt` beside the gold file.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NamedTuple

from dragoman.errors import DragomanError
from dragoman.evaluation.gold import GoldError, load_gold
from dragoman.evaluation.report import Report, merge
from dragoman.evaluation.scoring import score_article

GOLD_SUFFIX = ".gold.json"


class GoldPair(NamedTuple):
    """An article file and the gold file that annotates it."""

    article: Path
    gold: Path


def find_gold_pairs(paths: Iterable[Path]) -> list[GoldPair]:
    """Each gold file among `paths` with its article, in the order given.

    paths: gold files, or directories searched recursively for `*.gold.json`
    (in sorted order). A file given twice is scored once. Raises `GoldError` for
    a missing path, a bad gold file or an article that cannot be found, and
    `DragomanError` when no gold file is found at all.
    """
    given = [Path(p) for p in paths]
    gold_files: list[Path] = []
    seen: set[Path] = set()
    for path in given:
        for gold_path in _gold_files_at(path):
            key = gold_path.resolve()
            if key not in seen:
                seen.add(key)
                gold_files.append(gold_path)
    if not gold_files:
        where = ", ".join(str(p) for p in given) or "(no paths given)"
        raise DragomanError(f"no gold files (*{GOLD_SUFFIX}) found in {where}")
    return [GoldPair(article_for(gold_path, load_gold(gold_path)), gold_path) for gold_path in gold_files]


def _gold_files_at(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob(f"*{GOLD_SUFFIX}") if p.is_file())
    if path.is_file():
        return [path]
    raise GoldError(path, "no such file or directory")


def article_for(gold_path: Path, gold: dict[str, Any]) -> Path:
    """The article file a gold file annotates (see the module docstring for where it looks)."""
    named: str | None = (gold.get("article") or {}).get("file")
    folder = Path(gold_path).parent  # kept as given (relative stays relative) where it suffices
    candidates = [base / named for base in (folder, *folder.absolute().parents)] if named else []
    beside = folder / f"{_gold_stem(Path(gold_path))}.txt"
    for candidate in (*candidates, beside):
        if candidate.is_file():
            return candidate
    tried = f"article.file {named!r} in its folder or a folder above it, nor " if named else ""
    raise GoldError(gold_path, f"cannot find the article: tried {tried}{beside.name} beside it; "
                               "set article.file to the article's path")


def _gold_stem(gold_path: Path) -> str:
    name = gold_path.name
    for suffix in (GOLD_SUFFIX, ".json"):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return gold_path.stem


ExtractFn = Callable[[Path], Any]


def evaluate_paths(paths: Iterable[Path], extract_fn: ExtractFn, *,
                   on_article: Callable[[GoldPair, Report], None] | None = None) -> Report:
    """Extract every gold-annotated article under `paths` and score it; the summed Report.

    extract_fn: article path -> its `dragoman/1` dict (an object with `to_dict()`,
    such as an Extraction, is accepted too). on_article: called with each pair
    and its own report as soon as it is scored (for progress or per-article lines).
    """
    reports = []
    for pair in find_gold_pairs(paths):
        output = extract_fn(pair.article)
        if hasattr(output, "to_dict"):
            output = output.to_dict()
        if not isinstance(output, dict):
            raise DragomanError(f"{pair.article}: the extractor returned {type(output).__name__}, "
                                "not a dragoman/1 record")
        report = score_article(output, load_gold(pair.gold))
        if on_article is not None:
            on_article(pair, report)
        reports.append(report)
    return merge(reports)
