"""Numbers, money and percentages in the forms news text writes them."""
from __future__ import annotations

import pytest

from dragoman.nlp.money import find_amounts, parse_number


@pytest.mark.parametrize("text, value, unit", [
    # a currency symbol before the number
    ("$6.3 billion", 6.3e9, "USD"),
    ("$5bn", 5e9, "USD"),
    ("$75 million", 75e6, "USD"),
    ("US$ 5 bn", 5e9, "USD"),
    ("A$ 17.8 billion", 17.8e9, "AUD"),
    ("C$2 billion", 2e9, "CAD"),
    ("HK$ 2.1 billion", 2.1e9, "HKD"),
    ("R$ 10 billion", 10e9, "BRL"),
    ("€450 million", 450e6, "EUR"),
    ("€200m", 200e6, "EUR"),
    ("£1.05bn", 1.05e9, "GBP"),
    ("¥200 billion", 200e9, "JPY"),
    ("₹500 crore", 5e9, "INR"),
    ("Rs 4,500 crore", 45e9, "INR"),
    ("KSh 68 billion", 68e9, "KES"),
    ("Sh14.2 billion", 14.2e9, "KES"),
    # an ISO 4217 code before or after the number
    ("USD 10 bn", 10e9, "USD"),
    ("USD 8.9 bn", 8.9e9, "USD"),
    ("KZT 2.5 trillion", 2.5e12, "KZT"),
    ("3 billion USD", 3e9, "USD"),
    ("500 million EUR", 500e6, "EUR"),
    # a currency word after the number
    ("2.5 trillion tenge", 2.5e12, "KZT"),
    ("60 billion dollars", 60e9, "USD"),
    ("two billion euros", 2e9, "EUR"),
    ("a billion dollars", 1e9, "USD"),
    ("38 billion Kenyan shillings", 38e9, "KES"),
    ("105 billion roubles", 105e9, "RUB"),
    ("500 billion yen", 500e9, "JPY"),
    ("1.2 trillion naira", 1.2e12, "NGN"),
    ("300 million Australian dollars", 300e6, "AUD"),
    ("10 billion Czech crowns", 10e9, "CZK"),
    # a currency word that starts with three capitals is a word, not an unknown code
    ("172 billion CFA francs", 172e9, "XOF"),
    ("9 billion bolivianos", 9e9, "BOB"),
    # "A $2 billion deal": the article "A", then US dollars (A$ is written without a space)
    ("A $2 billion deal", 2e9, "USD"),
    # more symbols of the genre
    ("GH₵5 billion", 5e9, "GHS"),
    ("E£30 billion", 30e9, "EGP"),
    ("TL 50 billion", 50e9, "TRY"),
    ("50 billion TL", 50e9, "TRY"),
    ("SR 20 billion", 20e9, "SAR"),
    ("QR 15 billion", 15e9, "QAR"),
    ("RM 3 billion", 3e9, "MYR"),
    ("Rp 40 trillion", 40e12, "IDR"),
    ("Tk 9,000 crore", 90e9, "BDT"),
    ("USD 500 mln", 500e6, "USD"),
    ("EUR 2.1 billion", 2.1e9, "EUR"),
    ("1.2trn rupiah", 1.2e12, "IDR"),
    ("$3.4bn", 3.4e9, "USD"),
    # percentages
    ("12 percent", 12, "percent"),
    ("12%", 12, "percent"),
    ("7.8 per cent", 7.8, "percent"),
    ("3 percentage points", 3, "percent"),
    # plain quantities
    ("500 students", 500, "number"),
    ("2,500 kilometres", 2500, "number"),
    ("five agreements", 5, "number"),
])
def test_one_amount(text, value, unit):
    (amount,) = find_amounts(text)
    assert (amount.value, amount.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize("text, low, high, unit", [
    ("between $4 billion and $5 billion", 4e9, 5e9, "USD"),
    ("between $2 and $3 billion", 2e9, 3e9, "USD"),
    ("$2-3 billion", 2e9, 3e9, "USD"),
    ("between £500 million and £700 million", 500e6, 700e6, "GBP"),
])
def test_ranges_are_one_amount_with_a_high_end(text, low, high, unit):
    (amount,) = find_amounts(text)
    assert (amount.value, amount.high, amount.unit) == (pytest.approx(low), pytest.approx(high), unit)


@pytest.mark.parametrize("text, context, unit", [
    ("¥500 billion", "Japan and Vietnam signed the loan in Tokyo.", "JPY"),
    ("¥500 billion", "The yuan loan will be repaid in renminbi.", "CNY"),
    ("150 billion pesos", "Investment in Philippine manufacturing around Manila.", "PHP"),
    ("150 billion pesos", "Mexican officials in Mexico City.", "MXN"),
    ("20 billion shillings", "Kenya and Uganda; Ugandan officials in Kampala said Uganda would pay.", "UGX"),
    ("20 billion shillings", "Kenyan officials in Nairobi.", "KES"),
    ("Sh 20 billion", "Ugandan officials in Kampala.", "UGX"),
    ("3 billion kroner", "Danish investors in Copenhagen.", "DKK"),
    ("3 billion kroner", "Norwegian officials in Oslo.", "NOK"),
    ("40 million krona", "Icelandic fishing firms in Reykjavik.", "ISK"),
])
def test_shared_currency_names_follow_the_article(text, context, unit):
    (amount,) = find_amounts(text, context=context)
    assert amount.unit == unit


@pytest.mark.parametrize("text", [
    "the 10th summit",
    "the 100th anniversary",
    "in 2022",
    "since 2015",
])
def test_ordinals_and_years_are_not_amounts(text):
    assert find_amounts(text) == []


def test_offsets_point_into_the_text():
    text = "Trade reached $6.3 billion in 2022, up 12 percent."
    assert [text[a.start:a.end] for a in find_amounts(text)] == ["$6.3 billion", "12 percent"]


@pytest.mark.parametrize("text, expected", [
    ("6.3", 6.3), ("6,300", 6300.0), ("two", 2.0), ("6.3 billion", 6.3e9), ("6.3bn", 6.3e9),
    ("a million", 1e6), ("1.5 trillion", 1.5e12), ("several", None), ("hello", None),
])
def test_parse_number(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text, context, unit", [
    # a bare letter is a currency only where the article is about its country, and with a scale
    ("N1.2 trillion", "Trade between Nigeria and Ghana was N1.2 trillion.", "NGN"),
    ("N500 million", "Lagos traders spent N500 million.", "NGN"),
    ("R40 billion", "South African exports reached R40 billion.", "ZAR"),
    ("Rs 300 billion", "Pakistani exports to China were Rs 300 billion, Islamabad said.", "PKR"),
    ("Dh 10 billion", "Moroccan officials in Rabat put it at Dh 10 billion.", "MAD"),
])
def test_currencies_read_from_the_article(text, context, unit):
    (amount,) = find_amounts(text, context=context)
    assert amount.unit == unit


