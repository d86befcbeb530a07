"""``wiretag search``: full text and structured filters over the store."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from wiretag.cli import app
from wiretag.cli.ingest import fail
from wiretag.errors import WiretagError
from wiretag.settings import SETTINGS

#: the columns a table shows per kind: (header, how to get it from an item)
COLUMNS: dict[str, list[tuple[str, Any]]] = {
    "stories": [("date", lambda i: i["date"]), ("agency", lambda i: i["agency"]),
                ("headline", lambda i: i["headline"] or i.get("snippet", "")),
                ("id", lambda i: i["id"][:12])],
    "quotes": [("date", lambda i: i["date"]),
               ("speaker", lambda i: (i["speaker"] or {}).get("name")
                or (i["speaker"] or {}).get("text")),
               ("kind", lambda i: i["kind"]), ("quote", lambda i: i["text"]),
               ("story", lambda i: i["story"][:12])],
    "events": [("date", lambda i: i["date"]), ("type", lambda i: i["type"] or i["cameo"]),
               ("source", lambda i: _actor(i["source"])),
               ("trigger", lambda i: i["trigger"]["text"]),
               ("target", lambda i: _actor(i["target"])), ("modality", lambda i: i["modality"]),
               ("story", lambda i: i["story"][:12])],
    "entities": [("type", lambda i: i["type"]), ("name", lambda i: i["name"]),
                 ("country", lambda i: i["country"]), ("stories", lambda i: i["stories"]),
                 ("mentions", lambda i: i["mentions"]), ("id", lambda i: i["id"])],
}


def _actor(actor: dict[str, Any] | None) -> str:
    if not actor:
        return ""
    name = actor.get("name") or actor.get("text") or ""
    return f"{name} ({actor['actor']})" if actor.get("actor") else str(name)


@app.command("search")
def search_cli(
    query: Annotated[str, typer.Argument(help="Words or \"phrases\" to find; '' for none.")] = "",
    db: Annotated[str, typer.Option(help=SETTINGS["db"].help)] = str(SETTINGS["db"].default),
    quotes: Annotated[bool, typer.Option("--quotes", help="Search quotes.")] = False,
    events: Annotated[bool, typer.Option("--events", help="Search events.")] = False,
    entities: Annotated[bool, typer.Option("--entities", help="Search entities.")] = False,
    speaker: Annotated[str | None, typer.Option(help="Speaker name or entity id.")] = None,
    entity: Annotated[str | None, typer.Option(help="Entity name or id.")] = None,
    event_type: Annotated[str | None, typer.Option(help="PLOVER event type, e.g. ACCUSE.")] = None,
    source_actor: Annotated[str | None, typer.Option(
        help="Event source: actor code prefix (RUS, RUSGOV), entity name or text.")] = None,
    target_actor: Annotated[str | None, typer.Option(help="Event target, as --source-actor.")]
    = None,
    country: Annotated[str | None, typer.Option(help="ISO code or country name.")] = None,
    since: Annotated[str | None, typer.Option(help="From this date (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this date (YYYY[-MM[-DD]]).")] = None,
    entity_type: Annotated[str | None, typer.Option(
        "--type", help="Entity type, with --entities (PERSON, ORG, GPE...).")] = None,
    hide_duplicates: Annotated[bool, typer.Option(
        help="Leave out stories flagged as near duplicates of a stored story.")] = False,
    fmt: Annotated[str, typer.Option("--format", help="table or jsonl.")] = "table",
    limit: Annotated[int, typer.Option(help="Results per page (1-200).")] = 20,
    cursor: Annotated[str | None, typer.Option(help="The 'next' cursor of a previous page.")]
    = None,
) -> None:
    """Find stories (default), quotes, events or entities in the store."""
    from wiretag.store import Filters, Store

    kinds = [k for k, on in (("quotes", quotes), ("events", events), ("entities", entities)) if on]
    if len(kinds) > 1:
        fail(WiretagError("W505", "choose one of --quotes, --events, --entities"))
    if fmt not in ("table", "jsonl"):
        fail(WiretagError("W505", f"--format must be table or jsonl, not {fmt!r}"))
    if not Path(db).is_file():
        fail(WiretagError("W402", "no store at this path", path=db,
                          hint="Create one with: wiretag ingest FILE --db " + db))
    kind = kinds[0] if kinds else "stories"
    filters = Filters(q=query or None, speaker=speaker, entity=entity, event_type=event_type,
                      source_actor=source_actor, target_actor=target_actor, country=country,
                      since=since, until=until, type=entity_type,
                      hide_duplicates=hide_duplicates)
    try:
        with Store(db) as store:
            page = store.search(query or None, kind, filters=filters, limit=limit, cursor=cursor)
    except WiretagError as err:
        fail(err)
    if fmt == "jsonl":
        for item in page["items"]:
            typer.echo(json.dumps(item, ensure_ascii=False))
    else:
        _table(kind, page)
    if page["next"]:
        typer.echo(f"more: --cursor {page['next']}", err=True)


def _table(kind: str, page: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{page['total']} {kind}", title_justify="left")
    for header, _ in COLUMNS[kind]:
        table.add_column(header, overflow="fold")
    for item in page["items"]:
        table.add_row(*["" if (v := get(item)) is None else str(v) for _, get in COLUMNS[kind]])
    # markup=False: story text must never be read as rich markup
    Console().print(table, markup=False, highlight=False)
