"""Pages of the web UI: home, search, story, entity, quotes, events, story clusters."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from wiretag.api.app import state_of
from wiretag.errors import WiretagError
from wiretag.store import Filters
from wiretag.web import svg
from wiretag.web.highlight import render, story_spans

HERE = Path(__file__).resolve().parent
router = APIRouter(prefix="/ui", include_in_schema=False)

KIND_LABELS = {"stories": "Stories", "quotes": "Quotes", "events": "Events",
               "entities": "Entities"}
FILTER_FIELDS = ("speaker", "entity", "event_type", "source_actor", "target_actor", "country",
                 "since", "until")


@lru_cache(maxsize=1)
def templates() -> Jinja2Templates:
    # autoescape everywhere: story text, names and quotes are untrusted input
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True)
    return Jinja2Templates(env=env)


def static_files() -> StaticFiles:
    return StaticFiles(directory=HERE / "static")


def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return templates().TemplateResponse(request, name, context, status_code=status)


def error_page(request: Request, err: WiretagError, status: int) -> Response:
    return page(request, "error.html", status, error=err, title=f"Error {err.code}")


Text = Annotated[str | None, Query(max_length=500)]


def _filters(q: str | None, values: dict[str, str | None]) -> Filters:
    chosen: dict[str, Any] = {k: v for k, v in values.items() if k in FILTER_FIELDS}
    return Filters(q=q, **chosen)


@router.get("", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    store = state_of(request).store()
    counts = {kind: store.search(None, kind, limit=1)["total"] for kind in KIND_LABELS}
    return page(request, "home.html", title="wiretag", counts=counts,
                stories=store.stories(limit=12)["items"],
                people=store.entities(Filters(type="PERSON"), limit=12)["items"],
                places=store.entities(Filters(type="GPE"), limit=8)["items"],
                orgs=store.entities(Filters(type="ORG"), limit=8)["items"])


def _list_page(request: Request, kind: str, q: str | None, limit: int, cursor: str | None,
               template: str, title: str, **values: str | None) -> HTMLResponse:
    store = state_of(request).store()
    filters = _filters(q, values)
    if kind == "entities":
        filters = Filters(**{**filters.__dict__, "type": values.get("type")})
    result = store.search(q, kind, filters=filters, limit=limit, cursor=cursor)
    params = {k: v for k, v in {"q": q, "kind": kind, **values}.items() if v}
    return page(request, template, title=title, kind=kind, q=q or "", result=result,
                params=params, kinds=KIND_LABELS, fields=FILTER_FIELDS)


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request, q: Text = None, kind: Annotated[str, Query(max_length=10)] = "stories",
    speaker: Text = None, entity: Text = None, event_type: Text = None,
    source_actor: Text = None, target_actor: Text = None, country: Text = None,
    since: Text = None, until: Text = None, type: Text = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 25, cursor: Text = None,
) -> HTMLResponse:
    if kind not in KIND_LABELS:
        raise WiretagError("W505", f"kind must be one of {', '.join(KIND_LABELS)}")
    return _list_page(request, kind, q, limit, cursor, "search.html", "Search",
                      speaker=speaker, entity=entity, event_type=event_type,
                      source_actor=source_actor, target_actor=target_actor, country=country,
                      since=since, until=until, type=type)


@router.get("/quotes", response_class=HTMLResponse)
def quotes(
    request: Request, q: Text = None, speaker: Text = None, entity: Text = None,
    country: Text = None, since: Text = None, until: Text = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 25, cursor: Text = None,
) -> HTMLResponse:
    return _list_page(request, "quotes", q, limit, cursor, "quotes.html", "Quotes",
                      speaker=speaker, entity=entity, country=country, since=since, until=until)


@router.get("/events", response_class=HTMLResponse)
def events(
    request: Request, q: Text = None, event_type: Text = None, entity: Text = None,
    source_actor: Text = None, target_actor: Text = None, country: Text = None,
    since: Text = None, until: Text = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 25, cursor: Text = None,
) -> HTMLResponse:
    return _list_page(request, "events", q, limit, cursor, "events.html", "Events",
                      event_type=event_type, entity=entity, source_actor=source_actor,
                      target_actor=target_actor, country=country, since=since, until=until)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, story_id: str) -> HTMLResponse:
    found = state_of(request).store().story(story_id[:64])
    if found is None:
        raise WiretagError("W503", "no such story in the store")
    doc = found["document"]
    body = render(doc["text"], story_spans(doc, found["entities"]))
    names = {e["id"]: e["name"] for e in doc["entities"]}
    return page(request, "story.html", title=doc.get("headline") or "Story", doc=doc,
                body=body, links=found["entities"], names=names, cluster=found["cluster"],
                original=found["duplicate_of"], copies=found["duplicates"])


@router.get("/clusters", response_class=HTMLResponse)
def clusters(
    request: Request, q: Text = None, entity: Text = None, since: Text = None,
    until: Text = None, min_size: Annotated[int, Query(ge=1, le=10_000)] = 2,
    limit: Annotated[int, Query(ge=1, le=200)] = 25, cursor: Text = None,
) -> HTMLResponse:
    store = state_of(request).store()
    filters = Filters(q=q, entity=entity, since=since, until=until)
    result = store.clusters(filters, min_size=min_size, limit=limit, cursor=cursor)
    params = {k: v for k, v in {"q": q, "entity": entity, "since": since, "until": until,
                                "min_size": str(min_size)}.items() if v}
    return page(request, "clusters.html", title="Story clusters", q=q or "", result=result,
                params=params, min_size=min_size, entity=entity or "", since=since or "",
                until=until or "")


@router.get("/clusters/{cluster_id}", response_class=HTMLResponse)
def cluster(request: Request, cluster_id: str) -> HTMLResponse:
    found = state_of(request).store().cluster_detail(cluster_id[:64])
    if found is None:
        raise WiretagError("W503", "no such story cluster in the store")
    return page(request, "cluster.html", title=found["headline"] or "Story cluster", c=found,
                timeline=svg.timeline(found["timeline"], caption="stories per day (bars)"
                                      " · quotes in them (dots)"))


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity(request: Request, entity_id: str) -> HTMLResponse:
    found = state_of(request).store().entity(entity_id[:64])
    if found is None:
        raise WiretagError("W503", "no such entity in the store")
    return page(request, "entity.html", title=found["name"], e=found,
                timeline=svg.timeline(found["timeline"]),
                network=svg.network(found["network"], found["id"]))
