"""Resolving a date as written (`timerules.Spec`) against the publication date: the year
of a month named without one, the date of a weekday, "last year", "two months ago"."""
from __future__ import annotations

from datetime import date, timedelta

from dragoman.nlp.timerules import Spec


def shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    """(year, month) `offset` months after the given one (before it when negative)."""
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


def _pick_year(month: int, day: int | None, pub: date, rel: str | None, future: bool | None) -> int:
    """The year of a month (and day) named without one: the past occurrence unless
    `future` or rel "next"; "last" is strictly before the publication month, "next"
    strictly after it, "this" the publication year."""
    here = (pub.month, day or 0) if day else (pub.month, 0)
    there = (month, day or 0) if day else (month, 0)
    if rel == "this":
        return pub.year
    if rel == "last":
        return pub.year if there < here and month != pub.month else pub.year - 1
    if rel == "next":
        return pub.year if there > here and month != pub.month else pub.year + 1
    if future:
        return pub.year if there >= here else pub.year + 1
    return pub.year if there <= here else pub.year - 1


def _pick_weekday(weekday: int, pub: date, rel: str | None, future: bool | None) -> date:
    back = (pub.weekday() - weekday) % 7
    ahead = (weekday - pub.weekday()) % 7
    if rel == "last":
        return pub - timedelta(days=back or 7)
    if rel == "next":
        return pub + timedelta(days=ahead or 7)
    if future:
        return pub + timedelta(days=ahead)
    return pub - timedelta(days=back)


def _year_of_weekday(year: int, month: int, day: int, weekday: int, pub: date) -> int:
    """The year in which `day` `month` falls on `weekday` ("Tuesday, 14 May"): `year` (the
    tense's pick) if it does, else the publication year or one next to it, else `year`."""
    for candidate in (year, pub.year, pub.year - 1, pub.year + 1):
        try:
            if date(candidate, month, day).weekday() == weekday:
                return candidate
        except ValueError:  # 29 February
            continue
    return year


def day_in_month(spec: Spec, pub: date, future: bool | None) -> str | None:
    """The date of a day of the month named without its month ("on the 14th"): in the month
    `spec.offset` from publication when it says one ("the 14th of next month"), else the
    publication month if that day is on or before the publication date (on or after it in a
    future report), else the month before (after). With a weekday ("Tuesday the 14th") the
    nearest month in which the day falls on it."""
    if spec.day is None:
        return None
    if spec.unit == "month":
        year, month = shift_month(pub.year, pub.month, spec.offset)
        return date(year, month, spec.day).isoformat()
    if future:
        first = 0 if spec.day >= pub.day else 1
    else:
        first = 0 if spec.day <= pub.day else -1
    for offset in (first, 0, -1, 1, -2, 2) if spec.weekday is not None else (first,):
        year, month = shift_month(pub.year, pub.month, offset)
        try:
            day = date(year, month, spec.day)
        except ValueError:  # "the 31st" of a shorter month
            continue
        if spec.weekday is None or day.weekday() == spec.weekday:
            return day.isoformat()
    return None


def relative_value(spec: Spec, pub: date) -> str | None:
    """The value of a date counted from publication ("yesterday", "last year", "two months ago")."""
    if spec.unit == "day":
        return (pub + timedelta(days=spec.offset)).isoformat()
    if spec.unit == "month":
        year, month = shift_month(pub.year, pub.month, spec.offset)
        return f"{year:04d}-{month:02d}"
    if spec.unit == "year":
        return f"{pub.year + spec.offset:04d}"
    if spec.unit == "decade_end":
        return f"{(pub.year - 1) // 10 * 10 + 10:04d}"
    return None  # weeks and decades have no value in the contract's precisions


def spec_value(spec: Spec, pub: date | None, future: bool | None) -> str | None:
    """The value ("YYYY" | "YYYY-MM" | "YYYY-MM-DD") of `spec`, or None; future: the tense
    that picks between the past and the coming month or weekday."""
    if spec.kind == "duration":
        return None
    try:
        if spec.year is not None:
            if spec.month is None:
                return f"{spec.year:04d}"
            if spec.day is None:
                return f"{spec.year:04d}-{spec.month:02d}"
            return date(spec.year, spec.month, spec.day).isoformat()
        if pub is None:
            return None
        if spec.day is not None and spec.month is None:
            return day_in_month(spec, pub, future)
        if spec.weekday is not None and spec.month is None:
            return _pick_weekday(spec.weekday, pub, spec.rel, future).isoformat()
        if spec.month is not None:
            year = _pick_year(spec.month, spec.day, pub, spec.rel, future)
            if spec.day is not None and spec.weekday is not None:
                year = _year_of_weekday(year, spec.month, spec.day, spec.weekday, pub)
            if spec.day is None:
                return f"{year:04d}-{spec.month:02d}"
            return date(year, spec.month, spec.day).isoformat()
        return relative_value(spec, pub)
    except ValueError:  # "31 June"
        return None

