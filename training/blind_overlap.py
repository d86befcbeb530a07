"""Score the blind news sets pooled, and on the stories that share no run of N words with
any story the ner is trained on (``training.news_gold.training_records``).

The sets are written by sessions of the same kind, so a blind story can cover the same
event as a training story; the "clean" score is measured where none does.

    OMP_NUM_THREADS=1 PYTHONPATH=src:. python -m training.blind_overlap [MODEL ...]
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BLIND = sorted((ROOT / "tests" / "nlp").glob("news_ner_blind*.jsonl"))
#: A shared run of this many words marks a blind story as overlapping a training story.
RUN = 8


def shingles(text: str, n: int = RUN) -> set[str]:
    """Every run of ``n`` words (lower-cased word characters) in ``text``."""
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


def clean_items(items: list, train_texts: list[str], n: int = RUN) -> list:
    """The scoring items (text, spans, ignore) whose text shares no run of ``n`` words
    with any of ``train_texts``."""
    seen: set[str] = set()
    for text in train_texts:
        seen |= shingles(text, n)
    return [it for it in items if not shingles(it[0], n) & seen]


def main(argv: list[str] | None = None) -> None:
    import spacy

    import wiretag.nlp  # noqa: F401
    from training.evaluate import items_from_jsonl, score_ner
    from training.news_gold import training_records

    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument(
        "models", nargs="*", default=[str(ROOT / "src" / "wiretag" / "models" / "en_wiretag_news")]
    )
    args = p.parse_args(argv)
    items = [it for path in BLIND for it in items_from_jsonl(path)]
    clean = clean_items(items, [r["text"] for r in training_records()])
    print(
        f"blind stories: {len(items)} ({sum(len(i[1]) for i in items)} names); "
        f"sharing no {RUN}-word run with a training story: {len(clean)} "
        f"({sum(len(i[1]) for i in clean)} names)"
    )
    for model in args.models:
        nlp = spacy.load(model)
        pooled = score_ner(nlp, items)["ALL"]["f"]
        kept = score_ner(nlp, clean)["ALL"]["f"]
        print(f"{model}  pooled F1={pooled:.4f}  clean F1={kept:.4f}")


if __name__ == "__main__":
    main()
