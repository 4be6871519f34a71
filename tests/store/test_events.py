"""Events across articles: reports of one happening are one event with all its sources."""
from __future__ import annotations

import datetime as dt

import pytest

from dragoman.model import Event
from dragoman.store.events import event_key, first_day
from dragoman.store.resolve import KnownEntity

from .builders import Builder, Person

SEOUL = Person("Park Ji-won", "KOR", ["foreign minister"])
HANOI = Person("Nguyen Van Minh", "VNM", ["foreign minister"])


def report(id: str, published: str, *, date: str | None = "2024-04-08", type: str = "CONSULT",
           status: str = "occurred", by_country: bool = False, twice: bool = False) -> Builder:
    """An article reporting the ministers' meeting (by their names, or by countries)."""
    b = Builder(id, published)
    kor, vnm = b.country("KOR", "South Korea"), b.country("VNM", "Vietnam")
    park, minh = b.person(SEOUL), b.person(HANOI)
    place = b.place("Hanoi", "VNM")
    source, target = ([kor], [vnm]) if by_country else ([park], [minh])
    b.event(type, source, target, date=date, status=status, mode="meeting", location=place)
    if twice:
        b.event(type, source, target, date=date, status=status, mode="meeting")
    return b


def test_one_meeting_reported_by_three_articles_is_one_event_with_three_sources(kb):
    kb.store([report("yonhap", "2024-04-08").build(), report("vnexpress", "2024-04-09").build(),
              report("wire", "2024-04-09", by_country=True).build()])
    events = kb.events()
    assert len(events) == 1
    assert events[0].articles == 3
    assert sorted(s.article for s in events[0].sources) == ["vnexpress", "wire", "yonhap"]
    assert events[0].countries == ["KOR", "VNM"]
    assert kb.counts()["event_reports"] == 3


@pytest.mark.parametrize("other", [
    report("b", "2024-04-20", date="2024-04-19"),       # another day
    report("b", "2024-04-20", type="AGREE"),            # another type
])
def test_different_days_or_types_are_different_events(kb, other):
    kb.store([report("a", "2024-04-08").build(), other.build()])
    assert len(kb.events()) == 2


def test_two_events_of_one_article_stay_two(kb):
    kb.store([report("a", "2024-04-08", twice=True).build()])
    assert len(kb.events()) == 2


def test_undated_reports_merge_only_when_published_the_same_day(kb):
    kb.store([report("a", "2024-04-08", date=None, type="SUPPORT").build(),
              report("b", "2024-04-08", date=None, type="SUPPORT").build(),
              report("c", "2024-04-12", date=None, type="SUPPORT").build()])
    assert sorted(e.articles for e in kb.events()) == [1, 2]


def test_a_planned_event_reported_later_as_held_becomes_occurred(kb):
    kb.store([report("before", "2024-03-01", date="2024-04-08", status="planned").build(),
              report("after", "2024-04-09").build()])
    (event,) = kb.events()
    assert event.status == "occurred"
    assert event.articles == 2


def test_an_older_report_does_not_undo_a_newer_status(kb):
    kb.store([report("after", "2024-04-09").build()])
    kb.store([report("before", "2024-03-01", date="2024-04-08", status="planned").build()])
    assert kb.events()[0].status == "occurred"


def test_re_extracting_an_article_keeps_the_event_and_its_other_sources(kb):
    kb.store([report("a", "2024-04-08").build("v1"), report("b", "2024-04-09").build("v1")])
    kb.store([report("a", "2024-04-08").build("v2")])
    (event,) = kb.events()
    assert event.articles == 2
    assert kb.counts()["events"] == 1


def test_an_event_no_report_supports_any_more_is_deleted(kb):
    kb.store([report("a", "2024-04-08").build("v1")])
    again = report("a", "2024-04-08")
    again.events.clear()
    kb.store([again.build("v2")])
    assert kb.counts()["events"] == 0
    assert kb.counts()["event_actors"] == 0


def _known(id: int, kind: str, code: str | None = None, country: str | None = None):
    return KnownEntity(id, kind, f"e{id}", code, country)


@pytest.mark.parametrize("actors, date, published, expected", [
    ([_known(1, "person", country="KOR"), _known(2, "country", code="VNM")], "2024-04-08", None,
     "CONSULT|KOR VNM|2024-04-08"),
    ([_known(1, "organization")], None, dt.date(2024, 4, 9), "CONSULT|#1|~2024-04-09"),
    ([], None, None, "CONSULT||"),
])
def test_the_event_key_is_type_actor_countries_and_date(actors, date, published, expected):
    event = Event("V1", "CONSULT", "occurred", (0, 1), date=date)
    assert str(event_key(event, actors, published)) == expected


@pytest.mark.parametrize("date, day", [
    ("2023-11", dt.date(2023, 11, 1)), ("2023", dt.date(2023, 1, 1)),
    ("~2023-09-11", dt.date(2023, 9, 11)), (None, None), ("soon", None),
])
def test_first_day_of_a_date_of_any_precision(date, day):
    assert first_day(date) == day
