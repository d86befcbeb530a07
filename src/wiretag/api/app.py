"""The FastAPI application: JSON API under /api, web UI under /ui, one SQLite store.

Errors a client can cause are 4xx answers with a coded body
``{"error": {"code", "message", "hint", ...}}`` — never a 5xx. The server binds to
127.0.0.1 unless told otherwise; with a token, every /api and /ui request needs it
(``Authorization: Bearer <token>``; a browser may open ``/ui?token=<token>`` once, which
sets a cookie).
"""

from __future__ import annotations

import hmac
import threading
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

import wiretag
from wiretag.errors import CATALOGUE, WiretagError
from wiretag.settings import SETTINGS
from wiretag.store import Store

if TYPE_CHECKING:
    from spacy.language import Language

#: HTTP status for each code a request can end with
STATUS = {
    "W401": 503, "W402": 500, "W403": 500, "W301": 503, "W303": 503,
    "W501": 413, "W502": 400, "W503": 404, "W504": 401, "W505": 400,
}
TOKEN_COOKIE = "wiretag_token"


def error_response(err: WiretagError, status: int | None = None) -> JSONResponse:
    code = status or STATUS.get(err.code, 400)
    headers = {"WWW-Authenticate": "Bearer"} if err.code == "W504" else None
    return JSONResponse({"error": err.to_dict()}, status_code=code, headers=headers)


class AppState:
    """What request handlers share: the store path (one connection per worker thread) and
    the NLP backbone for /api/analyze, loaded on first use."""

    def __init__(self, db_path: Path, token: str | None, max_request_bytes: int,
                 model: str | None) -> None:
        self.db_path = db_path
        self.token = token
        self.max_request_bytes = max_request_bytes
        self.model = model
        self._local = threading.local()
        self._nlp_lock = threading.Lock()

    def store(self) -> Store:
        # sqlite3 connections are cheap but not free; FastAPI runs sync handlers on a
        # thread pool, so each thread keeps its own
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = Store(self.db_path)
            self._local.store = store
        return store

    def nlp(self) -> Language:
        from wiretag.nlp import load_backbone

        with self._nlp_lock:
            return load_backbone(self.model)


def create_app(
    db_path: str | Path,
    *,
    token: str | None = None,
    max_request_bytes: int | None = None,
    model: str | None = None,
) -> FastAPI:
    """The wiretag HTTP application over the store at ``db_path`` (created when missing).

    Raises ``WiretagError`` (W401/W402/W403) at once when the store cannot be used.
    """
    from wiretag.api.docs import router as docs_router
    from wiretag.api.routes import router as api_router
    from wiretag.web import router as web_router
    from wiretag.web import static_files

    limit = max_request_bytes
    if limit is None:
        default = SETTINGS["max_request_bytes"].value()
        assert isinstance(default, int)
        limit = default
    Store(db_path).close()  # fail fast: migrate, or refuse a foreign/newer file
    state = AppState(Path(db_path), token, limit, model)

    app = FastAPI(
        title="wiretag",
        version=wiretag.__version__,
        description="Stories, entities, quotes and events from a wiretag store. Every list "
        "answers {total, items, next}; pass `next` back as `cursor` for the next page.",
        openapi_url="/api/openapi.json",
        # the stock Swagger page loads its scripts from a CDN; ours is served offline
        docs_url=None,
        redoc_url=None,
    )
    app.state.wiretag = state
    app.include_router(api_router)
    app.include_router(docs_router)
    app.include_router(web_router)
    app.mount("/ui/static", static_files(), name="static")

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/ui")

    @app.exception_handler(WiretagError)
    async def on_wiretag_error(request: Request, err: WiretagError) -> Response:
        return _error_for(request, err)

    @app.exception_handler(RequestValidationError)
    async def on_validation_error(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}"
            for e in exc.errors())
        in_body = any(e.get("loc", ("",))[0] == "body" for e in exc.errors())
        return _error_for(request, WiretagError("W502" if in_body else "W505", problems))

    @app.exception_handler(StarletteHTTPException)
    async def on_http_error(request: Request, exc: StarletteHTTPException) -> Response:
        code = "W503" if exc.status_code == 404 else "W502"
        message = CATALOGUE[code][0] if exc.status_code == 404 else str(exc.detail)
        return _error_for(request, WiretagError(code, message), exc.status_code)

    @app.middleware("http")
    async def guard(request: Request,
                    call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        length = request.headers.get("content-length")
        if length is not None:
            if not length.isdigit():
                return error_response(WiretagError("W502", "invalid Content-Length header"))
            if int(length) > state.max_request_bytes:
                return error_response(WiretagError(
                    "W501", f"request body is {length} bytes; the limit is "
                    f"{state.max_request_bytes}"))
        if state.token is not None and request.url.path.startswith(("/api", "/ui")):
            given = _token_of(request)
            in_query = request.query_params.get("token")
            if request.url.path.startswith("/ui") and in_query and _same(in_query, state.token):
                # swap the token in the address for a cookie, so it leaves the URL bar
                redirect = RedirectResponse(request.url.remove_query_params("token").path)
                redirect.set_cookie(TOKEN_COOKIE, state.token, httponly=True, samesite="strict")
                return redirect
            if given is None or not _same(given, state.token):
                return error_response(WiretagError("W504", "missing or wrong bearer token"))
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        if request.url.path.startswith("/ui"):
            # defence in depth: even if some markup slipped through, no script or remote
            # resource from story text would run or load
            response.headers.setdefault(
                "Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                " object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
        return response

    return app


def _token_of(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return request.cookies.get(TOKEN_COOKIE)


def _same(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode(), expected.encode())


def _error_for(request: Request, err: WiretagError, status: int | None = None) -> Response:
    if request.url.path.startswith("/ui"):
        from wiretag.web import error_page

        return error_page(request, err, status or STATUS.get(err.code, 400))
    return error_response(err, status)


def state_of(request: Request) -> AppState:
    state: Any = request.app.state.wiretag
    assert isinstance(state, AppState)
    return state