@pytest.mark.parametrize("text, context", [
    ("N1.2 trillion", "Chile and Peru traded N1.2 trillion of goods."),
    ("N95", "Nigerian hospitals ordered N95 masks."),
    ("R2", "The R2 road in South Africa was closed."),
])
def test_a_bare_letter_without_its_country_or_scale_is_no_money(text, context):
    assert [a for a in find_amounts(text, context=context) if a.unit not in ("number",)] == []


@pytest.mark.parametrize("text, value", [
    ("Trade grew by a third last year.", 33.3),
    ("Exports fell by almost a fifth.", 20),
    ("Imports were up by half in 2023.", 50),
    ("Investment was down a quarter.", 25),
    ("Trade rose by two-thirds.", 66.7),
])
def test_a_change_by_a_fraction_is_a_percentage(text, value):
    (amount,) = find_amounts(text)
    assert (amount.unit, amount.value) == ("percent", pytest.approx(value))


@pytest.mark.parametrize("text", [
    "A third of the trucks cross at Kapikule.",
    "Output fell in the first quarter.",
    "Tariffs were cut by half a percentage point.",
])
def test_fractions_that_are_no_change(text):
    assert [a for a in find_amounts(text) if a.unit == "percent"] == []


@pytest.mark.parametrize("text, value, unit", [
    # a scale word or a currency word joined by a hyphen, as in an adjective ("a $1.5-billion loan")
    ("a $2.4-billion credit line", 2.4e9, "USD"),
    ("a €750-million grant", 750e6, "EUR"),
    ("a 300-million-euro deal", 300e6, "EUR"),
    ("a 40-billion-yen loan", 40e9, "JPY"),
])
def test_hyphenated_scales_and_currency_words(text, value, unit):
    (a,) = find_amounts(text)
    assert (a.value, a.unit) == (pytest.approx(value), unit)


def test_a_hyphenated_count_stays_a_number():
    (a,) = find_amounts("a 25-year partnership")
    assert (a.value, a.unit) == (25, "number")
