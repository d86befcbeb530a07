"""training.fine_types: MISC names from the news sets' JSON Lines, and the tallies."""

from __future__ import annotations

from training.fine_types import fine_f1, load_set, tally


def test_misc_names_are_the_records_ignore_ranges():
    # the sports dev set marks competitions as MISC
    misc = {text[s:e] for text, _, miscs in load_set("news_ner_sports") for s, e in miscs}
    assert {"French Open", "Abu Dhabi Grand Prix", "Copa Libertadores"} <= misc
    gold = {text[s:e] for text, spans, _ in load_set("news_ner_sports") for s, e, _ in spans}
    assert "French Open" not in gold


def test_tally_confusions_and_fine_f1():
    text = "At the Oval, the French Open and Paris."
    gold = [(7, 11, "FAC"), (33, 38, "GPE")]
    misc = [(17, 28)]
    preds = [(7, 11, "GPE"), (17, 28, "EVENT"), (33, 38, "GPE")]
    t = tally([(text, gold, misc)], [preds])
    assert t["confusion"][("FAC", "GPE")] == 1
    assert t["confusion"][("GPE", "GPE")] == 1
    assert t["misc"]["EVENT"] == 1
    assert t["names"][("FAC", "GPE")]["Oval"] == 1
    scores = fine_f1([(text, gold, misc)], [preds])
    # two GPE predictions count (the EVENT over a MISC name does not), one is right
    assert scores["GPE"]["p"] == 0.5 and scores["GPE"]["r"] == 1.0
    assert scores["FAC"]["f"] == 0.0
    assert "EVENT" not in scores
