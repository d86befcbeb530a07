"""``wiretag ingest``: analyse stories into the SQLite store, with progress and a summary."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from wiretag.cli import app
from wiretag.cli.analyze import skipped_note
from wiretag.errors import WiretagError
from wiretag.settings import SETTINGS


def fail(err: WiretagError, code: int = 2) -> NoReturn:
    """Print a coded error and its hint, no traceback, and exit."""
    typer.echo(str(err), err=True)
    if err.hint:
        typer.echo(f"  hint: {err.hint}", err=True)
    raise typer.Exit(code)


@app.command("ingest")
def ingest_cli(
    inputs: Annotated[list[str] | None, typer.Argument(
        help="Files or directories ('-' for stdin).", show_default=False)] = None,
    db: Annotated[str, typer.Option(help=SETTINGS["db"].help)] = str(SETTINGS["db"].default),
    sample: Annotated[bool, typer.Option(help="Ingest the bundled sample corpus.")] = False,
    workers: Annotated[int, typer.Option("--workers", "-w", help=SETTINGS["workers"].help)] = 0,
    scheduler: Annotated[str | None, typer.Option(
        help="Dask scheduler address (tcp://host:port); needs wiretag[dask].")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    failures: Annotated[Path | None, typer.Option(
        help="Write failed stories (JSON Lines) here; default: beside --db.")] = None,
    model: Annotated[str | None, typer.Option(help=SETTINGS["model"].help)] = None,
    include: Annotated[list[str] | None, typer.Option(
        help="Glob of files to read inside directories.")] = None,
    exclude: Annotated[list[str] | None, typer.Option(
        help="Glob of files to skip inside directories.")] = None,
    skip_near_duplicates: Annotated[bool, typer.Option(
        help="Do not store stories that copy a stored story (by default they are stored "
        "and flagged).")] = False,
    cluster: Annotated[bool, typer.Option(
        help="Update story clusters for the dates that received stories.")] = True,
) -> None:
    """Analyse stories and store them in a SQLite file; stories already stored are skipped."""
    from wiretag.batch import Progress, ingest
    from wiretag.samples import SAMPLE_PATH
    from wiretag.store import Store

    paths = list(inputs or [])
    if sample:
        paths.append(str(SAMPLE_PATH))
    if not paths:
        fail(WiretagError("W101", "nothing to ingest", hint="Name files or pass --sample."))
    show = not quiet and sys.stderr.isatty()
    try:
        with Store(db) as store:
            if show:
                with _bar() as (bar, task):
                    def progress(p: Progress) -> None:
                        bar.update(task, total=p.total, completed=p.done)

                    summary = ingest(paths, store, workers=workers, scheduler=scheduler,
                                     model=model, progress=progress, include=include,
                                     exclude=exclude, skip_near_duplicates=skip_near_duplicates,
                                     cluster=cluster)
            else:
                summary = ingest(paths, store, workers=workers, scheduler=scheduler, model=model,
                                 include=include, exclude=exclude,
                                 skip_near_duplicates=skip_near_duplicates, cluster=cluster)
    except WiretagError as err:
        fail(err)
    typer.echo(
        f"ingested {summary.ingested} stories ({summary.words:,} words) in "
        f"{summary.seconds:.1f} s, {summary.stories_per_second:.1f} stories/s; "
        f"{summary.duplicates} already stored, skipped; {len(summary.failed)} failed"
    )
    if summary.skipped_files:
        typer.echo(skipped_note(summary.skipped_files), err=True)
    if summary.near_duplicates:
        what = ("skipped" if skip_near_duplicates else "stored and flagged")
        typer.echo(f"{summary.near_duplicates} near duplicates of stored stories, {what}")
    if summary.clusters:
        typer.echo(f"{summary.clusters} story clusters updated, "
                   f"{summary.multi_story_clusters} with more than one story")
    if summary.failed:
        report = failures or Path(db).with_name(Path(db).stem + ".failures.jsonl")
        summary.write_failures(report)
        for failure in summary.failed[:10]:
            typer.echo(f"  {failure}", err=True)
        if len(summary.failed) > 10:
            typer.echo(f"  ... and {len(summary.failed) - 10} more", err=True)
        typer.echo(f"failure report: {report}", err=True)
        raise typer.Exit(1)


@contextmanager
def _bar() -> Iterator[tuple[Any, Any]]:
    """A progress bar on stderr: done/total, stories per second, time left (a pulsing bar
    and a count when the input could not be counted up front)."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        Task,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class Speed(ProgressColumn):
        def render(self, task: Task) -> Text:
            speed = task.finished_speed or task.speed
            return Text("" if speed is None else f"{speed:.1f} stories/s")

    columns = (TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), Speed(),
               TextColumn("ETA"), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        yield progress, progress.add_task("ingest", total=None)
