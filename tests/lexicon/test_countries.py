from __future__ import annotations

import pytest

from wiretag.lexicon import countries as c


@pytest.mark.parametrize(
    ("name", "iso3"),
    [("Russia", "RUS"), ("Russian Federation", "RUS"), ("the United States", "USA"),
     ("U.S.", "USA"), ("Britain", "GBR"), ("Niger", "NER"), ("Nigeria", "NGA"),
     ("Ivory Coast", "CIV"), ("Türkiye", "TUR"), ("DRC", "COD")],
)
def test_lookup_names_and_aliases(name: str, iso3: str) -> None:
    country = c.lookup(name)
    assert country is not None and country.iso3 == iso3


@pytest.mark.parametrize(
    ("word", "iso3"),
    [("Russian", "RUS"), ("Ukrainians", "UKR"), ("Congolese", "COD"), ("Dutch", "NLD"),
     ("Saudi", "SAU")],
)
def test_demonyms(word: str, iso3: str) -> None:
    country = c.from_demonym(word)
    assert country is not None and country.iso3 == iso3


@pytest.mark.parametrize(
    ("name", "iso3"), [("Kiev", "UKR"), ("kyiv", "UKR"), ("Moscow", "RUS"), ("Peking", "CHN")]
)
def test_capitals_by_any_spelling(name: str, iso3: str) -> None:
    country = c.from_capital(name)
    assert country is not None and country.iso3 == iso3


def test_unknown_names_are_none() -> None:
    assert c.lookup("Atlantis") is None
    assert c.from_demonym("Martian") is None
    assert c.from_capital("Springfield") is None


def test_codes_round_trip() -> None:
    rus = c.by_iso3("rus")
    assert rus is not None and rus.iso2 == "RU" and c.by_iso2("RU") == rus
