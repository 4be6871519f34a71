"""Time expressions: found in text and resolved against the publication date."""
from __future__ import annotations

from datetime import date

import pytest

from dragoman.nlp.timex import find_timexes, interpret, resolve, timexes_in

PUB = date(2023, 9, 11)  # a Monday


@pytest.mark.parametrize("text, future, expected", [
    # explicit dates in the usual English forms
    ("11 September 2023", None, "2023-09-11"),
    ("September 11, 2023", None, "2023-09-11"),
    ("Sept. 11th, 2023", None, "2023-09-11"),
    ("the 3rd of March 2021", None, "2021-03-03"),
    ("2023-08-30", None, "2023-08-30"),
    ("in November 2024", None, "2024-11"),
    ("in 2022", None, "2022"),
    ("in the first half of 2023", None, "2023"),
    ("in the first nine months of 2022", None, "2022"),
    ("Q1 2024", None, "2024"),
    ("in fiscal year 2021", None, "2021"),
    ("mid-2024", None, "2024"),
    # weekdays: past reports take the most recent one on or before the date
    ("on Monday", None, "2023-09-11"),
    ("on Monday", False, "2023-09-11"),
    ("on Friday", False, "2023-09-08"),
    ("on Friday", True, "2023-09-15"),
    ("last Monday", None, "2023-09-04"),
    ("next Tuesday", None, "2023-09-12"),
    ("on Thursday evening", None, "2023-09-07"),
    # month names: the past one, or the coming one when the verb is future
    ("in November", None, "2022-11"),
    ("in November", True, "2023-11"),
    ("in March", True, "2024-03"),
    ("in March", False, "2023-03"),
    ("in early September", True, "2023-09"),
    ("last November", None, "2022-11"),
    ("next March", None, "2024-03"),
    ("on 5 October", True, "2023-10-05"),
    ("on 5 October", False, "2022-10-05"),
    # relative to the publication date
    ("yesterday", None, "2023-09-10"),
    ("today", None, "2023-09-11"),
    ("tomorrow", None, "2023-09-12"),
    ("last year", None, "2022"),
    ("this year", None, "2023"),
    ("next year", None, "2024"),
    ("last month", None, "2023-08"),
    ("next month", None, "2023-10"),
    ("earlier this month", None, "2023-09"),
    ("later this year", None, "2023"),
    ("by the end of the year", None, "2023"),
    ("two years ago", None, "2021"),
    ("three months ago", None, "2023-06"),
    ("ten days ago", None, "2023-09-01"),
    ("to date", None, "2023-09-11"),
    ("so far", None, "2023-09-11"),
    ("currently", None, "2023-09-11"),
    ("in recent years", None, None),
    ("over the past five years", None, None),
])
def test_resolve(text, future, expected):
    assert resolve(text, PUB, future=future) == expected


@pytest.mark.parametrize("text, expected", [
    ("in 2022", "2022"),
    ("on Monday", None),
    ("in November", None),
    ("last year", None),
    ("to date", None),
])
def test_relative_dates_need_a_publication_date(text, expected):
    assert resolve(text, None) == expected


def test_month_rollover_at_the_turn_of_the_year():
    assert resolve("next month", date(2023, 12, 5)) == "2024-01"
    assert resolve("last month", date(2024, 1, 5)) == "2023-12"
    assert resolve("in January", date(2023, 12, 5), future=True) == "2024-01"


@pytest.mark.parametrize("text, kind, value, until", [
    ("in 2022", "date", "2022", None),
    ("by 2026", "deadline", "2026", None),
    ("by the end of 2025", "deadline", "2025", None),
    ("until 2030", "deadline", "2030", None),
    ("since 2015", "since", "2015", None),
    ("since January", "since", "2023-01", None),
    ("to date", "as_of", "2023-09-11", None),
    ("as of June 2023", "as_of", "2023-06", None),
    ("between 2019 and 2022", "range", "2019", "2022"),
    ("from 2015 to 2020", "range", "2015", "2020"),
    ("in 2021-22", "range", "2021", "2022"),
    ("from 5 to 7 June 2024", "range", "2024-06-05", "2024-06-07"),
    ("from March to May 2024", "range", "2024-03", "2024-05"),
    ("over the past decade", "duration", None, None),
    ("for three years", "duration", None, None),
    # a deadline counted from publication (2023-09-11); "over the next N years" is a span
    ("within five years", "deadline", "2028", None),
    ("within the next two years", "deadline", "2025", None),
    ("within a decade", "deadline", "2033", None),
    ("in three years' time", "deadline", "2026", None),
    ("by the end of the decade", "deadline", "2030", None),
    ("by decade's end", "deadline", "2030", None),
    ("over the next three years", "duration", None, None),
])
def test_kinds(text, kind, value, until):
    timex = interpret(text, PUB)
    assert timex is not None
    assert (timex.kind, timex.value, timex.until) == (kind, value, until)


