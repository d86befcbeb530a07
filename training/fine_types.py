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
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NEWS_DIR = ROOT / "tests" / "nlp"
DEV = ("news_ner_gold", "news_ner_sports", "news_ner_dev2", "news_ner_dev3")
LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT")
MARK = re.compile(r"\[([^\]]+)\]\(([A-Z]+)\)")


def misc_spans(md_line: str) -> list[tuple[int, int]]:
    """Character spans of the ``[text](MISC)`` names of one markup line, in the offsets
    of its plain text (as ``training.news_gold`` writes it)."""
    out: list[tuple[int, int]] = []
    plain = 0
    pos = 0
    for m in MARK.finditer(md_line):
        plain += len(md_line[pos : m.start()].replace("\\n", "\n"))
        name = m.group(1)
        if m.group(2) == "MISC":
            out.append((plain, plain + len(name)))
        plain += len(name)
        pos = m.end()
    return out


def load_set(name: str) -> list[tuple[str, list[tuple[int, int, str]], list[tuple[int, int]]]]:
    """(text, gold fine spans, MISC spans) per record of a news set."""
    from training.evaluate import items_from_jsonl

    items = items_from_jsonl(NEWS_DIR / f"{name}.jsonl")
    lines = [x for x in (NEWS_DIR / f"{name}.md").read_text("utf-8").splitlines() if x.strip()]
    if len(lines) != len(items):
        raise SystemExit(f"{name}: {len(lines)} markup lines but {len(items)} records")
    out = []
    for (text, gold, _ignore), line in zip(items, lines, strict=True):
        misc = misc_spans(line)
        for s, e in misc:
            if s < 0 or e > len(text):
                raise SystemExit(f"{name}: MISC span {s}-{e} outside its text")
        out.append((text, [(int(s), int(e), str(lab)) for s, e, lab in gold], misc))
    return out


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
    counted: Counter[str] = Counter()  # predictions per type, over no MISC name
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
        for s, e, lab in preds:
            if not any(s < me and ms < e for ms, me in miscs):
                counted[lab] += 1  # as the F1s count: nothing over a MISC name
        covered = [(s, e) for s, e, _ in gold] + list(miscs)
        for s, e, lab in preds:
            if lab in ("GPE", "LOC", "FAC", "NORP", "EVENT") and not any(
                s < ge and gs < e for gs, ge in covered
            ):
                spurious[lab][text[s:e]] += 1
    return {"confusion": conf, "names": names, "misc": misc, "misc_names": misc_names,
            "spurious": spurious, "predicted": counted}


def fine_f1(t: dict[str, Any]) -> dict[str, tuple[float, float, float]]:
    """Per-type precision, recall and F1 on exact spans and fine types, from ``tally``."""
    conf, predicted = t["confusion"], t["predicted"]
    out = {}
    for lab in LABELS:
        gold = sum(n for (g, _), n in conf.items() if g == lab)
        hit = conf[(lab, lab)]
        if not gold and not predicted[lab]:
            continue
        p = hit / predicted[lab] if predicted[lab] else 0.0
        r = hit / gold if gold else 0.0
        out[lab] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return out


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
    cols = (*LABELS, "-")
    print("gold \\ predicted " + " ".join(f"{c:>6}" for c in cols))
    for g in LABELS:
        row = [conf[(g, c)] for c in cols]
        if any(row):
            exact = conf[(g, g)] / sum(row)
            print(f"{g:17} " + " ".join(f"{n:>6}" for n in row) + f"   exact {exact:.3f}")
    for lab, (prec, rec, f1) in fine_f1(t).items():
        print(f"{lab:17} P={prec:.3f} R={rec:.3f} F1={f1:.3f}")
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
