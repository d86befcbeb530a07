"""HTML pages: the article's main text and metadata, extracted with trafilatura.

trafilatura is a maintained, evaluated main-content extractor; we do not hand-write
boilerplate-stripping regexes for HTML. Paragraphs come back one per line, which is the
shape the wire parser expects (dateline opening the first, credits on their own lines).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from html.parser import HTMLParser

from wiretag.errors import ReadError, WiretagError
from wiretag.readers.decode import decode_bytes
from wiretag.readers.published import normalize_published
from wiretag.story import Story

__all__ = ["extract_html", "fragment_to_text", "read_html"]

# trafilatura logs an ERROR for every page without main text; we report those ourselves
# as W110, so its own log lines would only be noise on stderr.
logging.getLogger("trafilatura").addHandler(logging.NullHandler())


def read_html(
    data: bytes, *, path: str, encoding: str | None = None, url: str | None = None
) -> Iterator[Story | ReadError]:
    try:
        html = decode_bytes(data, path=path, encoding=encoding)
        yield extract_html(html, url=url, path=path)
    except WiretagError as err:
        yield ReadError(err)


def extract_html(
    html: str, *, url: str | None = None, path: str | None = None, line: int | None = None
) -> Story:
    """A Story from a whole HTML page: main text, headline, byline, publication date.

    Raises ``WiretagError`` W110 when the page holds no extractable main text.
    """
    import trafilatura

    logger = logging.getLogger("trafilatura")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        result = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            deduplicate=False,
        )
    except (ValueError, TypeError) as exc:  # malformed markup lxml cannot recover from
        raise WiretagError("W110", f"the HTML could not be parsed: {exc}", path=path,
                           line=line) from exc
    finally:
        logger.setLevel(level)
    text = getattr(result, "text", None) if result is not None else None
    if not text or not text.strip():
        raise WiretagError("W110", "no article text found in the HTML page", path=path, line=line)
    title = getattr(result, "title", None)
    author = getattr(result, "author", None)
    date = getattr(result, "date", None)
    # The site name (often just a domain) is the publisher, not the agency: the agency
    # comes from the story's dateline, so the Story's ``source`` stays unset here.
    return Story(
        text=text,
        headline=title or None,
        url=url or getattr(result, "url", None) or None,
        published=normalize_published(date),
        byline=author or None,
        path=path,
        line=line,
        format="html",
    )


_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "tr", "table", "section", "article", "header", "footer", "pre", "hr", "figcaption",
}  # fmt: skip
_SKIP_TAGS = {"script", "style", "noscript", "template"}


class _FragmentText(HTMLParser):
    """Collect the text of an HTML fragment, one line per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skipping = 0

    def _break(self) -> None:
        line = " ".join("".join(self.current).split())
        if line:
            self.lines.append(line)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skipping += 1
        elif tag in _BLOCK_TAGS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK_TAGS:
            self._break()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.current.append(data)


def fragment_to_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed item's content), paragraphs on their own lines.

    Feed items carry fragments, not pages, which page extractors discard as too short.
    """
    parser = _FragmentText()
    parser.feed(fragment)
    parser.close()
    parser._break()
    return "\n".join(parser.lines)
