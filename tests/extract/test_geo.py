"""Geocoding: alternate names, disambiguation by the story's evidence, unknown places."""

from __future__ import annotations

import pytest

from wiretag.extract.geo import GeoContext, distance_km, fold, geocode


@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [
        ("Kyiv", 50.45, 30.52),
        ("Kiev", 50.45, 30.52),
        ("kyiv", 50.45, 30.52),
        ("KYIV", 50.45, 30.52),
        ("Bombay", 19.07, 72.88),
        ("Peking", 39.91, 116.40),
        ("Kharkov", 49.98, 36.25),
        ("Moscow", 55.75, 37.62),
    ],
)
def test_geocode_alternate_and_historic_names(name: str, lat: float, lon: float) -> None:
    geo = geocode(name)
    assert geo is not None
    assert distance_km(geo.lat, geo.lon, lat, lon) < 20


def test_geocode_historic_name_same_record() -> None:
    a, b = geocode("Kiev"), geocode("Kyiv")
    assert a is not None and b is not None
    assert a.geonameid == b.geonameid == 703448


def test_geocode_paris_defaults_to_france_but_texas_evidence_wins() -> None:
    plain = geocode("Paris")
    assert plain is not None and plain.country_code == "FR"
    assert plain.alternatives  # the Texas reading is kept with its score
    texan = geocode("Paris", context=GeoContext(countries=frozenset({"US"}),
                                                admin1=frozenset({("US", "TX")})))
    assert texan is not None and texan.country_code == "US"


def test_geocode_georgia_country_vs_state() -> None:
    country = geocode("Georgia")
    assert country is not None and country.feature_code == "PCLI"
    assert country.country_code == "GE"
    # A US dateline alone is not enough; a Georgia city named (Atlanta) is.
    state = geocode("Georgia", context=GeoContext(dateline_country="US",
                                                  admin1=frozenset({("US", "GA")})))
    assert state is not None and state.feature_code == "ADM1"


def test_geocode_washington_is_the_capital_unless_state_is_said() -> None:
    city = geocode("Washington")
    assert city is not None and city.geonameid == 4140963
    state = geocode("Washington state")
    assert state is not None and state.feature_code == "ADM1"


def test_geocode_dateline_country_breaks_ties() -> None:
    geo = geocode("Donetsk", context=GeoContext(dateline_country="UA"))
    assert geo is not None and geo.country_code == "UA"


def test_geocode_unknown_place_is_none_not_a_guess() -> None:
    assert geocode("Black Sea") is None
    assert geocode("Zzyzxville Heights") is None


def test_geocode_country_record_has_country_feature() -> None:
    geo = geocode("Russia")
    assert geo is not None
    assert (geo.geonameid, geo.feature_class, geo.feature_code) == (2017370, "A", "PCLI")


def test_geocode_city_named_like_a_country_alias_is_the_city() -> None:
    geo = geocode("Gaza")
    assert geo is not None and geo.feature_class == "P"


def test_fold_ignores_case_accents_and_article() -> None:
    assert fold("the Hague") == fold("The HAGUE") == "hague"
    assert fold("Québec") == "quebec"


def test_distance_km_known_pair() -> None:
    # Kyiv to Moscow is about 755 km.
    assert 740 < distance_km(50.45, 30.52, 55.75, 37.62) < 770
