"""The JSON API through HTTP (Starlette's TestClient) over a real SQLite file."""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from wiretag.api import create_app
from wiretag.errors import WiretagError
from wiretag.samples import examples

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # see conftest: starlette's TestClient deprecation notice
    from starlette.testclient import TestClient

LISTS = ["/api/stories", "/api/entities", "/api/quotes", "/api/events", "/api/clusters"]


def error_code(response: Any) -> str:
    return str(response.json()["error"]["code"])


@pytest.mark.parametrize("path", LISTS)
def test_api_lists_have_the_page_shape_and_paginate(client: TestClient, path: str) -> None:
    first = client.get(path).json()
    assert set(first) == {"total", "items", "next"}
    assert first["next"] is None and len(first["items"]) == first["total"] > 0
    seen: list[Any] = []
    cursor = None
    while True:
        params = {"limit": 1} | ({"cursor": cursor} if cursor else {})
        page = client.get(path, params=params).json()
        assert set(page) == {"total", "items", "next"} and len(page["items"]) == 1
        seen += page["items"]
        cursor = page["next"]
        if cursor is None:
            break
    assert len(seen) == first["total"]
    assert [json.dumps(i, sort_keys=True) for i in seen] == \
        [json.dumps(i, sort_keys=True) for i in first["items"]]


@pytest.mark.parametrize(
    ("path", "params", "total"),
    [
        ("/api/stories", {"q": "mackerel"}, 1),
        ("/api/stories", {"country": "FRO"}, 2),
        ("/api/stories", {"entity": "Kristian Moe", "since": "2025-03-04"}, 1),
        ("/api/quotes", {"speaker": "Moe"}, 1),
        ("/api/quotes", {"q": "science"}, 1),
        ("/api/events", {"event_type": "accuse"}, 1),
        ("/api/events", {"source_actor": "IGO"}, 1),
        ("/api/events", {"target_actor": "FRO"}, 1),
        ("/api/entities", {"type": "PERSON"}, 2),
        ("/api/entities", {"country": "Norway"}, 3),
    ],
)
def test_api_filters(client: TestClient, path: str, params: dict[str, str], total: int) -> None:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    assert response.json()["total"] == total


def test_api_story_is_the_stored_document(client: TestClient) -> None:
    doc = examples()[0]
    response = client.get(f"/api/stories/{doc.id}")
    assert response.status_code == 200
    assert response.json() == doc.to_dict()


def test_api_entity_detail(client: TestClient) -> None:
    moe = client.get("/api/entities", params={"q": "Moe"}).json()["items"][0]
    detail = client.get(f"/api/entities/{moe['id']}").json()
    assert detail["name"] == "Kristian Moe" and detail["stories"] == 2
    assert detail["quotes_by"]["items"][0]["text"] == "The quota they set is reckless,"
    assert {"mentions_list", "quotes_about", "events_as_source", "events_as_target",
            "timeline", "network"} <= set(detail)


@pytest.mark.parametrize(
    ("path", "status", "code"),
    [
        ("/api/stories/" + "0" * 64, 404, "W503"),
        ("/api/entities/0000000000000000", 404, "W503"),
        ("/api/stories/not-hex", 400, "W505"),
        ("/api/stories?since=last-week", 400, "W505"),
        ("/api/stories?until=2025-02-30", 400, "W505"),
        ("/api/stories?limit=0", 400, "W505"),
        ("/api/stories?limit=100000", 400, "W505"),
        ("/api/stories?limit=ten", 400, "W505"),
        ("/api/stories?cursor=abc", 400, "W505"),
        ("/api/stories?country=Atlantis", 400, "W505"),
        ("/api/stories?q=" + "x" * 600, 400, "W505"),
        ("/api/nowhere", 404, "W503"),
    ],
)
def test_api_bad_requests_are_coded_4xx(client: TestClient, path: str, status: int,
                                        code: str) -> None:
    response = client.get(path)
    assert response.status_code == status, response.text
    assert error_code(response) == code


def test_api_cursor_of_another_query_is_refused(client: TestClient) -> None:
    cursor = client.get("/api/entities", params={"limit": 1}).json()["next"]
    response = client.get("/api/entities", params={"limit": 1, "type": "GPE", "cursor": cursor})
    assert response.status_code == 400 and error_code(response) == "W505"


@pytest.mark.parametrize(
    "query", ["'; DROP TABLE stories; --", "mackerel\" OR \"1\"=\"1", "NEAR(x y", "headline:*",
              "%' OR '1'='1", "\\", "\x00"],
)
def test_api_search_input_cannot_inject_sql(client: TestClient, query: str) -> None:
    for path in LISTS:
        for key in ("q", "speaker", "entity", "source_actor"):
            response = client.get(path, params={key: query})
            assert response.status_code == 200, (path, key, response.text)
    assert client.get("/api/stories").json()["total"] == 3


def test_api_analyze_text_and_json(db: Path, tiny_model: str) -> None:
    text = ('OSLO, March 3 (Reuters) - Norway accused the Faroe Islands of overfishing. '
            '"It is reckless," Kristian Moe said.')
    with TestClient(create_app(db, model=tiny_model)) as client:
        plain = client.post("/api/analyze", content=text.encode(),
                            headers={"content-type": "text/plain"})
        assert plain.status_code == 200, plain.text
        assert plain.json()["schema"] == "wiretag/1"
        assert plain.json()["dateline"]["text"] == "OSLO, March 3 (Reuters)"
        as_json = client.post("/api/analyze", json={"text": text, "headline": "H",
                                                    "published": "2025-03-03"})
        assert as_json.status_code == 200
        assert as_json.json()["headline"] == "H"
        assert as_json.json()["id"] == plain.json()["id"]


