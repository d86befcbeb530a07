"""Corpus converters: UD CoNLL-U (EWT, GUM + its Entity layer), UNER IOB2, Wikigold, re3d.

Every converter returns spaCy ``Doc`` objects holding gold annotation; ``write_docbin``
stores them as ``.spacy`` files for ``spacy train``. Converted corpora are never committed
(training/data/ is git-ignored).

NER label scheme learned by the statistical ``ner``: PERSON, ORG, LOC. GPE vs LOC and
NORP are decided afterwards by the ``wiretag_entity_types_v1`` component (gazetteers),
because none of the corpora makes those distinctions. Annotation a corpus does not make
(Wikigold MISC, re3d Nationality, GUM proper nouns outside linked entities) is marked
*missing* rather than O, so the model is not taught that those tokens are non-entities.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

NER_MAP = {
    "PER": "PERSON",
    "PERSON": "PERSON",
    "Person": "PERSON",
    "person": "PERSON",
    "ORG": "ORG",
    "Organisation": "ORG",
    "organization": "ORG",
    "LOC": "LOC",
    "Location": "LOC",
    "place": "LOC",
}
PRONOUNS = {
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "him",
    "her",
    "them",
    "us",
    "me",
    "his",
    "hers",
    "its",
    "their",
    "theirs",
    "our",
    "ours",
    "my",
    "your",
    "who",
    "whom",
    "whose",
    "this",
    "that",
    "these",
    "those",
    "which",
    "himself",
    "herself",
    "themselves",
    "itself",
}
LEADING_DROP = {"the", "The", "THE", "a", "an", "A", "An"}
NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "}", "'s", "n't", "'", "%", "''"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "#"}


def _open(path: Path):
    path = Path(path)
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    return open(path, encoding="utf-8")


def guess_spaces(words: list[str]) -> list[bool]:
    """Spaces for corpora that ship tokens without the raw text (Wikigold, re3d)."""
    spaces = []
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        sp = nxt is not None and nxt not in NO_SPACE_BEFORE and w not in NO_SPACE_AFTER
        spaces.append(sp)
    return spaces


# ---------------------------------------------------------------- CoNLL-U


def read_conllu(path: Path) -> Iterator[tuple[str, list[dict]]]:
    """Yield (doc_id, words) per sentence; multiword tokens resolved to syntactic words."""
    doc_id = ""
    words: list[dict] = []
    mwt_end = 0
    mwt_space = True
    with _open(path) as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("# newdoc id"):
                doc_id = line.split("=", 1)[1].strip()
                continue
            if line.startswith("#"):
                continue
            if not line:
                if words:
                    yield doc_id, words
                words = []
                continue
            cols = line.split("\t")
            tid = cols[0]
            misc = cols[9]
            if "-" in tid:
                _a, b = tid.split("-")
                mwt_end = int(b)
                mwt_space = "SpaceAfter=No" not in misc
                continue
            if "." in tid:  # empty nodes of enhanced UD
                continue
            i = int(tid)
            if mwt_end and i < mwt_end:
                space = False
            elif mwt_end and i == mwt_end:
                space = mwt_space
                mwt_end = 0
            else:
                space = "SpaceAfter=No" not in misc
            words.append(
                {
                    "id": i,
                    "form": cols[1],
                    "lemma": cols[2],
                    "upos": cols[3],
                    "xpos": cols[4],
                    "feats": "" if cols[5] == "_" else cols[5],
                    "head": int(cols[6]),
                    "dep": cols[7],
                    "misc": misc,
                    "space": space,
                }
            )
    if words:
        yield doc_id, words


def _gum_entities(words: list[dict]) -> tuple[list[tuple[int, int, str]], set[int]]:
    """Named person/place/organization spans from GUM's Entity= bracket layer.

    GUM marks whole noun phrases ("the University of Portsmouth, United Kingdom"); we keep
    the first run of proper-noun tokens (NNP/NNPS, with inner "of", "and", "the", "-",
    "&") of each person/place/organization entity that is named (has a Wikipedia
    identity or a proper-noun head). Returns spans (token start, end, label) and the set of
    proper-noun token indices, so uncovered proper nouns can be marked missing.
    """
    open_stack: dict[str, list[tuple[int, str]]] = {}
    raw: list[tuple[int, int, str]] = []
    for idx, w in enumerate(words):
        m = re.search(r"Entity=([^|]+)", w["misc"])
        if not m:
            continue
        val = m.group(1)
        for tok in re.finditer(r"\(([^()]+?)\)|\(([^()]+)|([^()]+?)\)", val):
            single, opening, closing = tok.groups()
            if single is not None:
                raw.append((idx, idx + 1, single))
            elif opening is not None:
                eid = opening.split("-", 1)[0]
                open_stack.setdefault(eid, []).append((idx, opening))
            elif closing is not None:
                eid = closing.split("-", 1)[0]
                if open_stack.get(eid):
                    start, desc = open_stack[eid].pop()
                    raw.append((start, idx + 1, desc))
    nnp = {i for i, w in enumerate(words) if w["xpos"] in ("NNP", "NNPS")}
    spans = []
    for start, end, desc in raw:
        parts = desc.split("-", 7)
        if len(parts) < 2 or parts[1] not in ("person", "place", "organization"):
            continue
        identity = parts[7] if len(parts) == 8 else ""
        run_start = next((i for i in range(start, end) if i in nnp), None)
        if run_start is None:
            continue
        run_end = run_start + 1
        while run_end < end:
            if run_end in nnp:
                run_end += 1
            elif (
                words[run_end]["form"] in ("of", "and", "the", "-", "&", "de")
                and run_end + 1 < end
                and (run_end + 1) in nnp
            ):
                run_end += 2
            else:
                break
        if not identity and not any(words[i]["upos"] == "PROPN" for i in range(run_start, run_end)):
            continue
        spans.append((run_start, run_end, NER_MAP[parts[1]]))
    # longest first, drop overlaps
    spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    taken: set[int] = set()
    kept = []
    for s, e, lab in spans:
        if any(i in taken for i in range(s, e)):
            continue
        taken.update(range(s, e))
        kept.append((s, e, lab))
    return sorted(kept), nnp


def ud_docs(
    path: Path,
    vocab: Vocab,
    *,
    sents_per_doc: int = 10,
    gum_entities: bool = False,
    syntax: bool = True,
) -> list[Doc]:
    """UD sentences grouped into multi-sentence Docs (so the parser learns boundaries)."""
    docs: list[Doc] = []
    batch: list[list[dict]] = []
    last_doc = None

    def flush():
        if not batch:
            return
        words, spaces, tags, pos, morphs, lemmas, heads, deps = [], [], [], [], [], [], [], []
        ents: list[Span] = []
        ent_tuples: list[tuple[int, int, str]] = []
        missing: list[int] = []
        offset = 0
        for sent in batch:
            for w in sent:
                words.append(w["form"])
                spaces.append(w["space"])
                tags.append(w["xpos"])
                pos.append(w["upos"])
                morphs.append(w["feats"])
                lemmas.append(w["lemma"])
                heads.append(offset + (w["head"] - 1 if w["head"] else w["id"] - 1))
                deps.append("ROOT" if w["dep"] == "root" else w["dep"])
            if gum_entities:
                spans, nnp = _gum_entities(sent)
                covered = {i for s, e, _ in spans for i in range(s, e)}
                ent_tuples.extend((offset + s, offset + e, lab) for s, e, lab in spans)
                missing.extend(offset + i for i in nnp - covered)
            offset += len(sent)
        if syntax:
            doc = Doc(
                vocab,
                words=words,
                spaces=spaces,
                tags=tags,
                pos=pos,
                morphs=morphs,
                lemmas=lemmas,
                heads=heads,
                deps=deps,
            )
        else:
            doc = Doc(vocab, words=words, spaces=spaces)
        if gum_entities:
            ents = [Span(doc, s, e, label=lab) for s, e, lab in ent_tuples]
            doc.set_ents(ents, default="outside")
            if missing:
                doc.set_ents([], missing=[doc[i : i + 1] for i in missing], default="unmodified")
        docs.append(doc)
        batch.clear()

    for doc_id, sent in read_conllu(path):
        if doc_id != last_doc or len(batch) >= sents_per_doc:
            flush()
            last_doc = doc_id
        batch.append(sent)
    flush()
    return docs


# ---------------------------------------------------------------- IOB-style NER corpora


def _tags_to_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """IOB2 or IO tags -> (start, end, type) token spans."""
    spans = []
    cur = None
    for i, t in enumerate([*tags, "O"]):
        if (t == "O" or t.startswith("B-") or (cur and t[2:] != cur[2])) and cur:
            spans.append((cur[0], i, cur[2]))
            cur = None
        if t != "O" and cur is None:
            cur = [i, i + 1, t[2:]]
    return spans


_LEX: dict[str, set[str]] = {}


def _lexicon() -> dict[str, set[str]]:
    """Titles, nationality words and country names (for cleaning re3d's spans)."""
    if not _LEX:
        from training.build_gazetteer import DEMONYMS, TITLES

        _LEX["titles"] = {w for t in TITLES for w in t.split()}
        _LEX["demonyms"] = {d for d in DEMONYMS if d}
        try:
            import pycountry

            _LEX["countries"] = {c.name for c in pycountry.countries} | {
                "Iraq",
                "Syria",
                "Russia",
                "Iran",
                "Britain",
                "UK",
                "U.K.",
                "US",
                "U.S.",
                "United States",
                "Afghanistan",
                "Libya",
                "Yemen",
                "Australia",
            }
        except ImportError:  # pragma: no cover
            _LEX["countries"] = set()
    return _LEX


def _is_pronoun(word: str) -> bool:
    """ "it", "They" -- but not the all-caps abbreviations "US", "IT", "ME" (Maine)."""
    return word.lower() in PRONOUNS and not (len(word) > 1 and word.isupper())


def _ner_doc(
    vocab: Vocab,
    words: list[str],
    spaces: list[bool],
    spans,
    *,
    drop=(),
    clean: bool = False,
    as_annotated: bool = False,
) -> Doc:
    """Doc with gold entities. ``clean`` applies the re3d fixes: pronoun "entities" and
    spans without a capitalised word become unannotated, titles and nationality words
    are trimmed off person names, and countries labelled Organisation become LOC.
    ``as_annotated`` keeps the corpus spans exactly (for scoring): no leading article
    is dropped, because the corpus guidelines count "The" inside names ("The New York
    Times") and an evaluation must measure the spans the corpus gives."""
    doc = Doc(vocab, words=words, spaces=spaces)
    ents, missing = [], []
    lex = _lexicon() if clean else {}
    for s, e, typ in spans:
        if typ in drop:
            continue
        while s < e and words[s] in LEADING_DROP and not as_annotated:
            s += 1
        if s >= e:
            continue
        if e - s == 1 and _is_pronoun(words[s]):
            continue
        if clean and NER_MAP.get(typ):
            if not words[e - 1][:1].isupper() or not words[s][:1].isupper():
                missing.append(doc[s:e])
                continue
            if NER_MAP[typ] == "PERSON":
                while e - s > 1 and (
                    words[s] in lex["titles"]
                    or words[s] in lex["demonyms"]
                    or not words[s][:1].isupper()
                ):
                    s += 1
                if e - s == 1 and words[s] in lex["titles"]:
                    continue
            if NER_MAP[typ] == "ORG" and " ".join(words[s:e]) in lex["countries"]:
                typ = "LOC"
        label = NER_MAP.get(typ)
        if label is None:
            if typ in ("MISC", "Nationality"):
                missing.append(doc[s:e])
            continue
        ents.append(Span(doc, s, e, label=label))
    doc.set_ents(ents, missing=missing, default="outside")
    return doc


def uner_docs(
    path: Path, vocab: Vocab, *, sents_per_doc: int = 10, as_annotated: bool = False
) -> list[Doc]:
    """UNER IOB2 (PER/ORG/LOC) with spaces recovered from each sentence's ``# text``."""
    sents = []
    text, words, tags = "", [], []
    with _open(path) as fh:
        for line in [*list(fh), ""]:
            line = line.rstrip("\n")
            if line.startswith("# text"):
                text = line.split("=", 1)[1].strip()
            elif line.startswith("#"):
                continue
            elif not line:
                if words:
                    sents.append((text, words, tags))
                text, words, tags = "", [], []
            else:
                cols = line.split("\t")
                words.append(cols[1])
                tags.append(cols[2])
    docs = []
    for i in range(0, len(sents), sents_per_doc):
        W, S, T = [], [], []
        for text, words, tags in sents[i : i + sents_per_doc]:
            pos = 0
            for w in words:
                j = text.find(w, pos)
                if j < 0:
                    j = pos
                pos = j + len(w)
                S.append(pos < len(text) and text[pos : pos + 1] == " ")
            S[-1] = True
            W.extend(words)
            T.extend(tags)
        S[-1] = False
        docs.append(_ner_doc(vocab, W, S, _tags_to_spans(T), as_annotated=as_annotated))
    return docs


def read_wikigold(path: Path) -> list[list[tuple[list[str], list[str]]]]:
    """Wikigold documents (list of sentences of (words, IO tags))."""
    docs, sents, words, tags = [], [], [], []
    with _open(path) as fh:
        for line in [*list(fh), ""]:
            line = line.rstrip("\n")
            if line.startswith("-DOCSTART-"):
                if words:
                    sents.append((words, tags))
                    words, tags = [], []
                if sents:
                    docs.append(sents)
                sents = []
            elif not line.strip():
                if words:
                    sents.append((words, tags))
                words, tags = [], []
            else:
                w, t = line.rsplit(" ", 1)
                words.append(w)
                tags.append(t)
    if sents:
        docs.append(sents)
    return docs


def wikigold_split(doc_index: int) -> str:
    """Fixed document split: every 5th document (index % 5 == 4) is test, % 5 == 3 dev."""
    return {4: "test", 3: "dev"}.get(doc_index % 5, "train")


def wikigold_docs(path: Path, vocab: Vocab, split: str, *, as_annotated: bool = False) -> list[Doc]:
    out = []
    for i, sents in enumerate(read_wikigold(path)):
        if wikigold_split(i) != split:
            continue
        for j in range(0, len(sents), 8):
            W, T = [], []
            for words, tags in sents[j : j + 8]:
                W.extend(words)
                T.extend(tags)
            spans = _tags_to_spans(T)
            out.append(_ner_doc(vocab, W, guess_spaces(W), spans, as_annotated=as_annotated))
    return out


def re3d_docs(corpus_dir: Path, vocab: Vocab) -> list[Doc]:
    """re3d open sources; Person/Organisation/Location kept, pronouns and determiners dropped."""
    out = []
    for path in sorted(Path(corpus_dir).glob("*.conll")):
        words, tags, _doc_words, _doc_tags = [], [], [], []
        sents = []
        with _open(path) as fh:
            for line in [*list(fh), ""]:
                line = line.rstrip("\n")
                if line.startswith("# document"):
                    continue
                if not line.strip():
                    if words:
                        sents.append((words, tags))
                    words, tags = [], []
                    continue
                w, t = line.split("\t")
                words.append(w)
                tags.append(t)
        for j in range(0, len(sents), 8):
            W, T = [], []
            for w, t in sents[j : j + 8]:
                W.extend(w)
                T.extend(t)
            out.append(_ner_doc(vocab, W, guess_spaces(W), _tags_to_spans(T), clean=True))
    return out


def _strip_space_ents(doc: Doc) -> Doc:
    """spaCy's ner cannot learn entities that begin or end with a whitespace token."""
    if not any(e[0].is_space or e[-1].is_space for e in doc.ents):
        return doc
    keep = []
    for e in doc.ents:
        s, t = e.start, e.end
        while s < t and doc[s].is_space:
            s += 1
        while t > s and doc[t - 1].is_space:
            t -= 1
        if s < t:
            keep.append(Span(doc, s, t, label=e.label_))
    missing = [doc[i : i + 1] for i, tok in enumerate(doc) if tok.ent_iob == 0]
    doc.set_ents(keep, missing=missing, default="outside")
    return doc


def write_docbin(docs: list[Doc], path: Path) -> int:
    path = Path(path)
    docs = [_strip_space_ents(d) for d in docs]
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    return len(docs)


#: The label the statistical ``ner`` learns for each type of our news sets; NORP (and MISC,
#: the sets' ``ignore`` spans) is marked missing, like re3d's Nationality.
NEWS_MAP = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def news_docs(records: Iterable[dict], make_doc: Callable[[str], Doc]) -> list[Doc]:
    """Stories of our news sets ({"text", "entities", "ignore"} records, as
    ``training.news_gold.parse_line`` returns them) as ner training docs, tokenised by the
    news tokenizer (``make_doc``). GPE and FAC are folded into LOC; NORP and the
    ``ignore`` spans are missing, and so is a name the tokenizer cannot cut out ("U.N."
    in "U.N.-backed")."""
    docs = []
    for rec in records:
        doc = make_doc(rec["text"])
        ents, missing = [], []
        for start, end, label in rec["entities"]:
            span = doc.char_span(start, end)
            if span is None:
                wide = doc.char_span(start, end, alignment_mode="expand")
                if wide is not None:
                    missing.append(wide)
            elif label in NEWS_MAP:
                ents.append(Span(doc, span.start, span.end, label=NEWS_MAP[label]))
            else:
                missing.append(span)
        for start, end in rec.get("ignore", []):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                missing.append(span)
        named = {i for e in ents for i in range(e.start, e.end)}
        missing = [m for m in missing if not named & set(range(m.start, m.end))]
        # two names in one token ("U.S.-Philippines") widen to the same span: once only
        doc.set_ents(ents, missing=filter_spans(missing), default="outside")
        docs.append(doc)
    return docs
