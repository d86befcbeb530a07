"""Web UI pages through HTTP over a real SQLite file, including hostile story text."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from wiretag.api import create_app
from wiretag.samples import EventSpec, build_document, examples
from wiretag.store import Store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's TestClient deprecation notice
    from starlette.testclient import TestClient

HOSTILE = (
    'OSLO (Reuters) - <script>alert("x")</script> Kristian Moe said "<img src=x '
    'onerror=alert(1)> is <b>reckless</b>" as Norway accused </textarea><svg onload=alert(3)>.'
)


@pytest.fixture()
def client(tmp_path: Path) -> Iterator[TestClient]:
    db = tmp_path / "web.db"
    with Store(db) as store:
        for doc in examples():
            store.add(doc)
        store.add(build_document(
            HOSTILE, headline='<script>alert("headline")</script>',
            entities=[("Kristian Moe", "PERSON", "NOR"), ("Norway", "GPE", "NOR"),
                      ('<svg onload=alert(3)>', "ORG", None)],
            quotes=[("<img src=x onerror=alert(1)> is <b>reckless</b>", "Kristian Moe")],
            events=[EventSpec("accused", "ACCUSE", "Norway", '<svg onload=alert(3)>')]))
        # the hostile story republished: a near duplicate whose links must stay inert too
        store.add(build_document(
            HOSTILE + " More <i>follows</i>.", headline='<img src=x onerror=alert("dup")>',
            entities=[("Kristian Moe", "PERSON", "NOR")]))
        # surname only: linked to the one stored Kristian Moe, shown as an alias
        store.add(build_document("OSLO, March 5 (Reuters) - Moe declined to comment.",
                                 published="2025-03-05", entities=[("Moe", "PERSON", None)]))
        store.cluster(None)
    with TestClient(create_app(db)) as c:
        yield c


def hostile_id() -> str:
    return build_document(HOSTILE).id


class Tags(HTMLParser):
    """Every element and attribute name as a browser's tokenizer would see them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [name for name, _ in attrs]


def assert_inert(html: str) -> None:
    # only our own markup: no script/img/textarea element, no event-handler attribute
    parser = Tags()
    parser.feed(html)
    assert not {"script", "img", "iframe", "textarea", "b"} & set(parser.tags), parser.tags
    assert not [a for a in parser.attrs if a.startswith("on")]
    assert "<svg onload" not in html.lower()


def test_pages_hostile_story_renders_inert(client: TestClient) -> None:
    response = client.get(f"/ui/stories/{hostile_id()}")
    assert response.status_code == 200
    assert_inert(response.text)
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in response.text
    assert "script-src 'self'" in response.headers["content-security-policy"]


@pytest.mark.parametrize(
    "path",
    ["/ui", "/ui/search?q=reckless", "/ui/search?q=reckless&kind=quotes",
     "/ui/search?kind=events", "/ui/search?kind=entities&q=svg", "/ui/quotes",
     "/ui/events?event_type=ACCUSE", "/ui/search?q=%3Cscript%3E", "/ui/clusters",
     "/ui/clusters?min_size=1&q=reckless"],
)
def test_pages_lists_render_hostile_text_inert(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200, response.text
    assert_inert(response.text)


def test_pages_entity_page_of_hostile_entity_is_inert(client: TestClient) -> None:
    item = client.get("/api/entities", params={"q": "svg"}).json()["items"][0]
    response = client.get(f"/ui/entities/{item['id']}")
    assert response.status_code == 200
    assert_inert(response.text)
    norway = client.get("/api/entities", params={"q": "Norway"}).json()["items"][0]
    page = client.get(f"/ui/entities/{norway['id']}").text
    assert_inert(page)
    assert '<svg class="network"' in page and "&lt;svg onload=alert(3)&gt;" in page


def test_pages_story_highlights_and_links(client: TestClient) -> None:
    doc = examples()[0]
    html = client.get(f"/ui/stories/{doc.id}").text
    moe = client.get("/api/entities", params={"q": "Moe"}).json()["items"][0]["id"]
    assert f'href="/ui/entities/{moe}"' in html
    assert 'class="quote quote-direct"' in html and 'class="ev ev-ACCUSE"' in html


def test_pages_entity_page_shows_quotes_timeline_network(client: TestClient) -> None:
    moe = client.get("/api/entities", params={"q": "Moe"}).json()["items"][0]["id"]
    html = client.get(f"/ui/entities/{moe}").text
    assert "The quota they set is reckless," in html
    assert '<svg class="timeline"' in html


def test_pages_search_paginates(client: TestClient) -> None:
    html = client.get("/ui/search", params={"kind": "entities", "limit": 2}).text
    match = re.search(r'rel="next" href="([^"]+)"', html)
    assert match is not None
    nxt = client.get(match.group(1).replace("&amp;", "&"))
    assert nxt.status_code == 200


def test_pages_errors_are_pages_not_tracebacks(client: TestClient) -> None:
    missing = client.get("/ui/stories/" + "0" * 64)
    assert missing.status_code == 404 and "W503" in missing.text
    bad = client.get("/ui/search?since=whenever")
    assert bad.status_code == 400 and "W505" in bad.text
    assert client.get("/ui/search?kind=<x>").status_code == 400


def test_pages_static_css_is_served_locally(client: TestClient) -> None:
    css = client.get("/ui/static/style.css")
    assert css.status_code == 200 and "text/css" in css.headers["content-type"]
    html = client.get("/ui").text
    assert not re.search(r'(src|href)="(https?:)?//', html)


def test_pages_clusters_and_near_duplicates_link_up(client: TestClient) -> None:
    listing = client.get("/ui/clusters?min_size=1").text
    ids = re.findall(r'href="/ui/clusters/([0-9a-f]{16})"', listing)
    assert ids
    one = examples()[0]
    story_html = client.get(f"/ui/stories/{one.id}").text
    cluster = re.search(r'class="cluster-link" href="/ui/clusters/([0-9a-f]+)"', story_html)
    assert cluster is not None
    page = client.get(f"/ui/clusters/{cluster.group(1)}")
    assert page.status_code == 200
    assert f'href="/ui/stories/{one.id}"' in page.text and '<svg class="timeline"' in page.text
    assert 'id="cluster-entities"' in page.text and "Kristian Moe" in page.text

    original = client.get(f"/ui/stories/{hostile_id()}").text
    assert_inert(original)
    assert "Republished as:" in original and 'class="dup-link"' in original
    copy_id = re.search(r'class="dup-link" href="/ui/stories/([0-9a-f]+)"', original)
    assert copy_id is not None
    copy_html = client.get(f"/ui/stories/{copy_id.group(1)}").text
    assert_inert(copy_html)
    assert "Near duplicate" in copy_html and f"/ui/stories/{hostile_id()}" in copy_html
    hostile_cluster = re.search(r'class="cluster-link" href="(/ui/clusters/[0-9a-f]+)"',
                                copy_html)
    assert hostile_cluster is not None
    assert_inert(client.get(hostile_cluster.group(1)).text)
    assert client.get("/ui/clusters/" + "0" * 16).status_code == 404


def test_pages_entity_page_shows_aliases(client: TestClient) -> None:
    moe = client.get("/api/entities", params={"q": "Moe"}).json()["items"][0]["id"]
    html = client.get(f"/ui/entities/{moe}").text
    assert re.search(r'class="aliases">also written: [^<]*\bMoe\b', html)
    assert "countries: NOR" in html
