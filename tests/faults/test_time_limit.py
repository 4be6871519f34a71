"""The time limit per article: a component that runs away is stopped, its article is
reported and left out, and the batch goes on, in the library, `extract` and `ingest`.

The runaway components are made for the test (a loop that never ends, a regular
expression that backtracks for ages) in a blank pipeline, so no timing of the real
model is relied on."""
from __future__ import annotations

import re
import signal
import threading
import time

import pytest
import spacy
from spacy.language import Language
from typer.testing import CliRunner

from dragoman.config import Settings
from dragoman.errors import ConfigError
from dragoman.extraction import (
    DEFAULT_TIME_LIMIT,
    ExtractionError,
    Extractor,
    time_limit_setting,
    to_extraction,
)
from dragoman.model import Article

LIMIT = 0.3  # seconds


@Language.component("dragoman_test_runaway")
def runaway(doc):
    """Never ends on "LOOP"; backtracks for ages on "BACKTRACK"; else does nothing."""
    if "LOOP" in doc.text:
        while True:
            pass
    if "BACKTRACK" in doc.text:
        re.match(r"(a+)+$", "a" * 64 + "!")
    return doc


@Language.component("dragoman_test_slow_step")
def slow_step(doc):
    """A component that takes a fifth of a second: several of them add up."""
    if "SLOW" in doc.text:
        time.sleep(0.2)
    return doc


def runaway_nlp(*components: str) -> Language:
    """A blank English pipeline with these components (default: the runaway one)."""
    nlp = spacy.blank("en")
    for n, factory in enumerate(components or ("dragoman_test_runaway",)):
        nlp.add_pipe(factory, name=f"{factory}_{n}")
    return nlp


def blank_extractor(nlp: Language | None = None, limit: float | None = LIMIT) -> Extractor:
    return Extractor(Settings(model="blank"), nlp=nlp or runaway_nlp(), time_limit=limit)


ARTICLES = [Article("a", "Chile and Peru met."), Article("loop", "LOOP", path="in/loop.txt"),
            Article("b", "Norway and Ghana met."),
            Article("backtrack", "BACKTRACK", path="in/backtrack.txt"),
            Article("c", "Kenya and Poland met.")]


def test_runaway_components_are_stopped_and_the_batch_goes_on():
    errors: list[ExtractionError] = []
    started = time.monotonic()
    done = [x.article.id for x in blank_extractor().extract_many(ARTICLES, on_error=errors.append)]
    assert done == ["a", "b", "c"]
    assert [str(e) for e in errors] == [
        f"in/{name}.txt: extraction stopped after {LIMIT:g} s (the time limit per article); the "
        f"article is left out (raise DRAGOMAN_TIME_LIMIT to give it longer)"
        for name in ("loop", "backtrack")]
    assert time.monotonic() - started < 2 * LIMIT + 1.5


def test_without_on_error_the_stopped_article_raises_after_the_ones_before_it():
    done = []
    with pytest.raises(ExtractionError) as stopped:
        for extraction in blank_extractor().extract_many(ARTICLES):
            done.append(extraction.article.id)
    assert done == ["a"] and stopped.value.article.id == "loop"


def test_the_watchdog_leaves_no_alarm_behind():
    list(blank_extractor().extract_many(ARTICLES, on_error=lambda e: None))
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL


def test_in_a_worker_thread_the_clock_is_checked_between_components():
    nlp = runaway_nlp(*["dragoman_test_slow_step"] * 5)
    errors: list[ExtractionError] = []
    done: list[str] = []

    def work() -> None:
        articles = [Article("slow", "SLOW", path="slow.txt"), Article("quick", "quick")]
        done.extend(x.article.id for x in blank_extractor(nlp).extract_many(articles,
                                                                     on_error=errors.append))

    started = time.monotonic()
    worker = threading.Thread(target=work)
    worker.start()
    worker.join(10)
    assert done == ["quick"] and errors[0].source == "slow.txt"
    assert time.monotonic() - started < 0.2 * 3 + 0.5  # not all five steps


