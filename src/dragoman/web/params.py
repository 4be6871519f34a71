"""The query parameters of each list, as Pydantic models that forbid unknown names.

FastAPI expands each model into documented query parameters (OpenAPI) and, since
`extra="forbid"`, rejects a parameter a list does not know (400 `unknown_parameter`,
see `errors.validation_error`) instead of silently ignoring a misspelt filter.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from dragoman.errors import ConfigError
from dragoman.model import EVENT_TYPES, METRICS
from dragoman.web.errors import ApiError

PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
# Row ids are 32-bit integers in PostgreSQL: a larger id names nothing.
MAX_ID = 2**31 - 1
_CODE_PAIR = re.compile(r"^([A-Za-z]{3})-([A-Za-z]{3})$")

EventType = Literal[EVENT_TYPES]  # type: ignore[valid-type]
Metric = Literal[METRICS]  # type: ignore[valid-type]

DYAD_HELP = ("two countries: alpha-3 codes joined by a hyphen (TUR-KAZ) or two codes or "
             "names joined by a comma (Türkiye,Kazakhstan)")


class Params(BaseModel):
    """Parameters every list takes: page size, cursor, form."""

    model_config = ConfigDict(extra="forbid")

    limit: int = Field(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description="rows per page")
    cursor: str | None = Field(None, description="`next_cursor` of the page before")
    format: Literal["json", "csv", "jsonl"] | None = Field(
        None, description="json (default), csv or jsonl; or ask by the Accept header")

    def filters(self) -> dict[str, object]:
        """The filters asked for (no paging), for the answer's `query`."""
        skip = {"limit", "cursor", "format"}
        return {k: (v.isoformat() if isinstance(v, dt.date) else v)
                for k, v in self.model_dump().items() if k not in skip and v is not None}


class Dated(Params):
    since: dt.date | None = Field(None, description="on or after this date (YYYY-MM-DD)")
    until: dt.date | None = Field(None, description="on or before this date (YYYY-MM-DD)")

    @model_validator(mode="after")
    def _ordered(self) -> Dated:
        if self.since and self.until and self.since > self.until:
            raise ValueError("since is after until")
        return self


class ArticleParams(Dated):
    q: str | None = Field(None, description="words in the title or text, any case")
    dyad: str | None = Field(None, description="about both countries: " + DYAD_HELP)
    country: str | None = Field(None, description="about this country (alpha-3 or name)")


class EntityParams(Params):
    q: str | None = Field(None, description="a name or alias, any spelling, or words in it")
    type: Literal["person", "country", "organization", "place"] | None = None
    country: str | None = Field(None, description="belonging to this country (alpha-3 or name)")


class QuoteParams(Dated):
    speaker: str | None = Field(None, description="the speaker's name, any spelling")
    speaker_id: int | None = Field(None, ge=1, le=MAX_ID, description="the speaker's entity id")
    dyad: str | None = Field(None, description="in articles about both countries: " + DYAD_HELP)
    q: str | None = Field(None, description="words in the quote, any case")
    type: Literal["direct", "indirect"] | None = None
    article: str | None = Field(None, description="from this article id")


class ClaimParams(Dated):
    metric: Metric | None = None
    status: Literal["actual", "target", "forecast"] | None = None
    speaker: str | None = Field(None, description="the claimant's name, any spelling")
    speaker_id: int | None = Field(None, ge=1, le=MAX_ID, description="the claimant's entity id")
    dyad: str | None = Field(None, description="holder and counterpart: " + DYAD_HELP)
    article: str | None = Field(None, description="from this article id")


class EventParams(Dated):
    dyad: str | None = Field(None, description="between the two countries only: " + DYAD_HELP)
    type: EventType | None = Field(None, description="PLOVER event type")
    status: Literal["occurred", "planned", "intended"] | None = None
    actor: str | None = Field(None, description="an actor's name, any spelling")
    actor_id: int | None = Field(None, ge=1, le=MAX_ID, description="an actor's entity id")


class FindingParams(Dated):
    dyad: str | None = Field(None, description=DYAD_HELP)
    metric: Metric | None = None
    type: Literal["discrepancy", "target_progress"] | None = None
    q: str | None = Field(None, description="words in the finding's sentence, any case")


class DyadParams(Params):
    country: str | None = Field(None, description="pairs with this country (alpha-3 or name)")


class DyadReportParams(BaseModel):
    model_config = ConfigDict(extra="forbid")

    since: dt.date | None = None
    until: dt.date | None = None
    quotes_per_speaker: int = Field(3, ge=1, le=100)


def country(value: str | None, name: str = "country") -> str | None:
    """A country parameter as an alpha-3 code; 422 naming the parameter otherwise."""
    if value is None:
        return None
    from dragoman.store import country_code
    try:
        return country_code(value)
    except ConfigError as exc:
        raise ApiError(422, str(exc), "invalid", [{"location": f"query.{name}",
                                                   "message": str(exc)}]) from None


def dyad(value: str | None) -> tuple[str, str] | None:
    """A dyad parameter as two alpha-3 codes; 422 otherwise."""
    if value is None:
        return None
    match = _CODE_PAIR.match(value.strip())
    parts = list(match.groups()) if match else [p for p in value.split(",") if p.strip()]
    if len(parts) != 2:
        message = f"dyad {value!r} does not name two countries: give {DYAD_HELP}"
        raise ApiError(422, message, "invalid", [{"location": "query.dyad", "message": message}])
    first, second = (country(p, "dyad") for p in parts)
    return first, second  # type: ignore[return-value]
