"""``wiretag cluster``: group the stored stories into story clusters, from scratch."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wiretag.cli import app
from wiretag.cli.ingest import fail
from wiretag.corpus.clusters import DEFAULT_THRESHOLD, DEFAULT_WINDOW_DAYS
from wiretag.errors import WiretagError
from wiretag.settings import SETTINGS


@app.command("cluster")
def cluster_cli(
    db: Annotated[str, typer.Option(help=SETTINGS["db"].help)] = str(SETTINGS["db"].default),
    window_days: Annotated[int, typer.Option(
        help="Most days between two parts of one developing story.")] = DEFAULT_WINDOW_DAYS,
    threshold: Annotated[float, typer.Option(
        help="Least mean TF-IDF cosine between stories of one cluster (0-1).")]
    = DEFAULT_THRESHOLD,
) -> None:
    """Re-cluster every stored story (ingest keeps clusters up to date by itself; run this
    after changing --window-days or --threshold)."""
    from wiretag.store import Store

    if not Path(db).is_file():
        fail(WiretagError("W402", "no store at this path", path=db,
                          hint="Create one with: wiretag ingest FILE --db " + db))
    if window_days < 0 or not 0.0 < threshold <= 1.0:
        fail(WiretagError("W505", "--window-days must be >= 0 and --threshold in (0, 1]"))
    try:
        with Store(db) as store:
            store.backfill_signatures()
            summary = store.cluster(None, threshold=threshold, window_days=window_days)
    except WiretagError as err:
        fail(err)
    typer.echo(f"{summary.stories} stories in {summary.clusters} clusters, "
               f"{summary.multi} with more than one story")
