"""Words/second of the NLP backbone alone (the bundled pipeline, or --model NAME), on
1 and 2 processes, with peak resident memory.

    python benchmarks/backbone_speed.py [--model NAME] [--words 30000]

Text: our news check set (tests/nlp/news_ner_gold.jsonl) repeated to --words words,
in story-sized chunks. One result line per setting, with date and versions; record them in
benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "nlp" / "news_ner_gold.jsonl"


def load_texts(n_words: int) -> list[str]:
    sents = [json.loads(x)["text"] for x in GOLD.read_text("utf-8").splitlines() if x.strip()]
    stories = [" ".join(sents[i : i + 5]) for i in range(0, len(sents), 5)]
    texts, words = [], 0
    while words < n_words:
        for s in stories:
            texts.append(s)
            words += len(s.split())
    return texts


def time_pipe(nlp: Any, texts: list[str], n_process: int) -> tuple[int, float]:
    """(tokens, seconds) for ``nlp.pipe`` over ``texts`` after a warm-up; spaCy tokens
    include punctuation, whitespace tokens are not counted."""
    list(nlp.pipe(texts[:20]))  # warm-up
    t0 = time.perf_counter()
    n = 0
    for doc in nlp.pipe(texts, batch_size=64, n_process=n_process):
        n += sum(1 for t in doc if not t.is_space)
    return n, time.perf_counter() - t0


def report(label: str, texts: list[str], n_process: int, tokens: int, secs: float) -> None:
    """One result line: date, what ran, words/s (whitespace words), tokens/s, peak RSS,
    versions."""
    import spacy

    words = sum(len(t.split()) for t in texts)
    wps = words / secs
    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak_child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"{date.today()} {label} "
        f"processes={n_process} words={words} tokens={tokens} words_per_s={wps:,.0f} "
        f"tokens_per_s={tokens / secs:,.0f} words_per_s_per_process={wps / n_process:,.0f} "
        f"peak_rss_mb={max(peak_self, peak_child):.0f} "
        f"spacy={spacy.__version__} python={platform.python_version()} "
        f"cpus={os.cpu_count()}",
        flush=True,
    )


def main() -> None:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--model", default=None)
    p.add_argument("--words", type=int, default=30000)
    p.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    args = p.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    from wiretag.nlp import load_backbone

    texts = load_texts(args.words)
    nlp = load_backbone(args.model)
    for n_proc in args.processes:
        tokens, secs = time_pipe(nlp, texts, n_proc)
        report(f"backbone={args.model or 'en_wiretag_news (bundled)'}", texts, n_proc, tokens, secs)

if __name__ == "__main__":
    main()
