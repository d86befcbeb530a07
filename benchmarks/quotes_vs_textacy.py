"""Compare wiretag's quotation extractor with textacy's ``direct_quotations``.

Both run on the same spaCy Docs (the bundled pipeline) over the golden stories in
``tests/golden/quotes`` and are scored by ``wiretag.evaluation.quotes`` (content overlap of
at least half of each span; speaker right when its phrase overlaps the golden one or names
the golden speaker). textacy only finds direct quotations, so its quotes are scored as
``direct``. Install it with ``pip install -e ".[bench]"``; results go in QUOTES.md.

Run: ``python benchmarks/quotes_vs_textacy.py [tests/golden/quotes]``.
"""

from __future__ import annotations

import json
import platform
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from wiretag.document import Entity, Quote, SpanRef, Speaker
from wiretag.evaluation.quotes import evaluate, format_report, load_gold

_MARKS = "\"'“”‘’«»"


def textacy_quotes(doc: Any, entities: Sequence[Entity] = ()) -> list[Quote]:
    """textacy's direct quotations as wiretag Quotes (content without its marks)."""
    from textacy.extract.triples import direct_quotations

    out: list[Quote] = []
    try:
        triples = list(direct_quotations(doc))
    except Exception:  # textacy raises on some sentence/quote layouts; count as no output
        return out
    text = doc.text
    for i, (speaker, cue, content) in enumerate(triples, 1):
        start, end = content.start_char, content.end_char
        while start < end and (text[start] in _MARKS or text[start].isspace()):
            start += 1
        while end > start and (text[end - 1] in _MARKS or text[end - 1].isspace()):
            end -= 1
        if end <= start:
            continue
        sp = None
        if speaker:
            a, b = speaker[0].idx, speaker[-1].idx + len(speaker[-1].text)
            sp = Speaker(text[a:b], a, b)
        cue_ref = None
        if cue:
            a, b = cue[0].idx, cue[-1].idx + len(cue[-1].text)
            cue_ref = SpanRef(text[a:b], a, b)
        out.append(Quote(f"Q{i}", "direct", text[start:end], start, end, sp, cue_ref))
    return out


def main(argv: Sequence[str]) -> int:
    import textacy

    from wiretag.nlp import load_backbone

    golden = Path(argv[0]) if argv else Path(__file__).resolve().parents[1] / "tests/golden/quotes"
    stories = load_gold(golden)
    nlp = load_backbone()
    results: dict[str, Any] = {}
    for name, fn in (("wiretag", None), ("textacy", textacy_quotes)):
        started = time.perf_counter()
        scores = evaluate(stories, nlp, extract=fn)
        scores.pop("errors")
        scores["seconds"] = round(time.perf_counter() - started, 2)
        results[name] = scores
        sys.stdout.write(f"== {name} ({scores['seconds']} s)\n{format_report(scores)}\n")
    results["versions"] = {"textacy": textacy.__version__, "python": platform.python_version()}
    sys.stdout.write(json.dumps(results, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
