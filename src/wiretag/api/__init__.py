"""The HTTP API: FastAPI JSON endpoints under /api, the web UI under /ui.

    from wiretag.api import create_app
    app = create_app("wiretag.db", token=None)   # serve with uvicorn
"""

from __future__ import annotations

from wiretag.api.app import create_app

__all__ = ["create_app"]
