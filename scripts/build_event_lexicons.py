"""Convert the PETRARCH2/Phoenix dictionaries and the PLOVER crosswalk into wiretag's formats.

This is the recipe for the data committed under ``src/wiretag/data/events/``; the converted
files are committed, so nothing here runs at install or analysis time. Run it from the
repository root with the reference material beside the checkout::

    python scripts/build_event_lexicons.py ../shared/reference

It writes:

``cameo_plover.tsv``
    CAMEO code -> PLOVER category and mode (CAMEO2PLOVER-2021.txt, CC BY-SA 4.0).
``agents.tsv``
    agent noun phrase -> CAMEO sector code (Phoenix.agents.txt, MIT), e.g. ``ambassador GOV``.
``actors.tsv``
    named actor -> CAMEO actor code with an optional validity window (Phoenix country,
    international and non-state actor dictionaries, MIT). Country names themselves are left
    out (``wiretag.lexicon.countries`` owns those), as are companies and people whose last
    coded role ended before 2005, which keeps the file small enough to ship.

The hand-curated trigger lexicon (``triggers.tsv``) is not generated; this script checks
that every CAMEO code it uses exists in the crosswalk (or is a CAMEO 01/02 statement code,
which PLOVER drops) so the two cannot drift apart.
"""

from __future__ import annotations

import argparse
import datetime
import re
import sys
from collections.abc import Iterator
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "wiretag" / "data" / "events"

#: codes in the Phoenix files that denote companies or places rather than political actors
_SKIP_PREFIXES = ("MNC",)
_CODE = re.compile(r"\[([^\]]*)\]")
#: roles that ended before this year are dropped: the stories we code are recent news
_MIN_YEAR = 2005


def _norm(phrase: str) -> str:
    """TABARI phrases are upper case with ``_`` between words and a trailing ``_`` marking a
    word boundary; we store lower-case words separated by single spaces."""
    phrase = re.sub(r"\{[^}]*\}", " ", phrase)
    phrase = phrase.replace("_", " ").replace("'S ", "'s ").lower()
    return " ".join(phrase.split())


def _date(raw: str) -> str:
    """Phoenix dates are YYMMDD (two-digit years, 1900s before 40) or YYYYMMDD; a malformed
    date (a handful of typos upstream) becomes an open end ('')."""
    raw = raw.strip()
    if len(raw) == 6 and raw.isdigit():
        yy = int(raw[:2])
        text = f"{2000 + yy if yy < 40 else 1900 + yy:04d}-{raw[2:4]}-{raw[4:6]}"
    elif len(raw) == 8 and raw.isdigit():
        text = f"{raw[:4]}-{raw[4:6]}-{raw[6:8]}"
    else:
        return ""
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return ""
    return text


def _codes(text: str) -> list[tuple[str, str, str]]:
    """``[RUSGOV 990809-000507] [RUSELI]`` -> [(code, from, to)] with ISO dates or ''."""
    out: list[tuple[str, str, str]] = []
    for inner in _CODE.findall(text):
        parts = inner.split()
        if not parts or parts[0].startswith(("~", "-")):
            continue
        code, start, end = parts[0], "", ""
        if len(parts) > 1:
            span = parts[1]
            if span.startswith(">"):
                start = _date(span[1:])
            elif span.startswith("<"):
                end = _date(span[1:])
            elif "-" in span:
                a, b = span.split("-", 1)
                start, end = _date(a), _date(b)
        out.append((code, start, end))
    return out


