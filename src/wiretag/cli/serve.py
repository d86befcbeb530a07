"""``wiretag serve``: the JSON API under /api and the web UI under /ui."""

from __future__ import annotations

import ipaddress
from typing import Annotated

import typer

from wiretag.cli import app
from wiretag.cli.ingest import fail
from wiretag.errors import WiretagError
from wiretag.settings import SETTINGS


def _default_int(name: str) -> int:
    value = SETTINGS[name].default
    assert isinstance(value, int)
    return value


@app.command("serve")
def serve_cli(
    db: Annotated[str, typer.Option(help=SETTINGS["db"].help)] = str(SETTINGS["db"].default),
    host: Annotated[str, typer.Option(help=SETTINGS["host"].help)] = str(
        SETTINGS["host"].default),
    port: Annotated[int, typer.Option(help=SETTINGS["port"].help)] = _default_int("port"),
    token: Annotated[str | None, typer.Option(
        help=SETTINGS["token"].help, envvar=SETTINGS["token"].env)] = None,
    max_request_bytes: Annotated[int, typer.Option(help=SETTINGS["max_request_bytes"].help)]
    = _default_int("max_request_bytes"),
    model: Annotated[str | None, typer.Option(
        help="spaCy pipeline for POST /api/analyze (default: the bundled one).")] = None,
) -> None:
    """Serve the store: JSON API under /api (docs at /api/docs), web UI under /ui."""
    import uvicorn

    from wiretag.api import create_app

    if not _loopback(host) and not token:
        typer.echo(f"warning: serving on {host} without --token: anyone who can reach it can "
                   "read the store", err=True)
    try:
        application = create_app(db, token=token, max_request_bytes=max_request_bytes,
                                 model=model)
    except WiretagError as err:
        fail(err)
    typer.echo(f"wiretag: web UI at http://{host}:{port}/ui, API docs at "
               f"http://{host}:{port}/api/docs", err=True)
    uvicorn.run(application, host=host, port=port, log_level="warning")


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
