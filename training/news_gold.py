"""Convert our news check set from inline markup to JSON Lines with character offsets.

Source of truth: tests/nlp/news_ner_gold.md, news_ner_blind.md, news_ner_blind2.md,
news_ner_blind3.md, news_ner_blind4.md, news_ner_blind5.md, news_ner_blind6.md,
news_ner_blind7.md, news_ner_blind8.md, news_ner_blind9.md, news_ner_sports.md,
news_ner_dev2.md, news_ner_dev3.md and news_ner_dev4.md --
wire-style sentences written by wiretag contributors (not copied from any agency), one
per line, entities marked ``[text](LABEL)``; ``[text](O)`` marks a deliberate non-entity
(titles); a Reuters instrument code or ticker ("(NVDA.O)", "(.SPX)", "<EUR=>") is no name
and is never marked; ``[text](MISC)`` marks a name outside the scored types (competitions, indexes,
products), which is left out of scoring: a prediction over it is not counted. Within a
line, the two characters ``\\n`` stand for a line break of the story (a headline, a
dateline and a results table in one record). Output: one .jsonl per set
(tests/nlp/news_ner_gold.jsonl, ...), one {"text", "entities": [[start, end, label], ...]}
per line, plus "ignore": [[start, end], ...] where the line has MISC names.

    python -m training.news_gold
"""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: news_ner_gold: the check set (also used while developing the entity-type rules);
#: news_ner_blind: written separately and only ever scored, never used for tuning (in round
#: 4 errors seen on it prompted four general rules); news_ner_blind2: written in round 5,
#: after the rules of that round, and only ever scored; news_ner_blind3: business and
#: economy copy (company-rich), written in round 6 before any model was run on it, only
#: ever scored; news_ner_blind4: world news (round 7) rich in organisations from Asia,
#: Latin America, Africa and the Middle East (firms, parties, armed groups, regulators),
#: written by a separate session before any model ran on it, only ever scored;
#: news_ner_blind5: a day of agency wire across desks (round 8: sports with results and
#: scorecards, markets, general news, all-caps headlines, multi-line records), written by a
#: separate session before any model ran on it, only ever scored; news_ner_sports: sports,
#: markets and headline copy written in round 8 as a development set for the rules on
#: lines in capitals and on teams (its errors are looked at, like the check set's);
#: news_ner_blind6: 100 stories of a day's wire (round 9: 45% sports of every kind, business,
#: world news; a third with headlines in capitals), written by a separate session before
#: any model ran on it, only ever scored; news_ner_dev2 and news_ner_blind7 (round 14): 60
#: stories each, a third in the style of 1996-97 wire (headlines in capitals, dated
#: datelines, results tables, market reports), the rest modern copy from desks the earlier
#: sets cover less (science and health, technology, courts, energy, aviation and shipping,
#: armed groups, culture, religion, elections in smaller countries), each written by a
#: separate session before any model ran on it: dev2 is a development set (its errors are
#: looked at), blind7 is only ever scored; news_ner_dev3 and news_ner_blind8 (round 15): 60
#: stories each, 24 of modern wire (long stories with quotes, titles, credits lines, curly
#: quotes and dashes in half), 22 of 1996-97 wire from desks other than sports (politics,
#: companies, markets and commodities, press digests) and 14 of 1996-97 sports (results,
#: standings, scorecards, individual results), each written by a separate session before
#: any model ran on it: dev3 is a development set, blind8 is only ever scored. Since 1.7.0
#: (round 16) the statistical ner is trained on the development sets (DEV_SETS) and on the
#: training-only sets of training/news/ (``training_records``), so their scores are no
#: longer held-out measures; the blind sets never are trained on. news_ner_dev4 and
#: news_ner_blind9 (round 19): 40 stories each of modern wire, half business and markets
#: copy with Reuters instrument codes after firms and indexes, the rest general news with
#: credits lines and headlines (some in capitals), each written by a separate session
#: before any model ran on it: dev4 is a development set, not trained on in round 19;
#: blind9 is only ever scored.
SETS = (
    "news_ner_gold",
    "news_ner_blind",
    "news_ner_blind2",
    "news_ner_blind3",
    "news_ner_blind4",
    "news_ner_blind5",
    "news_ner_blind6",
    "news_ner_blind7",
    "news_ner_sports",
    "news_ner_dev2",
    "news_ner_blind8",
    "news_ner_dev3",
    "news_ner_dev4",
    "news_ner_blind9",
)
NLP_TESTS = ROOT / "tests" / "nlp"
#: The development sets, which the statistical ner is trained on since 1.7.0 (their errors
#: were read while writing the rules; they are no longer held out). The blind sets never
#: are: they measure the model.
DEV_SETS = ("news_ner_gold", "news_ner_sports", "news_ner_dev2", "news_ner_dev3")
#: Stories written only to train the ner (round 16, training/news/*.md: 60 stories each, by
#: separate sessions, in the same format and conventions as the sets above).
TRAIN_DIR = ROOT / "training" / "news"
MARK = re.compile(r"\[([^\]]+)\]\(([A-Z]+)\)")


def parse_line(line: str) -> dict:
    line = line.replace("\\n", "\n")
    text, ents, ignore, pos = "", [], [], 0
    for m in MARK.finditer(line):
        text += line[pos : m.start()]
        start = len(text)
        text += m.group(1)
        if m.group(2) == "MISC":
            ignore.append([start, len(text)])
        elif m.group(2) != "O":
            ents.append([start, len(text), m.group(2)])
        pos = m.end()
    text += line[pos:]
    rec: dict = {"text": text, "entities": ents}
    if ignore:
        rec["ignore"] = ignore
    return rec


def training_records() -> list[dict]:
    """Every story the ner is trained on from our own sets: the development sets and the
    training-only sets of training/news/."""
    recs: list[dict] = []
    for name in DEV_SETS:
        lines = (NLP_TESTS / f"{name}.jsonl").read_text("utf-8").splitlines()
        recs += [json.loads(x) for x in lines if x.strip()]
    for path in sorted(TRAIN_DIR.glob("news_train*.md")):
        recs += [parse_line(x) for x in path.read_text("utf-8").splitlines() if x.strip()]
    return recs


def main() -> None:
    for name in SETS:
        src, dst = NLP_TESTS / f"{name}.md", NLP_TESTS / f"{name}.jsonl"
        recs = [parse_line(x) for x in src.read_text("utf-8").splitlines() if x.strip()]
        dst.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), "utf-8")
        print(dst, len(recs), "sentences", sum(len(r["entities"]) for r in recs), "entities")


if __name__ == "__main__":
    main()
