"""Final entity types for the news pipeline: ``wiretag_entity_types_v1``.

(spaCy forbids dots in factory names, hence not ``wiretag.entity_types.v1``.)

The statistical ``ner`` is trained on corpora that only know PERSON / ORG / LOC (none
separates countries and cities from other places, none tags nationalities). This
component turns those into the wiretag/1 types with a gazetteer
(``wiretag/data/ner_gazetteer.json``, built by ``training/build_gazetteer.py``):

* LOC -> GPE when the name is a country, state, region or city; LOC stays for continents,
  seas, rivers, mountain ranges; names ending in "Street", "Airport" ... become FAC.
* A predicted ORG/PERSON that is exactly a country or capital ("Moscow denies ...") -> GPE.
* Nationality adjectives, religious and political group words -> NORP ("Russian",
  "Palestinians", "Sunni"), also where the model tagged them as something else.
* Titles and nationality words in front of a PERSON ("Ukrainian President Volodymyr
  Zelenskiy") are trimmed off the PERSON span; the nationality word becomes NORP.
* Names the model missed are added where the gazetteer is unambiguous: countries, capitals
  and major cities (also all-caps datelines "MOSCOW," and lower-cased "kyiv"),
  international organisations in exact case ("NATO", "International Criminal Court")
  and listed companies whose names cannot be an ordinary word, a person's name or a
  place ("Novartis", "Deutsche Bank", "ArcelorMittal"; the gazetteer's "company" list).
* A listed company the model typed as a person or place is an organisation ("Novartis
  said ..."), unless a person in the story has that name as a surname.
* The bare surname of a known politician or official (Phoenix actor dictionaries) that the
  model typed as an organisation or a place is a person ("Barnier said", "Odinga").

* Lines written in capitals (headlines), and headlines in title case ("Storm Forces
  Evacuation of Coastal Towns"), are read again in running-text case
  (``wiretag.nlp.truecase``; a story mostly in capitals is read again whole), and in
  sports copy towns that play are their clubs (``wiretag.nlp.sports``). Known clubs
  and venues (the gazetteer's "club" and "venue") are ORG and FAC: names of several
  words anywhere, one-word names in sports copy.

* Laws, market indexes, crude grades, ships and storms are LAW, MISC and EVENT
  (``wiretag.nlp.misc_names``); instrument codes ("(NVDA.O)") and story slugs
  ("UPDATE 2-") are no names, the name before a share's code is a company, and a
  credits list names people (``wiretag.nlp.wire_names``).

Model predictions win over gazetteer additions when they overlap.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from wiretag.lexicon.gazetteer import case_forms, gazetteer
from wiretag.nlp.lemmas import lemmatizer_table
from wiretag.nlp.misc_names import LAW_TAILS, index_table, misc_spans
from wiretag.nlp.sports import line_slugs, name_table, sports_story, team_spans
from wiretag.nlp.truecase import (
    RECASED_KEY,
    People,
    base_form,
    caps_lines,
    is_english_word,
    line_ranges,
    running_forms,
    sentence_openers,
    title_lines,
    truecase,
    truecase_lower,
)
from wiretag.nlp.wire_names import (
    and_company,
    code_brackets,
    code_tokens,
    coded_names,
    credit_people,
    drop_codes,
    slug_tokens,
)

#: capitalised first words of surnames ("Le Pen", "Van Gogh", "De Gaulle", "Di Maio")
SURNAME_PARTICLES = frozenset(
    {"le", "la", "les", "de", "des", "du", "di", "da", "del", "della", "van", "von", "den",
     "der", "ter", "al", "el", "bin", "ben", "abu", "ibn", "mac", "mc", "st", "st.", "o"}
)
#: sports roles before a name, like titles: "coach Simone Inzaghi", "STRIKER KANE"
ROLE_WORDS = frozenset({
    "coach", "manager", "captain", "skipper", "striker", "midfielder", "defender",
    "goalkeeper", "keeper", "batsman", "bowler", "forward", "quarterback", "champion",
    "pitcher", "winger", "spinner", "opener", "boss", "driver", "rider",
})
#: nationality nouns for a person that are never a given name ("Spaniard Carlos
#: Alcaraz"); a nationality + "man"/"woman" ("Frenchman", "Dutchwoman") counts too
PERSON_DEMONYMS = frozenset({"Spaniard", "Briton", "Swede", "Dane", "Aussie"})

FAC_HEADS = {
    "Street",
    "Avenue",
    "Square",
    "Airport",
    "Bridge",
    "Road",
    "Stadium",
    "Palace",
    "Hospital",
    "Station",
    "Highway",
    "Prison",
    "Base",
    "Plant",
    "Tower",
    "Boulevard",
    "Arena",
    "Racecourse",
    "Speedway",
    "Raceway",
    "Velodrome",
    "Downs",
}
#: Heads of names that are a structure, never the body that runs it: a name the model
#: typed ORG with one of these is a facility ("Bangkok Remand Prison", "Orly Airport").
#: ("Hospital", "Station", "Palace" also name institutions and stay with the model.)
BUILT_HEADS = {
    "Prison", "Airport", "Bridge", "Stadium", "Street", "Avenue", "Highway",
    "Arena", "Racecourse", "Speedway", "Raceway", "Velodrome", "Downs", "Circuit",
}
LOC_HEADS = {
    "Sea",
    "Ocean",
    "River",
    "Mountains",
    "Mountain",
    "Mount",
    "Gulf",
    "Bay",
    "Lake",
    "Valley",
    "Desert",
    "Island",
    "Islands",
    "Peninsula",
    "Strait",
    "Coast",
    "Forest",
    "Plain",
    "Plains",
    "Basin",
    "Delta",
    "Canal",
    "Hills",
    "Range",
    "Glacier",
}
#: Administrative-division heads: "Aabenraa County", "Bov Parish", "Kherson Region".
ADMIN_HEADS = {
    "County",
    "Parish",
    "Province",
    "District",
    "Region",
    "Municipality",
    "Township",
    "Prefecture",
    "Oblast",
    "Governorate",
    "Canton",
}
# Named events end in one of these: "Cold War", "Orange Revolution", "Paris Olympics".
EVENT_HEADS = frozenset(
    {
        "War",
        "Wars",
        "Revolution",
        "Uprising",
        "Olympics",
        "Paralympics",
        "Intifada",
        "Massacre",
        "Genocide",
    }
)

#: Competitions end in one of these after a word that names them ("French Open", "Davis
#: Cup", "Kentucky Derby", "PGA Championship", "World Series", "Cannes Film Festival");
#: compared in lower case, so headlines in capitals ("AUSTRALIAN OPEN") count too.
#: (EVENT_HEADS, "Cold War", count as written: "REVOLUTION" ends many a party's name.)
EVENT_TAILS = frozenset(
    {"open", "cup", "trophy", "championship", "championships", "series", "marathon",
     "derby", "bowl", "masters", "festival", "regatta", "classic", "invitational",
     "olympics", "paralympics"}
)
#: Competitions known by a name without such a tail (compared in lower case, also at the
#: end of a longer name: "English Premier League", "UEFA Champions League").
COMPETITIONS = frozenset(
    {"premier league", "champions league", "europa league", "conference league",
     "nations league", "super league", "la liga", "serie a", "serie b", "ligue 1",
     "ligue 2", "bundesliga", "eredivisie", "primeira liga", "six nations",
     "formula one", "formula 1", "ashes", "grand national", "super rugby", "copa america",
     "copa libertadores", "copa sudamericana", "copa del rey", "grand slam", "world cup",
     "tour de france", "giro d'italia", "vuelta a espana", "paris-roubaix",
     "wimbledon championships"}
)
#: Words before "Games" that make it a multi-sport event ("Commonwealth Games",
#: "Asian Games"), not a games company ("Epic Games").
GAMES_QUALIFIERS = frozenset(
    {"olympic", "paralympic", "commonwealth", "asian", "african", "pan", "american",
     "mediterranean", "youth", "winter", "summer", "world", "island", "invictus", "arab",
     "gulf", "sea", "francophone", "special", "goodwill", "european", "pacific", "bolivarian"}
)
#: Names that the tails above would take that are bodies, not events.
NOT_EVENTS = frozenset({"ultimate fighting championship"})

#: Names of a place (in the model's or the gazetteer's reading) ending in one of these are
#: a built structure: "Hong Kong Convention and Exhibition Centre", "Coors Field",
#: "Capella Hotel", "Kensington Oval", "Madison Square Garden", "St Peter's Basilica".
#: Only where the name was read as a place: "Carter Center" and "Jim Hall" as the model
#: reads them (ORG, PERSON) are left alone.
PLACE_FAC_HEADS = frozenset(
    {"Centre", "Center", "Hotel", "Field", "Oval", "Ground", "Theatre", "Theater",
     "Garden", "Gardens", "Cathedral", "Mosque", "Church", "Temple", "Synagogue", "Shrine",
     "Chapel", "Basilica", "Dam", "Mine", "Refinery", "Terminal", "Building", "Park",
     "Canal", "Dome", "Coliseum", "Colosseum", "Pavilion", "Hall", "Plaza", "Mall",
     "Barracks", "Pier", "Wharf", "Lighthouse", "Monument", "Memorial", "Tunnel",
     "Motorway", "Expressway", "Freeway", "Railway", "Pipeline", "Reactor", "Observatory",
     "Stadion", "Links", "Course", "Abbey", "Castle"}
)
#: A name with one of these anywhere is a venue: "Estadio Monumental", "Stadium
#: Australia", "Stade de France", "International Stadium Yokohama".
VENUE_WORDS = frozenset({"Stadium", "Estadio", "Stade", "Stadio", "Stadion", "Arena", "Velodrome"})
#: One-word venues glued to their head: "BayArena", "Superdome", "SkyDome".
VENUE_SUFFIXES = ("arena", "dome", "stadion", "stadium")
#: Sites of oil, gas and ore, named by the word before the noun even where the model took
#: that word for a person or a firm ("the Grasberg mine", "the Buzios and Mero fields":
#: FAC; "the Stabroek block": LOC): no owner takes these nouns, as one takes "plant"
#: ("the Toyota plant").
SITE_NOUNS = frozenset(
    {"mine", "mines", "field", "fields", "oilfield", "oilfields", "gasfield", "gasfields",
     "smelter", "refinery", "reactor", "deposit"}
)
AREA_NOUNS = frozenset({"block", "basin"})
#: A place's name that this common noun follows is a facility ("the Letzigrund stadium",
#: "the Kisanfu mine", "the Tenke Fungurume copper mine") ...
FAC_NOUNS = frozenset(
    {"stadium", "arena", "mine", "mines", "refinery", "airport", "airbase", "hotel", "dam",
     "terminal", "racecourse", "circuit", "prison", "jail", "smelter", "plant", "reactor",
     "pipeline", "port", "seaport", "crossing", "checkpoint", "bridge", "highway", "base",
     "ballpark", "velodrome", "cathedral", "mosque", "church", "temple", "monastery",
     "palace", "hospital"}
) | SITE_NOUNS
#: ... or a natural place ("the Panjshir valley", "the Naf river", "Sentosa island").
LOC_NOUNS = frozenset(
    {"valley", "river", "island", "islands", "mountains", "mountain", "desert",
     "peninsula", "plateau", "lake", "strait", "basin", "delta", "coast", "archipelago",
     "highlands", "steppe", "forest", "rainforest", "hills", "sea", "gulf", "canyon",
     "glacier", "volcano", "corridor", "gorge"}
) | AREA_NOUNS
#: Words between a name and its facility noun: "the Kisanfu copper mine", "the
#: Zaporizhzhia nuclear power plant".
FAC_MODIFIERS = frozenset(
    {"copper", "gold", "cobalt", "lithium", "coal", "iron", "diamond", "nickel", "uranium",
     "zinc", "silver", "oil", "gas", "lng", "nuclear", "power", "hydropower", "hydroelectric",
     "solar", "wind", "steel", "chemical", "border", "military", "air", "naval", "football",
     "national", "international", "cricket", "rugby", "olympic", "main", "coal-fired",
     "gas-fired", "thermal", "desalination", "maximum-security", "high-security", "cargo"}
)

ORG_HEADS = {
    "Records",
    "Club",
    "Corps",
    "College",
    "Academy",
    "Society",
    "Airways",
    "Orchestra",
    "Bank",
    "Front",
    "Party",
    "House",
    "Council",
    "Programme",
    "Program",
    "Group",
    "Forces",
    "Ministry",
    "Court",
    "Union",
    "Agency",
    "Commission",
    "Organization",
    "Organisation",
    "Fund",
    "Committee",
    "Association",
    "Institute",
    "University",
    "Company",
    "Corp",
    "Corp.",
    "Inc",
    "Inc.",
    "Ltd",
    "Foundation",
    "Rally",
    "Alliance",
    "Congress",
    "Assembly",
    "Parliament",
    "Army",
    "Police",
    "Motors",
    "Airlines",
    "Industries",
    "Sachs",
    "Brigade",
    "Brigades",
    "Movement",
    "Guard",
    "Service",
    "Office",
    "Department",
    "Duma",
    "Senate",
    "Navy",
    "Republicains",
    "Exchange",
}
#: last words of a firm's name ("Volvo Cars", "Hapag Lloyd AG")
COMPANY_HEADS = frozenset(
    {"Corp", "Corp.", "Corporation", "Inc", "Inc.", "Ltd", "Ltd.", "Group", "Holdings", "Motors",
     "Airlines", "Airways", "Industries", "Company", "Co", "Co.", "plc", "PLC", "AG", "SA", "NV",
     "SE", "LLC", "Bank", "Pharmaceuticals", "Energy", "Petroleum", "Technologies", "Systems",
     "Therapeutics", "Biosciences", "Biotherapeutics", "Laboratories", "Labs", "Capital",
     "Ventures", "Securities", "Investments", "Semiconductor", "Semiconductors", "Electronics",
     "Mining", "Resources", "Minerals", "Chemicals", "Logistics", "Telecom",
     "Communications", "Robotics", "Aerospace", "Automotive", "Biotech", "Pharma"}
)
#: Date words the model sometimes tags ("Friday", "Sept" in datelines).
DATE_WORDS = {
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
}
WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
#: Place names that are also common first names: a PERSON prediction of exactly
#: this text is left alone.
NAME_LIKE_PLACES = {
    "Jordan",
    "Washington",
    "Georgia",
    "Victoria",
    "Florence",
    "Charlotte",
    "Austin",
    "Lincoln",
    "Chad",
    "Israel",
    "Adelaide",
    "Regina",
    "Eugene",
    "Orlando",
    "Marion",
    "Columbus",
    "Darwin",
    "Paris",
    "Sydney",
    "Kingston",
    "Hamilton",
    "Douglas",
    "Winston",
    "Jackson",
    "Madison",
    "Hudson",
}
#: Lower-case particles inside personal names ("Mohammed bin Salman").
NAME_PARTICLES = {
    "bin",
    "bint",
    "ibn",
    "al",
    "el",
    "von",
    "van",
    "der",
    "de",
    "da",
    "di",
    "del",
    "dos",
    "du",
    "la",
    "le",
    "ben",
}
#: first words of place names written in lower case that are no names themselves:
#: "los angeles", "san francisco", "new delhi"
PLACE_PARTICLES = frozenset(
    {"los", "las", "la", "le", "el", "de", "new", "san", "santa", "st", "saint", "port", "fort"}
)
#: last words of the names of a state's own bodies: "U.S. Federal Aviation
#: Administration" is the country and the body, as wire copy is annotated
GOVERNMENT_HEADS = frozenset(
    {
        "Administration", "Agency", "Authority", "Board", "Bureau", "Commission", "Court",
        "Department", "Service", "Office", "Council", "Senate", "Congress", "Army", "Navy",
        "Guard", "Force", "Reserve", "Ministry", "Tribunal", "Police", "Command",
    }
)
#: heads of the names of bodies, read before "of"/"for"/"on" ("Africa Centres for
#: Disease Control and Prevention") and before an officer's title
BODY_HEADS = frozenset(ORG_HEADS | GOVERNMENT_HEADS | {"Centres", "Centers"})
#: the short country names written before a state body ("U.S. Supreme Court")
COUNTRY_PREFIXES = frozenset({"U.S.", "US", "UK", "U.K."})
#: nationality words that open names of bodies above states ("European Commission")
SUPRANATIONAL = frozenset({"European", "African", "Arab", "Asian", "Islamic", "Pan", "Inter"})
#: regnal numbers after a monarch's or pope's name ("Leo XIV", "Charles III")
REGNAL = frozenset(
    {
        "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XIII", "XIV", "XV", "XVI",
        "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII",
    }
)
#: labels of places (a lower-case word the gazetteer knows as another kind of name is
#: no place: "toyota")
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: an initial before a surname in results and scoreboards ("G. Thorpe")
INITIAL = re.compile(r"[A-Z]\.")
#: Gazetteer names never matched in lower case (common English words).
NOT_LOWERCASE = {
    "chad",
    "turkey",
    "jersey",
    "reading",
    "nice",
    "mobile",
    "split",
    "bath",
    "guinea",
    "orange",
    "victoria",
    "sale",
    "mission",
    "independence",
    "concord",
    "jordan",
    "georgia",
    "china",
    "hull",
    "wells",
    "derby",
    "cork",
    "lima",
    "santa",
    "florida",
    "virginia",
    "carolina",
    "washington",
    "columbia",
    # words that name a gazetteer's town but are mostly something else in lower case
    "lira",
    "gulf",
    "commonwealth",
    "providence",
    "vista",
    "cypress",
    "centurion",
    "batman",
    "zeta",
    "riverside",
    "midland",
    "lakeland",
    "centennial",
}

#: under this share of capitalised words, a story is written in lower case
LOWER_STORY_SHARE = 0.02
#: share of a story's words in lines of capitals that makes it a story in capitals
CAPS_STORY_SHARE = 0.7
#: of those, names that a headline in capitals means as the place ("WASHINGTON SAYS");
#: countries count too ("CHINA", "TURKEY", "JORDAN")
CAPS_PLACES = frozenset({"washington", "florida", "virginia", "carolina", "columbia", "georgia"})


DASHES = {"-", "–", "—"}
#: compass words written in lower case before a place ("west Texas", "northern Gaza"):
#: outside the name in cased copy
LOWER_DIRECTIONS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "central", "northeast", "northwest", "southeast", "southwest", "northeastern",
    "northwestern", "southeastern", "southwestern", "north-east", "north-west",
    "south-east", "south-west", "north-eastern", "north-western", "south-eastern",
    "south-western",
}
#: an acronym in brackets after a body's name: "(JVP)", "(AUR)", "(CoE)"
ACRONYM_IN_BRACKETS = re.compile(r"[A-Z][A-Za-z]?[A-Z][A-Za-z]{0,5}")
#: small words inside a body's name that its acronym leaves out
ACRONYM_JOINERS = {
    "of", "for", "the", "and", "on", "in", "de", "del", "des", "du", "la", "di", "da", "y", "et",
    "&",
}
#: participles glued to a name before another: "Kremlin-controlled", "Paris-based"
GLUED_PARTICIPLES = {
    "based", "controlled", "backed", "led", "owned", "run", "funded", "aligned", "born",
    "listed", "headquartered", "registered", "allied", "linked", "affiliated", "sponsored",
    "flagged", "bound", "made", "built", "operated", "appointed", "installed", "dominated",
}
#: words that make a title higher or lower ("High Commissioner", "Deputy Governor")
TITLE_MODIFIERS = {"High", "Deputy", "Vice", "Chief", "Senior", "Acting", "Special", "Assistant"}
#: ranks of judges and prosecutors written before the title ("U.S. District Judge")
COURT_RANKS = {"District", "Circuit", "Bankruptcy", "Magistrate", "Appeals", "Federal", "State"}
#: a number or an ordinal is never a name ("6,381.94", "41st")
NUMBER_LIKE = re.compile(r"[\d.,:/%+-]*\d[\d.,:/%+-]*(st|nd|rd|th)?")
#: what separates the names in a list: "Odessa and Mykolaiv", "Kherson, Zaporizhzhia and Donetsk"
LIST_SEPS = {",", "and", "or", "&"}
#: "the Odessa and Mykolaiv regions": names before these are places even when unknown
PLACE_PLURALS = {
    "regions",
    "provinces",
    "oblasts",
    "states",
    "districts",
    "counties",
    "cities",
    "towns",
    "villages",
    "islands",
    "prefectures",
    "governorates",
}
#: last words that make a capitalised run an organisation or a place, not a person's name
NAME_HEADS = frozenset(ORG_HEADS | FAC_HEADS | LOC_HEADS | ADMIN_HEADS | EVENT_HEADS)
#: last words that make a capitalised run a place: "Aabenraa County", "Smith Street"
PLACE_HEADS = frozenset(ADMIN_HEADS | LOC_HEADS | FAC_HEADS)
#: last words that end no person's name after a title ("Prime Minister Office")
TITLED_NAME_STOPS = frozenset(ORG_HEADS | FAC_HEADS | LOC_HEADS)

#: compass words before a region or sea: "North Atlantic", "Western Europe"
COMPASS = {
    "North",
    "South",
    "East",
    "West",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Central",
    "Northeast",
    "Northwest",
    "Southeast",
    "Southwest",
}
#: reporting verbs right after a name: a place that "says" is a known country or capital
SPEECH_VERBS = frozenset(
    {"says", "said", "told", "tells", "warns", "warned", "adds", "added", "insists", "insisted"}
)
#: prepositions that put a place before a name: "in Oslo Kristian Moe said"
PLACE_PREPOSITIONS = {"in", "from", "at", "In", "From", "At"}
POSSESSIVES = {"'s", "'", "’s", "’"}
#: a plural noun or plural verb after a capitalised opener makes it a common noun
#: ("Mackerel have arrived", "Trawler crews lined the harbour")
PLURAL_NEXT_TAGS = {"NNS", "VBP"}

#: an acronym: 2 to 4 capitals ("AFAD", "FBI"); longer all-caps words are often
#: shouted names ("BREYER filed a concurring opinion")
ACRONYM = re.compile(r"[A-Z]{2,4}")
#: finite verbs (Penn tags), which no name has inside it
FINITE_VERB_TAGS = frozenset({"VBZ", "VBD", "VBP", "MD"})
#: a date as agency datelines write it: "1996-08-30"
ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d\b")


def _strip_space(ent: Span) -> Span | None:
    """``ent`` without the whitespace tokens at its edges; None if it holds no letter or
    digit (another model's span over a line break or a bracket)."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    if not any(ch.isalnum() for t in doc[start:end] for ch in t.text):
        return None
    if (start, end) == (ent.start, ent.end):
        return ent
    return Span(doc, start, end, label=ent.label_)


def _split_lines(ent: Span) -> list[Span]:
    """``ent`` cut at its line breaks: a headline's last name and the dateline's place
    under it are two names ("... in Lashio" / "BANGKOK, Aug 4"), never one."""
    doc, start, parts = ent.doc, ent.start, []
    for tok in ent:
        if "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text):
            end = tok.i if tok.is_space else tok.i + 1
            if end > start:
                parts.append(Span(doc, start, end, label=ent.label_))
            start = tok.i + 1
    if start == ent.start:
        return [ent]
    if start < ent.end:
        parts.append(Span(doc, start, ent.end, label=ent.label_))
    return parts


def _lower_story(doc: Doc, alpha: list[Token] | None = None) -> bool:
    """``doc`` is copy written in lower case throughout (under 2% of its words
    capitalised): case says nothing about its names. ``alpha``: its words, when known."""
    if alpha is None:
        alpha = [t for t in doc if t.is_alpha]
    caps = sum(1 for t in alpha if t.text[:1].isupper())
    return bool(alpha) and caps / len(alpha) < LOWER_STORY_SHARE


def _opens_story_sentence(tok: Token) -> bool:
    """``_opens_sentence``, or the first word after a dateline's dash ("(Reuters) - ")."""
    return _opens_sentence(tok) or (tok.i > 0 and tok.doc[tok.i - 1].text in DASHES)


def _opens_sentence(tok: Token) -> bool:
    """First word of a sentence or paragraph, or of a quotation: where common nouns are
    capitalised. (The word after a paragraph break follows a whitespace token and is not
    always marked as a sentence start.)"""
    if tok.is_sent_start or tok.i == 0:
        return True
    prev = tok.doc[tok.i - 1]
    return prev.is_space or (prev.is_quote and (tok.i < 2 or tok.doc[tok.i - 2].is_space))


#: "the city of X", "his home province of X": nouns whose "of" introduces a place name
PLACE_NOUNS = {
    "city",
    "town",
    "village",
    "province",
    "state",
    "region",
    "district",
    "port",
    "county",
    "island",
    "oblast",
    "governorate",
    "prefecture",
    "municipality",
    "capital",
    "township",
    "emirate",
    "canton",
    "republic",
}


def _place_cue(ent: Span) -> bool:
    """The words before a span say it is a place: "the city of X" (but not "the city of
    X's" or a whole name such as "the State of Israel" the model already calls a place),
    "states such as X", "provinces including X"."""
    doc, i = ent.doc, ent.start
    if i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in PLACE_NOUNS:
        return doc[i - 2].is_lower  # "City of London" is itself a name
    if i >= 3 and (doc[i - 2].lower_, doc[i - 1].lower_) in (("such", "as"),):
        return doc[i - 3].lower_.rstrip("s") in PLACE_NOUNS
    if i >= 2 and doc[i - 1].lower_ in ("including",):
        return doc[i - 2].lower_.rstrip("s") in PLACE_NOUNS or (
            doc[i - 2].is_punct and i >= 3 and doc[i - 3].lower_.rstrip("s") in PLACE_NOUNS
        )
    return False


#: Lower-case nouns that, directly before a name, say it names a body: "rights group Foro
#: Penal", "drugmaker Novartis", "the lender Nomura". Person nouns ("lawyer", "leader") and
#: nouns shared by people and bodies ("member", "partner") are not here.
ORG_DESCRIPTORS = frozenset(
    {
        "group", "bank", "lender", "carmaker", "automaker", "drugmaker", "miner", "broker",
        "brokerage", "airline", "refiner", "insurer", "planemaker", "retailer", "operator",
        "firm", "company", "startup", "conglomerate", "newspaper", "broadcaster", "agency",
        "watchdog", "regulator", "union", "federation", "charity", "party", "manufacturer",
        "maker", "producer", "supplier", "developer", "chipmaker", "shipbuilder", "shipper",
        "publisher", "distributor", "utility", "exchange", "fund", "outlet", "network",
        "magazine", "channel", "website", "platform", "arm", "forecaster", "consultancy",
        "carrier", "brewer", "chain", "pollster", "daily", "weekly", "tabloid", "club"
    }
)
#: People who work at a body: "analysts at Jefferies", "a Nomura economist".
ORG_STAFF = frozenset(
    {
        "analyst", "analysts", "economist", "economists", "strategist", "strategists", "banker",
        "bankers", "executive", "executives", "employee", "employees", "engineers",
        "researchers", "traders", "shareholders", "shares", "stock", "subsidiary", "unit",
        "plant", "factory", "refinery", "smelter"
    }
)
#: Plural nouns whose examples are bodies: "firms such as Tsingshan".
ORG_PLURALS = frozenset(
    {
        "companies", "firms", "banks", "lenders", "groups", "carmakers", "automakers",
        "insurers", "airlines", "miners", "brokers", "parties", "unions", "manufacturers",
        "makers", "producers", "suppliers"
    }
)


def _org_cue(ent: Span) -> bool:
    """The words around a name the model called a person say it is a body: a descriptor
    before it ("rights group Foro Penal"), staff around it ("analysts at Jefferies",
    "former Merrill Lynch economist"), a list of bodies ("firms such as Tsingshan"), or
    "party" after it ("his Pheu Thai party")."""
    doc, i, j = ent.doc, ent.start, ent.end
    prev = doc[i - 1] if i >= 1 else None
    nxt = doc[j] if j < len(doc) else None
    if prev is not None and prev.is_lower and prev.text in ORG_DESCRIPTORS:
        return prev.whitespace_ == " "  # on the same line
    if nxt is not None and nxt.is_lower and (nxt.text in ORG_STAFF or nxt.text == "party"):
        return doc[j - 1].whitespace_ == " "
    if i >= 2 and prev is not None and prev.lower_ == "at" and doc[i - 2].lower_ in ORG_STAFF:
        return True
    if i >= 3 and (doc[i - 2].lower_, doc[i - 1].lower_) in (("such", "as"),):
        return doc[i - 3].lower_ in ORG_PLURALS
    if i >= 2 and prev is not None and prev.lower_ == "including":
        return doc[i - 2].lower_ in ORG_PLURALS
    return False


def _dateline_place(ent: Span) -> bool:
    """An all-caps name opening a line, followed by a date, an agency in brackets or a
    dash, is a dateline's place: "KHARTOUM, April 16 -", "GOMA (Reuters) -"."""
    doc, i, j = ent.doc, ent.start, ent.end
    if not ent.text.isupper() or len(ent.text) < 3 or j >= len(doc):
        return False
    if i > 0 and not (doc[i - 1].is_space or "\n" in doc[i - 1].whitespace_):
        return False
    nxt = doc[j]
    if nxt.text in DASHES or nxt.text == "(" or _iso_date(doc, j):
        return True
    return nxt.text == "," and j + 1 < len(doc) and doc[j + 1].text in DATE_WORDS


def _dateline_run(doc: Doc, i: int) -> int | None:
    """End of the all-caps words opening a line at token ``i`` when a dateline's comma,
    bracket, dash or date follows them ("BONN 1996-08-24", "LAHORE, Pakistan ...",
    "ST. PETERSBURG, Fla. (Reuters) -"); None when the line opens otherwise."""
    if i > 0 and not (doc[i - 1].is_space or "\n" in doc[i - 1].whitespace_):
        return None
    j = i
    while j < len(doc) and j - i < 4 and doc[j].is_upper and any(c.isalpha() for c in doc[j].text):
        j += 1
    if j == i or j >= len(doc):
        return None
    nxt = doc[j]
    if nxt.text in (",", "(") or nxt.text in DASHES or _iso_date(doc, j):
        return j
    return None


#: a press digest: "BULGARIA - PRESS DIGEST - NOV 4", "... does not vouch for their accuracy"
DIGEST = re.compile(r"press digest|does not vouch for", re.IGNORECASE)


def _digest_titles(doc: Doc, ents: list[Span]) -> list[Span]:
    """In a press digest, a line that is only a name heads the stories of one newspaper:
    "TRUD", "24 CHASA", "AL-RAI", "JORDAN TIMES", "El Comercio" are organisations. A
    title line has one to five words, no lower-case word but a particle, no full stop,
    and is neither the headline nor the dateline (the story's first two lines)."""
    if not DIGEST.search(doc.text):
        return ents
    out = list(ents)
    for n, (lo, hi) in enumerate(line_ranges(doc)):
        words = [t for t in doc[lo:hi] if not t.is_space]
        if n < 2 or not 1 <= len(words) <= 5 or not words[0].text[:1].isalnum():
            continue
        if any(t.text in (".", ":", ";", "?", "!") for t in words) or not any(
            t.is_alpha and (t.is_upper or t.is_title) for t in words
        ):
            continue
        if any(t.is_lower and t.text not in NAME_PARTICLES for t in words) or _iso_date(
            doc, words[-1].i
        ):
            continue
        start, end = words[0].i, words[-1].i + 1
        if any(e.start < start or e.end > end for e in out if e.start < end and start < e.end):
            continue
        out = [e for e in out if not (start <= e.start and e.end <= end)]
        out.append(Span(doc, start, end, label="ORG"))
    return sorted(out, key=lambda s: s.start)


def _initials_before(doc: Doc, i: int, covered: set[int]) -> bool:
    """``doc[i]`` follows a person's initials ("I.", "J. R.") that open a line or follow a
    comma or colon: a scoreboard's or a team list's player."""
    k = i
    while k > 0 and INITIAL.fullmatch(doc[k - 1].text) and doc[k - 1].whitespace_:
        if k - 1 in covered:
            return False
        k -= 1
    if k == i:
        return False
    return k == 0 or "\n" in doc[k - 1].whitespace_ or doc[k - 1].is_space or doc[
        k - 1
    ].text in (",", ":", ";")


def _iso_date(doc: Doc, j: int) -> bool:
    """An ISO date starts at token ``j`` ("1996-08-30", which the tokenizer splits)."""
    text = doc[j : j + 5].text
    return ISO_DATE.match(text) is not None


def _absorb(ents: list[Span], span: Span) -> list[Span] | None:
    """``ents`` with ``span`` in place of the entities inside it; None when an entity
    crosses its edge or already is exactly that span."""
    inside = [e for e in ents if e.start < span.end and span.start < e.end]
    if any(
        e.start < span.start or e.end > span.end or (e.start, e.end) == (span.start, span.end)
        for e in inside
    ):
        return None
    return [e for e in ents if e not in inside] + [span]


def load_gazetteer() -> dict[str, Any]:
    """The packaged gazetteer (``wiretag.lexicon.gazetteer``: read once per process,
    shared; read-only)."""
    return gazetteer()


class NameMatcher:
    """Every occurrence of a gazetteer name in a Doc, compared in lower case token by
    token: what spaCy's ``PhraseMatcher(attr="LOWER")`` finds, without keeping a Doc per
    pattern (the ~50,000 names cost the PhraseMatcher ~100 MB and ~1.5 s to load). A
    name of plain letters and single spaces with no tokenizer special case in it
    ("Jollibee Foods") is split on its spaces, which is what the tokenizer does; any
    other name goes through the pipeline's tokenizer ("U.S.", "Procter & Gamble")."""

    _PLAIN = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")

    def __init__(self, nlp: Language, names: dict[str, Any]) -> None:
        rules = getattr(nlp.tokenizer, "rules", None) or {}
        special = {k.lower() for k in rules if k.isalpha()}
        #: one-token names: token (lower case) -> labels
        self.single: dict[str, list[str]] = {}
        #: longer names: first two tokens -> length -> all tokens -> labels
        self.multi: dict[tuple[str, str], dict[int, dict[tuple[str, ...], list[str]]]] = {}
        for label, group in names.items():
            for name in sorted(group):
                words = name.lower().split(" ")
                if self._PLAIN.fullmatch(name) and not any(w in special for w in words):
                    toks = tuple(words)
                else:
                    toks = tuple(t.lower_ for t in nlp.make_doc(name))
                if not toks:
                    continue
                if len(toks) == 1:
                    labels = self.single.setdefault(toks[0], [])
                else:
                    by_len = self.multi.setdefault((toks[0], toks[1]), {})
                    labels = by_len.setdefault(len(toks), {}).setdefault(toks, [])
                if label not in labels:
                    labels.append(label)

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        """(label, start, end) of every match, by start, then end, then label."""
        lowers = [t.lower_ for t in doc]
        single, multi = self.single, self.multi
        out = []
        for i, low in enumerate(lowers):
            for label in single.get(low, ()):
                out.append((label, i, i + 1))
            if i + 1 < len(lowers):
                by_len = multi.get((low, lowers[i + 1]))
                if by_len:
                    for n, table in by_len.items():
                        for label in table.get(tuple(lowers[i : i + n]), ()):
                            out.append((label, i, i + n))
        # one span under two labels ("Taliban": NORP and ORG) comes in the labels' order;
        # only the label that owns the written form passes _surface_ok
        out.sort(key=lambda m: (m[1], m[2], m[0]))
        return out


def _noun_after(ent: Span) -> tuple[Token | None, tuple[int, int] | None]:
    """The common noun that tells what ``ent`` names, past the second name of a pair and
    the modifiers of ``FAC_MODIFIERS`` ("the Kisanfu copper mine", "the Tenke Fungurume
    and Kisanfu mines"), with that second name's token range; None when the next word is
    not in lower case."""
    doc, n = ent.doc, len(ent.doc)
    j, second = ent.end, None
    if j + 1 < n and doc[j].lower_ in ("and", "or", ",") and doc[j + 1].is_title:
        k = j + 1
        while k < n and k < ent.end + 5 and doc[k].is_title:
            k += 1
        second, j = (j + 1, k), k
    while j < n and j < ent.end + 8 and doc[j].lower_ in FAC_MODIFIERS:
        j += 1
    if j < n and doc[j].is_lower:
        return doc[j], second
    return None, second


class EntityTyper:
    """Callable pipeline component; see the module docstring."""

    def __init__(self, nlp: Language, name: str, gazetteer: dict[str, Any]) -> None:
        self.name = name
        self.nlp: Language | None = nlp
        #: lemmatizer word lists by (table, parts of speech), read on first use
        self._word_tables: dict[tuple[str, tuple[str, ...]], frozenset[str]] = {}
        self._country_cache: frozenset[str] | None = None
        self._people_cache: People | None = None
        #: every gazetteer place, matched in lower case (``_lower_places``; built on first use)
        self._place_matcher: NameMatcher | None = None
        gz = gazetteer
        #: for re-casing lines in capitals (``_people``)
        self._given: tuple[str, ...] = tuple(gz.get("given", ()))
        self._surname_words: tuple[str, ...] = tuple(gz.get("surname_words", ()))
        self.gpe = set(gz["gpe"])
        self.gpe_strong = set(gz["gpe_strong"])
        self.loc = set(gz["loc"])
        self.places = self.gpe | self.gpe_strong | self.loc
        self.norp = set(gz["norp"])
        #: organisations: our own list, then listed companies (a company named like a
        #: person's surname still yields to a person of that name in the story)
        self.org = set(gz["org"]) | set(gz.get("company", ()))
        #: surnames of known politicians and officials: a bare one is a person (the
        #: gazetteer builder keeps places, organisations and companies out of the list)
        self.surnames = frozenset(gz.get("surnames", ()))
        self.titles = set(gz["titles"])
        self.title_words = {w for t in self.titles for w in t.split()}
        #: words that are never taken for a surname by ``_story_consistency``
        self.not_surnames = frozenset(
            self.places | set(gz["org"]) | self.norp | DATE_WORDS | {"May"}
        )
        #: sports clubs by their lower-case tokens (one-word names count in sports copy
        #: only); a name of several words that is not also a place is an organisation
        #: anywhere ("Manchester United", "Los Angeles Lakers")
        club_names = {n for full, alias in gz.get("club", {}).items() for n in (full, *alias)}
        self.clubs = name_table(club_names, lambda name: [t.text for t in nlp.make_doc(name)])
        self.org |= {
            name
            for key, name in self.clubs.items()
            if len(key) > 1 and name not in self.places
        }
        #: sports venues: a name of several words is a facility anywhere ("Old Trafford",
        #: "Roland Garros"), a one-word name ("Anfield") in sports copy
        venue_table = name_table(gz.get("venue", ()), lambda n: [t.text for t in nlp.make_doc(n)])
        self.venues = {name for key, name in venue_table.items() if len(key) > 1}
        #: what sports copy knows by name: every club (ORG) and one-word venue (FAC)
        self.sports_names: dict[tuple[str, ...], tuple[str, str]] = {
            key: (name, "FAC") for key, name in venue_table.items() if len(key) == 1
        }
        self.sports_names.update((key, (name, "ORG")) for key, name in self.clubs.items())
        self.forms: dict[str, tuple[str, set[str]]] = {}
        groups = {
            "NORP": self.norp,
            "ORG": self.org,
            "LOC": self.loc,
            "GPE": self.gpe_strong,
            "FAC": self.venues,
        }
        for label in ("GPE", "LOC", "ORG", "NORP", "FAC"):  # later wins on identical lower form
            for name_ in groups[label]:
                low = name_.lower()
                prev = self.forms.get(low)
                forms = prev[1] if prev and prev[0] == label else set()
                forms.add(name_)
                self.forms[low] = (label, forms)
        self.matcher = NameMatcher(nlp, groups)
        #: market indexes and crude grades as the tokenizer splits them (``misc_spans``)
        self.index_table = index_table(lambda n: [t.text for t in nlp.make_doc(n)])

    # -------------------------------------------------------------- helpers
    def _is_title(self, text: str) -> bool:
        """A title word, or a hyphenated title written as one token: "Commander-in-Chief",
        "Ambassador-at-Large", "Minister-designate"."""
        if text in self.title_words:
            return True
        return "-" in text and text[:1].isupper() and text.split("-", 1)[0] in self.title_words

    def _person_demonym(self, text: str) -> bool:
        """A nationality noun for a person, never a given name: "Frenchman", "Spaniard"."""
        if text not in self.norp:
            return False
        stem = text[:-5] if text.endswith("woman") else text[:-3]
        return text in PERSON_DEMONYMS or (
            text.endswith(("man", "men")) and stem in self.norp  # not "German"
        )

    def _surface_ok(self, span: Span, label: str) -> bool:
        text = span.text
        low = text.lower()
        entry = self.forms.get(low)
        if entry is None or entry[0] != label:
            return False
        forms = entry[1]
        if text in forms:
            return True
        if text.isupper() and len(text) > 3:  # all-caps datelines: "MOSCOW, Nov 21"
            return label in ("GPE", "LOC")
        # scraped copy: "kyiv says ..."; not a word English writes in lower case
        # ("their reunion tour": not Reunion)
        usual = case_forms().get(low)
        return (
            text.islower()
            and label == "GPE"
            and len(text) >= 4
            and low not in NOT_LOWERCASE
            and (usual is None or usual[:1].isupper())
            and text in {f.lower() for f in forms}
        )

    def _place_label(self, text: str, default: str = "GPE") -> str:
        bare = text[4:] if text.startswith(("the ", "The ")) else text
        words = bare.split() or [bare]
        if bare in self.loc and words[-1] not in PLACE_FAC_HEADS:
            return "LOC"  # the list's "Suez Canal" is built: FAC by its head below
        first, _, rest = bare.partition(" ")
        known_gpe = bare in self.gpe or bare in self.gpe_strong
        if first in COMPASS and rest in self.loc and not known_gpe:
            # "North Atlantic", "Western Europe"; not "South Africa"
            return "LOC"
        if bare in self.org or (bare.split() and bare.split()[-1] in ORG_HEADS):
            return "ORG"
        if bare in self.gpe or bare.title() in self.gpe:
            return "GPE"
        if words[-1] in FAC_HEADS:
            return "FAC"
        if words[-2:] == ["National", "Park"]:
            return "LOC"  # "Taroko National Park"
        if (
            words[-1] in PLACE_FAC_HEADS
            or any(w in VENUE_WORDS for w in words)
            or words[:2] == ["Port", "of"]  # "Port of Baltimore" ("Port of Spain" is known)
            or (len(words) == 1 and len(bare) > 6 and bare.lower().endswith(VENUE_SUFFIXES))
        ):
            return "FAC"
        if (
            words[-1] in LOC_HEADS
            or words[-1] == "Channel"  # "English Channel"
            or words[0] in ("Lake", "Mount", "Gulf", "Sea", "Strait", "Cape")
        ):
            return "LOC"
        return default

    def _place_by_noun(self, ent: Span, label: str) -> str:
        """A place's name the gazetteer does not know, by the words around it: the common
        noun after it ("the Kisanfu copper mine", "its Tenke Fungurume and Kisanfu mines",
        "the Letzigrund stadium": FAC; "the Panjshir valley", "the Naf river": LOC), or
        "at the" before it in sports copy, which a town does not take ("at the Mineirao on
        Tuesday": FAC). Known places keep their type ("the Mariupol port")."""
        if label != "GPE" or ent.text in self.gpe or ent.text in self.gpe_strong:
            return label
        doc = ent.doc
        noun, _second = _noun_after(ent)
        if noun is not None:
            if noun.text in FAC_NOUNS:
                return "FAC"
            if noun.text in LOC_NOUNS and noun.i == ent.end:
                return "LOC"
        if (
            ent.start > 1
            and doc[ent.start - 1].lower_ == "the"
            and doc[ent.start - 2].lower_ == "at"
            and ent[0].is_title
            and not (ent.end < len(doc) and doc[ent.end].is_title)
            and sports_story(doc)
        ):
            return "FAC"  # "at the Mineirao on Tuesday": a ground, not a town
        return label

    def _join_people(self, ents: list[Span]) -> list[Span]:
        """Two people with nothing but a space between them are one where a title opens
        them or a name's particle joins them: the model cut "President Luiz Inacio Lula
        da Silva" into "Luiz Inacio" and "Lula da Silva". (Not in general: lists of
        people without commas fill e-mail headers and signatures.)"""
        out: list[Span] = []
        for e in sorted(ents, key=lambda s: s.start):
            prev = out[-1] if out else None
            if (
                prev is not None
                and e.label_ == "PERSON"
                and prev.label_ == "PERSON"
                and prev.end == e.start
                and prev[-1].whitespace_ == " "
                and prev[-1].is_alpha
                and e[0].is_alpha
                and (
                    (prev.start > 0 and self._is_title(e.doc[prev.start - 1].text))
                    or any(t.text in NAME_PARTICLES for t in e)
                )
            ):
                out[-1] = Span(e.doc, prev.start, e.end, label="PERSON")
                continue
            out.append(e)
        return out

    def _resource_sites(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """``ents`` with the names of oil and gas fields, mines and blocks that the model
        took for a person or a firm typed by the noun after them, as ``_place_by_noun``
        types an unknown place's: "its giant Grasberg mine" was a person, "the Buzios and
        Mero fields" a firm (and "Mero" missed), "the Stabroek block" a firm. Only the
        nouns of ``SITE_NOUNS`` and ``AREA_NOUNS``, which no owner takes ("the Toyota
        plant" is Toyota's); known firms and bodies keep their type ("the Shell
        refinery"), and so do people named in full ("John Smith fields questions")."""
        given = self._people().given
        taken = {i for e in ents for i in range(e.start, e.end)}
        out: list[Span] = []
        sites: dict[str, str] = {}  # the names typed here, for their other mentions
        for e in ents:
            noun, second = (None, None)
            if (
                e.label_ in ("PERSON", "ORG")
                and e[-1].is_title
                and e.text not in self.org
                and not (e.label_ == "PERSON" and e[0].lower_ in given)
            ):
                noun, second = _noun_after(e)
                if noun is not None and noun.tag_.startswith("VB"):
                    noun = None  # a verb after a person: "John Smith fields questions"
            if noun is not None and noun.text in SITE_NOUNS:
                out.append(Span(doc, e.start, e.end, label="FAC"))
                sites[e.text] = "FAC"
                if second and not taken.intersection(range(*second)):
                    out.append(Span(doc, *second, label="FAC"))
                    sites[doc[second[0] : second[1]].text] = "FAC"
                    taken.update(range(*second))
            elif noun is not None and noun.text in AREA_NOUNS and noun.i == e.end:
                out.append(Span(doc, e.start, e.end, label="LOC"))
                sites[e.text] = "LOC"
            else:
                out.append(e)
        # the story's other mentions of a site: "before Grasberg", "Grasberg, in Papua"
        out = [
            Span(doc, e.start, e.end, label=sites[e.text])
            if e.label_ in ("PERSON", "ORG") and e.text in sites
            else e
            for e in out
        ]
        return sorted(filter_spans(out), key=lambda s: s.start)

    def _event_name(self, ent: Span, lower_doc: bool) -> bool:
        """Competitions and other named events: "French Open", "Davis Cup", "Japanese
        Grand Prix", "Tour de France", "Copa Libertadores", "Euro 96", "Champions League"
        (headlines in capitals too), "Cold War", "Orange Revolution". A games company
        ("Epic Games") and an airline ("Copa Airlines") are not events."""
        words = [t.text for t in ent]
        if words and words[0] in ("The", "the", "THE"):
            words = words[1:]
        if not words or not (lower_doc or any(w[:1].isupper() for w in words)):
            return False
        low = [w.lower() for w in words]
        text = " ".join(low)
        if text in NOT_EVENTS or ent.text in self.org:
            return False
        if any(" ".join(low[i:]) in COMPETITIONS for i in range(len(low))):
            return True  # "Champions League", "UEFA Champions League"
        if low[0] == "tour" and len(low) > 2 and low[1] in ("de", "of", "du", "d'"):
            return True  # "Tour de France", "Tour of Flanders"
        if low[0] in ("giro", "vuelta") and len(low) > 1:
            return True
        if low[0] == "copa" and len(low) > 1 and not (
            words[-1] in ORG_HEADS or words[-1] in COMPANY_HEADS
        ):
            return True  # "Copa del Rey"; not "Copa Airlines"
        if low[0] == "euro" and len(low) == 2 and re.fullmatch(r"(19|20)?\d\d", low[1]):
            return True  # "Euro 96", "Euro 2024"
        if low[-2:] == ["grand", "prix"] or low[:2] == ["grand", "prix"]:
            return True
        if low[0] == "prix" and len(low) > 2:
            return True  # "Prix de l'Arc de Triomphe"
        if len(low) >= 2 and low[-1] == "games":
            return low[-2] in GAMES_QUALIFIERS or low[-2].isdigit() or (
                words[-2] in self.norp or words[-2] in self.gpe_strong
            )
        if len(low) >= 3 and "cup" in low[1:-1] and low[low.index("cup", 1) + 1] == "of":
            return True  # "Africa Cup of Nations"
        return len(low) >= 2 and (
            words[-1] in EVENT_HEADS
            or (low[-1] in EVENT_TAILS and (lower_doc or words[-1][:1].isupper()))
        )

    def _state_body(self, ent: Span) -> list[Span] | None:
        """A country's short name or a nationality before one of its state's bodies is the
        place and the body, as wire copy is annotated: "U.S. Federal Aviation
        Administration", "UK Supreme Court", "Israeli Supreme Court". Not a known name
        ("European Commission"), not a country spelt out ("Kenya Revenue Authority", a
        body's own name), not a firm ("U.S. Steel")."""
        doc = ent.doc
        if ent.label_ != "ORG" or len(ent) < 2 or ent.text in self.org:
            return None
        first = ent[0].text
        rest = doc[ent.start + 1 : ent.end]
        if rest[0].text[:1].islower() or rest[-1].text not in GOVERNMENT_HEADS:
            return None
        label = self._country_prefix(first)
        if label is None:
            return None
        return [
            Span(doc, ent.start, ent.start + 1, label=label),
            Span(doc, rest.start, rest.end, label="ORG"),
        ]

    def _country_prefix(self, word: str) -> str | None:
        """The type of a word that names a state before one of its bodies: GPE for a
        country's short name ("U.S.", "UK"), NORP for a nationality ("Israeli"); None for
        anything else, a body above states ("European") or a plural ("Americans")."""
        if word in COUNTRY_PREFIXES:
            return "GPE"
        if word in self.norp and word not in SUPRANATIONAL and not word.endswith("s"):
            return "NORP"
        return None

    def _trim(self, ent: Span) -> Span | None:
        """Drop leading/trailing lower-case words ("Hamas fighters", "residents of X")."""
        doc, start, end = ent.doc, ent.start, ent.end
        # words glued to the name ("al-Qaeda", "bin Salman" stays: "bin" is inside)
        while (
            start < end
            and (doc[start].is_lower or doc[start].is_punct)
            and doc[start].whitespace_
            and (doc[start].text.lower() not in self.forms or doc[start].text in LOWER_DIRECTIONS)
        ):
            start += 1
        while (
            end > start
            and (doc[end - 1].is_lower or doc[end - 1].is_punct)
            and end - 2 >= start
            and (doc[end - 2].whitespace_ or doc[end - 1].text in DASHES)
            and doc[end - 1].text.lower() not in self.forms
            and doc[end - 1].text != "."
        ):
            end -= 1  # "Hamas fighters"; "Hangzhou-" of "Hangzhou-based"
        if start >= end:
            return None
        if (start, end) == (ent.start, ent.end):
            return ent
        return Span(doc, start, end, label=ent.label_)

    def _common_nouns(self, doc: Doc) -> set[str]:
        """Capitalised words that are common nouns by the story's own evidence: they are
        capitalised only where a sentence, paragraph or quotation opens, the story also
        uses them in lower case, and the gazetteer does not know them as names."""
        lower = {t.text for t in doc if t.is_lower and t.is_alpha}
        lower |= {w[:-1] for w in lower if w.endswith("s")} | {w + "s" for w in lower}
        opening: set[str] = set()
        inside: set[str] = set()
        for tok in doc:
            if tok.is_title and tok.is_alpha and tok.text.lower() in lower:
                (opening if _opens_story_sentence(tok) else inside).add(tok.text)
        return {w for w in opening - inside if w.lower() not in self.forms}

    def _named_words(self, doc: Doc) -> set[str]:
        """Capitalised words the story also uses inside a sentence or inside a longer
        capitalised name: evidence that the word is a name."""
        named = set()
        for tok in doc:
            if tok.is_title and (
                not _opens_story_sentence(tok) or (tok.i + 1 < len(doc) and doc[tok.i + 1].is_title)
            ):
                named.add(tok.text)
        return named

    def _plural_opener(self, tok: Token) -> bool:
        """A capitalised dictionary noun opening a sentence and followed by a plural noun
        or a plural verb ("Mackerel have arrived", "Trawler crews lined"): a common noun,
        not a person or an organisation. Names say "Putin says", "Bush administration"."""
        doc = tok.doc
        if tok.i + 1 >= len(doc) or not _opens_story_sentence(tok):
            return False
        nxt = doc[tok.i + 1]
        low = tok.text.lower()
        return (
            tok.is_title
            and nxt.is_lower
            and nxt.tag_ in PLURAL_NEXT_TAGS
            and low not in self.forms
            and tok.text not in self.gpe  # "Leeds hold Newcastle": a town's name
            and low in self._nouns()
        )

    def _lower_people(self, doc: Doc, covered: set[int]) -> list[Span]:
        """People the model missed in copy written in lower case: a known given name and a
        known rare surname ("vladimir putin", "joe root" does not count: "root" is a word)."""
        people = self._people()
        out: list[Span] = []
        for i in range(len(doc) - 1):
            a, b = doc[i], doc[i + 1]
            if i in covered or i + 1 in covered or not (a.is_lower and b.is_lower):
                continue
            if a.text in people.given and b.text in people.rare_surnames:
                out.append(Span(doc, i, i + 2, label="PERSON"))
        return out

    def _lower_places(self, doc: Doc, covered: set[int]) -> list[Span]:
        """Places written in lower case inside cased copy (scraped pages, forums, e-mail):
        "we flew to san francisco", "a hotel in baguio". Only names of the gazetteer's
        places whose every word English usually writes with a capital (``case_forms``:
        "francisco", not "bath", "reading" or "mobile"), bar particles ("los angeles"); a
        place of one word is no person's given name or surname ("austin", "jackson")."""
        if self.nlp is None:
            return []
        if self._place_matcher is None:
            self._place_matcher = NameMatcher(self.nlp, {"GPE": self.gpe | self.gpe_strong})
        forms, people = case_forms(), self._people()

        def capital(low: str, alone: bool) -> bool:
            form = forms.get(low)
            return (
                form is not None
                and form[:1].isupper()
                and low not in NOT_LOWERCASE
                and not (alone and (low in people.given or low in people.surnames))
            )

        out: list[Span] = []
        for _label, start, end in self._place_matcher(doc):
            words = doc[start:end]
            entry = self.forms.get(words.text)
            handle = start > 0 and doc[start - 1].text == "@" and not doc[start - 1].whitespace_
            if (
                len(words.text) >= 4
                and all(t.is_lower and t.is_alpha and t.i not in covered for t in words)
                and capital(words[-1].text, alone=len(words) == 1)
                and all(capital(t.text, False) or t.text in PLACE_PARTICLES for t in words[:-1])
                and not handle  # "@seattle"
                and (entry is None or entry[0] in PLACE_LABELS)  # not "toyota", "ajax", "brits"
            ):
                out.append(Span(doc, start, end, label="GPE" if entry is None else entry[0]))
        # the longest of overlapping names: "new york city" over "new york" and "york"
        return filter_spans(out)

    #: first words of the names of firms in other languages, never a given name
    FIRM_OPENERS = frozenset(
        {
            "grupo", "groupe", "banco", "banca", "banque", "petroleos", "petróleos",
            "compagnie", "compania", "compañía", "companhia", "societe", "société",
            "industrias", "empresas", "aerolineas", "aerolíneas", "deutsche", "caixa",
        }
    )

    def _given_names(self, doc: Doc, covered: set[int]) -> list[Span]:
        """People the model missed in cased copy: two capitalised words alone, a given
        name that is no English word and a surname that is a known one or no English word;
        the given name a known one, or both words the subject of the verb after them
        ("... (Reuters) - Kylian Mbappe struck late", "Olena Zelenska said"). Not a name the
        gazetteer knows, a place, a title or a head of a body or a place ("Georgia Tech"),
        and not part of a longer run of capitalised words."""
        people = self._people()
        dictionary = self._dictionary()
        out: list[Span] = []

        def capitalised(tok: Token) -> bool:
            return tok.is_title and tok.is_alpha

        for i in range(len(doc) - 1):
            a, b = doc[i], doc[i + 1]
            if i in covered or i + 1 in covered or not (capitalised(a) and capitalised(b)):
                continue
            if (i > 0 and capitalised(doc[i - 1])) or (
                i + 2 < len(doc) and doc[i + 2].text[:1].isupper()
            ):
                continue
            first, last = a.lower_, b.lower_
            if (
                first in dictionary
                or first in self.forms
                or first in self.FIRM_OPENERS
                or people.verbs(first)
            ):
                continue
            if last in self.forms or (last in dictionary and last not in people.rare_surnames):
                continue
            if first not in people.given and not (
                # two words no list knows, the subject of a verb: "Olena Zelenska said"
                b.dep_ == "nsubj" and b.head.pos_ == "VERB" and b.head.i > b.i
            ):
                continue
            span = Span(doc, i, i + 2, label="PERSON")
            if (
                not self._unlisted(span)
                or any(t.text in self.places or t.text in self.org for t in (a, b))
                or self._is_title(a.text)
                or self._is_title(b.text)
            ):
                continue
            out.append(span)
        return out

    def _unlisted(self, span: Span) -> bool:
        """``span`` is no name the gazetteer, the table of written forms or the list of
        clubs knows, and does not end in the head of a body or a place ("Street")."""
        text = span.text
        return not (
            text.lower() in self.forms
            or text in self.places
            or text in self.org
            or span[-1].text in NAME_HEADS
            or tuple(t.lower_ for t in span) in self.clubs
        )

    def _personal(self, ent: Span) -> bool:
        """A name the model typed as a body or a place that is a person's: a known given
        name and a surname, two or three words ("Mary Earps", "Jordan Thompson", "Jan
        Zielinski"): the surname a known one or no English word, and the whole no name the
        gazetteer knows ("Morgan Stanley", "Charlotte Hornets"), no place, and without a
        head of a body or a place ("Georgia Tech" ends in an English word)."""
        if not 2 <= len(ent) <= 3 or not all(t.is_title and t.is_alpha for t in ent):
            return False
        if not self._unlisted(ent):
            return False
        last = ent[-1]
        if last.text in NAME_HEADS or last.text in BODY_HEADS or last.text in ("Center", "Centre"):
            return False  # "Carter Center", "Jordan Valley": a body's or a place's head
        people = self._people()
        if ent[0].lower_ not in people.given or people.verbs(ent[0].lower_):
            return False
        return last.lower_ in people.surnames or last.lower_ not in self._dictionary()

    def _glued_noun(self, tok: Token, length: int) -> bool:
        """``tok`` opens a sentence and a person's name of ``length`` words, and is a
        common noun capitalised only for that ("Financier George Soros", "Spinners Sajid
        Khan"): a dictionary noun that is no given name, surname or gazetteer name, before
        a name of two words or more ("Rose Byrne", "Will Smith" keep their given names)."""
        low = tok.lower_
        if length < 3 or not tok.is_title or not tok.is_alpha or not _opens_sentence(tok):
            return False
        nxt = tok.doc[tok.i + 1]
        if nxt.lower_ in NAME_PARTICLES or nxt.lower_ in SURNAME_PARTICLES:
            return False  # "Marine Le Pen", "Ursula von der Leyen": a given name first
        if low in self.forms or tok.text in self.surnames or low in self._people().given:
            return False
        nouns = self._nouns()
        return low in nouns or (low.endswith("s") and low[:-1] in nouns)

    def _nouns(self) -> frozenset[str]:
        """The lemmatizer's dictionary of English nouns (WordNet, via spacy-lookups-data),
        read from the pipeline on first use; empty when the pipeline has none."""
        return self._words("lemma_index", ("noun",))

    def _split_places(self, ent: Span) -> list[Span] | None:
        """A span the model ran across a list of places ("Odessa and Mykolaiv regions",
        "Kherson, Zaporizhzhia and Donetsk") as one place span per name, or None. Only
        when every part is a known place and the whole is not a name itself ("Bosnia and
        Herzegovina", "Trinidad and Tobago")."""
        doc = ent.doc
        end = ent.end
        while end > ent.start + 1 and doc[end - 1].is_lower and doc[end - 1].text not in LIST_SEPS:
            end -= 1  # "... regions"
        seps = [i for i in range(ent.start + 1, end - 1) if doc[i].text in LIST_SEPS]
        if not seps or not any(doc[i].text != "," for i in seps):
            return None
        whole = doc[ent.start : end].text
        places = self.places
        if whole in places or whole in self.org:
            return None
        parts, start = [], ent.start
        for i in [*seps, end]:
            if i > start:
                parts.append(Span(doc, start, i, label="LOC"))
            start = i + 1
        known = [p.text in places for p in parts]
        plural_head = end < ent.end and doc[end].text in PLACE_PLURALS
        if all(known) or (
            plural_head and any(known) and all(p[0].text[:1].isupper() for p in parts)
        ):
            return parts
        return None

    def _retype(self, ent: Span, lower_doc: bool = False, upper_doc: bool = False) -> list[Span]:
        doc = ent.doc
        if ent.text in DATE_WORDS or (len(ent) == 1 and self._is_title(ent.text)):
            return []
        if all(NUMBER_LIKE.fullmatch(t.text) or t.is_punct for t in ent):
            return []  # "6,381.94", "41st": figures, not names
        if self._event_name(ent, lower_doc):
            start = ent.start + (1 if ent[0].lower_ == "the" and len(ent) > 1 else 0)
            nationality: list[Span] = []
            tail = " ".join(t.lower_ for t in doc[start : ent.end])
            while (
                start < ent.end - 1
                and (doc[start].text in self.norp or doc[start].text.title() in self.norp)
                and tail.split(" ", 1)[1] in COMPETITIONS
            ):
                # "English Premier League", "Italian Serie A": a nationality before a
                # league's name; "French Open", "Japanese Grand Prix" are names whole
                nationality.append(Span(doc, start, start + 1, label="NORP"))
                start += 1
                tail = tail.split(" ", 1)[1]
            return [*nationality, Span(doc, start, ent.end, label="EVENT")]  # "Davis Cup"
        glued = self._split_glued_modifier(ent, lower_doc, upper_doc)
        if glued is not None:
            return glued
        if len(ent) > 2:
            verbs = [
                t.i
                for t in ent[1:-1]
                if t.is_lower and t.tag_ in FINITE_VERB_TAGS and t.text not in NAME_PARTICLES
            ]
            if verbs:
                # "Nvidia overtakes Apple": a clause, not a name
                starts, ends = [ent.start, *(v + 1 for v in verbs)], [*verbs, ent.end]
                return [
                    x
                    for a, b in zip(starts, ends, strict=True)
                    if b > a
                    for x in self._retype(Span(doc, a, b, label=ent.label_), lower_doc, upper_doc)
                ]
            parts = self._split_places(ent)
            if parts is not None:
                return [x for p in parts for x in self._retype(p, lower_doc, upper_doc)]
            if not lower_doc and not upper_doc and ent.label_ in ("ORG", "PERSON", "LOC"):
                split = self._split_place_name(ent)
                if split is not None:
                    return split
        if not lower_doc and any(t.text[:1].isupper() for t in ent):
            trimmed = self._trim(ent)
            if trimmed is None:
                return []
            ent = trimmed
        if len(ent) > 1 and ent[0].text in ("A", "An", "The"):  # sentence-initial article
            ent = Span(doc, ent.start + 1, ent.end, label=ent.label_)
        if (
            len(ent) > 1
            and ent.end < len(doc)
            and (
                (
                    ent[-1].text in COURT_RANKS
                    and doc[ent.end].text in ("Judge", "Justice", "Attorney")
                )
                or (ent[-1].text in TITLE_MODIFIERS and doc[ent.end].text in self.title_words)
            )
        ):
            # "U.S. District Judge X", "EU High Representative": the rank belongs to the title
            ent = Span(doc, ent.start, ent.end - 1, label=ent.label_)
        if len(ent) > 1 and ent[-1].text in WEEKDAYS and not ent[-2].is_punct:
            ent = Span(doc, ent.start, ent.end - 1, label=ent.label_)  # "Putin Tuesday said"
        text = ent.text
        label = ent.label_
        if text in self.venues:
            return [Span(doc, ent.start, ent.end, label="FAC")]  # "Old Trafford", "Roland Garros"
        if (
            label in ("ORG", "LOC", "GPE")
            and ent.start >= 2
            and doc[ent.start - 1].text == "for"
            and doc[ent.start - 2].text in self.title_words
            and text not in self.org
            and text not in self.places
        ):
            return []  # a portfolio, not a body: "Commissioner for Oceans and Fisheries"
        if (
            len(ent) == 1
            and _opens_sentence(ent[0])
            and ent[0].tag_ in ("NN", "NNS")
            and text.lower() not in self.forms
            and text not in self.gpe
        ):
            return []  # "Gunmen abducted ...": a capitalised common noun, not a name
        split = self._state_body(ent) if not (lower_doc or upper_doc) else None
        if split is not None:
            return split
        if (
            label in ("GPE", "LOC")
            and len(ent) >= 4
            and ent[0].text in self.norp
            and ent[1].lower_ in PLACE_NOUNS
            and ent[2].lower_ == "of"
            and ent[3].text[:1].isupper()
        ):
            # "the Swedish city of Malmo": a nationality and a place
            rest = Span(doc, ent.start + 3, ent.end, label=label)
            return [Span(doc, ent.start, ent.start + 1, label="NORP"), *self._retype(rest)]
        if label in ("ORG", "PERSON") and len(ent) > 1 and self._is_title(ent[-1].text):
            # "National Transportation Safety Board Chair", "Bundesbank President": the
            # body before its officer's title
            end = ent.end
            while end > ent.start and self._is_title(doc[end - 1].text):
                end -= 1
            body = doc[ent.start : end]
            if end > ent.start and (
                body.text in self.org or (len(body) > 1 and body[-1].text in BODY_HEADS)
            ):
                return [Span(doc, ent.start, end, label="ORG")]
        if label == "ORG" and self._is_title(ent[-1].text) and text not in self.org:
            # "European Commissioner", "Prime Minister": a title, not a body; a nationality
            # or country before it keeps its own type
            lead = [
                t for t in ent[:-1] if not self._is_title(t.text) and t.text not in TITLE_MODIFIERS
            ]
            if all(
                t.text in self.norp or t.text in self.gpe_strong or t.text in self.org
                for t in lead
            ):
                # "U.N. High Commissioner": the body keeps its name
                return [
                    Span(
                        doc,
                        t.i,
                        t.i + 1,
                        label="NORP"
                        if t.text in self.norp
                        else ("ORG" if t.text in self.org else "GPE"),
                    )
                    for t in lead
                ]
        if label == "ORG" and not (lower_doc or upper_doc) and text not in self.org:
            person_of = self._person_of_body(ent)
            if person_of is not None:
                return person_of
        if text in self.org and label != "ORG" and text not in self.gpe_strong:
            return [Span(doc, ent.start, ent.end, label="ORG")]  # "Kremlin", "Pentagon"
        if label == "ORG" and len(ent) > 1 and ent[-1].text in BUILT_HEADS and text not in self.org:
            return [Span(doc, ent.start, ent.end, label="FAC")]  # "Bangkok Remand Prison"
        if (
            len(ent) == 1
            and label in ("ORG", "LOC")
            and text in self.surnames
            and not _org_cue(ent)
        ):
            return [Span(doc, ent.start, ent.end, label="PERSON")]  # "Barnier said"
        if text in self.norp or (text.isupper() and text.title() in self.norp):
            return [Span(doc, ent.start, ent.end, label="NORP")]
        if len(ent) > 1 and all(t.text in self.norp for t in ent):
            # "Rwandan Hutu", "Banyamulenge Tutsi": peoples side by side, not a body
            return [Span(doc, t.i, t.i + 1, label="NORP") for t in ent]
        if not lower_doc and not any(t.text[:1].isupper() or t.like_num for t in ent):
            # names have a capital somewhere; all-lower-case spans are kept only when
            # the gazetteer knows them ("kyiv"), which the matcher below adds back
            return []
        if ent[0].text in self.norp and all(not t.text[:1].isupper() for t in ent[1:]):
            # "Russian forces", "Ukrainian officials": a group described, not named
            return [Span(doc, ent.start, ent.start + 1, label="NORP")]
        if (
            label == "PERSON"
            and (text in self.gpe_strong or text in self.gpe)
            and text not in NAME_LIKE_PLACES
        ):
            return [Span(doc, ent.start, ent.end, label=self._place_label(text))]
        if label in ("PERSON", "ORG") and text not in self.org and _dateline_place(ent):
            return [Span(doc, ent.start, ent.end, label=self._place_label(text.title()))]
        if label == "PERSON" and len(ent) <= 3 and _org_cue(ent):
            return [Span(doc, ent.start, ent.end, label="ORG")]
        if label in ("PERSON", "ORG") and _place_cue(ent):
            # "the city of Wad Madani", "states such as Bihar": the words say place
            return [Span(doc, ent.start, ent.end, label=self._place_label(text))]
        if label == "PERSON":
            start = ent.start
            out: list[Span] = []
            # a title's portfolio run into the name: "Commissioner for Refugees X"
            portfolio = self._after_portfolio(ent)
            # leading titles, nationality words and places: "U.S. Secretary of State X",
            # "Ukrainian President X"; a nationality word directly before the name may be
            # a given name ("German Galushchenko"), so it needs a title after it.
            while start < ent.end - 1:
                tok = doc[start]
                nxt = doc[start + 1]
                if tok.text in self.norp and (
                    nxt.text in self.title_words
                    or (  # "Argentine meteorologist Celeste Saulo"
                        not lower_doc
                        and nxt.is_lower
                        and nxt.tag_ in ("NN", "NNS")
                        and nxt.text not in NAME_PARTICLES
                    )
                    or self._person_demonym(tok.text)  # "Frenchman X"
                    or (  # "American Taylor Fritz"; not "German Galushchenko"
                        ent.end - start >= 3
                        and all(t.is_title and t.is_alpha for t in doc[start + 1 : ent.end])
                    )
                ):
                    out.append(Span(doc, start, start + 1, label="NORP"))
                elif tok.text in self.gpe_strong and nxt.text in self.title_words:
                    out.append(Span(doc, start, start + 1, label="GPE"))
                elif start == ent.start and self._glued_noun(tok, ent.end - start):
                    pass  # "Financier George Soros", "Spinners Sajid Khan"
                elif (
                    portfolio
                    and not lower_doc
                    and ent.end - start >= 3
                    and tok.is_title
                    and base_form(tok.lower_, self._dictionary()) is not None
                ):
                    pass  # "High Commissioner for Refugees Sadako Ogata": the portfolio
                elif not (
                    self._is_title(tok.text) or (tok.is_lower and not lower_doc) or tok.is_punct
                ):
                    break
                start += 1
            rest = doc[start : ent.end]
            if not lower_doc and not any(
                t.text[:1].isupper() and not self._is_title(t.text) for t in rest
            ):
                # only a title (or its tail) is left: "U.S. President" + "Joe Biden",
                # "President-elect" without a name
                return out
            if start < ent.end:
                span = Span(doc, start, ent.end, label="PERSON")
                if span.text in self.gpe_strong and span.text.isupper():
                    span = Span(doc, start, ent.end, label="GPE")
                elif span.text in self.norp:  # "Opposition Conservatives"
                    span = Span(doc, start, ent.end, label="NORP")
                elif span[-1].text in ORG_HEADS or (
                    len(span) > 1 and span[-1].text in COMPANY_HEADS
                ):  # "National Rally", "Toyota Motors", "Sandoz AG"
                    span = Span(doc, start, ent.end, label="ORG")
                elif len(span) == 1 and not upper_doc and ACRONYM.fullmatch(span.text):
                    # a lone acronym in mixed-case copy names a body, not a person ("AFAD")
                    span = Span(doc, start, ent.end, label="ORG")
                elif len(span) > 1 and span[-1].text in PLACE_HEADS:
                    # a name ending in a place head is a place: "Aabenraa County"
                    span = Span(doc, start, ent.end, label=self._place_label(span.text))
                out.append(span)
            return out
        if label == "LOC" and self._speaking_name(ent):
            return [Span(doc, ent.start, ent.end, label="PERSON")]
        if label in ("LOC", "ORG") and not (lower_doc or upper_doc) and self._personal(ent):
            # "Mary Earps", "Jordan Thompson"
            return [Span(doc, ent.start, ent.end, label="PERSON")]
        if label == "LOC":
            place = self._place_by_noun(ent, self._place_label(text))
            return [Span(doc, ent.start, ent.end, label=place)]
        if label == "ORG" and text in self.loc:
            return [Span(doc, ent.start, ent.end, label="LOC")]
        if label == "ORG" and text in self.gpe_strong and text not in self.org:
            return [Span(doc, ent.start, ent.end, label=self._place_label(text))]
        if label == "ORG" and text.isupper() and text.title() in self.gpe_strong:
            return [Span(doc, ent.start, ent.end, label="GPE")]
        return [ent]

    def _split_glued_modifier(
        self, ent: Span, lower_doc: bool, upper_doc: bool
    ) -> list[Span] | None:
        """A name glued to a participle before another name: "Kremlin-controlled Channel
        One", "Paris-based International Energy Agency" are two names, the first typed
        by what it is (the participle and its hyphen belong to neither)."""
        doc = ent.doc
        for k in range(ent.start + 1, ent.end - 2):
            if (
                doc[k].text == "-"
                and not doc[k - 1].whitespace_
                and not doc[k].whitespace_
                and doc[k + 1].lower_ in GLUED_PARTICIPLES
                and doc[k + 2].text[:1].isupper()
            ):
                head = doc[ent.start : k]
                text = head.text
                if text in self.org and text not in self.gpe_strong:
                    label = "ORG"
                elif text in self.places or text.title() in self.places:
                    label = self._place_label(text if text in self.places else text.title())
                elif text in self.norp:
                    label = "NORP"
                else:
                    label = ent.label_
                rest = Span(doc, k + 2, ent.end, label=ent.label_)
                return [
                    Span(doc, ent.start, k, label=label),
                    *self._retype(rest, lower_doc, upper_doc),
                ]
        return None

    def _after_portfolio(self, ent: Span) -> bool:
        """The span opens inside a title's portfolio: "Commissioner for [Refugees X]",
        "Minister for Foreign [Affairs X]" (up to three capitalised words after "for")."""
        doc, k = ent.doc, ent.start - 1
        while k >= 0 and k > ent.start - 4 and doc[k].is_title and doc[k].is_alpha:
            k -= 1
        return k >= 1 and doc[k].lower_ == "for" and doc[k - 1].text in self.title_words

    def _person_of_body(self, ent: Span) -> list[Span] | None:
        """A person and the body after "of", read as one body: "John Jumper of Google
        DeepMind" is the person John Jumper and the body Google DeepMind. Only when the
        words before "of" are two or three capitalised words opening with a known given
        name and ending in a word that is no body's or place's head ("Bank of England",
        "University of Chicago" stay whole)."""
        doc = ent.doc
        ofs = [t.i for t in ent if t.lower_ == "of"]
        if not ofs:
            return None
        k = ofs[0]
        head, rest = doc[ent.start : k], doc[k + 1 : ent.end]
        if not (2 <= len(head) <= 3) or not rest or not rest[0].text[:1].isupper():
            return None
        if (
            head[0].lower_ not in self._people().given
            or not all(t.is_title and t.is_alpha for t in head)
            or head[-1].text in NAME_HEADS
            or head.text in self.org
            or head.text in self.places
            or any(t.text in self.title_words for t in head)
        ):
            return None
        return [
            Span(doc, ent.start, k, label="PERSON"),
            *self._retype(Span(doc, k + 1, ent.end, label="ORG")),
        ]

    def _speaking_name(self, ent: Span) -> bool:
        """A name the model typed as a place that speaks: "(Reuters) - Lavrov says ...".
        Places that speak in news are countries and capitals, which the gazetteer knows;
        an unknown capitalised name of one to three words right before a reporting verb
        is a person."""
        doc = ent.doc
        text = ent.text
        return (
            len(ent) <= 3
            and ent.end < len(doc)
            and doc[ent.end].text in SPEECH_VERBS
            and all(t.is_title and t.is_alpha for t in ent)
            and text not in self.places
            and text.lower() not in self.forms
            and text not in NAME_LIKE_PLACES
            and ent[-1].text not in NAME_HEADS
            and not any(t.text in COMPASS for t in ent)
        )

    def _split_place_name(self, ent: Span) -> list[Span] | None:
        """A place run into the name after it: "in Oslo Kristian Moe said" is the place
        Oslo and the person Kristian Moe, not one organisation or place. Only after a
        preposition of place, when the first word is a well-known place and the rest are
        two or more capitalised words that do not end like an organisation or a place
        (for a span the model typed LOC, also only before a verb)."""
        doc = ent.doc
        if len(ent) < 3 or ent.start == 0 or doc[ent.start - 1].text not in PLACE_PREPOSITIONS:
            return None
        if ent.label_ == "LOC" and not (
            ent.end < len(doc) and doc[ent.end].tag_ in ("VBD", "VBZ", "VBP", "MD")
        ):
            return None  # a place name is longer than the model's LOC only with a verb after
        rest = doc[ent.start + 1 : ent.end]
        if (
            ent[0].text not in self.gpe_strong
            or ent.text in self.places
            or ent.text in self.org
            or not all(t.is_title and t.is_alpha for t in rest)
            or rest[-1].text in NAME_HEADS
            or any(t.text in self.title_words or t.text.lower() in self.forms for t in rest)
        ):
            return None
        return [
            Span(doc, ent.start, ent.start + 1, label=self._place_label(ent[0].text)),
            Span(doc, ent.start + 1, ent.end, label="PERSON"),
        ]

    def _surname(self, ent: Span, covered: set[int]) -> Span:
        """A person the model cut after the given name: "Ewan" + "MacLeod". The next word
        must be a capitalised proper noun that is no other name, title, date or head."""
        doc, end = ent.doc, ent.end
        if ent.label_ != "PERSON" or end >= len(doc) or end in covered:
            return ent
        nxt = doc[end]
        text = nxt.text
        if (
            nxt.tag_ == "NNP"
            and nxt.is_alpha
            and text[:1].isupper()
            and not text.isupper()
            and ent[-1].whitespace_
            and text not in DATE_WORDS
            and text not in self.title_words
            and text.lower() not in self.forms
            and text not in NAME_HEADS
            and not (end + 1 < len(doc) and doc[end + 1].text[:1].isupper())
        ):
            return Span(doc, ent.start, end + 1, label="PERSON")
        return ent

    def _initials_and_numbers(
        self, doc: Doc, ents: list[Span], covered: set[int]
    ) -> list[Span]:
        """A person's initials before the surname the model found ("G. Thorpe",
        "J. R. Smith" in a scoreboard) and a regnal number after the name ("Leo XIV",
        "Charles III"), which the model may have taken for a name of its own."""
        by_start = {e.start: e for e in ents}
        numbers: set[int] = set()  # regnal numbers the model took for names, now absorbed
        out: list[Span] = []
        for ent in ents:
            start, end = ent.start, ent.end
            if ent.label_ != "PERSON" and len(ent) == 1 and _initials_before(doc, start, covered):
                # "I. Salisbury not out 3": a player's initial makes a place's name his
                ent = Span(doc, start, end, label="PERSON")
            if ent.label_ == "PERSON":
                while (
                    start > 0
                    and start - 1 not in covered
                    and INITIAL.fullmatch(doc[start - 1].text)
                    and doc[start - 1].whitespace_
                ):
                    start -= 1
                other = by_start.get(end)
                if (
                    end < len(doc)
                    and doc[end].text in REGNAL
                    and ent[-1].whitespace_
                    and (end not in covered or (other is not None and len(other) == 1))
                ):
                    numbers.add(end)
                    end += 1
            out.append(ent if (start, end) == (ent.start, ent.end)
                       else Span(doc, start, end, label="PERSON"))
        out = [e for e in out if not (len(e) == 1 and e.start in numbers)]
        taken = covered | {i for e in out for i in range(e.start, e.end)}
        for tok in doc:
            # "To bat: D. Cork, R. Croft, A. Mullally": a surname the model missed
            if (
                tok.i not in taken
                and tok.is_title
                and tok.is_alpha
                and len(tok) > 1
                and _initials_before(doc, tok.i, taken)
                and not (tok.i + 1 < len(doc) and doc[tok.i + 1].is_title)
            ):
                start = tok.i
                while start > 0 and INITIAL.fullmatch(doc[start - 1].text):
                    start -= 1
                out.append(Span(doc, start, tok.i + 1, label="PERSON"))
        return sorted(out, key=lambda s: s.start)

    def _possessive_head(self, ent: Span, covered: set[int]) -> Span:
        """A name the model cut before its possessive head: "Irish Farmers" + "'
        Association" is "Irish Farmers' Association"; "Luhansk People" + "'s Republic"
        is the self-proclaimed republic (GPE), not a person."""
        doc, end = ent.doc, ent.end
        if end + 1 >= len(doc) or doc[end].text not in POSSESSIVES:
            return ent
        head = doc[end + 1]
        if end in covered or end + 1 in covered or not head.is_title:
            return ent
        if ent.label_ in ("ORG", "PERSON") and head.text in ORG_HEADS:
            # "Scottish" + "Pelagic Fishermen" + "'s Association": the capitalised words
            # before the cut name belong to it
            start = ent.start
            while (
                start > 0
                and doc[start - 1].is_title
                and doc[start - 1].is_alpha
                and not self._is_title(doc[start - 1].text)
                and doc[start - 1].text not in DATE_WORDS
                and doc[start - 1].text not in ("The", "A", "An")
                and not _opens_story_sentence(doc[start - 1])
            ):
                start -= 1
            return Span(doc, start, end + 2, label="ORG")
        if ent[-1].text == "People" and head.text == "Republic":
            stop = end + 2
            if stop + 1 < len(doc) and doc[stop].text == "of" and doc[stop + 1].is_title:
                stop += 2  # "Democratic People's Republic of Korea"
            return Span(doc, ent.start, stop, label="GPE")
        return ent

    def _particle_given_name(self, ent: Span) -> Span:
        """A capitalised function word between a title and a name is part of the name
        ("party chief To Lam"): right after a title, "To" is only capitalised in a name
        (the parser may still open a sentence there, so that is not asked)."""
        doc, start = ent.doc, ent.start
        if start < 2:
            return ent
        prev, title = doc[start - 1], doc[start - 2]
        if (
            prev.is_title
            and prev.is_stop
            and (title.text in self.title_words or title.text.title() in self.title_words)
        ):
            return Span(doc, start - 1, ent.end, label="PERSON")
        return ent

    def _headed_orgs(self, doc: Doc, covered: set[int]) -> list[Span]:
        """Capitalised words ending in an organisation head that the model missed or cut
        short: "the Scottish Pelagic Fishermen's Association", "Irish Farmers'
        Association". At least two capitalised words before the head; possessives may sit
        among them."""
        out = []
        for tok in doc:
            if tok.text not in ORG_HEADS or not tok.is_title or tok.i in covered:
                continue
            start, words, i = tok.i, 0, tok.i - 1
            while i >= 0 and i not in covered:
                prev = doc[i]
                if prev.text in POSSESSIVES and i > 0 and doc[i - 1].is_title:
                    i -= 1  # "Fishermen 's": the word before must still qualify
                    continue
                if (
                    prev.is_title
                    and prev.is_alpha
                    and prev.text not in self.title_words
                    and prev.text not in DATE_WORDS
                    and prev.text not in ("The", "A", "An")
                    and not (_opens_story_sentence(prev) and prev.tag_ not in ("NNP", "NNPS"))
                ):
                    start, words, i = i, words + 1, i - 1
                    continue
                break
            if words >= 2:
                out.append(Span(doc, start, tok.i + 1, label="ORG"))
        return out

    def _titled_names(self, doc: Doc, covered: set[int]) -> list[Span]:
        """A title followed by capitalised words is a person the model missed: "President
        Joe Biden", "Foreign Minister Sergei Lavrov", "Commander-in-Chief Oleksandr
        Syrskyi"; after a lower-case title ("former finance minister Chrystia Freeland")
        only a name of two or more words counts."""
        out = []
        i = 0
        n = len(doc)
        while i < n:
            tok = doc[i]
            lower_title = tok.is_lower and tok.text.title() in self.title_words
            if (
                i in covered
                or not (lower_title or (tok.text[:1].isupper() and self._is_title(tok.text)))
                or (lower_title and tok.tag_ not in ("NN", "JJ"))
            ):
                i += 1
                continue
            j = i + 1
            while j < n and (
                self._is_title(doc[j].text)
                or (lower_title and doc[j].is_lower and doc[j].text.title() in self.title_words)
            ):
                j += 1
            k = j
            while (
                k < n
                and k - j < 4
                and k not in covered
                and (
                    (
                        doc[k].text[:1].isupper()
                        and doc[k].text not in DATE_WORDS
                        and doc[k].text.lower() not in self.forms
                        and not doc[k].is_punct
                        and not self._is_title(doc[k].text)
                    )
                    or (
                        doc[k].text in NAME_PARTICLES
                        and k + 1 < n
                        and doc[k + 1].text[:1].isupper()
                        and k > j
                    )
                )
            ):
                k += 1
            if (
                k > j
                and doc[k - 1].text[:1].isupper()
                and doc[k - 1].text not in TITLED_NAME_STOPS
                and (k - j >= 2 or (not lower_title and k < n and not doc[k].text[:1].isupper()))
            ):
                out.append(Span(doc, j, k, label="PERSON"))
            i = max(k, i + 1)
        return out

    def _known_long_names(
        self, doc: Doc, matches: list[tuple[str, int, int]], ents: list[Span]
    ) -> list[Span]:
        """A gazetteer name of several words replaces the entities the model cut it into:
        "Organization for Security and Co-operation" + "Europe", "Democratic Republic" +
        "Congo", "International Council" + "Sea". Only where every overlapping entity lies
        inside the name, so a longer or crossing model span is never cut."""
        done: list[tuple[int, int]] = []
        for label, start, end in sorted(matches, key=lambda m: m[1] - m[2]):
            if end - start < 2 or any(start < e and s < end for s, e in done):
                continue
            span = Span(doc, start, end, label=label)
            if not any(e.start < end and start < e.end for e in ents):
                continue  # a name the model missed altogether is the matcher's, below
            if label == "ORG" and doc[end - 1].text in GOVERNMENT_HEADS:
                # "U.S. Food" + "and Drug Administration": the country before a known state
                # body is a name of its own (not "Italian Red Cross")
                for n, e in enumerate(ents):
                    prefix = self._country_prefix(e[0].text)
                    if (
                        prefix is not None
                        and e.start == start - 1
                        and start < e.end <= end
                        and e.text not in self.org
                    ):
                        ents[n] = Span(doc, e.start, start, label=prefix)
            if self._surface_ok(span, label):
                joined = _absorb(ents, span)
                if joined is not None:
                    ents = joined
                    done.append((start, end))
        return ents

    def _body_after(self, doc: Doc, k: int) -> bool:
        """The capitalised words from ``doc[k]`` name a body of their own ("... and
        Security Council", "... and Barclays Bank"): a second name, not the first's end."""
        j = k
        while j < len(doc) and doc[j].is_title:
            j += 1
        run = doc[k:j]
        return bool(len(run)) and (run.text in self.org or run[-1].text in BODY_HEADS)

    def _head_of_orgs(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """An organisation head followed by "of"/"for"/"on" and capitalised words is one
        organisation, with the capitalised words before the head: "Bank of
        Communications", "the Bank of Japan's" (not "Bank of" + "Japan"), "Kenya National
        Commission on Human Rights". It stops before a title, a date word or a name the
        model found after it ("Bank of England Governor Andrew Bailey"), and replaces only
        entities that lie inside it, none of them an organisation after the head ("Group
        of the British Computer Society" stays the model's)."""
        n = len(doc)
        for tok in doc:
            i = tok.i
            if tok.text not in BODY_HEADS or not tok.is_title or i + 2 >= n:
                continue
            if doc[i + 1].text not in ("of", "for", "on"):
                continue
            k = i + 2
            if doc[k].text == "the":
                k += 1
            end = k
            while k < n:
                word = doc[k]
                if word.text in ("of", "the", "for") and end == k and k + 1 < n:
                    k += 1  # a joiner, kept only if a capitalised word follows
                    continue
                if (
                    word.text == "and"
                    and end == k
                    and k + 1 < n
                    and doc[k + 1].is_title
                    and doc[k + 1].lower_ in self._dictionary()
                    and doc[k + 1].text not in self.title_words
                    and doc[k + 1].lower_ not in self.forms
                    and not any(e.start == k + 1 for e in ents)
                    and not self._body_after(doc, k + 1)
                ):
                    k += 1  # "Security and Cooperation", "Control and Prevention"
                    continue
                if word.text == "-" and end == k and not doc[k - 1].whitespace_:
                    k += 1  # "American-Islamic"
                    continue
                if (
                    word.text[:1].isupper()
                    and (word.is_alpha or "-" in word.text)
                    and word.text not in self.title_words
                    and word.text not in DATE_WORDS
                    and not any(e.start == k and e.label_ == "PERSON" for e in ents)
                ):
                    k += 1
                    end = k
                    continue
                break
            if end <= i + 2 or not doc[end - 1].text[:1].isupper():
                continue
            start = i
            while (
                start > 0
                and doc[start - 1].is_title
                and doc[start - 1].is_alpha
                and doc[start - 1].text not in self.title_words
                and doc[start - 1].text not in ("The", "A", "An")
                and doc[start - 1].text not in DATE_WORDS
                and not _opens_story_sentence(doc[start - 1])
            ):
                start -= 1
            if any(e.label_ == "ORG" and i < e.start < end for e in ents):
                continue  # a body of a body: "Specialist Group of the British Computer Society"
            joined = _absorb(ents, Span(doc, start, end, label="ORG"))
            if joined is not None:
                ents = joined
        return ents

    def __call__(self, doc: Doc) -> Doc:
        brackets = code_brackets(doc)
        furniture = code_tokens(doc, brackets) | slug_tokens(doc)
        if furniture:  # the model's names without codes and slugs, before any rule
            found = and_company(doc, drop_codes(doc, list(doc.ents), furniture))
            doc.ents = coded_names(doc, found, brackets)
        lower = _lower_story(doc)
        if lower and self._recogniser():
            ents = self._lower_story_ents(doc)  # with the sports rules, on the re-cased words
        else:
            ents = self._type(doc, lower)
            lines = caps_lines(doc)
            titled = title_lines(doc, self._common_word)
            if (lines or titled) and self._recogniser():
                ents = self._caps_line_ents(doc, ents, lines, titled)
            ents = self._sports(doc, ents)
            ents = _digest_titles(doc, ents)
        # laws, market indexes, crude grades, ships and storms: never a body or a place
        ents = misc_spans(
            doc,
            ents,
            table=self.index_table,
            known=self.org,
            common=self._dictionary(),
            bodies=(BODY_HEADS | {"Center", "Centre"}) - LAW_TAILS,
        )
        # the wire's furniture (the model's names were cleared of it above): no rule's
        # name over a code or a slug either ("GE" of "(NYSE: GE)"); a credits list names
        # people
        ents = drop_codes(doc, ents, furniture)
        ents = credit_people(doc, ents, particles=NAME_PARTICLES)
        ents = self._join_people(self._resource_sites(doc, ents))
        # whatever the model gave the rules: never two entities over one token, never an
        # entity of spaces or punctuation only
        kept = [e for e in map(_strip_space, ents) if e is not None]
        doc.ents = sorted(filter_spans(kept), key=lambda s: s.start)
        return doc

    def _sports(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """``ents`` with the teams, players and venues of sports copy
        (``wiretag.nlp.sports``); unchanged for other stories."""
        if not sports_story(doc):
            return ents
        return team_spans(
            doc,
            ents,
            is_country=self._is_country,
            places=self.places,
            known=self.sports_names,
            common=self._dictionary(),
            given=self._people().given,
        )

    def _type(self, doc: Doc, lower_doc: bool | None = None) -> list[Span]:
        """The final entities of ``doc`` from the model's (``doc.ents``); ``lower_doc``:
        whether ``doc`` is a story in lower case, when the caller knows."""
        # In copy that is lower-cased throughout, case says nothing: trust the model.
        alpha = [t for t in doc if t.is_alpha]
        if lower_doc is None:
            lower_doc = _lower_story(doc, alpha)
        upper_doc = bool(alpha) and sum(1 for t in alpha if t.is_upper) / len(alpha) > 0.5
        model_ents: list[Span] = []
        common = set() if lower_doc or upper_doc else self._common_nouns(doc)
        named: set[str] | None = None  # built for the first plural opener only
        for found in (part for e in doc.ents for part in _split_lines(e)):
            ent = _strip_space(found)
            if ent is None:
                continue  # a model's span of spaces or punctuation only names nothing
            if len(ent) == 1 and ent.text in common:
                continue  # "Mackerel have arrived ..." in a story about mackerel
            if len(ent) == 1 and not (lower_doc or upper_doc) and self._plural_opener(ent[0]):
                named = self._named_words(doc) if named is None else named
                if ent.text not in named:
                    continue  # "Trawler crews lined the harbour": a noun, not a name
            model_ents.extend(self._retype(ent, lower_doc, upper_doc))
        covered = {i for e in model_ents for i in range(e.start, e.end)}
        extra = []
        if not lower_doc and not upper_doc:
            # names the model cut short: "Irish Farmers' Association", "Ewan MacLeod",
            # "To Lam"
            model_ents = [self._possessive_head(e, covered) for e in model_ents]
            model_ents = [self._surname(e, covered) for e in model_ents]
            model_ents = self._initials_and_numbers(doc, model_ents, covered)
            model_ents = [
                self._particle_given_name(e) if e.start - 1 not in covered else e
                for e in model_ents
            ]
            covered = {i for e in model_ents for i in range(e.start, e.end)}
            # a lone head the model tagged ("Association") may be the end of a longer name
            lone = {e.start for e in model_ents if len(e) == 1 and e.text in ORG_HEADS}
            headed = self._headed_orgs(doc, covered - lone)
            taken = {i for e in headed for i in range(e.start, e.end)}
            model_ents = [e for e in model_ents if not (e.start in lone and e.start in taken)]
            covered |= taken
            extra.extend(headed)
        matches = self.matcher(doc)
        model_ents = self._known_long_names(doc, matches, model_ents)
        if not lower_doc and not upper_doc:
            model_ents = self._head_of_orgs(doc, model_ents)
        covered = {i for e in model_ents for i in range(e.start, e.end)}
        for label, start, end in matches:
            span = Span(doc, start, end, label=label)
            if any(i in covered for i in range(start, end)):
                continue
            if (
                label == "NORP"
                and end < len(doc)
                and doc[end].text[:1].isupper()
                and doc[end].text not in self.title_words
                and doc[end].text.lower() not in self.forms
                and not self._person_demonym(span.text)
                and not any(e.start == end and len(e) > 1 for e in model_ents)
            ):
                # "Christian Lindner", "German Galushchenko": a given name; not
                # "Spaniard Carlos Alcaraz", "American Taylor Fritz"
                continue
            if self._surface_ok(span, label) or (
                # copy in lower case throughout: "world bank", "old trafford"
                lower_doc and end - start > 1 and label in ("ORG", "FAC") and span.text.islower()
            ):
                extra.append(span)
        if lower_doc:
            extra.extend(self._lower_people(doc, covered))
        elif not upper_doc:
            extra.extend(self._lower_places(doc, covered))
        extra.extend(self._titled_names(doc, covered))
        if not upper_doc:
            extra.extend(self._given_names(doc, covered))
        extra.extend(self._dateline_places(doc, covered))
        # one pass over both: a rule that grows a model's name ("College of Business
        # Administration University of Texas") may now cover a span found beside it
        ents = sorted(filter_spans(model_ents + extra), key=lambda s: s.start)
        if not lower_doc and not upper_doc:
            ents = self._acronym_bodies(doc, ents)
            ents = self._story_consistency(doc, ents)
        return ents

    def _short_names(self, ents: list[Span], surnames: set[str]) -> set[str]:
        """Short names of the story's firms: the first word of a firm named in full
        ("Novo" of "Novo Nordisk", "Hapag" of "Hapag-Lloyd" is not one word), or its last
        when it opens with a given name ("Lilly" of "Eli Lilly"). Only firms the gazetteer
        lists or whose name ends like a firm's; not an English verb, adjective or adverb
        ("General", "Royal"), a body's head word ("Bank"), a place, a nationality or the
        surname of a person of the story."""
        shorts: set[str] = set()
        given = self._people().given
        for e in ents:
            if e.label_ != "ORG" or len(e) < 2 or e[0].text in TITLE_MODIFIERS:
                continue
            if e.text not in self.org and e[-1].text not in COMPANY_HEADS:
                continue
            word = e[-1] if e[0].lower_ in given else e[0]
            text = word.text
            if (
                word.is_title
                and word.is_alpha
                and len(text) > 2
                and text not in surnames
                and text not in self.not_surnames
                and word.lower_ not in self._not_nouns()
                and text not in ORG_HEADS
                and text not in COMPANY_HEADS
                and not self._is_title(text)
            ):
                shorts.add(text)
        return shorts

    def _acronym_bodies(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """A body's name before its acronym in brackets, whose capitals spell it: "the
        Janatha Vimukthi Peramuna (JVP)", "the opposition Umbrella for Democratic Change
        (UDC)", "Alliance for the Union of Romanians (AUR)" are organisations, whole,
        whatever the model made of their words. Left alone: known places ("Democratic
        Republic of Congo (DRC)") and a person the model found whose first word is a
        known given name ("Andres Manuel Lopez Obrador (AMLO)")."""
        out = list(ents)
        for tok in doc:
            if tok.text != "(" or tok.i < 2 or tok.i + 2 >= len(doc) or doc[tok.i + 2].text != ")":
                continue
            acronym = doc[tok.i + 1].text
            if not ACRONYM_IN_BRACKETS.fullmatch(acronym):
                continue
            letters = [ch for ch in acronym if ch.isupper()]
            k, p = tok.i - 1, len(letters) - 1
            start = None
            while k >= 0 and k > tok.i - 14 and p >= 0:
                word = doc[k]
                if word.is_title and word.is_alpha:
                    if word.text[0] != letters[p]:
                        break
                    p -= 1
                    if p < 0:
                        start = k
                elif word.text not in ACRONYM_JOINERS or k == tok.i - 1:
                    break
                k -= 1
            if start is None:
                continue
            span = doc[start : tok.i]
            if span.text in self.places or span.text in self.norp:
                continue
            inside = [e for e in out if e.start < tok.i and start < e.end]
            if not inside or any(e.start < start or e.end > tok.i for e in inside):
                # no name there ("Computer Aided Design (CAD)"), or part of a longer one
                continue
            if any(
                e.label_ == "PERSON" and e[0].lower_ in self._people().given for e in inside
            ):
                # a person's initials: "Andres Manuel Lopez Obrador (AMLO)"
                acr = Span(doc, tok.i + 1, tok.i + 2, label="PERSON")
                out = [e for e in out if e.start != acr.start] + [acr]
                continue
            if len(inside) == 1 and (inside[0].start, inside[0].end) == (start, tok.i) and (
                inside[0].label_ in ("ORG", "FAC", "GPE", "LOC")
            ):
                continue  # the model's already
            out = [e for e in out if e not in inside] + [Span(doc, start, tok.i, label="ORG")]
        return sorted(out, key=lambda s: s.start)

    def _common_word(self, low: str) -> bool:
        """A lower-case word English writes in lower case: "forces", "coastal"."""
        if not is_english_word(low, self._dictionary(), self._irregular()):
            return False
        usual = case_forms().get(low)
        return usual is None or usual[:1].islower()

    def _caps_line_ents(
        self,
        doc: Doc,
        ents: list[Span],
        lines: list[tuple[int, int]],
        titled: Sequence[tuple[int, int]] = (),
    ) -> list[Span]:
        """The names in lines written in capitals (headlines), found by running the
        pipeline up to the ner and this typer on the line's words in running-text case
        (``wiretag.nlp.truecase``); they replace what was found on the capitals. Lines in
        title case (``titled``: "Storm Forces Evacuation of Coastal Towns") are read the
        same way, as if in capitals."""
        if self.nlp is None:
            return ents
        upper = {lo for lo, _hi in titled}
        lines = sorted([*lines, *titled])
        skip = {i for lo, hi in lines for i in range(lo, hi)}
        names = {i for e in ents for i in range(e.start, e.end)}
        story = running_forms(list(doc), skip, names)
        # what the story's running text calls its names: "Pete Sampras" (and "Sampras")
        body: dict[str, str] = {}
        for e in ents:
            if e.start in skip:
                continue
            body.setdefault(e.text, e.label_)
            if e.label_ == "PERSON" and len(e) > 1 and e[-1].is_title:
                body.setdefault(e[-1].text, "PERSON")
        matches = [m for m in self.matcher(doc) if m[2] - m[1] > 1]
        recased: list[tuple[int, int, list[str]]] = []
        slugs: set[int] = set()  # tokens of slugs and lines of common words
        for lo, hi in lines:
            toks = doc[lo:hi]
            words = truecase(
                [t.text.upper() if lo in upper else t.text for t in toks],
                story=story,
                known=self._known_form,
                function_words=self.nlp.Defaults.stop_words,
                dictionary=self._dictionary(),
                irregular=self._irregular(),
                people=self._people(),
                forms=case_forms(),
            )
            for _label, start, end in matches:
                if lo <= start and end <= hi:
                    self._known_long_form(doc[start:end], words, lo)
            if (
                not any(w[:1].isupper() for w in words[1:])
                and words[0].lower() in self._dictionary()
                and self._known_form(toks[0].text) is None  # not "THAILAND FLOATS BAHT"
            ):
                slugs.update(range(lo, hi))  # "SOCCER", "RUGBY UNION": no names
                continue
            recased.append((lo, hi, words))
        alpha = [t.i for t in doc if t.is_alpha]
        if alpha and sum(1 for i in alpha if i in skip) >= CAPS_STORY_SHARE * len(alpha):
            # a story in capitals: read it whole in running-text case, so that what one
            # line says of a name holds in the others ("VLADIMIR PUTIN" ... "PUTIN SAID")
            words = [t.text for t in doc]
            for lo, hi, line_words in recased:
                words[lo:hi] = line_words
            found = self._read_recased(doc, 0, words, body, sports=True)
            return [e for e in found if e.start not in slugs]
        ents = [e for e in ents if e.start not in slugs]
        for lo, hi, words in recased:
            kept = [e for e in ents if e.end <= lo or e.start >= hi]
            ents = kept + self._read_recased(doc, lo, words, body)
        return sorted(ents, key=lambda s: s.start)

    def _lower_story_ents(self, doc: Doc) -> list[Span]:
        """The names of a story written all in lower case, found by running the pipeline
        up to the ner and this typer (with its sports rules) on the story's words in
        running-text case (``wiretag.nlp.truecase.truecase_lower``)."""
        assert self.nlp is not None
        words = truecase_lower(
            [t.text for t in doc],
            openers=sentence_openers(doc),
            known=self._known_form,
            forms=case_forms(),
            function_words=self.nlp.Defaults.stop_words,
            dictionary=self._dictionary(),
            irregular=self._irregular(),
            people=self._people(),
        )
        for _label, start, end in self.matcher(doc):
            if end - start > 1:
                self._known_long_form(doc[start:end], words, 0)
        slugs = line_slugs(doc)
        for i in slugs:
            words[i] = doc[i].text  # "soccer - leicester hold ...": the slug names nothing
        recased = "".join(w + t.whitespace_ for w, t in zip(words, doc, strict=True))
        doc.user_data[RECASED_KEY] = recased
        found = self._read_recased(doc, 0, words, {}, sports=True)
        if not slugs:
            return found
        out = []
        for e in found:
            start = e.start
            while start < e.end and (
                start in slugs or doc[start].is_space or doc[start].text in DASHES
            ):
                start += 1  # "soccer - leicester" -> "leicester"
            if start < e.end:
                out.append(Span(doc, start, e.end, label=e.label_))
        return out

    def _read_recased(
        self,
        doc: Doc,
        lo: int,
        words: list[str],
        body: dict[str, str],
        *,
        sports: bool = False,
    ) -> list[Span]:
        """The names of ``doc``'s tokens from ``lo`` on, spelt ``words`` (the same tokens
        re-cased): the pipeline up to the ner and this typer run on the words (``sports``:
        with the rules for sports copy)."""
        assert self.nlp is not None
        toks = doc[lo : lo + len(words)]
        sub = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in toks])
        for name, proc in self.nlp.pipeline:
            if name == self.name:
                break
            sub = proc(sub)
        found = self._type(sub)
        found = [Span(sub, e.start, e.end, label=body.get(e.text, e.label_)) for e in found]
        found = filter_spans(found + self._story_names(sub, found, body))
        if sports:
            found = self._sports(sub, found)
        out = []
        for e in found:
            kept = _strip_space(e)  # a line break the ner ran on into ("KHARKIV" + "\n")
            if kept is not None:
                out.append(Span(doc, lo + kept.start, lo + kept.end, label=kept.label_))
        return out

    @staticmethod
    def _story_names(doc: Doc, found: list[Span], body: dict[str, str]) -> list[Span]:
        """Names of the story's running text that a re-cased headline repeats and the
        model missed there ("Sampras advances ..." after "Pete Sampras" in the story)."""
        covered = {i for e in found for i in range(e.start, e.end)}
        out: list[Span] = []
        i = 0
        while i < len(doc):
            for n in (4, 3, 2, 1):
                span = doc[i : i + n]
                if (
                    len(span) == n
                    and span.text in body
                    and span[0].text[:1].isupper()
                    and not any(k in covered for k in range(i, i + n))
                ):
                    out.append(Span(doc, i, i + n, label=body[span.text]))
                    i += n - 1
                    break
            i += 1
        return out

    def _recogniser(self) -> bool:
        """The pipeline finds entities before this component (a ner), so lines in
        capitals can be read again in running-text case."""
        if self.nlp is None:
            return False
        for name in self.nlp.pipe_names:
            if name == self.name:
                return False
            if "doc.ents" in self.nlp.get_pipe_meta(name).assigns:
                return True
        return False

    def _is_country(self, name: str) -> bool:
        """``name`` is a country's name or short form ("Pakistan", "England", "U.S.")."""
        from wiretag.lexicon.countries import countries, fold

        if self._country_cache is None:
            self._country_cache = frozenset(
                fold(n) for c in countries() for n in (c.name, *c.aliases)
            )
        key = fold(name)
        return (key[4:] if key.startswith("the ") else key) in self._country_cache

    def _known_form(self, word: str) -> str | None:
        """How the gazetteer writes a name spelt ``word`` in capitals: the word itself for
        names written in capitals ("NATO"), else a mixed-case form of the same length
        ("MOSCOW" -> "Moscow", "LEEDS" -> "Leeds"); None when it knows no such name or
        the name is also a common word ("NICE", "TURKEY" stay to the dictionary)."""
        low = word.lower()
        entry = self.forms.get(low)
        if entry is not None:
            forms = entry[1]
            if word in forms:
                return word
            cased = sorted(f for f in forms if not f.isupper() and len(f) == len(word))
            if cased and (
                low not in NOT_LOWERCASE or low in CAPS_PLACES or self._is_country(word)
            ):
                return cased[0]  # "CHINA", "TURKEY" in capitals are the countries
        title = word[:1] + low[1:]
        if title in self.gpe and low not in NOT_LOWERCASE and low not in self._not_nouns():
            return title  # a town the dictionary knows only as a noun: "Leeds"
        return None

    def _dateline_places(self, doc: Doc, covered: set[int]) -> list[Span]:
        """A dateline's place the model missed: a known town in capitals opening a line
        before a comma, a bracket, a dash or a date ("BONN 1996-08-24")."""
        out: list[Span] = []
        for tok in doc:
            if tok.i in covered or not tok.is_upper or len(tok.text) < 3:
                continue
            end = _dateline_run(doc, tok.i)
            if end is None or any(k in covered for k in range(tok.i, end)):
                continue
            name = " ".join(w.capitalize() for w in doc[tok.i : end].text.split(" "))
            if name in self.gpe or name in self.gpe_strong:
                out.append(Span(doc, tok.i, end, label=self._place_label(name)))
        return out

    def _known_long_form(self, span: Span, words: list[str], offset: int) -> None:
        """Write into ``words`` (the re-cased words of a line from token ``offset``) how
        the gazetteer writes a name of several words the line has in capitals or in lower
        case: "REAL MADRID", "real madrid" -> "Real Madrid" (word by word, "real" would be
        an English word)."""
        entry = self.forms.get(span.text.lower())
        stop_words = self.nlp.Defaults.stop_words if self.nlp is not None else ()
        if entry is None or all(t.lower_ in stop_words for t in span):
            return  # not "IN THE" -> "In The"
        form = next((f for f in sorted(entry[1]) if f.upper() == span.text.upper()), None)
        if form is None:
            return
        base = span.start_char
        for tok in span:
            words[tok.i - offset] = form[tok.idx - base : tok.idx - base + len(tok.text)]

    def _people(self) -> People:
        """Given names, surnames and titles for re-casing lines in capitals."""
        if self._people_cache is None:
            not_nouns, irregular = self._not_nouns(), self._irregular()
            self._people_cache = People(
                given=frozenset(w.lower() for w in self._given),
                surnames=frozenset(w.lower() for w in (*self.surnames, *self._surname_words)),
                titles=frozenset(w.lower().rstrip(".") for w in self.title_words) | ROLE_WORDS,
                verbs=lambda w: is_english_word(w, not_nouns, irregular),
                inflected=lambda w: w in irregular
                or base_form(w, not_nouns, itself=False) is not None,
                rare_surnames=frozenset(w.lower() for w in self.surnames),
            )
        return self._people_cache

    def _dictionary(self) -> frozenset[str]:
        """The lemmatizer's dictionary of English words (WordNet, all parts of speech)."""
        return self._words("lemma_index", ("noun", "verb", "adj", "adv"))

    def _not_nouns(self) -> frozenset[str]:
        """Dictionary verbs, adjectives and adverbs (WordNet's nouns include places)."""
        return self._words("lemma_index", ("verb", "adj", "adv"))

    def _irregular(self) -> frozenset[str]:
        """Irregular inflections of the lemmatizer's tables ("won", "held", "children")."""
        return self._words("lemma_exc", ("noun", "verb", "adj", "adv"))

    def _words(self, table: str, parts: tuple[str, ...]) -> frozenset[str]:
        """The words of some parts of speech of a lemmatizer table, read once."""
        key = (table, parts)
        if key not in self._word_tables:
            words: set[str] = set()
            for pos in parts:
                words.update(lemmatizer_table(self.nlp, table, pos))
            self._word_tables[key] = frozenset(words)
        return self._word_tables[key]

    def _story_consistency(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """What one mention says about a name holds for the story: the surname of a person
        named in full is a person elsewhere ("Odinga" typed as a place, a bare "Starmer"
        the model missed), and an acronym spelling the initials of an organisation named
        in the story is that organisation ("Rapid Support Forces" ... "RSF")."""
        surnames = {
            e[-1].text
            for e in ents
            if e.label_ == "PERSON"
            and len(e) >= 2
            and e[-1].is_title
            and e[-1].is_alpha
            and e[-1].text not in self.not_surnames
        }
        acronyms = {
            "".join(t.text[0] for t in e if t.text[:1].isupper()): e.label_
            for e in ents
            if e.label_ == "ORG" and sum(1 for t in e if t.text[:1].isupper()) >= 2
        }
        # a person known by one of the other names ("Lula" of "Luiz Inacio Lula da Silva",
        # "Gibran" of "Gibran Rakabuming Raka"): a word no English verb, adjective or
        # adverb, nor a given name of our lists (a bare "David" may be anyone)
        given = self._people().given
        surnames |= {
            t.text
            for e in ents
            if e.label_ == "PERSON" and len(e) >= 2
            for t in e[:-1]
            if t.is_title
            and t.is_alpha
            and len(t) > 2
            and t.text not in self.not_surnames
            and t.lower_ not in given
            and t.lower_ not in self._not_nouns()
            and t.text not in NAME_PARTICLES
        }
        # a person known by initials ("AMLO", from "Andres Manuel Lopez Obrador (AMLO)")
        surnames |= {
            e.text
            for e in ents
            if e.label_ == "PERSON"
            and len(e) == 1
            and e.text.isupper()
            and e.text not in self.not_surnames
        }
        shorts = self._short_names(ents, surnames)
        if not surnames and not acronyms and not shorts:
            return ents
        out: list[Span] = []
        for e in ents:
            if len(e) == 1 and e.text in surnames and e.label_ in ("GPE", "LOC", "ORG"):
                e = Span(doc, e.start, e.end, label="PERSON")
            elif len(e) == 1 and e.text in shorts and e.label_ != "ORG":
                e = Span(doc, e.start, e.end, label="ORG")  # "Novo" of "Novo Nordisk"
            out.append(e)
        covered = {i for e in out for i in range(e.start, e.end)}
        for tok in doc:
            if tok.i in covered:
                continue
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            prev = doc[tok.i - 1] if tok.i > 0 else None
            if tok.text in surnames and tok.is_title:
                if nxt is not None and nxt.text[:1].isupper() and not nxt.is_punct:
                    continue  # part of another name: "Starmer Foundation"
                if (
                    prev is not None
                    and prev.text[:1].isupper()
                    and prev.is_alpha
                    and not self._is_title(prev.text)
                    and (
                        prev.tag_ in ("NNP", "NNPS")
                        or not (
                            _opens_story_sentence(prev)
                            or (prev.i > 0 and doc[prev.i - 1].text in (".", "!", "?"))
                        )
                    )
                ):
                    continue  # "Victoria Starmer": another person; "Mr. Starmer" is him
                if _opens_sentence(tok) and tok.lower_ in self._nouns():
                    continue  # "Rice prices rose" in a story that quotes Condoleezza Rice
                out.append(Span(doc, tok.i, tok.i + 1, label="PERSON"))
            elif (
                tok.text in shorts
                and not (nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha)
                and not (prev is not None and prev.text[:1].isupper() and prev.is_alpha
                         and not _opens_sentence(tok))
                and not (_opens_sentence(tok) and tok.lower_ in self._nouns())
            ):
                out.append(Span(doc, tok.i, tok.i + 1, label="ORG"))  # "Goldman said"
            elif len(tok.text) >= 2 and ACRONYM.fullmatch(tok.text) and tok.text in acronyms:
                out.append(Span(doc, tok.i, tok.i + 1, label=acronyms[tok.text]))
        return sorted(out, key=lambda s: s.start)


@Language.factory(
    "wiretag_entity_types_v1",
    requires=["doc.ents"],
    assigns=["doc.ents", "token.ent_type", "token.ent_iob"],
    default_config={},
)
def make_entity_typer(nlp: Language, name: str) -> EntityTyper:
    """spaCy factory: ``nlp.add_pipe("wiretag_entity_types_v1", after="ner")``."""
    return EntityTyper(nlp, name, load_gazetteer())
