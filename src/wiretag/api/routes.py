"""JSON endpoints under /api: thin wrappers over ``Store`` queries and ``analyze_story``."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from starlette.concurrency import run_in_threadpool

from wiretag.api.app import state_of
from wiretag.errors import WiretagError
from wiretag.store import Filters, Store
from wiretag.story import Story

router = APIRouter(prefix="/api")

Text = Annotated[str | None, Query(max_length=500)]


def filters(
    q: Annotated[str | None, Query(max_length=500, description="Words or \"phrases\".")] = None,
    speaker: Text = None,
    entity: Text = None,
    event_type: Annotated[str | None, Query(max_length=40, description="e.g. ACCUSE")] = None,
    source_actor: Text = None,
    target_actor: Text = None,
    country: Annotated[str | None, Query(max_length=60, description="ISO code or name")] = None,
    since: Annotated[str | None, Query(max_length=10, description="YYYY[-MM[-DD]]")] = None,
    until: Annotated[str | None, Query(max_length=10, description="YYYY[-MM[-DD]]")] = None,
    hide_duplicates: Annotated[bool, Query(
        description="Leave out stories flagged as near duplicates of an earlier story")] = False,
) -> Filters:
    return Filters(q=q, speaker=speaker, entity=entity, event_type=event_type,
                   source_actor=source_actor, target_actor=target_actor, country=country,
                   since=since, until=until, hide_duplicates=hide_duplicates)


def store(request: Request) -> Store:
    return state_of(request).store()


Limit = Annotated[int, Query(ge=1, le=200, description="Items per page.")]
Cursor = Annotated[str | None, Query(max_length=200, description="`next` of the last page.")]
FiltersDep = Annotated[Filters, Depends(filters)]
StoreDep = Annotated[Store, Depends(store)]
Page = dict[str, Any]


@router.get("/stories", summary="Stories, newest first (best match first with q)")
def list_stories(s: StoreDep, f: FiltersDep, limit: Limit = 20, cursor: Cursor = None) -> Page:
    return s.stories(f, limit=limit, cursor=cursor)


@router.get("/stories/{story_id}", summary="The stored wiretag/1 document of a story")
def get_story(s: StoreDep,
              story_id: Annotated[str, Path(max_length=64, pattern="^[0-9a-f]+$")]) -> Any:
    found = s.story(story_id)
    if found is None:
        raise WiretagError("W503", f"no story {story_id!r} in the store")
    return found["document"]


@router.get("/entities", summary="Entities, most widely reported first")
def list_entities(
    s: StoreDep, f: FiltersDep, limit: Limit = 20, cursor: Cursor = None,
    type: Annotated[str | None, Query(max_length=10, description="PERSON, ORG, GPE...")] = None,
) -> Page:
    return s.entities(Filters(**{**f.__dict__, "type": type}), limit=limit, cursor=cursor)


@router.get("/entities/{entity_id}",
            summary="An entity: mentions, quotes by and about it, events, timeline, network")
def get_entity(s: StoreDep,
               entity_id: Annotated[str, Path(max_length=64, pattern="^[0-9a-f]+$")]) -> Any:
    found = s.entity(entity_id)
    if found is None:
        raise WiretagError("W503", f"no entity {entity_id!r} in the store")
    return found


@router.get("/clusters", summary="Story clusters, latest first")
def list_clusters(
    s: StoreDep, f: FiltersDep, limit: Limit = 20, cursor: Cursor = None,
    min_size: Annotated[int, Query(ge=1, le=10_000, description="Least stories in a cluster")]
    = 1,
) -> Page:
    return s.clusters(f, min_size=min_size, limit=limit, cursor=cursor)


@router.get("/clusters/{cluster_id}",
            summary="A story cluster: its stories by date, top entities, timeline")
def get_cluster(s: StoreDep,
                cluster_id: Annotated[str, Path(max_length=64, pattern="^[0-9a-f]+$")]) -> Any:
    found = s.cluster_detail(cluster_id)
    if found is None:
        raise WiretagError("W503", f"no cluster {cluster_id!r} in the store")
    return found


@router.get("/quotes", summary="Quotes, newest first (best match first with q)")
def list_quotes(s: StoreDep, f: FiltersDep, limit: Limit = 20, cursor: Cursor = None) -> Page:
    return s.quotes(f, limit=limit, cursor=cursor)


@router.get("/events", summary="Events, newest first")
def list_events(s: StoreDep, f: FiltersDep, limit: Limit = 20, cursor: Cursor = None) -> Page:
    return s.events(f, limit=limit, cursor=cursor)


STORY_FIELDS = ("headline", "url", "published", "source", "language", "id", "byline")


@router.post(
    "/analyze",
    summary="Analyse one story (text/plain, or JSON with 'text') into wiretag/1",
    openapi_extra={"requestBody": {"required": True, "content": {
        "text/plain": {"schema": {"type": "string"}},
        "application/json": {"schema": {"type": "object", "required": ["text"], "properties": {
            "text": {"type": "string"}, **{k: {"type": "string"} for k in STORY_FIELDS}}}},
    }}},
)
async def analyze(request: Request) -> Any:
    state = state_of(request)
    body = await _read_limited(request, state.max_request_bytes)
    story = _story_from(body, request.headers.get("content-type", ""))

    def run() -> dict[str, Any]:
        from wiretag.pipeline import analyze_story

        return analyze_story(story, state.nlp()).to_dict()

    return await run_in_threadpool(run)


async def _read_limited(request: Request, limit: int) -> bytes:
    # Content-Length was checked by the middleware; a chunked body is counted as it comes
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise WiretagError("W501", f"request body is over the limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _story_from(body: bytes, content_type: str) -> Story:
    try:
        raw = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise WiretagError("W502", "request body is not UTF-8") from exc
    if content_type.split(";")[0].strip().lower() == "application/json":
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise WiretagError("W502", f"body is not valid JSON: {exc.msg}") from exc
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise WiretagError("W502", "JSON body needs a 'text' string field")
        for key in STORY_FIELDS:
            if data.get(key) is not None and not isinstance(data[key], str):
                raise WiretagError("W502", f"field {key!r} must be a string")
        fields = {k: data.get(k) for k in STORY_FIELDS}
        raw = data["text"]
    else:
        fields = {}
    if not raw.strip():
        raise WiretagError("W502", "the story text is empty")
    return Story(text=raw, format="api", **fields)
