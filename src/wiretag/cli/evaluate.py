"""``wiretag evaluate``: print the scores of the backbone and of each extraction stage.

The scorers are library functions (``training/evaluate.py`` for the backbone,
``wiretag.evaluation.<stage>`` for the stages); the golden stories live in ``tests/golden/``
of the source checkout, and the corpora in ``../shared/corpora``.
"""

from __future__ import annotations

import importlib
from enum import Enum
from pathlib import Path

import typer

from wiretag.checkout import CHECKOUT, checkout_module, golden_dir
from wiretag.cli import app
from wiretag.errors import WiretagError


class Task(str, Enum):
    backbone = "backbone"
    entities = "entities"
    quotes = "quotes"
    events = "events"
    topics = "topics"
    all = "all"


@app.command("evaluate")
def evaluate_cli(
    task: Task = typer.Option(Task.all, help="What to score."),  # noqa: B008
    model: str | None = typer.Option(None, help="spaCy pipeline to score instead of the bundled."),
    corpora: Path = typer.Option(  # noqa: B008
        CHECKOUT.parent / "shared" / "corpora", help="Folder holding the corpora (backbone)."
    ),
    errors: bool = typer.Option(False, "--errors", help="List every miss (stages)."),
) -> None:
    """Score the backbone and each extraction stage.

    The backbone on the corpora's test splits and our news set; stages on golden stories.
    """
    tasks = [t for t in Task if t is not Task.all] if task is Task.all else [task]
    status = 0
    extra = (["--errors"] if errors else []) + (["--model", model] if model else [])
    try:
        for t in tasks:
            typer.echo(f"== {t.value}")
            if t is Task.backbone:
                backbone = checkout_module("training.evaluate")
                backbone.main(["--corpora", str(corpora)] + (["--model", model] if model else []))
            elif t is Task.topics:
                from wiretag.evaluation import topics

                golden = golden_dir("topics") / "stories.jsonl"
                status |= topics.main(["--golden", str(golden), *extra]) or 0
            else:
                stage = importlib.import_module(f"wiretag.evaluation.{t.value}")
                status |= stage.main([str(golden_dir(t.value)), *extra]) or 0
    except WiretagError as err:
        typer.echo(f"wiretag: {err}" + (f" — {err.hint}" if err.hint else ""), err=True)
        raise typer.Exit(2) from None
    raise typer.Exit(status)
