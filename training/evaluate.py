"""Score a pipeline: syntax on UD EWT test, NER on UNER-EWT test, held-out Wikigold
documents and our own news sets (tests/nlp/news_ner_gold.jsonl, the check set the
entity-type rules were developed against, and the blind sets news_ner_blind*.jsonl: blind2
blind3 and blind4 were never looked at, only scored; blind3 is business copy, rich in
companies; blind4 is world news rich in organisations from outside Europe and North
America; blind5 is a day of agency wire across desks -- sports results and scorecards,
markets, general news, all-caps headlines -- in multi-line records; blind6 (round 9) 100
stories of a day's wire, 45% sports of every kind, a third with headlines in capitals;
news_sports is the development set of sports, markets and headline copy the round-8 and
round-9 rules were tuned on).

    python -m training.evaluate [--model src/wiretag/models/en_wiretag_news] \
        [--corpora ../shared/corpora] [--news tests/nlp/news_ner_gold.jsonl]

NER is scored on exact character spans. For the corpora (PER/ORG/LOC only) the
pipeline's types are folded: PERSON->PER, ORG->ORG, GPE/LOC/FAC->LOC, others dropped;
predictions over tokens a corpus leaves unannotated (Wikigold MISC) are not counted.
The news check set is scored on the full wiretag types too.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
COARSE = {"PERSON": "PER", "PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
NEWS_GOLD = ROOT / "tests" / "nlp" / "news_ner_gold.jsonl"
NEWS_BLIND = ROOT / "tests" / "nlp" / "news_ner_blind.jsonl"
NEWS_BLIND2 = ROOT / "tests" / "nlp" / "news_ner_blind2.jsonl"
NEWS_BLIND3 = ROOT / "tests" / "nlp" / "news_ner_blind3.jsonl"
NEWS_BLIND4 = ROOT / "tests" / "nlp" / "news_ner_blind4.jsonl"
NEWS_BLIND5 = ROOT / "tests" / "nlp" / "news_ner_blind5.jsonl"
NEWS_BLIND6 = ROOT / "tests" / "nlp" / "news_ner_blind6.jsonl"
NEWS_SPORTS = ROOT / "tests" / "nlp" / "news_ner_sports.jsonl"
NEWS_BLIND7 = ROOT / "tests" / "nlp" / "news_ner_blind7.jsonl"
NEWS_DEV2 = ROOT / "tests" / "nlp" / "news_ner_dev2.jsonl"
NEWS_BLIND8 = ROOT / "tests" / "nlp" / "news_ner_blind8.jsonl"
NEWS_DEV3 = ROOT / "tests" / "nlp" / "news_ner_dev3.jsonl"
NEWS_DEV4 = ROOT / "tests" / "nlp" / "news_ner_dev4.jsonl"
NEWS_BLIND9 = ROOT / "tests" / "nlp" / "news_ner_blind9.jsonl"
#: the sets also scored all in capitals and all in lower case
CASED_SETS = frozenset(
    {"news_blind6", "news_blind7", "news_dev2", "news_blind8", "news_dev3", "news_dev4",
     "news_blind9"}
)


def prf(gold: set, pred: set) -> dict[str, dict[str, float]]:
    """Micro P/R/F1 overall and per label over (doc, start, end, label) tuples."""
    labels = sorted({g[-1] for g in gold} | {p[-1] for p in pred})
    out = {}
    for lab in [*labels, "ALL"]:
        g = {x for x in gold if lab in ("ALL", x[-1])}
        p = {x for x in pred if lab in ("ALL", x[-1])}
        tp = len(g & p)
        pr = tp / len(p) if p else 0.0
        rc = tp / len(g) if g else 0.0
        f = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        out[lab] = {"p": round(pr, 4), "r": round(rc, 4), "f": round(f, 4), "n": len(g)}
    return out


def score_ner(
    nlp,
    items: Iterable[tuple[str, list[tuple[int, int, str]], list[tuple[int, int]]]],
    *,
    fold: bool = True,
) -> dict[str, dict[str, float]]:
    """items: (text, gold spans (start, end, label), unannotated char ranges)."""
    gold, pred = set(), set()
    items = list(items)
    docs = nlp.pipe([t for t, _, _ in items], batch_size=64)
    for i, ((_text, spans, missing), doc) in enumerate(zip(items, docs, strict=False)):
        for s, e, lab in spans:
            lab = COARSE.get(lab) if fold else lab
            if lab:
                gold.add((i, s, e, lab))
        for ent in doc.ents:
            lab = COARSE.get(ent.label_) if fold else ent.label_
            if not lab:
                continue
            s, e = ent.start_char, ent.end_char
            if any(s < me and ms < e for ms, me in missing):
                continue
            pred.add((i, s, e, lab))
    return prf(gold, pred)


def items_from_docbin(path: Path, nlp) -> list:
    from spacy.tokens import DocBin

    items = []
    for doc in DocBin().from_disk(path).get_docs(nlp.vocab):
        spans = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        missing = [(t.idx, t.idx + len(t)) for t in doc if t.ent_iob == 0]
        items.append((doc.text, spans, missing))
    return items


def items_from_jsonl(path: Path) -> list:
    items = []
    for line in Path(path).read_text("utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            ignore = [tuple(x) for x in rec.get("ignore", [])]
            items.append((rec["text"], [tuple(x) for x in rec["entities"]], ignore))
    return items


def score_syntax(nlp, path: Path, *, gold_tokens: bool = False) -> dict[str, float]:
    """EWT test tags and trees. By default from raw text (our tokenizer, aligned to the
    gold tokens, as spaCy scores); ``gold_tokens`` starts from the treebank's own words,
    as UD tables headed "gold tokenization" do. Sentence boundaries are predicted in both."""
    from spacy.tokens import Doc, DocBin
    from spacy.training import Example

    gold_docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    if gold_tokens:
        examples = [
            Example(
                Doc(nlp.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d]),
                d,
            )
            for d in gold_docs
        ]
    else:
        examples = [Example(nlp.make_doc(d.text), d) for d in gold_docs]
    ner_pipes = ("ner", "entity_ruler", "wiretag_entity_types_v1")
    with nlp.select_pipes(disable=[p for p in nlp.pipe_names if p in ner_pipes]):
        s = nlp.evaluate(examples)
    keys = ["pos_acc", "tag_acc", "morph_acc", "dep_uas", "dep_las", "lemma_acc", "sents_f"]
    return {k: round(float(s[k]), 4) for k in keys if s.get(k) is not None}


def evaluate(
    model: str | Path,
    corpora: Path | None,
    news: Path | None = NEWS_GOLD,
    data: Path = HERE / "data",
    *,
    syntax: bool = True,
) -> dict:
    import spacy

    import wiretag.nlp  # noqa: F401
    from training import convert as cv

    nlp = spacy.load(model)
    res: dict = {"model": str(model), "spacy": spacy.__version__, "date": time.strftime("%Y-%m-%d")}
    if corpora is not None and corpora.exists():
        vocab = nlp.vocab
        ewt_test = data / "ewt-test.spacy"
        if not ewt_test.exists():
            cv.write_docbin(
                cv.ud_docs(corpora / "ud-en-ewt" / "en_ewt-ud-test.conllu.gz", vocab), ewt_test
            )
        if syntax:
            res["ewt_test_syntax"] = score_syntax(nlp, ewt_test)
            res["ewt_test_syntax_gold_tokens"] = score_syntax(nlp, ewt_test, gold_tokens=True)
        uner = cv.uner_docs(
            corpora / "uner-en-ewt" / "en_ewt-ud-test.iob2", vocab, as_annotated=True
        )
        res["uner_test_ner"] = score_ner(nlp, _doc_items(uner))
        wg = cv.wikigold_docs(
            corpora / "wikigold" / "wikigold.conll.txt", vocab, "test", as_annotated=True
        )
        res["wikigold_heldout_ner"] = score_ner(nlp, _doc_items(wg))
    if news is not None and Path(news).exists():
        items = items_from_jsonl(news)
        res["news_ner_coarse"] = score_ner(nlp, items)
        res["news_ner_fine"] = score_ner(nlp, items, fold=False)
        res["news_ner_upper_coarse"] = score_ner(nlp, _upper(items))
        res["news_ner_lower_coarse"] = score_ner(nlp, _lower(items))
    for key, path in (
        ("news_blind", NEWS_BLIND),
        ("news_blind2", NEWS_BLIND2),
        ("news_blind3", NEWS_BLIND3),
        ("news_blind4", NEWS_BLIND4),
        ("news_blind5", NEWS_BLIND5),
        ("news_blind6", NEWS_BLIND6),
        ("news_blind7", NEWS_BLIND7),
        ("news_sports", NEWS_SPORTS),
        ("news_dev2", NEWS_DEV2),
        ("news_blind8", NEWS_BLIND8),
        ("news_dev3", NEWS_DEV3),
        ("news_dev4", NEWS_DEV4),
        ("news_blind9", NEWS_BLIND9),
    ):
        if path.exists():
            items = items_from_jsonl(path)
            res[f"{key}_ner_coarse"] = score_ner(nlp, items)
            res[f"{key}_ner_fine"] = score_ner(nlp, items, fold=False)
            if key in CASED_SETS:
                res[f"{key}_upper_coarse"] = score_ner(nlp, _upper(items))
                res[f"{key}_lower_coarse"] = score_ner(nlp, _lower(items))
    return res


def _upper(items: list) -> list:
    """The same copy in capitals (telex archives, agency headlines); offsets do not move."""
    return [(text.upper(), spans, missing) for text, spans, missing in items]


def _lower(items: list) -> list:
    """The same copy in lower case (scraped copy that lost its case)."""
    return [(text.lower(), spans, missing) for text, spans, missing in items]


def _doc_items(docs) -> list:
    items = []
    for doc in docs:
        spans = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        missing = [(t.idx, t.idx + len(t)) for t in doc if t.ent_iob == 0]
        items.append((doc.text, spans, missing))
    return items


def format_results(res: dict) -> str:
    lines = [f"model {res['model']}  spaCy {res['spacy']}  {res['date']}"]
    if "ewt_test_syntax" in res:
        s = res["ewt_test_syntax"]
        lines.append("EWT test: " + "  ".join(f"{k}={v:.4f}" for k, v in s.items()))
    if "ewt_test_syntax_gold_tokens" in res:
        s = res["ewt_test_syntax_gold_tokens"]
        lines.append("EWT test (gold tokens): " + "  ".join(f"{k}={v:.4f}" for k, v in s.items()))
    # every NER result, in the order evaluate() scored them
    for key, scores in res.items():
        if key.endswith(("_ner", "_coarse", "_fine")):
            lines.append(f"{key}:")
            for lab, v in scores.items():
                lines.append(f"  {lab:7s} P={v['p']:.3f} R={v['r']:.3f} F1={v['f']:.3f} n={v['n']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--model", default=str(ROOT / "src" / "wiretag" / "models" / "en_wiretag_news"))
    p.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    p.add_argument("--news", type=Path, default=NEWS_GOLD)
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--no-syntax", action="store_true", help="skip the EWT syntax scores")
    args = p.parse_args(argv)
    res = evaluate(args.model, args.corpora, args.news, syntax=not args.no_syntax)
    print(json.dumps(res, indent=1) if args.json else format_results(res))


if __name__ == "__main__":
    main()
