"""Unit tests of the wire parser: datelines, year inference, credits, boilerplate, tags."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wiretag.document import Credit
from wiretag.wire import (
    byline_credits,
    classify_boilerplate,
    find_dateline,
    infer_year,
    normalize_agency,
    normalize_text,
    parse_credits,
    parse_wire,
    title_place,
)

TODAY = date(2026, 11, 25)


@pytest.mark.parametrize(
    ("opening", "text", "place", "agency"),
    [
        ("MOSCOW, Nov 21 (Reuters) – ", "MOSCOW, Nov 21 (Reuters)", "Moscow", "Reuters"),
        ("WASHINGTON (AP) — ", "WASHINGTON (AP)", "Washington", "AP"),
        ("PARIS (AFP) - ", "PARIS (AFP)", "Paris", "AFP"),
        ("KYIV, Ukraine, Nov. 21 (Reuters) - ", "KYIV, Ukraine, Nov. 21 (Reuters)", "Kyiv",
         "Reuters"),
        ("LONDON, March 3, 2024 /PRNewswire/ -- ", "LONDON, March 3, 2024 /PRNewswire/",
         "London", "PRNewswire"),
        ("BEIJING — ", "BEIJING", "Beijing", None),
        ("THE HAGUE, Dec 4 (Reuters) - ", "THE HAGUE, Dec 4 (Reuters)", "The Hague", "Reuters"),
        ("N'DJAMENA, May 2 (Reuters) - ", "N'DJAMENA, May 2 (Reuters)", "N'Djamena", "Reuters"),
        ("SAN JOSE, Calif., Jan 9 (Reuters) - ", "SAN JOSE, Calif., Jan 9 (Reuters)", "San Jose",
         "Reuters"),
        ("WASHINGTON, D.C. (AP) — ", "WASHINGTON, D.C. (AP)", "Washington", "AP"),
        ("HONG KONG, Feb. 2 (Xinhua) -- ", "HONG KONG, Feb. 2 (Xinhua)", "Hong Kong", "Xinhua"),
        ("CHICAGO, Aug 3 /PRNewswire-FirstCall/ -- ", "CHICAGO, Aug 3 /PRNewswire-FirstCall/",
         "Chicago", "PRNewswire"),
        ("MOSCOW (Reuters) -", "MOSCOW (Reuters)", "Moscow", "Reuters"),
        # scraped copy that has lost its case: a known agency must follow the place
        ("moscow, nov 21 (reuters) - ", "moscow, nov 21 (reuters)", "Moscow", "Reuters"),
        ("rio de janeiro (afp) - ", "rio de janeiro (afp)", "Rio de Janeiro", "AFP"),
        ("washington d.c. (ap) — ", "washington d.c. (ap)", "Washington D.C.", "AP"),
        ("port-au-prince, may 2 (reuters) - ", "port-au-prince, may 2 (reuters)",
         "Port-au-Prince", "Reuters"),
    ],
)
def test_wire_dateline_shapes(opening: str, text: str, place: str, agency: str | None) -> None:
    story = opening + "Officials said on Tuesday that talks would resume next week."
    dl = find_dateline(story, today=TODAY)
    assert dl is not None
    assert (dl.text, dl.place, dl.agency) == (text, place, agency)
    assert story[dl.start:dl.end] == dl.text


@pytest.mark.parametrize(
    ("opening", "region"),
    [
        ("KYIV, Ukraine, Nov. 21 (Reuters) - ", "Ukraine"),
        ("SAN JOSE, Calif., Jan 9 (Reuters) - ", "Calif."),
        ("WASHINGTON, D.C. (AP) — ", "D.C."),
        ("GAZA, PALESTINIAN TERRITORIES, May 2 (AFP) - ", "Palestinian Territories"),
        ("kyiv, ukraine, nov. 21 (reuters) - ", "Ukraine"),
        ("san jose, calif., jan 9 (reuters) - ", "Calif."),
        ("washington, d.c. (ap) — ", "D.C."),
        ("moscow, nov 21 (reuters) – ", None),
        ("MOSCOW, Nov 21 (Reuters) – ", None),
        ("BEIJING — ", None),
    ],
)
def test_wire_dateline_region_kept(opening: str, region: str | None) -> None:
    """The qualifier after the place is reported as written (title-cased if all caps)."""
    story = opening + "Officials said on Tuesday that talks would resume next week."
    dl = find_dateline(story, today=TODAY)
    assert dl is not None and dl.region == region
    if region is not None:
        assert region.split()[0].lower() in dl.text.lower()


@pytest.mark.parametrize(
    "story",
    [
        "NATO members agreed on Tuesday to raise spending.",
        "The EU said on Monday it would act.",
        "U.S. stocks rose on Friday.",
        "BREAKING",
        "Berlin is a city that said nothing - really.",
        "UPDATE 2-Oil rises as supply fears grow",
        "",
        # lower case: an unknown credit, or words that are no place, open no dateline
        "the minister (who spoke) - said nothing.",
        "said on monday (reuters) - that talks would resume.",
        "kyiv (local radio) - sirens sounded.",
    ],
)
def test_wire_no_dateline(story: str) -> None:
    assert find_dateline(story, today=TODAY) is None


def test_wire_year_inferred_from_weekday_and_mentioned_year() -> None:
    # 21 November fell on a Tuesday in 2017, 2023 and 2028; 2028 is in the future and
    # 2017 is earlier than the 2022 the story mentions.
    text = "MOSCOW, Nov 21 (Reuters) - Officials said on Tuesday.\nIn February 2022 troops moved."
    dl = find_dateline(text, today=TODAY)
    assert dl is not None
    assert (dl.date, dl.date_precision, dl.year_inferred) == ("2023-11-21", "day", True)


def test_wire_year_inference_respects_today() -> None:
    assert infer_year(11, 21, "said on Tuesday", lede="said on Tuesday", today=date(2023, 11, 20)
                      ) == 2017
    assert infer_year(11, 21, "said on Tuesday", lede="said on Tuesday", today=date(2023, 11, 21)
                      ) == 2023


def test_wire_year_inference_mentioned_year_floor_can_leave_null() -> None:
    # Tuesday 21 Nov: 2023 (and 2017); a story mentioning 2024 rules both out.
    lede = "Officials said on Tuesday the plan agreed in 2024 would hold."
    assert infer_year(11, 21, lede, lede=lede, today=TODAY) is None


def test_wire_year_inference_ignores_future_years() -> None:
    lede = "The minister said on Tuesday the country would reach net zero by 2050."
    assert infer_year(11, 21, lede, lede=lede, today=TODAY) == 2023


def test_wire_year_left_null_without_weekday() -> None:
    dl = find_dateline("DUBAI, April 8 (Reuters) - Markets were mixed.", today=TODAY)
    assert dl is not None
    assert (dl.date, dl.date_precision, dl.year_inferred) == (None, None, False)


def test_wire_year_from_published_and_new_year() -> None:
    text = "SEOUL, Dec 31 (Yonhap) -- Leaders met."
    dl = find_dateline(text, published="2024-01-01T02:00:00Z", today=TODAY)
    assert dl is not None and dl.date == "2023-12-31" and dl.year_inferred
    text = "SEOUL, Jan 1 (Yonhap) -- Leaders met."
    dl = find_dateline(text, published="2023-12-31", today=TODAY)
    assert dl is not None and dl.date == "2024-01-01"
    dl = find_dateline("SEOUL, June 3 (Yonhap) -- Leaders met.", published="2021-06-03")
    assert dl is not None and dl.date == "2021-06-03"


def test_wire_explicit_year_not_inferred() -> None:
    dl = find_dateline("GENEVA, 21 Nov 2023 (AFP) - Voters will decide.", today=TODAY)
    assert dl is not None and dl.date == "2023-11-21" and not dl.year_inferred


def test_wire_invalid_day_is_not_a_date() -> None:
    dl = find_dateline("LONDON, Feb 30 (Reuters) - Prices rose on Tuesday.", today=TODAY)
    assert dl is None or dl.date is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Reporting by Anna Ek and Bo Li; Editing by Carl Roe",
         [("reporting", "Anna Ek"), ("reporting", "Bo Li"), ("editing", "Carl Roe")]),
        ("Reuters reporting, editing by Guy Hale, Gail Jones and Tim Hart",
         [("editing", "Guy Hale"), ("editing", "Gail Jones"), ("editing", "Tim Hart")]),
        ("Additional reporting by Ola Kim in Kyiv and Dan Roe in Moscow",
         [("additional reporting", "Ola Kim"), ("additional reporting", "Dan Roe")]),
        ("Writing by Mark Tell; Editing by Ed Osmond",
         [("writing", "Mark Tell"), ("editing", "Ed Osmond")]),
        ("Compiled by Jane Doe", [("compiling", "Jane Doe")]),
        ("Reporting by Ana María de la Cruz; editing by Jean-Luc Ménard",
         [("reporting", "Ana María de la Cruz"), ("editing", "Jean-Luc Ménard")]),
        ("(Reporting by A. B. Carter; editing by Diane Craft)",
         [("reporting", "A. B. Carter"), ("editing", "Diane Craft")]),
        ("Reporting by Reuters TV; Writing by Tom Balmforth", [("writing", "Tom Balmforth")]),
        ("Associated Press writer Jim Heintz in Tallinn, Estonia, and Hanna Arhirova "
         "contributed to this report.",
         [("contributing", "Jim Heintz"), ("contributing", "Hanna Arhirova")]),
        ("Reuters reporting", []),
        # a place after a located name is no person
        ("Additional reporting by Ola Kim in Kyiv and Moscow; Editing by Ed Osmond",
         [("additional reporting", "Ola Kim"), ("editing", "Ed Osmond")]),
        ("Reporting by Ola Kim in Kyiv and New York",
         [("reporting", "Ola Kim")]),
        # copy that has lost its case: names are given their capitals
        ("reuters reporting, editing by guy hale, gail jones and tim o'hart",
         [("editing", "Guy Hale"), ("editing", "Gail Jones"), ("editing", "Tim O'Hart")]),
        ("(reporting by ola kim in kyiv and dan roe in moscow; editing by jean-luc ménard)",
         [("reporting", "Ola Kim"), ("reporting", "Dan Roe"), ("editing", "Jean-Luc Ménard")]),
    ],
)
def test_wire_credit_shapes(line: str, expected: list[tuple[str, str]]) -> None:
    credits = parse_credits(line)
    assert credits is not None
    assert [(c.role, c.name) for c in credits] == expected


@pytest.mark.parametrize(
    "line",
    [
        "The reporting by the ministry was wrong.",
        "Russia denies it.",
        "Editing by committee is how the bill was written, critics said, and it shows.",
        "Reporting by the state news agency could not be verified independently by reporters.",
        "editing by hand is required for the archive.",
        "reporting by the ministry was wrong.",
    ],
)
def test_wire_not_credits(line: str) -> None:
    assert parse_credits(line) is None


def test_wire_byline_credits() -> None:
    assert byline_credits("jane@example.com (Jane Doe)") == [Credit("byline", "Jane Doe")]
    assert byline_credits("By JANE DOE and JOHN ROE Associated Press") == [
        Credit("byline", "Jane Doe"), Credit("byline", "John Roe")]
    assert byline_credits("Example News Staff") == []


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Our Standards: The Thomson Reuters Trust Principles.", "standards"),
        ("Sign up here.", "signup"),
        ("Get our weekly briefing on markets in your inbox. Sign up here.", "signup"),
        ("Copyright 2024 The Associated Press. All rights reserved.", "copyright"),
        ("© 2023 Thomson Reuters", "copyright"),
        ("Follow us on Facebook and Instagram", "follow"),
        ("Follow AP's coverage of the war at https://apnews.com/hub/war", "follow"),
        ("Reuters Graphics", "graphics"),
        ("(This story has been refiled to add dropped word in paragraph 4)", "refiled"),
        ("(Refiles to fix typo in headline)", "refiled"),
        ("(Corrects name of minister in paragraph 3)", "correction"),
        ("(Adds comment from Kremlin in paragraph 5)", "update"),
        ("Read more:", "promo"),
        ("###", "end_marker"),
        ("Advertisement", "advertisement"),
    ],
)
def test_wire_boilerplate_kinds(line: str, kind: str) -> None:
    assert classify_boilerplate(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "Copyright lawyers said the ruling was wrong.",
        "Related talks collapsed on Monday.",
        "Follow the money, investigators say.",
        "Advertisers pulled out of the platform.",
        "Russia denies it.",
    ],
)
def test_wire_story_lines_are_not_boilerplate(line: str) -> None:
    assert classify_boilerplate(line) is None


def test_wire_normalises_line_endings_bom_and_nul() -> None:
    assert normalize_text("\ufeffA\r\nB\rC\x00D") == "A\nB\nCD"
    result = parse_wire("\ufeffPARIS (AFP) - Ministers met on Monday.\r\nTalks went on.\x00\r\n")
    assert result.text == "PARIS (AFP) - Ministers met on Monday.\nTalks went on."
    assert result.dateline is not None and result.dateline.start == 0


def test_wire_tags_only_below_story_text() -> None:
    # A one-line story that happens to look like a tag line is a story, not tags
    result = parse_wire("Gn En world")
    assert result.tags == [] and result.text == "Gn En world"


def test_wire_given_headline_removed_from_text() -> None:
    raw = "Oil Rises on Supply Fears\nLONDON, Oct 3 (Reuters) - Oil rose on Tuesday."
    result = parse_wire(raw, headline="Oil Rises on Supply Fears", today=TODAY)
    assert result.headline == "Oil Rises on Supply Fears"
    assert result.text.startswith("LONDON")
    assert result.dateline is not None and result.dateline.date == "2023-10-03"


def test_wire_sentence_first_line_is_not_a_headline() -> None:
    raw = "Officials said on Monday that talks would resume.\nThey gave no date."
    assert parse_wire(raw).headline is None


def test_wire_agency_and_place_normalisation() -> None:
    assert normalize_agency("The Associated Press") == "AP"
    assert normalize_agency("PRNewswire-HISPANIC PR WIRE") == "PRNewswire"
    assert normalize_agency("BUSINESS WIRE") == "Business Wire"
    assert normalize_agency("Baltimore Sun") == "Baltimore Sun"
    assert title_place("RIO DE JANEIRO") == "Rio de Janeiro"
    assert title_place("PORT-AU-PRINCE") == "Port-au-Prince"
    assert title_place("MCALLEN") == "McAllen"


_alphabet = st.sampled_from(
    [*"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij ,.-–—()/:;\n\r\t0123456789'\"“”\ufeff\x00",
     "MOSCOW", "Nov", "21", "(Reuters)", "Reporting by ", "Editing by ", " and ",
     "Tuesday", "Sign up here.", "Gn En world", "LONDON, March 3, 2024 /PRNewswire/ -- "]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_alphabet, max_size=60).map("".join))
def test_wire_dateline_span_property(raw: str) -> None:
    result = parse_wire(raw, today=TODAY)
    dl = result.dateline
    if dl is not None:
        assert result.text[dl.start:dl.end] == dl.text
        assert 0 <= dl.start < dl.end <= len(result.text)
    assert "\r" not in result.text and "\x00" not in result.text and "\ufeff" not in result.text
    for b in result.boilerplate:
        assert b.text.strip() == b.text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_wire_arbitrary_text_never_breaks(raw: str) -> None:
    result = parse_wire(raw, today=TODAY)
    if result.dateline is not None:
        assert result.text[result.dateline.start:result.dateline.end] == result.dateline.text


@pytest.mark.shared
def test_wire_moscow_example(shared_dir: object) -> None:
    from pathlib import Path

    path = Path(str(shared_dir)) / "examples" / "wire-moscow-miroshnik.txt"
    result = parse_wire(path.read_text("utf-8"), today=date(2026, 11, 25))
    dl = result.dateline
    assert dl is not None
    assert (dl.place, dl.agency, dl.date, dl.year_inferred) == (
        "Moscow", "Reuters", "2023-11-21", True)
    assert result.text[dl.start:dl.end] == dl.text
    assert [(c.role, c.name) for c in result.credits] == [
        ("editing", "Guy Faulconbridge"), ("editing", "Gareth Jones"),
        ("editing", "Timothy Heritage")]
    assert "Reuters" not in [c.name for c in result.credits]
    assert result.tags == ["Gn", "En", "world"]
    assert [b.kind for b in result.boilerplate] == ["standards"]
    assert "Our Standards" in result.boilerplate[0].text
    assert "Our Standards" not in result.text
    assert "Guy Faulconbridge" not in result.text
    assert not result.text.endswith("world")


@pytest.mark.shared
def test_wire_moscow_example_flattened(shared_dir: object) -> None:
    """Scrapers often lose line breaks: the furniture then ends the last paragraph."""
    from pathlib import Path

    path = Path(str(shared_dir)) / "examples" / "wire-moscow-miroshnik.txt"
    flat = path.read_text("utf-8").replace("\n", " ")
    result = parse_wire(flat, today=date(2026, 11, 25))
    assert result.dateline is not None and result.dateline.date == "2023-11-21"
    assert [c.name for c in result.credits] == [
        "Guy Faulconbridge", "Gareth Jones", "Timothy Heritage"]
    assert result.tags == ["Gn", "En", "world"]
    assert [b.kind for b in result.boilerplate] == ["standards"]
    assert result.text.endswith("continue to support Ukraine.")


@pytest.mark.shared
def test_wire_moscow_example_lower_case(shared_dir: object) -> None:
    """Scraped copy that has lost its case keeps its dateline, credits and year."""
    from pathlib import Path

    path = Path(str(shared_dir)) / "examples" / "wire-moscow-miroshnik.txt"
    result = parse_wire(path.read_text("utf-8").lower(), today=date(2026, 11, 25))
    dl = result.dateline
    assert dl is not None
    assert (dl.text, dl.place, dl.agency, dl.date) == (
        "moscow, nov 21 (reuters)", "Moscow", "Reuters", "2023-11-21")
    assert [(c.role, c.name) for c in result.credits] == [
        ("editing", "Guy Faulconbridge"), ("editing", "Gareth Jones"),
        ("editing", "Timothy Heritage")]
    assert [b.kind for b in result.boilerplate] == ["standards"]
    assert "faulconbridge" not in result.text


def test_wire_agency_headline_in_capitals_and_dated_dateline_line() -> None:
    raw = (
        "SOCCER - LEEDS HOLD NEWCASTLE AS ARSENAL GO TOP.\nLONDON 1996-08-30\n"
        "Arsenal went top of the league on Saturday."
    )
    result = parse_wire(raw, today=TODAY)
    assert result.headline == "SOCCER - LEEDS HOLD NEWCASTLE AS ARSENAL GO TOP."
    dl = result.dateline
    assert dl is not None and (dl.text, dl.place, dl.date) == (
        "LONDON 1996-08-30", "London", "1996-08-30"
    )
    # a slug before the rest of a headline in capitals is no dateline
    assert find_dateline("SOCCER - LEEDS HOLD NEWCASTLE.\nText follows here.") is None
