"""One declarative table of settings: the CLI help, the docs and the config all come from it.

Each setting can also be given in the environment as ``WIRETAG_<NAME>`` (upper case).
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    help: str

    @property
    def env(self) -> str:
        return "WIRETAG_" + self.name.upper()

    def value(self) -> object:
        raw = os.environ.get(self.env)
        if raw is None:
            return self.default
        if isinstance(self.default, bool):
            return raw.lower() in ("1", "true", "yes", "on")
        if isinstance(self.default, int):
            return int(raw)
        return raw


SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in [
        Setting("model", None, "spaCy pipeline to use instead of the bundled one (name or path)."),
        Setting("max_bytes", 50_000_000, "Largest input file read, in bytes (W106 above)."),
        Setting("db", "wiretag.db", "Path of the SQLite store."),
        Setting("workers", 0, "Worker processes for batch analysis; 0 means one per core."),
        Setting("host", "127.0.0.1", "Address the HTTP server binds to."),
        Setting("port", 8000, "Port the HTTP server listens on."),
        Setting("max_request_bytes", 2_000_000, "Largest HTTP request body accepted, in bytes."),
        Setting("token", None, "Bearer token required by the HTTP API (none: open)."),
    ]
}


def get(name: str) -> object:
    return SETTINGS[name].value()
