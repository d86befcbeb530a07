"""``wiretag analyze``: stories in, ``wiretag/1`` JSON (or a table, or ninjs) out.

A thin wrapper: ``wiretag.readers.read_inputs`` reads, ``wiretag.pipeline.analyze_stream``
analyses, this module only renders and reports. Output follows input order; each input
that fails gets one coded line on stderr and the rest of the batch goes on.

Exit codes: 0 every input analysed, 1 some inputs failed, 2 usage errors (bad options,
a model that cannot be loaded).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import date
from enum import Enum
from typing import Any

import typer

from wiretag.cli import app
from wiretag.document import Document
from wiretag.errors import WiretagError
from wiretag.settings import SETTINGS

__all__ = ["analyze_cli", "format_error", "render_table", "skipped_note"]


class OutputFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    table = "table"
    ninjs = "ninjs"


class InputFormat(str, Enum):
    text = "text"
    jsonl = "jsonl"
    html = "html"
    feed = "feed"
    warc = "warc"


def format_error(err: WiretagError) -> str:
    """One stderr line: ``wiretag: [W107] path:3: message — hint``."""
    hint = f" — {err.hint}" if err.hint else ""
    return f"wiretag: {err}{hint}"


def skipped_note(skipped: list[str], shown: int = 3) -> str:
    """One stderr line naming the files a directory walk left out (no known format)."""
    names = ", ".join(skipped[:shown]) + (f" and {len(skipped) - shown} more"
                                         if len(skipped) > shown else "")
    one = len(skipped) == 1
    return (f"wiretag: {len(skipped)} file{'' if one else 's'} in the directories given "
            f"not read, {'its name' if one else 'their names'} announcing no known format: "
            f"{names} — --include GLOB reads {'it' if one else 'them'}")


def _parse_today(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form",
                                 param_hint="--today") from exc


@app.command("analyze")
def analyze_cli(
    inputs: list[str] = typer.Argument(  # noqa: B008 (Typer declares options this way)
        ..., metavar="FILE|DIR|-",
        help="Files or directories to read (directories recursively); '-' reads stdin.",
    ),
    output_format: OutputFormat = typer.Option(  # noqa: B008
        OutputFormat.json, "--format", "-f",
        help="json: one object (JSON Lines for several stories); jsonl: always JSON Lines; "
        "table: a readable summary; ninjs: IPTC ninjs 2.0.",
    ),
    model: str | None = typer.Option(
        None, "--model", envvar=SETTINGS["model"].env, help=SETTINGS["model"].help
    ),
    include: list[str] = typer.Option(  # noqa: B008
        [], "--include", help="Glob of files to read inside directories (repeatable)."
    ),
    exclude: list[str] = typer.Option(  # noqa: B008
        [], "--exclude", help="Glob of files to skip inside directories (repeatable)."
    ),
    max_bytes: int = typer.Option(
        int(str(SETTINGS["max_bytes"].value())), "--max-bytes", min=1,
        help=SETTINGS["max_bytes"].help,
    ),
    encoding: str | None = typer.Option(
        None, "--encoding", help="Encoding of the input files (default: detect; UTF-8 first)."
    ),
    input_format: InputFormat | None = typer.Option(  # noqa: B008
        None, "--input-format", help="Read every input as this format instead of sniffing it."
    ),
    today: str | None = typer.Option(
        None, "--today", metavar="YYYY-MM-DD",
        help="The date year inference treats as today (default: the real today).",
    ),
) -> None:
    """Analyse news stories and print them as wiretag/1 JSON."""
    import wiretag
    from wiretag.pipeline import analyze_stream
    from wiretag.readers import read_inputs

    the_day = _parse_today(today)
    try:
        nlp = wiretag.load(model)
    except WiretagError as err:
        typer.echo(format_error(err), err=True)
        raise typer.Exit(2) from None
    skipped: list[str] = []
    stories = read_inputs(
        inputs, include=include, exclude=exclude, max_bytes=max_bytes, encoding=encoding,
        input_format=input_format.value if input_format is not None else None,
        skipped=skipped,
    )
    results = analyze_stream(stories, nlp, today=the_day)
    try:
        analysed, failed = _emit(results, output_format)
    except BrokenPipeError:
        # the reader of our output went away (`| head`): stop quietly, like other Unix tools
        sys.stderr.close()
        raise typer.Exit(1) from None
    if skipped:
        typer.echo(skipped_note(skipped), err=True)
    if analysed + failed > 1:
        typer.echo(f"wiretag: {analysed} stories analysed, {failed} failed", err=True)
    if analysed + failed == 0:
        typer.echo("wiretag: no stories found in the inputs given", err=True)
        raise typer.Exit(1)
    raise typer.Exit(1 if failed else 0)


def _emit(results: Iterator[Document | WiretagError], fmt: OutputFormat) -> tuple[int, int]:
    """Print results in order; return (analysed, failed) counts.

    For json and ninjs a lone story prints as one indented object and several as JSON
    Lines, so the first result is held back until we know whether a second follows.
    """
    analysed = failed = 0
    held: Document | None = None
    for item in results:
        if isinstance(item, WiretagError):
            failed += 1
            typer.echo(format_error(item), err=True)
            continue
        analysed += 1
        for warning in item.warnings:
            typer.echo(f"wiretag: warning {warning}", err=True)
        if fmt is OutputFormat.table:
            typer.echo(render_table(item))
        elif fmt is OutputFormat.jsonl:
            _print_json(item, fmt, indent=None)
        elif analysed == 1:
            held = item
        else:
            if held is not None:
                _print_json(held, fmt, indent=None)
                held = None
            _print_json(item, fmt, indent=None)
    if held is not None:
        _print_json(held, fmt, indent=2)
    sys.stdout.flush()
    return analysed, failed


def _print_json(document: Document, fmt: OutputFormat, *, indent: int | None) -> None:
    data: dict[str, Any]
    if fmt is OutputFormat.ninjs:
        from wiretag.ninjs import to_ninjs

        data = to_ninjs(document)
    else:
        data = document.to_dict()
    typer.echo(json.dumps(data, ensure_ascii=False, indent=indent))


def _where(document: Document) -> str:
    ref = document.input
    where = ref.path or "<text>"
    if ref.line is not None:
        where += f":{ref.line}"
    if ref.id:
        where += f" (id {ref.id})"
    return where


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render_table(document: Document) -> str:
    """A readable summary of one analysed story: structure, then counts and lists."""
    lines = [f"== {_where(document)}  [{document.id[:12]}]"]
    if document.headline:
        lines.append(f"headline:   {_short(document.headline)}")
    dl = document.dateline
    if dl is not None:
        date_note = dl.date or "—"
        if dl.date and dl.year_inferred:
            date_note += " (year inferred)"
        lines.append(f"dateline:   {dl.text!r}  place {dl.place or '—'} · agency "
                     f"{dl.agency or '—'} · date {date_note}")
    else:
        lines.append("dateline:   —")
    lines.append(f"language:   {document.language or '—'}   agency: "
                 f"{document.source.agency or '—'}   published: {document.published or '—'}")
    if document.credits:
        by_role: dict[str, list[str]] = {}
        for c in document.credits:
            by_role.setdefault(c.role, []).append(c.name)
        lines.append("credits:    " + "; ".join(f"{r}: {', '.join(n)}" for r, n in by_role.items()))
    if document.tags:
        lines.append("tags:       " + " ".join(document.tags))
    if document.boilerplate:
        lines.append("boilerplate: " + ", ".join(b.kind for b in document.boilerplate))
    lines.append(f"sentences:  {len(document.sentences)}")
    lines.append(f"entities ({len(document.entities)}):")
    for e in document.entities:
        extra = f" [{e.country}]" if e.country else ""
        lines.append(f"  {e.type:<6} {e.name}{extra} ×{len(e.mentions)}")
    lines.append(f"quotes ({len(document.quotes)}):")
    names = {e.id: e.name for e in document.entities}
    for q in document.quotes:
        who = "?"
        if q.speaker is not None:
            who = names.get(q.speaker.entity or "", q.speaker.text)
        lines.append(f"  {q.kind:<8} {who}: {_short(q.text, 80)}")
    lines.append(f"events ({len(document.events)}):")
    for v in document.events:
        src = v.source.text if v.source is not None else "?"
        tgt = v.target.text if v.target is not None else "?"
        lines.append(f"  {v.type or '—':<9} {src} → {tgt}  ({v.trigger.text}, {v.modality})")
    if document.topics:
        lines.append("topics:     " + ", ".join(f"{t.label} ({t.score:.2f})"
                                                for t in document.topics))
    if document.tone is not None:
        lines.append(f"tone:       polarity {document.tone.polarity:+.2f}")
    return "\n".join(lines) + "\n"
