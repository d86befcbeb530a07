"""Word lists for quotation extraction: reporting (cue) verbs, speaker nominals, pronouns.

Cue verbs are listed by lemma with their inflected forms spelled out, so that attribution
works from the surface form alone (``token.lower_``) and does not depend on the quality of
the lemmatizer: a half-trained pipeline, or a hand-built Doc in a test, still finds "said".
The list follows the reporting verbs of the PARC 3.0 attribution corpus (Pareti 2016) and
the speech-verb lists of Quotebank (Vaucher et al. 2021), trimmed to verbs that introduce
speech or writing in wire copy. "call" is left out on purpose: in news it names things
("what Putin calls a special military operation") far more often than it reports speech.
"""

from __future__ import annotations

#: lemma -> inflected forms (lower case). Every form maps back to its lemma in CUE_FORMS.
CUE_VERBS: dict[str, tuple[str, ...]] = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "add": ("add", "adds", "added", "adding"),
    "warn": ("warn", "warns", "warned", "warning"),
    "accuse": ("accuse", "accuses", "accused", "accusing"),
    "deny": ("deny", "denies", "denied", "denying"),
    "claim": ("claim", "claims", "claimed", "claiming"),
    "insist": ("insist", "insists", "insisted", "insisting"),
    "argue": ("argue", "argues", "argued", "arguing"),
    "note": ("note", "notes", "noted", "noting"),
    "announce": ("announce", "announces", "announced", "announcing"),
    "state": ("state", "states", "stated", "stating"),
    "explain": ("explain", "explains", "explained", "explaining"),
    "stress": ("stress", "stresses", "stressed", "stressing"),
    "assert": ("assert", "asserts", "asserted", "asserting"),
    "confirm": ("confirm", "confirms", "confirmed", "confirming"),
    "acknowledge": ("acknowledge", "acknowledges", "acknowledged", "acknowledging"),
    "admit": ("admit", "admits", "admitted", "admitting"),
    "allege": ("allege", "alleges", "alleged", "alleging"),
    "report": ("report", "reports", "reported", "reporting"),
    "write": ("write", "writes", "wrote", "written", "writing"),
    "tweet": ("tweet", "tweets", "tweeted", "tweeting"),
    "post": ("post", "posts", "posted"),
    "declare": ("declare", "declares", "declared", "declaring"),
    "predict": ("predict", "predicts", "predicted", "predicting"),
    "promise": ("promise", "promises", "promised", "promising"),
    "pledge": ("pledge", "pledges", "pledged", "pledging"),
    "vow": ("vow", "vows", "vowed", "vowing"),
    "urge": ("urge", "urges", "urged", "urging"),
    "reply": ("reply", "replies", "replied", "replying"),
    "respond": ("respond", "responds", "responded", "responding"),
    "answer": ("answer", "answers", "answered"),
    "ask": ("ask", "asks", "asked", "asking"),
    "suggest": ("suggest", "suggests", "suggested", "suggesting"),
    "estimate": ("estimate", "estimates", "estimated"),
    "reiterate": ("reiterate", "reiterates", "reiterated", "reiterating"),
    "repeat": ("repeat", "repeats", "repeated"),
    "recall": ("recall", "recalls", "recalled", "recalling"),
    "concede": ("concede", "concedes", "conceded", "conceding"),
    "complain": ("complain", "complains", "complained", "complaining"),
    "boast": ("boast", "boasts", "boasted"),
    "contend": ("contend", "contends", "contended", "contending"),
    "maintain": ("maintain", "maintains", "maintained"),
    "indicate": ("indicate", "indicates", "indicated"),
    "signal": ("signal", "signals", "signalled", "signaled"),
    "caution": ("caution", "cautions", "cautioned", "cautioning"),
    "threaten": ("threaten", "threatens", "threatened", "threatening"),
    "demand": ("demand", "demands", "demanded", "demanding"),
    "reveal": ("reveal", "reveals", "revealed"),
    "disclose": ("disclose", "discloses", "disclosed"),
    "emphasise": ("emphasise", "emphasises", "emphasised", "emphasize", "emphasizes",
                  "emphasized", "emphasising", "emphasizing"),
    "describe": ("describe", "describes", "described", "describing"),
    "brand": ("brand", "brands", "branded"),
    "dismiss": ("dismiss", "dismisses", "dismissed"),
    "blame": ("blame", "blames", "blamed"),
    "quip": ("quip", "quips", "quipped"),
    "joke": ("joke", "jokes", "joked"),
    "testify": ("testify", "testifies", "testified"),
    "conclude": ("conclude", "concludes", "concluded"),
    "agree": ("agree", "agrees", "agreed"),
    "believe": ("believe", "believes", "believed"),
    "think": ("think", "thinks", "thought"),
    "fear": ("fear", "fears", "feared"),
    "hope": ("hope", "hopes", "hoped"),
    "expect": ("expect", "expects", "expected"),
    "reaffirm": ("reaffirm", "reaffirms", "reaffirmed", "reaffirming"),
    "comment": ("comment", "comments", "commented"),
    "remark": ("remark", "remarks", "remarked"),
    "observe": ("observe", "observes", "observed"),
    "counter": ("counter", "counters", "countered"),
    "retort": ("retort", "retorts", "retorted"),
    "shout": ("shout", "shouts", "shouted"),
    "chant": ("chant", "chants", "chanted"),
    "cry": ("cry", "cries", "cried"),
    "scream": ("scream", "screams", "screamed"),
    "whisper": ("whisper", "whispers", "whispered"),
    "read": ("read", "reads"),
}