@pytest.mark.parametrize(
    ("body", "content_type", "code"),
    [
        (b"{not json", "application/json", "W502"),
        (b'{"headline": "no text"}', "application/json", "W502"),
        (b'["text"]', "application/json", "W502"),
        (b'{"text": "x", "headline": 5}', "application/json", "W502"),
        (b"   ", "text/plain", "W502"),
        (b"\xff\xfe\x00bad", "text/plain", "W502"),
    ],
)
def test_api_analyze_malformed_is_400(client: TestClient, body: bytes, content_type: str,
                                      code: str) -> None:
    response = client.post("/api/analyze", content=body, headers={"content-type": content_type})
    assert response.status_code == 400, response.text
    assert error_code(response) == code


def test_api_oversized_requests_get_413(client: TestClient) -> None:
    big = b"x" * 20_000  # the fixture's limit is 10,000 bytes
    response = client.post("/api/analyze", content=big, headers={"content-type": "text/plain"})
    assert response.status_code == 413 and error_code(response) == "W501"

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it streams
        for _ in range(20):
            yield b"y" * 1000

    response = client.post("/api/analyze", content=chunks(),
                           headers={"content-type": "text/plain"})
    assert response.status_code == 413 and error_code(response) == "W501"


def test_api_wrong_method_is_4xx(client: TestClient) -> None:
    response = client.delete("/api/stories")
    assert response.status_code == 405
    assert error_code(response) == "W502"


def test_api_token(db: Path) -> None:
    with TestClient(create_app(db, token="s3cret")) as client:
        response = client.get("/api/stories")
        assert response.status_code == 401 and error_code(response) == "W504"
        bad = client.get("/api/stories", headers={"Authorization": "Bearer nope"})
        assert bad.status_code == 401
        ok = client.get("/api/stories", headers={"Authorization": "Bearer s3cret"})
        assert ok.status_code == 200 and ok.json()["total"] == 3
        assert client.get("/ui").status_code == 401
        # a browser opens /ui?token=… once; the token moves into an HttpOnly cookie
        login = client.get("/ui?token=s3cret", follow_redirects=False)
        assert login.status_code == 307 and "token" not in login.headers["location"]
        assert client.get("/ui").status_code == 200


def test_api_openapi_and_offline_docs(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    assert {"/api/stories", "/api/stories/{story_id}", "/api/entities",
            "/api/entities/{entity_id}", "/api/quotes", "/api/events",
            "/api/analyze"} <= set(spec["paths"])
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and "/api/quotes" in docs.text
    assert "cdn" not in docs.text.lower() and 'src="http' not in docs.text


def test_api_root_redirects_to_ui(client: TestClient) -> None:
    response = client.get("/", follow_redirects=False)
    assert response.status_code in (302, 307) and response.headers["location"] == "/ui"


def test_api_refuses_a_foreign_database(tmp_path: Path) -> None:
    path = tmp_path / "foreign.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises(WiretagError) as err:
        create_app(path)
    assert err.value.code == "W402"


def test_api_clusters_and_cluster_detail(client: TestClient) -> None:
    ids = {d.id for d in examples()}
    page = client.get("/api/clusters").json()
    members: list[str] = []
    for item in page["items"]:
        detail = client.get(f"/api/clusters/{item['id']}").json()
        assert detail["size"] == len(detail["stories"]) == item["size"]
        dates = [s["date"] for s in detail["stories"]]
        assert dates == sorted(dates) and detail["top_entities"]
        assert sum(t["stories"] for t in detail["timeline"]) == detail["size"]
        members += [s["id"] for s in detail["stories"]]
    # every story is in exactly one cluster
    assert sorted(members) == sorted(ids)
    assert client.get("/api/clusters", params={"q": "trawlers"}).json()["total"] == 1
    big = client.get("/api/clusters", params={"min_size": 2}).json()
    assert all(c["size"] >= 2 for c in big["items"])
    missing = client.get("/api/clusters/" + "0" * 16)
    assert missing.status_code == 404 and error_code(missing) == "W503"
    assert client.get("/api/clusters/not-hex").status_code in (400, 422)
    assert client.get("/api/clusters", params={"min_size": 0}).status_code in (400, 422)


def test_api_entity_knowledge_base_fields(client: TestClient) -> None:
    moe = client.get("/api/entities", params={"q": "Moe"}).json()["items"][0]
    detail = client.get(f"/api/entities/{moe['id']}").json()
    assert detail["aliases"] == ["Kristian Moe"]
    assert detail["countries"] == ["NOR"]
    assert (detail["first_seen"], detail["last_seen"]) == ("2025-03-03", "2025-03-04")
    assert "titles" in detail


def test_api_story_items_carry_duplicate_and_cluster(client: TestClient) -> None:
    items = client.get("/api/stories").json()["items"]
    assert all(i["cluster"] for i in items)
    assert all(i["duplicate_of"] is None for i in items)
    assert client.get("/api/stories", params={"hide_duplicates": "true"}).json()["total"] == 3
