"""Speed of the whole ``analyze`` path: words/s and articles/s on 1 and 2 processes, the
time share of each stage, and peak memory.

    python benchmarks/analyze_speed.py [--model NAME] [--stories 400]

Text: the bundled sample corpus (src/wiretag/samples/stories.jsonl) and the golden stories
under tests/golden/, cycled to --stories stories. Prints one line per setting with the date
and versions; record them in benchmarks/RESULTS.md. Run it on an otherwise idle machine.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import platform
import resource
import time
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def load_texts(n: int) -> list[str]:
    texts = [
        json.loads(line)["text"]
        for line in (ROOT / "src/wiretag/samples/stories.jsonl").read_text("utf-8").splitlines()
        if line.strip()
    ]
    for path in sorted((ROOT / "tests/golden/wire").glob("*.txt")):
        texts.append(path.read_text("utf-8"))
    out: list[str] = []
    while len(out) < n:
        out.extend(texts)
    return out[:n]


def _worker(args: tuple[str | None, list[str]]) -> tuple[int, int, dict[str, float], float]:
    model, texts = args
    return run(model, texts)


def run(model: str | None, texts: list[str]) -> tuple[int, int, dict[str, float], float]:
    """Analyse ``texts``; return (stories, words, seconds per stage, total seconds)."""
    from wiretag.nlp import load_backbone
    from wiretag.pipeline import finish, is_analysable, load_stages, prepare
    from wiretag.story import Story

    nlp = load_backbone(model)
    stages = load_stages()
    # Warm up: the model, the language identifier and the lexicons load on first use.
    warm = prepare(Story(text=texts[0]))
    finish(nlp(warm.text), warm, stages)
    spent: dict[str, float] = defaultdict(float)
    words = 0
    t_all = time.perf_counter()
    for text in texts:
        t0 = time.perf_counter()
        document = prepare(Story(text=text))
        spent["wire"] += time.perf_counter() - t0
        if not is_analysable(document):
            continue
        words += len(document.text.split())
        t0 = time.perf_counter()
        doc = nlp(document.text)
        spent["backbone"] += time.perf_counter() - t0
        finish(doc, document, [])
        for name, stage in stages:
            t0 = time.perf_counter()
            stage(doc, document)
            spent[name] += time.perf_counter() - t0
    return len(texts), words, dict(spent), time.perf_counter() - t_all


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def main() -> None:
    import spacy

    import wiretag

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default=None)
    parser.add_argument("--stories", type=int, default=400)
    args = parser.parse_args()
    texts = load_texts(args.stories)
    head = (f"{date.today()} wiretag {wiretag.__version__} spaCy {spacy.__version__} "
            f"Python {platform.python_version()} {platform.machine()}")
    results: list[dict[str, Any]] = []

    n, words, spent, total = run(args.model, texts)
    backbone = spent["backbone"]
    shares = {k: round(v / backbone, 3) for k, v in spent.items() if k != "backbone"}
    results.append({"processes": 1, "stories": n, "words": words,
                    "articles_per_s": round(n / total, 1), "words_per_s": round(words / total),
                    "backbone_words_per_s": round(words / backbone),
                    "stage_time_vs_backbone": shares, "peak_mb": round(peak_mb())})

    half = len(texts) // 2
    ctx = mp.get_context("spawn")
    with ctx.Pool(2) as pool:
        parts = pool.map(_worker, [(args.model, texts[:half]), (args.model, texts[half:])])
    # each worker times itself after loading the model, so start-up is not counted; the
    # two run at the same time, so the slower one sets the wall time
    wall = max(p[3] for p in parts)
    n2 = sum(p[0] for p in parts)
    w2 = sum(p[1] for p in parts)
    results.append({"processes": 2, "stories": n2, "words": w2,
                    "articles_per_s": round(n2 / wall, 1), "words_per_s": round(w2 / wall),
                    "peak_mb_per_process": round(peak_mb())})
    print(head)
    for r in results:
        print(json.dumps(r))


if __name__ == "__main__":
    main()