def parse_actor_file(path: Path) -> Iterator[tuple[list[str], list[tuple[str, str, str]]]]:
    """Yield (names, codes) entries from a TABARI ``.actors`` file."""
    names: list[str] = []
    codes: list[tuple[str, str, str]] = []
    for raw in path.read_text("utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line[0] in " \t" and line.strip().startswith("["):
            codes.extend(_codes(line))
            continue
        if codes and names:
            yield names, codes
            names, codes = [], []
        head, _, rest = line.lstrip("+").partition("[")
        if head.strip():
            names.append(_norm(head))
        if rest:
            codes.extend(_codes("[" + rest))
    if names and codes:
        yield names, codes


def build_actors(ref: Path) -> list[tuple[str, str]]:
    """One row per name: ``name<TAB>CODE[@from..to];CODE...`` (dates ISO, either may be empty)."""
    rows: dict[str, dict[str, None]] = {}
    pet = ref / "petrarch2-dictionaries"
    for fname in (
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
    ):
        for names, codes in parse_actor_file(pet / fname):
            # country names (a bare 3-letter code with no dates) are covered by
            # wiretag.lexicon.countries; shipping 60,000 spelling variants would be waste
            if all(len(c) == 3 and not s and not e for c, s, e in codes):
                continue
            kept = [
                (c, s, e)
                for c, s, e in codes
                if not c.startswith(_SKIP_PREFIXES) and (not e or int(e[:4]) >= _MIN_YEAR)
            ]
            # "elite" (ELI) codes alone tell us no sector we could use
            if not kept or all(c[3:6] == "ELI" for c, _s, _e in kept):
                continue
            for name in names:
                # long variants ("russian prime minister vladimir v. putin") never match a
                # named-entity name better than their short forms, which are all listed too
                if len(name) < 2 or not re.search(r"[a-z]", name) or len(name.split()) > 4:
                    continue
                for code, start, end in kept:
                    cell = f"{code}@{start}..{end}" if start or end else code
                    rows.setdefault(name, {})[cell] = None
    return sorted((name, ";".join(cells)) for name, cells in rows.items())


def build_agents(ref: Path) -> list[tuple[str, str]]:
    path = ref / "petrarch2-dictionaries" / "Phoenix.agents.txt"
    subst: dict[str, list[str]] = {}
    rows: dict[tuple[str, str], None] = {}
    for raw in path.read_text("utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.match(r"^(!\w+!)\s*=\s*(.+)$", line)
        if m:
            subst[m.group(1)] = [w.strip() for w in m.group(2).split(",")]
            continue
        m = re.match(r"^(.*?)\s*(\{[^}]*\})?\s*\[~(\w+)\]", line)
        if not m:
            continue
        phrase, plural, code = m.group(1), m.group(2), m.group(3)
        variants = [phrase]
        if plural and plural.strip("{} "):
            variants.extend(plural.strip("{} ").split())
        for variant in variants:
            expanded = [variant]
            for key, words in subst.items():
                if key in variant:
                    expanded = [v.replace(key, w) for v in expanded for w in words]
            for v in expanded:
                name = _norm(v)
                # agents longer than three words are ministry portfolios that never match a
                # news noun phrase head; they only bloat the table
                if name and "!" not in name and len(name.split()) <= 3:
                    rows[(name, code)] = None
    return sorted(rows)


def build_crosswalk(ref: Path) -> list[tuple[str, str, str, str]]:
    path = ref / "plover" / "CAMEO2PLOVER-2021.txt"
    rows: list[tuple[str, str, str, str]] = []
    for raw in path.read_text("utf-8").splitlines():
        m = re.match(r"^(\d{3,4}):\s*([A-Z]+)\s*,\s*([^,]*),[^#]*#\s*(.*)$", raw)
        if m:
            rows.append((m.group(1), m.group(2), m.group(3).strip(), m.group(4).strip()))
    return rows


def check_triggers(crosswalk: list[tuple[str, str, str, str]]) -> list[str]:
    known = {row[0] for row in crosswalk}
    problems = []
    for n, raw in enumerate((OUT / "triggers.tsv").read_text("utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cols = raw.split("\t")
        cameo = cols[4] if len(cols) > 4 else ""
        if cameo and cameo not in known and not cameo.startswith(("01", "02")):
            problems.append(f"triggers.tsv:{n}: CAMEO {cameo} is not in the crosswalk")
    return problems


def write_tsv(name: str, header: str, rows: list[tuple[str, ...]]) -> None:
    lines = [header] + ["\t".join(r) for r in rows]
    (OUT / name).write_text("\n".join(lines) + "\n", "utf-8")
    print(f"{name}: {len(rows)} rows")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reference", type=Path, help="the shared/reference directory")
    args = parser.parse_args(argv)
    ref: Path = args.reference
    OUT.mkdir(parents=True, exist_ok=True)
    crosswalk = build_crosswalk(ref)
    write_tsv(
        "cameo_plover.tsv",
        "# cameo\tplover\tmode\tdescription  (from PLOVER CAMEO2PLOVER-2021.txt, CC BY-SA 4.0)",
        crosswalk,
    )
    write_tsv(
        "agents.tsv",
        "# agent phrase\tsector code  (from PETRARCH2 Phoenix.agents.txt, MIT)",
        build_agents(ref),
    )
    write_tsv(
        "actors.tsv",
        "# actor name\tcodes: CODE or CODE@from..to, ;-separated"
        "  (from PETRARCH2 Phoenix actor dictionaries, MIT)",
        build_actors(ref),
    )
    problems = check_triggers(crosswalk) if (OUT / "triggers.tsv").is_file() else []
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
