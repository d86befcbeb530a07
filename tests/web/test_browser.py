"""End to end in real headless Chromium: ingest part of the sample corpus, serve it, open a
story, click an entity, see its quotes.

Needs Debian's ``chromium`` at /usr/bin/chromium (``apt-get install chromium``) and the
``playwright`` Python package; ``playwright install`` is never run. Set
``WIRETAG_SCREENSHOTS=docs/screenshots`` to ingest the whole sample and save a screenshot
of every page there (that is how the screenshots in docs/ are made).
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from wiretag.samples import SAMPLE_PATH, examples
from wiretag.story import Story

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
SHOTS = os.environ.get("WIRETAG_SCREENSHOTS")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="/usr/bin/chromium is absent (apt-get install chromium)"),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _model() -> str | None:
    """The bundled model when it is installed, else a blank pipeline (entities then come
    only from the hand-annotated examples)."""
    from wiretag.nlp import BUNDLED_MODEL_PATH

    if (BUNDLED_MODEL_PATH / "config.cfg").is_file():
        return None
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("ner")
    nlp.initialize()
    path = Path(os.environ.get("TMPDIR", "/tmp")) / f"wiretag-blank-{os.getpid()}"
    nlp.to_disk(path)
    return str(path)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from wiretag.api import create_app
    from wiretag.batch import ingest
    from wiretag.store import Store

    db = tmp_path_factory.mktemp("browser") / "browser.db"
    records = [json.loads(line) for line in SAMPLE_PATH.read_text("utf-8").splitlines()]
    if not SHOTS:
        records = records[:10]
    stories = [Story(text=r["text"], id=r["id"], headline=r["headline"],
                     published=r["published"], source=r["source"], url=r["url"])
               for r in records]
    with Store(db) as store:
        summary = ingest(stories, store, workers=1, model=_model())
        # the extractors' own tests judge analysis; here a story failing must not hide
        # whether the UI works, as long as most of the sample is in
        assert summary.ingested >= len(stories) // 2, [str(f) for f in summary.failed]
        for doc in examples():
            store.add(doc)
        store.cluster(None)
    port = _free_port()
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


def test_browser_story_entity_quotes(server: str, browser: object) -> None:
    from playwright.sync_api import Browser, expect

    assert isinstance(browser, Browser)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    failed: list[str] = []
    # nothing may be fetched from anywhere but our server
    page.on("request", lambda r: None if r.url.startswith(server) else failed.append(r.url))
    page.goto(server + "/")
    expect(page).to_have_url(server + "/ui")
    page.fill("header input[name=q]", '"quota they set is reckless"')
    page.press("header input[name=q]", "Enter")
    page.get_by_role("link", name="Norway accuses Faroes of mackerel overfishing").click()
    expect(page.locator("h1")).to_have_text("Norway accuses Faroes of mackerel overfishing")
    mention = page.locator(".story-text a.ent", has_text="Kristian Moe").first
    expect(mention).to_have_attribute("title", "PERSON · Kristian Moe · NOR")
    quote = page.locator(".story-text .quote").first
    expect(quote).to_have_attribute("title", "direct quote · speaker: Kristian Moe")
    mention.click()
    expect(page.locator("h1.entity-name")).to_contain_text("Kristian Moe")
    expect(page.locator("#quotes-by")).to_contain_text("The quota they set is reckless,")
    expect(page.locator("svg.timeline")).to_be_visible()
    assert failed == []
    page.close()


def test_browser_cluster_page_lists_its_stories(server: str, browser: object) -> None:
    from playwright.sync_api import Browser, expect

    assert isinstance(browser, Browser)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server + "/ui")
    page.get_by_role("link", name="Clusters").click()
    expect(page.locator("h1")).to_have_text("Story clusters")
    rows = page.locator("li.cluster-row")
    assert rows.count() >= 1
    headline = rows.first.locator("a.headline")
    title = headline.inner_text()
    headline.click()
    expect(page.locator("h1")).to_have_text(title)
    stories = page.locator("#cluster-stories li.story-row")
    assert stories.count() >= 2
    expect(page.locator("#cluster-entities a.ent").first).to_be_visible()
    expect(page.locator("svg.timeline")).to_be_visible()
    cluster_url = page.url
    stories.first.locator("a.headline").click()
    expect(page.locator("a.cluster-link")).to_have_text(title)
    page.locator("a.cluster-link").click()
    expect(page).to_have_url(cluster_url)
    page.close()


def test_browser_search_and_hostile_text_do_not_run_scripts(server: str,
                                                             browser: object) -> None:
    from playwright.sync_api import Browser, expect

    assert isinstance(browser, Browser)
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(server + "/ui")
    page.fill("header input[name=q]", '<img src=x onerror=alert(1)> mackerel')
    page.press("header input[name=q]", "Enter")
    expect(page.locator("h1")).to_have_text("Search")
    expect(page.locator("form.filters input[name=q]")).to_have_value(
        "<img src=x onerror=alert(1)> mackerel")
    assert dialogs == []
    page.close()


@pytest.mark.skipif(not SHOTS, reason="set WIRETAG_SCREENSHOTS=<dir> to save screenshots")
def test_browser_screenshots(server: str, browser: object) -> None:
    from playwright.sync_api import Browser

    assert isinstance(browser, Browser)
    assert SHOTS is not None
    out = Path(SHOTS)
    out.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 1200})
    page.goto(server + "/ui")
    page.screenshot(path=str(out / "home.png"))
    page.goto(server + "/ui/search?q=port+ban")
    page.screenshot(path=str(out / "search.png"))
    page.goto(server + "/ui/search?q=overfishing")
    page.locator(".story-row a.headline").first.click()
    page.screenshot(path=str(out / "story.png"))
    page.goto(server + "/ui/search?kind=entities&q=Kristian+Moe")
    page.locator("ul.list a.ent").first.click()
    page.screenshot(path=str(out / "entity.png"))
    page.goto(server + "/ui/search?kind=entities&q=Faroe+Islands")
    page.locator("ul.list a.ent").first.click()
    page.screenshot(path=str(out / "entity-network.png"))
    page.goto(server + "/ui/quotes?speaker=Sigurdardottir")
    page.screenshot(path=str(out / "quotes.png"))
    page.goto(server + "/ui/events?event_type=ACCUSE")
    page.screenshot(path=str(out / "events.png"))
    page.goto(server + "/ui/clusters")
    page.screenshot(path=str(out / "clusters.png"))
    page.locator("li.cluster-row a.headline", has_text="Norway bars Faroese boats").click()
    page.screenshot(path=str(out / "cluster.png"))
    page.locator("#cluster-stories a.headline", has_text="UPDATE 1-Norway bars").click()
    page.screenshot(path=str(out / "story-near-duplicate.png"))
    page.goto(server + "/api/docs")
    page.screenshot(path=str(out / "api-docs.png"))
    page.close()
