"""Fine entity types on the news sets: which wiretag/1 type each gold name gets, and what
the pipeline calls the names outside the scored types (MISC: competitions, products).

    python -m training.fine_types [--sets news_ner_dev2 news_ner_dev3 ...] [--model DIR] [--show N]

Prints, pooled over the sets:
  * a confusion table, gold fine type (rows) against the predicted type of the same exact
    span ("-" when no prediction has that span);
  * for the MISC names of the gold (left out of every F1), the type of a prediction with
    exactly that span ("-": none) - a place, person or organisation there is wrong in the
    output even though no score counts it;
  * the most frequent names of each confusion, the MISC names typed as places, and
    predictions of GPE/LOC/FAC/NORP/EVENT over no gold name at all.

The GPE / LOC / FAC / NORP / EVENT decisions are made by the rules
(``wiretag.nlp.entity_types``); the statistical ner learns only PER / ORG / LOC, so the
development sets stay fair development data for these decisions even though the ner is
trained on their coarse names (round 16). The blind sets are only ever scored.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NEWS_DIR = ROOT / "tests" / "nlp"
DEV = ("news_ner_gold", "news_ner_sports", "news_ner_dev2", "news_ner_dev3", "news_ner_dev4")
LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT")
#: what the pipeline may call a name: the gold's types, and laws and other names (MISC)
PREDICTED = (*LABELS, "LAW", "MISC")


def load_set(name: str) -> list[tuple[str, list[tuple[int, int, str]], list[tuple[int, int]]]]:
    """(text, gold fine spans, MISC spans) per record of a news set: the JSON Lines'
    ``ignore`` ranges are its MISC names (``training.news_gold``)."""
    from training.evaluate import items_from_jsonl

    return items_from_jsonl(NEWS_DIR / f"{name}.jsonl")


def tally(
    records: list[tuple[str, list[tuple[int, int, str]], list[tuple[int, int]]]],
    predicted: list[list[tuple[int, int, str]]],
) -> dict[str, Any]:
    """Confusions (gold, predicted) with their names, MISC names by predicted type, and
    spurious fine-typed predictions."""
    conf: Counter[tuple[str, str]] = Counter()
    names: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    misc: Counter[str] = Counter()
    misc_names: dict[str, Counter[str]] = defaultdict(Counter)
    spurious: dict[str, Counter[str]] = defaultdict(Counter)
    for (text, gold, miscs), preds in zip(records, predicted, strict=True):
        by_span = {(s, e): lab for s, e, lab in preds}
        for s, e, lab in gold:
            got = by_span.get((s, e), "-")
            conf[(lab, got)] += 1
            if got != lab:
                names[(lab, got)][text[s:e]] += 1
        for s, e in miscs:
            got = by_span.get((s, e), "-")
            misc[got] += 1
            misc_names[got][text[s:e]] += 1
        covered = [(s, e) for s, e, _ in gold] + list(miscs)
        for s, e, lab in preds:
            if lab in ("GPE", "LOC", "FAC", "NORP", "EVENT", "LAW", "MISC") and not any(
                s < ge and gs < e for gs, ge in covered
            ):
                spurious[lab][text[s:e]] += 1
    return {"confusion": conf, "names": names, "misc": misc, "misc_names": misc_names,
            "spurious": spurious}


def fine_f1(
    records: list[tuple[str, list[tuple[int, int, str]], list[tuple[int, int]]]],
    predicted: list[list[tuple[int, int, str]]],
) -> dict[str, dict[str, float]]:
    """Per-type P/R/F1 on exact spans and fine types (``training.evaluate.prf``), with
    predictions over a MISC name not counted, as the news F1s count them."""
    from training.evaluate import prf

    gold = {(i, s, e, lab) for i, (_, spans, _) in enumerate(records) for s, e, lab in spans}
    pred = {
        (i, s, e, lab)
        for i, ((_, _, miscs), preds) in enumerate(zip(records, predicted, strict=True))
        for s, e, lab in preds
        if not any(s < me and ms < e for ms, me in miscs)
    }
    return prf(gold, pred)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sets", nargs="+", default=list(DEV))
    p.add_argument("--model", default=None, help="pipeline (default: the bundled one)")
    p.add_argument("--show", type=int, default=12, help="names shown per confusion")
    args = p.parse_args()

    from wiretag.nlp import load_backbone

    nlp = load_backbone(args.model)
    records = [r for name in args.sets for r in load_set(name)]
    predicted = [
        [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        for doc in nlp.pipe([text for text, _, _ in records])
    ]
    t = tally(records, predicted)
    conf = t["confusion"]
    cols = (*PREDICTED, "-")
    print("gold \\ predicted " + " ".join(f"{c:>6}" for c in cols))
    for g in LABELS:
        row = [conf[(g, c)] for c in cols]
        if any(row):
            exact = conf[(g, g)] / sum(row)
            print(f"{g:17} " + " ".join(f"{n:>6}" for n in row) + f"   exact {exact:.3f}")
    for lab, sc in fine_f1(records, predicted).items():
        if not sc["n"]:
            continue  # a type the gold never gives (LAW, MISC): see the lines below
        print(f"{lab:17} P={sc['p']:.3f} R={sc['r']:.3f} F1={sc['f']:.3f} n={sc['n']}")
    misc = t["misc"]
    print("MISC names, predicted as: " + ", ".join(f"{k} {v}" for k, v in misc.most_common()))
    for (g, c), names in sorted(t["names"].items(), key=lambda kv: -sum(kv[1].values())):
        print(f"  {g} -> {c} ({sum(names.values())}): " + "; ".join(
            f"{n} x{k}" if k > 1 else n for n, k in names.most_common(args.show)))
    for lab in ("GPE", "LOC", "FAC", "PERSON", "ORG"):
        names = t["misc_names"].get(lab)
        if names:
            print(f"  MISC -> {lab} ({sum(names.values())}): " + "; ".join(
                f"{n} x{k}" if k > 1 else n for n, k in names.most_common(args.show)))
    for lab, names in sorted(t["spurious"].items()):
        print(f"  none -> {lab} ({sum(names.values())}): " + "; ".join(
            f"{n} x{k}" if k > 1 else n for n, k in names.most_common(args.show)))


if __name__ == "__main__":
    main()
