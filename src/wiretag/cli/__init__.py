"""The ``wiretag`` command: thin Typer wrappers over the library functions.

Each command lives in its own module (``cli/<command>.py``) and registers itself on ``app``.
"""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="wiretag",
    help="Read news stories; get wire structure, entities, quotes and events as wiretag/1 JSON.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

@app.callback()
def _root() -> None:
    # A callback keeps `wiretag` a command group even while only one command is
    # registered, so `wiretag analyze FILE` never reads "analyze" as a FILE.
    pass


#: command modules, in the order their commands appear in --help
COMMAND_MODULES = ["analyze", "ingest", "search", "cluster", "serve", "train", "evaluate"]


def _register() -> None:
    for name in COMMAND_MODULES:
        importlib.import_module(f"wiretag.cli.{name}")


def main() -> None:
    _register()
    app()
