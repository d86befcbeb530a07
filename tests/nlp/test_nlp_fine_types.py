"""training.fine_types: MISC spans read back from the markup, and the tallies."""

from __future__ import annotations

from training.fine_types import fine_f1, misc_spans, tally


def test_misc_spans_in_plain_text_offsets():
    line = "[Kafelnikov](PERSON), the [French Open](MISC) champion\\nwon in [Paris](GPE)."
    plain = "Kafelnikov, the French Open champion\nwon in Paris."
    spans = misc_spans(line)
    assert [plain[s:e] for s, e in spans] == ["French Open"]
    line2 = "At the [Oval](FAC),\\n[Ashes](MISC) and [Wimbledon](MISC)"
    plain2 = "At the Oval,\nAshes and Wimbledon"
    assert [plain2[s:e] for s, e in misc_spans(line2)] == ["Ashes", "Wimbledon"]


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
    scores = fine_f1(t)
    # two GPE predictions count (the EVENT over a MISC name does not), one is right
    assert scores["GPE"][0] == 0.5 and scores["GPE"][1] == 1.0
    assert scores["FAC"] == (0.0, 0.0, 0.0)
    assert "EVENT" not in scores
