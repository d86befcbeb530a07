"""``wiretag train``: reproduce the bundled pipeline from the open corpora.

The recipe (converters, configs, synthetic data) lives in ``training/`` of the source
checkout; this command is a thin wrapper over ``training.train.main``.
"""

from __future__ import annotations

from pathlib import Path

import typer

from wiretag.checkout import checkout_module
from wiretag.cli import app
from wiretag.errors import WiretagError


@app.command(
    "train", context_settings={"allow_extra_args": True, "ignore_unknown_options": True}
)
def train_cli(
    ctx: typer.Context,
    corpora: Path = typer.Option(  # noqa: B008
        Path("../shared/corpora"), help="Folder holding the corpora."
    ),
    reference: Path = typer.Option(  # noqa: B008
        Path("../shared/reference/petrarch2-dictionaries"),
        help="PETRARCH2/Phoenix dictionaries (names for synthetic news sentences).",
    ),
    output: Path = typer.Option(  # noqa: B008
        Path("src/wiretag/models/en_wiretag_news"), help="Where to write the trained pipeline."
    ),
) -> None:
    """Train the backbone (tagger, parser, lemmatizer, NER) as shipped.

    Extra options (--step, --ner-max-steps, --synthetic, --business, --world-share,
    --news-copies, --uner-extra, --threads, --syntax-from) go to training/train.py. The
    vectors step (static word vectors distilled from the pretrained MiniLM encoder) and the
    teacher step (a MiniLM fine-tuned to label silver NER data) need
    pip install -e ".\\[teacher]" (torch, transformers); without them the
    pipeline is trained without vectors or silver data and will not match the shipped
    model.
    """
    try:
        train = checkout_module("training.train")
    except WiretagError as err:
        typer.echo(f"wiretag: {err} — {err.hint}", err=True)
        raise typer.Exit(2) from None
    argv = ["--corpora", str(corpora), "--reference", str(reference), "--output", str(output)]
    train.main([*argv, *ctx.args])
