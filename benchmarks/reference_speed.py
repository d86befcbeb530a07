"""The speed yardstick on *this* machine: a pipeline with the architecture of spaCy's small
English CNN pipeline (en_core_web_sm 3.x), timed on the same text as
``backbone_speed.py``, so a words/second figure can be read against the ~10,000 words/s
per core that the small pipelines are quoted at.

    python benchmarks/reference_speed.py [--words 30000] [--processes 1 2]

Nothing is downloaded: the reference is built from its published architecture (a shared
tok2vec of width 96 and depth 4 for tagger and parser, a parser of hidden width 64 and 2
maxout pieces, a ner with its own tok2vec of the same size; no static vectors) and
initialised with random weights on a few stories labelled by our bundled model, so that it
has realistic label sets. A CNN's speed does not depend on its weights, and a greedy
transition parser makes the same number of moves whatever it predicts, so its time is the
time the trained pipeline would take. As in en_core_web_sm, an attribute ruler maps tags
to POS for the rule lemmatizer (ours). Both use our news tokenizer.
One result line per setting, with date and versions; record them in benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import warnings
from collections import Counter
from typing import Any

from backbone_speed import load_texts, report, time_pipe

#: en_core_web_sm's CNN tok2vec; the shared one and the ner's own are the same size
TOK2VEC = """[{path}]
@architectures = "spacy.Tok2Vec.v2"

[{path}.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = 96
attrs = ["NORM","PREFIX","SUFFIX","SHAPE","SPACY","IS_SPACE"]
rows = [5000,1000,2500,2500,50,50]
include_static_vectors = false

[{path}.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = 96
depth = 4
window_size = 1
maxout_pieces = 3
"""

#: en_core_web_sm's transition-based parser and ner heads: the same network, two state types
TRANSITION = """[components.{name}]
factory = "{name}"

[components.{name}.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "{name}"
extra_state_tokens = false
hidden_width = 64
maxout_pieces = 2
use_upper = true
nO = null
"""

#: a head reading the shared tok2vec
LISTENER = """[components.{name}.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = 96
upstream = "tok2vec"
"""

SM_TEMPLATE = """
[nlp]
lang = "en"
pipeline = ["tok2vec","tagger","parser","ner"]

[components]

[components.tok2vec]
factory = "tok2vec"

{tok2vec_shared}
[components.tagger]
factory = "tagger"

[components.tagger.model]
@architectures = "spacy.Tagger.v2"
nO = null

{tagger_listener}
{parser}
{parser_listener}
{ner}
{tok2vec_ner}"""
SM_CONFIG = SM_TEMPLATE.format(
    tok2vec_shared=TOK2VEC.format(path="components.tok2vec.model"),
    tok2vec_ner=TOK2VEC.format(path="components.ner.model.tok2vec"),
    tagger_listener=LISTENER.format(name="tagger"),
    parser=TRANSITION.format(name="parser"),
    parser_listener=LISTENER.format(name="parser"),
    ner=TRANSITION.format(name="ner"),
)


def build_reference(texts: list[str]) -> Any:
    """The sm-architecture pipeline, initialised on stories labelled by our bundled model."""
    import spacy
    from spacy.training import Example
    from thinc.api import Config

    from wiretag.nlp import load_backbone

    ours = load_backbone(None)
    nlp = spacy.util.load_model_from_config(Config().from_str(SM_CONFIG), auto_fill=True)
    nlp.tokenizer = ours.tokenizer
    labelled = list(ours.pipe(texts[:40]))
    examples = [Example(nlp.make_doc(d.text), d) for d in labelled]
    nlp.initialize(lambda: examples)
    # as en_core_web_sm: an attribute ruler maps the fine tag to the coarse POS, which the
    # rule lemmatizer reads
    pos_of: dict[str, Counter[str]] = {}
    for d in labelled:
        for t in d:
            pos_of.setdefault(t.tag_, Counter())[t.pos_] += 1
    ruler = nlp.add_pipe("attribute_ruler")
    tags = nlp.get_pipe("tagger").labels
    ruler.load_from_tag_map(
        {tag: {"POS": pos_of[tag].most_common(1)[0][0] if tag in pos_of else "X"} for tag in tags}
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # W113: the vectors differ (the lemmatizer reads none)
        nlp.add_pipe("lemmatizer", source=ours)
    return nlp


def main() -> None:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--words", type=int, default=30000)
    p.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    args = p.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    texts = load_texts(args.words)
    nlp = build_reference(texts)
    for n_proc in args.processes:
        tokens, secs = time_pipe(nlp, texts, n_proc)
        label = "reference=en_core_web_sm-architecture (random weights)"
        report(label, texts, n_proc, tokens, secs)


if __name__ == "__main__":
    main()