@pytest.mark.parametrize("text", [
    "The ministry counted 2000 students.",
    "Trade reached $2022 million.",
    "The two sides signed 12 agreements.",
    "Officials may meet again soon.",
    "It rose by 2015 percent.",
])
def test_figures_and_words_that_are_not_times(text):
    assert find_timexes(text, PUB) == []


def test_spans_point_into_the_text():
    text = "Trade reached $6.3 billion in 2022 and will grow by 2026, the minister said on Monday."
    timexes = find_timexes(text, PUB)
    assert [(text[t.start:t.end], t.value, t.kind) for t in timexes] == [
        ("in 2022", "2022", "date"), ("by 2026", "2026", "deadline"),
        ("on Monday", "2023-09-11", "date")]


@pytest.mark.parametrize("sentence, expected", [
    ("The summit will be held in Baku in November.", "2023-11"),
    ("The ministers met in Baku in November.", "2022-11"),
    ("The talks are scheduled to take place on Thursday.", "2023-09-14"),
    ("The minister said the delegation would arrive on Friday.", "2023-09-15"),
    ("The delegation arrived on Friday.", "2023-09-08"),
    ("The upcoming forum in October will discuss energy.", "2023-10"),
])
def test_tense_from_the_parse(nlp, sentence, expected):
    doc = nlp.make_doc(sentence)
    doc._.pub_date = PUB
    for _, component in nlp.pipeline:
        doc = component(doc)
    assert [t.value for t in timexes_in(doc, 0, len(sentence))] == [expected]


@pytest.mark.parametrize("text, expected", [
    # the same period / a year earlier: counted from the time named just before it
    ("Sales rose in the first half of 2021 and fell in the same period of 2022.", ["2021", "2022"]),
    ("Sales rose in March 2023, against a fall in the same month a year earlier.", ["2023-03", "2022-03"]),
    ("Sales rose in 2019, up from the previous year.", ["2019", "2018"]),
    ("Sales rose in 2020. A year earlier they had fallen.", ["2020", "2019"]),
    ("In 2018 sales fell; two years earlier they had risen.", ["2018", "2016"]),
    ("Sales rose in the same months last year.", ["2022"]),
    ("Sales rose in the same period a year ago.", ["2022"]),
    # with nothing named before, "the previous year" is the year before publication
    ("Sales fell the previous year.", ["2022"]),
    # "in the first N months" of no named year: the year of the past Nth month
    ("Sales rose in the first eight months.", ["2023"]),
    ("Sales rose in the first ten months.", ["2022"]),
    # fiscal and calendar years relative to publication
    ("Sales rose in the last fiscal year.", ["2022"]),
    ("Sales will rise in the current financial year.", ["2023"]),
])
def test_anaphoric_and_partial_periods(text, expected):
    assert [t.value for t in find_timexes(text, PUB)] == expected


@pytest.mark.parametrize("text, value, until", [
    # month ranges: the end month read in the past, the start in the same year (or the one before)
    ("Sales rose in January-August.", "2023-01", "2023-08"),
    ("Sales rose in January–October.", "2022-01", "2022-10"),
    ("Sales rose in the March to May period.", "2023-03", "2023-05"),
    ("Sales rose in January-June 2021.", "2021-01", "2021-06"),
    ("Sales rose in November-February 2021.", "2020-11", "2021-02"),
])
def test_month_ranges(text, value, until):
    timexes = find_timexes(text, PUB)
    assert [(t.kind, t.value, t.until) for t in timexes] == [("range", value, until)]


@pytest.mark.parametrize("sentence, expected", [
    # a present-tense action with a day of its own is a schedule
    ("The delegation arrives in Lima on Thursday.", "2023-09-14"),
    ("The foreign minister is visiting Quito on Friday.", "2023-09-15"),
    ("The accord, which takes effect in January, covers fishing.", "2024-01"),
    # a past participle is past whatever the verb above it says
    ("Figures released on Friday show a rise in sales.", "2023-09-08"),
    ("The minister says the talks ended on Friday.", "2023-09-08"),
])
def test_scheduled_present_and_past_participles(nlp, sentence, expected):
    doc = nlp.make_doc(sentence)
    doc._.pub_date = PUB
    for _, component in nlp.pipeline:
        doc = component(doc)
    assert [t.value for t in timexes_in(doc, 0, len(sentence))] == [expected]