#: surface form (lower case) -> lemma
CUE_FORMS: dict[str, str] = {form: lemma for lemma, forms in CUE_VERBS.items() for form in forms}

#: Cues that frame a quotation mark directly but only weakly mark reported speech without one:
#: "X believes (that) ..." is an attitude, not an utterance, so it is not an indirect quote.
ATTITUDE_CUES = frozenset({"believe", "think", "fear", "hope", "expect", "agree", "read"})

#: Cues whose object + "of"/"for" phrase carries the content ("accused Kyiv of shelling ...").
OBJECT_OF_CUES = frozenset({"accuse", "blame"})

#: Cues that only count as reporting speech with a clausal complement, never with a bare
#: noun object ("Moscow denies these allegations" states no content).
CLAUSE_ONLY_CUES = frozenset(
    {"deny", "report", "post", "read", "answer", "maintain", "indicate", "signal",
     "observe", "counter", "reveal", "disclose", "describe", "brand", "dismiss", "estimate",
     "repeat", "recall", "state"}
)

#: Nouns that stand for the person who speaks: "the official said", "a spokesman told".
PERSON_NOUNS = frozenset(
    {"official", "officials", "spokesman", "spokeswoman", "spokesperson", "minister",
     "ambassador", "envoy", "diplomat", "president", "premier", "chancellor", "governor",
     "mayor", "senator", "lawmaker", "legislator", "general", "commander", "officer",
     "chief", "head", "director", "secretary", "adviser", "advisor", "aide", "source",
     "sources", "analyst", "analysts", "economist", "economists", "lawyer", "attorney",
     "prosecutor", "judge", "witness", "witnesses", "resident", "residents", "executive",
     "chairman", "chairwoman", "chair", "leader", "candidate", "negotiator", "representative",
     "investigator", "researcher", "scientist", "expert", "experts", "doctor", "police",
     "policeman", "commissioner", "king", "queen", "prince", "pope", "cardinal", "bishop",
     "coach", "captain", "manager", "founder", "owner", "ceo", "trader", "traders",
     "worker", "workers", "farmer", "activist", "activists", "campaigner", "mother", "father",
     "man", "woman", "survivor", "victim", "student", "teacher", "veteran", "colonel",
     "sergeant", "lieutenant", "major", "admiral", "deputy", "vice", "speaker", "mp", "ombudsman",
     "ambassador-at-large", "secretary-general", "attorney-general", "monarch"}
)

#: Nouns that stand for an organisation or a government: "the ministry said".
ORG_NOUNS = frozenset(
    {"ministry", "government", "kremlin", "company", "firm", "group", "bank", "agency",
     "council", "committee", "commission", "office", "army", "military", "court", "union",
     "party", "department", "embassy", "administration", "cabinet", "parliament", "alliance",
     "organisation", "organization", "authority", "authorities", "regulator", "police",
     "board", "bureau", "service", "institute", "fund", "coalition", "movement", "campaign",
     "federation", "association", "watchdog", "statement", "spokesperson"}
)

PERSON_PRONOUNS = frozenset({"he", "she"})
THING_PRONOUNS = frozenset({"it"})
PLURAL_PRONOUNS = frozenset({"they", "we"})
SPEAKER_PRONOUNS = PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS | {"i", "you"}

#: Words that open a title rather than a quote: "the film 'War and Peace'", "a book called".
TITLE_TRIGGERS = frozenset(
    {"film", "movie", "book", "novel", "song", "album", "show", "series", "play", "poem",
     "documentary", "programme", "program", "opera", "painting", "titled", "entitled",
     "nicknamed", "dubbed", "called", "named", "known", "magazine", "newspaper", "hashtag",
     "slogan", "banner", "operation", "codenamed", "code-named", "so-called"}
)

#: Lower-case function words ignored when testing whether quoted words are in title case.
TITLE_SMALL_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "from",
     "as", "but", "nor", "is", "de", "la", "le", "du", "van", "von"}
)

#: Tokens that may sit between a speaker and the cue verb ("he has said", "she also told").
SPEAKER_CUE_FILLERS = frozenset(
    {"has", "have", "had", "will", "would", "also", "later", "then", "earlier", "again",
     "repeatedly", "previously", "was", "were", "is", "are", "once", "further",
     "quickly", "flatly", "publicly", "privately", "separately", "recently", "did",
     "does", "do", "not", "never", "only", "still", "often", "may", "might",
     "could", "should", "can"}
)
