"""Our own news stories as ner training data (since 1.7.0): the development sets and the
training-only sets of training/news/ are converted to the ner's labels; no blind set ever
reaches the training data."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from training.convert import news_docs  # noqa: E402
from training.news_gold import DEV_SETS, TRAIN_DIR, parse_line, training_records  # noqa: E402

from wiretag.nlp.tokenizer import news_tokenizer  # noqa: E402


def _doc(line: str):
    return news_docs([parse_line(line)], news_tokenizer(spacy.blank("en")))[0]


def test_news_docs_fold_places_and_leave_nationalities_unannotated():
    doc = _doc(
        "[Russian](NORP) troops near [Kharkiv](GPE) and the [Black Sea](LOC) hit "
        "[Ukrenergo](ORG)'s plant, [Syniehubov](PERSON) said at [Boryspil airport](FAC)."
    )
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Kharkiv", "LOC"),
        ("Black Sea", "LOC"),
        ("Ukrenergo", "ORG"),
        ("Syniehubov", "PERSON"),
        ("Boryspil airport", "LOC"),
    ]
    # NORP is not learnt by the ner: missing (-), not outside (O)
    assert doc[0].ent_iob_ == ""
    assert doc[1].ent_iob_ == "O"


def test_news_docs_misc_and_untokenisable_names_are_missing_not_outside():
    doc = _doc("A [U.N.](ORG)-backed force won the [Premier League](MISC) title.")
    by_text = {t.text: t.ent_iob_ for t in doc}
    assert not doc.ents
    assert by_text["U.N.-backed"] == ""
    assert by_text["Premier"] == "" and by_text["League"] == ""
    assert by_text["force"] == "O"


def test_training_records_hold_the_development_and_training_sets_only():
    recs = training_records()
    texts = {r["text"] for r in recs}
    n_dev = 0
    for name in DEV_SETS:
        lines = (ROOT / "tests" / "nlp" / f"{name}.jsonl").read_text("utf-8").splitlines()
        dev = {json.loads(x)["text"] for x in lines if x.strip()}
        assert dev <= texts
        n_dev += len(dev)
    assert sorted(TRAIN_DIR.glob("news_train*.md")), "training/news/ holds the training-only sets"
    assert len(recs) > n_dev
    for blind in sorted((ROOT / "tests" / "nlp").glob("news_ner_blind*.jsonl")):
        stories = [json.loads(x)["text"] for x in blind.read_text("utf-8").splitlines() if x]
        assert not texts & set(stories), f"{blind.name} must never be trained on"


def test_training_sets_are_well_formed():
    mark = re.compile(r"\]\((?!PERSON|ORG|GPE|LOC|NORP|FAC|MISC|O\))[^)]*\)")
    for path in sorted(TRAIN_DIR.glob("news_train*.md")):
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if not line.strip():
                continue
            assert not mark.search(line), f"{path.name}:{n}: unknown label"
            rec = parse_line(line)
            for s, e, _ in rec["entities"]:
                span = rec["text"][s:e]
                assert span and span == span.strip(), f"{path.name}:{n}: {span!r}"


def test_blind_overlap_keeps_only_stories_sharing_no_run_of_words():
    from training.blind_overlap import clean_items

    train = ["The 1996 Arc was won by Helissio ridden by Olivier Peslier in Paris on Sunday."]
    items = [
        ("Helissio, ridden by Olivier Peslier in Paris on Sunday, won easily.", [], []),
        ("Helissio won the Arc in Paris, ridden by Peslier.", [], []),
    ]
    # the first shares "ridden by olivier peslier in paris on sunday" (8 words)
    assert clean_items(items, train) == [items[1]]
    # with runs of two words, "ridden by" is shared too
    assert clean_items(items, train, n=2) == []
