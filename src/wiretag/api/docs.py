"""/api/docs: the API reference rendered from the app's own OpenAPI schema, offline.

FastAPI's stock Swagger page fetches its JavaScript from a CDN, which breaks the promise
that everything works without network; this page is plain HTML made on the server.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

router = APIRouter(include_in_schema=False)


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    from wiretag.web.views import page

    return page(request, "api_docs.html", title="API", spec=request.app.openapi())