@pytest.mark.parametrize("text, kind, value, until", [
    # seasons: the year of the past season (the coming one after "next"), year precision
    ("Grain exports slowed in the autumn.", "date", "2022", None),
    ("The new port terminal opens this spring.", "date", "2023", None),
    ("Peru's fishing fleet stayed in port last winter.", "date", "2023", None),
    ("The ministers hope to meet again next summer.", "date", "2024", None),
    ("Tourism recovered in the summer of 2019.", "date", "2019", None),
    ("Gas demand peaked in autumn 2020.", "date", "2020", None),
    ("Stocks ran low in winter 2021/22.", "range", "2021", "2022"),
    ("Rice prices rose in the fall of 2018.", "date", "2018", None),
    # deadlines counted in months from publication (2023-09-11): month precision
    ("Trade should double within 18 months.", "deadline", "2025-03", None),
    ("The bridge will open within the next six months.", "deadline", "2024-03", None),
    ("The line will carry freight in six months' time.", "deadline", "2024-03", None),
    # split fiscal years and seasons read as a range of two calendar years
    ("Revenue grew in fiscal 2022/23.", "range", "2022", "2023"),
    ("Revenue grew in FY2021-22.", "range", "2021", "2022"),
    ("Exports grew in the 2024/25 season.", "range", "2024", "2025"),
    # a weekday with its date: one date, in the year where the day falls on that weekday
    ("The envoys meet on Thursday, 14 September.", "date", "2023-09-14", None),
    ("The accord was signed on Friday, March 3.", "date", "2023-03-03", None),
    ("The talks open on Sunday, 12 May 2024.", "date", "2024-05-12", None),
    ("The envoys met on Saturday the 9th.", "date", "2023-09-09", None),
    # an ordinal day alone: of the publication month, or the month before when still ahead
    ("The envoys met on the 5th.", "date", "2023-09-05", None),
    ("The envoys met on the 20th.", "date", "2023-08-20", None),
    ("The fair opens on the 3rd of next month.", "date", "2023-10-03", None),
    # already read before: parts of a year and of a month
    ("Elections are due early next year.", "date", "2024", None),
    ("The visit is planned for later this month.", "date", "2023-09", None),
    ("The pipeline was finished at the end of March.", "date", "2023-03", None),
    ("Output should double by mid-2025.", "deadline", "2025", None),
    ("Output will rise in the second half of next year.", "date", "2024", None),
    ("Output rose in Q3 2022.", "date", "2022", None),
])
def test_seasons_horizons_and_days(text, kind, value, until):
    timexes = find_timexes(text, PUB)
    assert [(t.kind, t.value, t.until) for t in timexes] == [(kind, value, until)]


def test_an_ordinal_day_takes_the_month_named_before():
    text = "The fair opened on 28 August and closed on the 1st. Talks began on 4 July and ended on the 6th."
    assert [t.value for t in find_timexes(text, PUB)] == [
        "2023-08-28", "2023-09-01", "2023-07-04", "2023-07-06"]


@pytest.mark.parametrize("text", [
    "Farmers in Chile sow winter wheat.",
    "The Arab Spring changed the region.",
    "The river floods in summer.",
    "This fall in prices hurt farmers.",
    "Prices recovered after the fall of the peso.",
    "It was the 12th round of talks.",
    "Leaders gathered on the 75th anniversary of the treaty.",
    "Delegates met at the summer school.",
])
def test_season_and_ordinal_words_that_are_not_times(text):
    assert find_timexes(text, PUB) == []


@pytest.mark.parametrize("sentence, expected", [
    ("The trade envoys will meet in Lusaka on the 20th.", "2023-09-20"),
    ("The trade envoys met in Lusaka on the 20th.", "2023-08-20"),
    ("The new railway to Mombasa will open in the spring.", "2024"),
    ("The railway to Mombasa opened in the spring.", "2023"),
])
def test_tense_of_ordinal_days_and_seasons(nlp, sentence, expected):
    doc = nlp.make_doc(sentence)
    doc._.pub_date = PUB
    for _, component in nlp.pipeline:
        doc = component(doc)
    assert [t.value for t in timexes_in(doc, 0, len(sentence))] == [expected]


@pytest.mark.parametrize("text, expected", [
    # halves and quarters: a named year, "this/last year", or (bare) the year of the end month
    ("Sales rose in the first half of this year.", ["2023"]),
    ("Sales rose in the first four months of this year.", ["2023"]),
    ("Sales rose in the second half of last year.", ["2022"]),
    ("Sales rose in the first half.", ["2023"]),
    ("Sales rose in the second half.", ["2022"]),
    ("Sales rose in the third quarter.", ["2023"]),
    ("Sales rose in the fourth quarter.", ["2022"]),
    ("Sales rose in the second quarter.", ["2023"]),
    ("Sales rose in Q2.", ["2023"]),
    ("Sales rose in H2.", ["2022"]),
    ("Sales rose in Q3 2021.", ["2021"]),
    # "the same nine months": the time named just before
    ("Sales rose in January-August; costs fell in the same eight months.", ["2023-01", "2023-08"]),
])
def test_halves_quarters_and_same_months(text, expected):
    assert [t.value for t in find_timexes(text, PUB)] == expected
