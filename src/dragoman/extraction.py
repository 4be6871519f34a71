"""Extraction: articles in, `Extraction` records (the `dragoman/1` contract) out.

The one entry point that the CLI, the HTTP API and cluster workers all call.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from dragoman import __version__
from dragoman.config import Settings, load_settings
from dragoman.model import Article, Extraction
from dragoman.nlp.pipeline import build_pipeline


def _parse_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


class Extractor:
    """A loaded pipeline. Build once, then extract any number of articles.

    batch_size: articles per `nlp.pipe` batch.
    """

    def __init__(self, settings: Settings | None = None, *, batch_size: int = 32) -> None:
        self.settings = settings or load_settings()
        self.nlp: Language = build_pipeline(self.settings.model)
        self.batch_size = batch_size
        meta = self.nlp.meta
        self.version = f"dragoman {__version__}; {meta.get('name')} {meta.get('version')}"

    def _doc(self, article: Article) -> Doc:
        doc = self.nlp.make_doc(article.text)
        doc._.pub_date = _parse_date(article.date)
        return doc

    def extract_article(self, article: Article) -> Extraction:
        return next(self.extract_many([article]))

    def extract_many(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        """Extract articles in batches, in order."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.batch_size:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    def _run(self, batch: list[Article]) -> Iterator[Extraction]:
        docs = self.nlp.pipe((self._doc(a) for a in batch), batch_size=self.batch_size)
        for article, doc in zip(batch, docs):
            yield to_extraction(article, doc, self.version)


def to_extraction(article: Article, doc: Doc, version: str | None = None) -> Extraction:
    """Collect what the components wrote on `doc` into an `Extraction`."""
    return Extraction(
        article=article,
        entities=list(doc._.entities or []),
        quotes=list(doc._.quotes or []),
        claims=list(doc._.claims or []),
        events=list(doc._.events or []),
        sectors=list(doc._.sectors or []),
        findings=list(doc._.findings or []),
        extractor=version,
    )


@lru_cache(maxsize=2)
def default_extractor(model: str | None = None) -> Extractor:
    """One shared extractor per model name, loaded on first use."""
    settings = load_settings()
    return Extractor(settings.with_overrides(model=model))


def extract(text: str, date: str | dt.date | None = None, *, id: str = "text",
            title: str | None = None, source: str | None = None,
            model: str | None = None) -> Extraction:
    """Extract one article given as text (the body, without a header).

    date: publication date ("YYYY-MM-DD"), which relative dates are resolved against.
    """
    iso = date.isoformat() if isinstance(date, dt.date) else date
    article = Article(id=id, text=text, date=iso, title=title, source=source)
    return default_extractor(model).extract_article(article)
