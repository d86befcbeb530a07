"""The web UI under /ui: server-rendered pages (Jinja2, autoescaped) over the store, with
static CSS shipped in the package. Works offline: no CDN, no remote fonts or tiles."""

from __future__ import annotations

from wiretag.web.views import error_page, router, static_files, templates

__all__ = ["error_page", "router", "static_files", "templates"]
