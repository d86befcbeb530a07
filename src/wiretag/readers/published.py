"""Publication dates as inputs give them, normalised to ISO 8601."""

from __future__ import annotations

import re
import time
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

__all__ = ["from_struct_time", "normalize_published"]

_ISO = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")


def normalize_published(value: str | None) -> str | None:
    """An ISO 8601 date(-time) for ``value``: ISO strings are kept as given, RFC 2822
    dates (RSS, e-mail, HTTP) converted; anything unreadable becomes None."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    if _ISO.match(value):
        return value
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.isoformat()


def from_struct_time(value: time.struct_time | None) -> str | None:
    """feedparser's parsed dates are UTC ``struct_time``s."""
    if value is None:
        return None
    return datetime(*value[:6], tzinfo=timezone.utc).isoformat().replace("+00:00", "Z")