def test_no_limit_lets_a_slow_article_finish():
    nlp = runaway_nlp(*["dragoman_test_slow_step"] * 3)
    (extraction,) = blank_extractor(nlp, limit=0).extract_many([Article("slow", "SLOW")])
    assert extraction.article.id == "slow"


def test_the_real_pipeline_gives_the_same_records_as_one_spacy_pipe(extractor):
    real = extractor
    articles = [Article("x", "Foreign Minister Ana Duarte of Portugal met her Ghanaian "
                             "counterpart in Accra on Monday. \"Trade reached $2 billion,\" "
                             "Duarte said.", "2024-05-14"),
                Article("y", "Kenya and Poland signed a grain accord.", "2024-05-15")]
    records = [x.to_dict() for x in real.extract_many(articles)]
    docs = real.nlp.pipe(real._doc(a) for a in articles)
    assert records == [to_extraction(a, d, real.version).to_dict() for a, d in zip(articles, docs)]


@pytest.mark.parametrize("env, limit", [
    ({}, DEFAULT_TIME_LIMIT), ({"DRAGOMAN_TIME_LIMIT": "2.5"}, 2.5),
    ({"DRAGOMAN_TIME_LIMIT": "0"}, None), ({"DRAGOMAN_TIME_LIMIT": "off"}, None),
])
def test_the_limit_comes_from_the_environment(env, limit):
    assert time_limit_setting(Settings(model="x"), env) == limit


@pytest.mark.parametrize("raw", ["soon", "-1", "nan"])
def test_a_bad_limit_is_a_configuration_error_naming_the_variable(raw):
    with pytest.raises(ConfigError, match="DRAGOMAN_TIME_LIMIT"):
        time_limit_setting(Settings(model="x"), {"DRAGOMAN_TIME_LIMIT": raw})


# -- through the commands ----------------------------------------------------------------


@pytest.fixture
def runaway_commands(monkeypatch, tmp_path):
    """The CLI with the blank runaway pipeline and the limit set to LIMIT; a folder of
    two good articles and one that runs away."""
    import dragoman.extraction
    monkeypatch.setattr(dragoman.extraction, "build_pipeline", lambda model, **kw: runaway_nlp())
    monkeypatch.setenv("DRAGOMAN_TIME_LIMIT", str(LIMIT))
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in [("a", "Chile and Peru met."), ("b", "LOOP forever"),
                       ("c", "Norway and Ghana met.")]:
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def test_extract_reports_the_stopped_article_and_exits_3(runaway_commands):
    from dragoman.cli import app
    result = CliRunner().invoke(app, ["extract", str(runaway_commands), "--format", "jsonl"])
    assert result.exit_code == 3, result.output
    assert result.stderr.splitlines() == [
        f"error: {runaway_commands / 'b.txt'}: extraction stopped after {LIMIT:g} s (the time "
        f"limit per article); the article is left out (raise DRAGOMAN_TIME_LIMIT to give it "
        f"longer)",
        "1 input(s) failed; the others were extracted."]
    assert len(result.stdout.splitlines()) == 2


def test_ingest_stores_the_others_and_exits_3(runaway_commands, tmp_path):
    from dragoman.cli import app
    from dragoman.store import KnowledgeBase
    db = tmp_path / "kb.db"
    result = CliRunner().invoke(app, ["ingest", str(runaway_commands), "--db", str(db)])
    assert result.exit_code == 3, result.output
    assert result.stdout.splitlines()[0] == ("read 3, stored 2, updated 0, skipped as "
                                             "duplicate 0, failed 1")
    assert f"{runaway_commands / 'b.txt'}: extraction stopped after {LIMIT:g} s" in result.stdout
    with KnowledgeBase(db) as kb:
        assert kb.counts()["articles"] == 2
