"""Readers on real-shaped files: text, JSON Lines, HTML, RSS/Atom, WARC, dirs, stdin."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest
from reader_samples import ARTICLE_HTML, ATOM, RSS, STORY, make_warc

from wiretag.errors import ReadError, WiretagError
from wiretag.readers import read_bytes, read_inputs, sniff_format
from wiretag.readers.decode import decode_bytes
from wiretag.readers.jsonl import story_from_record
from wiretag.readers.published import normalize_published
from wiretag.story import Story


def _read(*paths: Path | str, **kwargs: object) -> list[Story | ReadError]:
    return list(read_inputs([str(p) for p in paths], **kwargs))  # type: ignore[arg-type]


def _codes(items: list[Story | ReadError]) -> list[str]:
    return [i.error.code if isinstance(i, ReadError) else "ok" for i in items]


# --------------------------------------------------------------------------- plain text


def test_reader_text_utf8(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    (story,) = _read(path)
    assert isinstance(story, Story)
    assert story.text == STORY and story.path == str(path) and story.format == "text"


def test_reader_text_crlf_bom_nul_survive_to_the_wire_parser(tmp_path: Path) -> None:
    from wiretag.wire import parse_wire

    path = tmp_path / "story.txt"
    path.write_bytes(b"\xef\xbb\xbf" + STORY.replace("\n", "\r\n").encode() + b"\x00")
    (story,) = _read(path)
    assert isinstance(story, Story)
    wire = parse_wire(story.text)
    assert "\r" not in wire.text and "\x00" not in wire.text and "\ufeff" not in wire.text
    assert wire.dateline is not None and wire.dateline.place == "Moscow"
    assert [c.name for c in wire.credits] == ["Jane Doe", "John Roe"]


def test_reader_text_latin1_detected(tmp_path: Path) -> None:
    text = ("SÃO PAULO, May 3 (Reuters) - Brazil's café exporters said on Friday that "
            "shipments to Zürich and Malmö rose, while the peso and the real weakened. "
            "Exporters in Ribeirão Preto and Ceará expect a récord harvest this année.\n")
    path = tmp_path / "latin1.txt"
    path.write_bytes(text.encode("latin-1"))
    (story,) = _read(path)
    assert isinstance(story, Story)
    assert "café" in story.text and "Zürich" in story.text


def test_reader_text_forced_encoding(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    path.write_bytes("PARIS (AFP) - “Quoted” café.".encode("cp1252"))
    (story,) = _read(path, encoding="cp1252")
    assert isinstance(story, Story) and "“Quoted” café" in story.text
    (err,) = _read(path, encoding="utf-8")
    assert isinstance(err, ReadError) and err.error.code == "W105"
    (err,) = _read(path, encoding="no-such-codec")
    assert isinstance(err, ReadError) and err.error.code == "W105"


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "W103"),
        (b"  \n\t\n", "W103"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "W104"),
        (bytes(range(256)) * 8, "W104"),
        (os.urandom(2048), "W104"),
    ],
)
def test_reader_bad_text_files(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    (err,) = _read(path)
    assert isinstance(err, ReadError)
    assert err.error.code == code and err.error.path == str(path)


def test_reader_over_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(STORY * 50, encoding="utf-8")
    (err,) = _read(path, max_bytes=1000)
    assert isinstance(err, ReadError) and err.error.code == "W106"
    assert "1,000" in err.error.message
    (story,) = _read(path, max_bytes=10**6)
    assert isinstance(story, Story)


def test_reader_missing_and_unreadable_paths(tmp_path: Path) -> None:
    (err,) = _read(tmp_path / "nope.txt")
    assert isinstance(err, ReadError) and err.error.code == "W101"
    if os.name == "posix" and os.geteuid() != 0:  # root reads anything
        locked = tmp_path / "locked.txt"
        locked.write_text(STORY)
        locked.chmod(0)
        (err,) = _read(locked)
        assert isinstance(err, ReadError) and err.error.code == "W102"
        folder = tmp_path / "corpus"
        (folder / "closed").mkdir(parents=True)
        (folder / "open.txt").write_text(STORY)
        (folder / "closed").chmod(0)
        assert sorted(_codes(_read(folder))) == ["W102", "ok"]


def test_decode_bytes_errors_are_coded() -> None:
    with pytest.raises(WiretagError) as info:
        decode_bytes(b"", path="x.txt")
    assert info.value.code == "W103" and info.value.path == "x.txt"
    assert decode_bytes("ü".encode("utf-16")) == "ü"


# --------------------------------------------------------------------------- JSON Lines


def test_reader_jsonl_good_and_bad_lines_in_order(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "text": STORY, "headline": "Kremlin sets terms",
                    "url": "https://x.example/a1", "published": "2023-11-21",
                    "source": "Reuters", "language": "en"}),
        "{not json",
        "",
        json.dumps({"id": 7, "body": "no text field"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "a5", "text": 42}),
        json.dumps({"id": "a6", "html": ARTICLE_HTML}),
        json.dumps({"text": "PARIS (AFP) - Ministers met.", "published":
                    "Tue, 21 Nov 2023 10:15:00 GMT"}),
    ]
    path = tmp_path / "stories.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _read(path)
    assert _codes(items) == ["ok", "W107", "W108", "W109", "W109", "ok", "ok"]
    first, bad_json, no_text = items[0], items[1], items[2]
    assert isinstance(first, Story)
    assert (first.id, first.line, first.headline, first.published, first.source) == (
        "a1", 1, "Kremlin sets terms", "2023-11-21", "Reuters")
    assert isinstance(bad_json, ReadError)
    assert (bad_json.error.path, bad_json.error.line) == (str(path), 2)
    assert isinstance(no_text, ReadError) and no_text.error.line == 4
    html_story = items[5]
    assert isinstance(html_story, Story)
    assert html_story.id == "a6" and html_story.line == 7
    assert "The Kremlin said on Tuesday" in html_story.text
    assert html_story.headline == "Kremlin sets terms for grain talks"
    last = items[6]
    assert isinstance(last, Story) and last.published is not None
    assert last.published.startswith("2023-11-21T10:15:00")


def test_story_from_record_errors() -> None:
    with pytest.raises(WiretagError) as info:
        story_from_record({"text": "  "}, path="p.jsonl", line=3)
    assert (info.value.code, info.value.line) == ("W108", 3)
    with pytest.raises(WiretagError) as info:
        story_from_record({"text": "x", "headline": ["a"]})
    assert info.value.code == "W109" and "headline" in info.value.message
    with pytest.raises(WiretagError) as info:
        story_from_record({"text": "x", "id": {"a": 1}})
    assert info.value.code == "W109"


def test_reader_jsonl_empty(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    assert _codes(_read(path)) == ["W103"]


# --------------------------------------------------------------------------- HTML


def test_reader_html_article(tmp_path: Path) -> None:
    path = tmp_path / "article.html"
    path.write_text(ARTICLE_HTML, encoding="utf-8")
    (story,) = _read(path)
    assert isinstance(story, Story), story
    assert story.format == "html"
    assert story.headline == "Kremlin sets terms for grain talks"
    assert story.byline == "Jane Doe"
    assert story.published == "2023-11-21"
    assert "The Kremlin said on Tuesday" in story.text
    assert "Home" not in story.text.split("\n")[0]  # navigation is not the story


def test_reader_html_without_article(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body></body></html>")
    (err,) = _read(path)
    assert isinstance(err, ReadError) and err.error.code == "W110"


# --------------------------------------------------------------------------- feeds


def test_reader_rss_one_story_per_item(tmp_path: Path) -> None:
    path = tmp_path / "world.rss"
    path.write_text(RSS, encoding="utf-8")
    items = _read(path)
    assert _codes(items) == ["ok", "W114", "ok"]
    first = items[0]
    assert isinstance(first, Story)
    assert first.headline == "Kremlin sets terms for grain talks"
    assert first.url == "https://news.example.com/world/kremlin-grain"
    assert first.id == "grain-001"
    assert first.published == "2023-11-21T10:15:00Z"
    assert first.text.split("\n")[1] == "A spokesman said the offer remained open."
    assert "empty-002" in str(items[1])


def test_reader_atom(tmp_path: Path) -> None:
    path = tmp_path / "wire.atom"
    path.write_text(ATOM, encoding="utf-8")
    (story,) = _read(path)
    assert isinstance(story, Story)
    assert story.text.startswith("LONDON, March 3, 2024 /PRNewswire/")
    assert story.url == "https://wire.example.com/1" and story.id == "urn:example:wire:1"


def test_reader_broken_feed(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text("<rss><channel><item><title>unclosed", encoding="utf-8")
    (err,) = _read(path)
    assert isinstance(err, ReadError) and err.error.code == "W111"


# --------------------------------------------------------------------------- WARC


def test_reader_warc_html_responses_only(tmp_path: Path) -> None:
    data = make_warc([
        ("https://news.example.com/a", "text/html; charset=utf-8", ARTICLE_HTML.encode()),
        ("https://news.example.com/logo.png", "image/png", b"\x89PNG..."),
        ("https://news.example.com/empty", "text/html", b"<html><body></body></html>"),
        ("https://news.example.com/b", "text/html; charset=iso-8859-1",
         ARTICLE_HTML.replace("Kremlin", "Kremlín").encode("latin-1")),
    ])
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(data)
    items = _read(path)
    assert _codes(items) == ["ok", "W110", "ok"]
    first, bad, last = items
    assert isinstance(first, Story) and first.url == "https://news.example.com/a"
    assert first.format == "html" and "The Kremlin said" in first.text
    assert isinstance(bad, ReadError) and "news.example.com/empty" in bad.error.message
    assert isinstance(last, Story) and "Kremlín" in last.text


def test_reader_warc_uncompressed_and_corrupt(tmp_path: Path) -> None:
    plain = tmp_path / "plain.warc"
    plain.write_bytes(make_warc([("https://x.example/", "text/html", ARTICLE_HTML.encode())],
                                gzip=False))
    assert _codes(_read(plain)) == ["ok"]
    corrupt = tmp_path / "corrupt.warc.gz"
    corrupt.write_bytes(b"\x1f\x8b\x08\x00garbage that is not gzip")
    (err,) = _read(corrupt)
    assert isinstance(err, ReadError) and err.error.code == "W112"


# --------------------------------------------------------------------------- dirs, stdin, sniffing


def test_reader_directory_recursive_with_globs(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "drafts").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a" / "one.txt").write_text(STORY)
    (tmp_path / "a" / "drafts" / "two.txt").write_text(STORY)
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": STORY}) + "\n")
    (tmp_path / "notes.md").write_text("not a story")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden" / "x.txt").write_text(STORY)
    skipped: list[str] = []
    stories = _read(tmp_path, skipped=skipped)
    # sorted by path relative to the directory, like `find | sort`
    assert [Path(str(s.path)).name for s in stories if isinstance(s, Story)] == [
        "two.txt", "one.txt", "b.jsonl"]
    # stray files are not errors, but the caller learns which were left out
    assert skipped == [str(tmp_path / "notes.md"), str(tmp_path / "photo.png")]
    # a file excluded on request is not reported as left out
    skipped = []
    _read(tmp_path, exclude=["*.png"], skipped=skipped)
    assert skipped == [str(tmp_path / "notes.md")]
    only_txt = _read(tmp_path, include=["*.txt"], exclude=["a/drafts/*"])
    assert [Path(str(s.path)).name for s in only_txt if isinstance(s, Story)] == ["one.txt"]


def test_reader_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (json.dumps({"id": "s1", "text": STORY}) + "\n").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    (story,) = _read("-")
    assert isinstance(story, Story) and story.path == "-" and story.id == "s1"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 100)))
    (err,) = _read("-", max_bytes=10)
    assert isinstance(err, ReadError) and err.error.code == "W106"


@pytest.mark.parametrize(
    ("data", "name", "fmt"),
    [
        (b"plain story", "a.txt", "text"),
        (b'{"text": "x"}', None, "jsonl"),
        (b"<?xml version='1.0'?><rss version='2.0'>", None, "feed"),
        (b"<feed xmlns='http://www.w3.org/2005/Atom'>", None, "feed"),
        (b"<!DOCTYPE html><html>", None, "html"),
        (b"<!DOCTYPE html><html>", "page.xml", "html"),
        (b"WARC/1.1\r\n", None, "warc"),
        (b"anything", "x.ndjson", "jsonl"),
        (b"anything", "x.htm", "html"),
        (b"MOSCOW (Reuters) - x", None, "text"),
    ],
)
def test_sniff_format(data: bytes, name: str | None, fmt: str) -> None:
    assert sniff_format(data, name) == fmt


def test_reader_forced_format_and_gzip_text(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "story.dat"
    path.write_text(json.dumps({"text": STORY}) + "\n")
    (story,) = _read(path, input_format="jsonl")
    assert isinstance(story, Story) and story.format == "jsonl"
    gz = tmp_path / "story.txt.gz"
    gz.write_bytes(gzip.compress(STORY.encode()))
    (story,) = _read(gz)
    assert isinstance(story, Story) and story.text == STORY
    with pytest.raises(WiretagError) as info:
        _read(path, input_format="pdf")
    assert info.value.code == "W113"
    (err,) = list(read_bytes(b"x", path="p", input_format="pdf"))
    assert isinstance(err, ReadError) and err.error.code == "W113"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-11-21", "2023-11-21"),
        ("2023-11-21T10:15:00Z", "2023-11-21T10:15:00Z"),
        ("Tue, 21 Nov 2023 10:15:00 GMT", "2023-11-21T10:15:00+00:00"),
        ("yesterday", None),
        ("", None),
        (None, None),
    ],
)
def test_normalize_published(value: str | None, expected: str | None) -> None:
    assert normalize_published(value) == expected


@pytest.mark.parametrize("seed", range(5))
def test_readers_random_bytes_are_binary_not_undecodable_text(seed: int) -> None:
    import random

    from wiretag.errors import WiretagError
    from wiretag.readers.decode import decode_bytes

    data = random.Random(seed).randbytes(3000)
    with pytest.raises(WiretagError) as err:
        decode_bytes(data, path="junk.txt")
    assert err.value.code == "W104"
