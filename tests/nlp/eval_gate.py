"""Evaluation gate for the bundled backbone on our own pinned news check set.

The check set (tests/nlp/news_ner_gold.jsonl, written by wiretag contributors) is scored
with training/evaluate.py's exact-span scorer; floors live in eval_baseline.json together
with the set's SHA-256, so a changed set cannot silently pass against old floors.

    python tests/nlp/eval_gate.py            # print scores vs floors
    python tests/nlp/eval_gate.py --update   # raise floors to current scores (never lowers
                                             # them unless --allow-lower is given)
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE / "news_ner_gold.jsonl"
BASELINE = HERE / "eval_baseline.json"
#: Measured noise: scores are deterministic on CPU, but retrained models of the same
#: recipe move by about this much; a real regression moves by more.
DEFAULT_MARGIN = 0.03


def gold_sha256() -> str:
    return hashlib.sha256(GOLD.read_bytes()).hexdigest()


def current_scores(nlp=None) -> dict[str, float]:
    """Flat {"coarse.ALL": f1, "fine.PERSON": f1, ...} for the bundled pipeline."""
    import json as _json

    from wiretag.nlp import load_backbone

    nlp = nlp or load_backbone()
    items = []
    for line in GOLD.read_text("utf-8").splitlines():
        if line.strip():
            rec = _json.loads(line)
            items.append((rec["text"], [tuple(x) for x in rec["entities"]], []))
    out: dict[str, float] = {}
    for name, fold in (("coarse", True), ("fine", False)):
        for label, v in _score(nlp, items, fold).items():
            out[f"{name}.{label}"] = v["f"]
    return out


def _score(nlp, items, fold):
    import sys

    root = HERE.parents[1]
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    from training.evaluate import score_ner

    return score_ner(nlp, items, fold=fold)


def main() -> None:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--update", action="store_true")
    p.add_argument("--allow-lower", action="store_true")
    p.add_argument("--margin", type=float, default=DEFAULT_MARGIN)
    args = p.parse_args()
    scores = current_scores()
    base = json.loads(BASELINE.read_text()) if BASELINE.exists() else {"floors": {}}
    floors = base.get("floors", {})
    for k, v in sorted(scores.items()):
        print(f"{k:14s} {v:.4f}  floor {floors.get(k, float('nan')):.4f}")
    if args.update:
        new = {}
        for k, v in scores.items():
            proposed = round(max(v - args.margin, 0.0), 4)
            old = floors.get(k)
            new[k] = proposed if old is None or args.allow_lower or proposed > old else old
        BASELINE.write_text(
            json.dumps(
                {
                    "corpus": GOLD.name,
                    "sha256": gold_sha256(),
                    "margin": args.margin,
                    "note": "floors = measured F1 minus margin; "
                    "update with tests/nlp/eval_gate.py --update",
                    "floors": dict(sorted(new.items())),
                },
                indent=1,
            )
            + "\n"
        )
        print("updated", BASELINE)


if __name__ == "__main__":
    main()
