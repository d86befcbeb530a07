"""The coded error catalogue.

Every error a user can cause has a code, a message naming the file (and line) and the
problem, and a hint saying what to do. Codes are stable: scripts may match on them.

Ranges:
    W1xx  reading input (files, encodings, records)
    W2xx  wire structure / story content
    W3xx  models and the NLP backbone
    W4xx  the store (SQLite)
    W5xx  the HTTP API
"""

from __future__ import annotations

from dataclasses import dataclass

#: code -> (short title, default hint). The CLI and docs are generated from this table.
CATALOGUE: dict[str, tuple[str, str]] = {
    "W101": ("file not found", "Check the path; directories are read recursively."),
    "W102": ("file is not readable", "Check the file's permissions."),
    "W103": ("file is empty", "Remove the file from the batch or give it content."),
    "W104": ("file looks binary", "Only text, HTML, RSS/Atom, JSON Lines and WARC files are read."),
    "W105": (
        "text could not be decoded",
        "Save the file as UTF-8, or pass --encoding with the file's encoding.",
    ),
    "W106": ("file is over the size limit", "Raise --max-bytes or split the file."),
    "W107": ("JSON Lines record is not valid JSON", "Fix or remove the line named."),
    "W108": (
        "JSON Lines record has no text",
        "Each record needs a non-empty 'text' (or 'html') string field.",
    ),
    "W109": ("record field has the wrong type", "Fix the field named in the message."),
    "W110": ("HTML page has no extractable main text", "Check that the page holds an article."),
    "W111": ("feed could not be parsed", "Check that the file is RSS or Atom XML."),
    "W112": ("WARC archive could not be read", "Check that the file is a (gzipped) WARC."),
    "W113": ("input format not recognised", "Pass --input-format to say what the file is."),
    "W114": ("feed item has no text", "The item carries neither content nor summary."),
    "W201": ("story is empty after removing boilerplate", "Check the input record."),
    "W202": ("story is not in English", "Only English stories are analysed for now."),
    "W203": (
        "story is too long for the NLP backbone",
        "Split the text into stories (one per file or JSON Lines record); a news story is "
        "rarely over 100,000 characters.",
    ),
    "W299": (
        "internal error while analysing a story",
        "This is a bug in wiretag: please report it with the story named.",
    ),
    "W301": ("model not found", "Install the spaCy pipeline, or omit --model for the bundled one."),
    "W302": (
        "model lacks a required component",
        "The pipeline needs a parser (or senter) and an ner component.",
    ),
    "W303": ("bundled model is missing from the installation", "Reinstall wiretag."),
    "W304": (
        "training/evaluation recipe not available",
        "Run from an editable install of the source checkout.",
    ),
    "W401": ("database is locked", "Another process is writing; retry, or use another --db."),
    "W402": ("database is not a wiretag store", "Pass a path to a wiretag store or a new file."),
    "W403": ("database schema is newer than this wiretag", "Upgrade wiretag."),
    "W404": ("Dask is not installed", "Install the extra: pip install 'wiretag[dask]'."),
    "W406": ("Dask scheduler cannot be reached", "Check the --scheduler address (tcp://host:port)."),
    "W501": ("request body too large", "Send smaller stories or raise --max-request-bytes."),
    "W502": ("request is malformed", "Send JSON with a 'text' field, or text/plain."),
    "W503": ("not found", "Check the identifier."),
    "W504": ("not authorised", "Send 'Authorization: Bearer <token>'."),
    "W505": ("invalid query parameter", "Check the parameter named."),
}


class WiretagError(Exception):
    """An error a user can act on: a stable code, a message, where it happened, a hint."""

    def __init__(
        self,
        code: str,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.path = path
        self.line = line
        self.hint = hint if hint is not None else CATALOGUE.get(code, ("", ""))[1]

    @property
    def where(self) -> str:
        if self.path is None:
            return ""
        return f"{self.path}:{self.line}" if self.line is not None else self.path

    def __str__(self) -> str:
        where = f"{self.where}: " if self.where else ""
        return f"[{self.code}] {where}{self.message}"

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "hint": self.hint,
        }


@dataclass(frozen=True)
class ReadError:
    """A record that could not become a Story. Readers yield these instead of raising,
    so one bad record never stops a batch."""

    error: WiretagError

    def __str__(self) -> str:
        return str(self.error)
