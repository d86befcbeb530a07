"""Real-shaped input contents that the reader tests write into tmp_path."""

from __future__ import annotations

import io

STORY = (
    "MOSCOW, Nov 21 (Reuters) - The Kremlin said on Tuesday that talks on a grain deal "
    "could resume only if Western sanctions on Russian farm exports were eased.\n"
    "A spokesman told reporters the offer remained open.\n"
    "Reporting by Jane Doe; Editing by John Roe\n"
)

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Kremlin sets terms for grain talks | Example News</title>
<meta property="og:title" content="Kremlin sets terms for grain talks">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2023-11-21T10:15:00Z">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/markets">Markets</a></nav>
<article>
<h1>Kremlin sets terms for grain talks</h1>
<p>MOSCOW, Nov 21 (Reuters) - The Kremlin said on Tuesday that talks on a grain deal could
resume only if Western sanctions on Russian farm exports were eased, raising doubts over a
quick return to the Black Sea corridor.</p>
<p>"The offer remains open, but the conditions have not changed," a spokesman told reporters
in Moscow, adding that Russia had fulfilled its part of the previous agreement.</p>
<p>Ukraine has continued to ship grain through a temporary corridor along its coast, despite
repeated drone and missile attacks on port infrastructure in the Odesa region.</p>
<p>Reporting by Jane Doe; Editing by John Roe</p>
</article>
<footer>Copyright 2023 Example News. All rights reserved.</footer>
</body></html>
"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>Example World News</title><link>https://news.example.com/</link>
<description>World news</description>
<item>
  <title>Kremlin sets terms for grain talks</title>
  <link>https://news.example.com/world/kremlin-grain</link>
  <guid>grain-001</guid>
  <pubDate>Tue, 21 Nov 2023 10:15:00 GMT</pubDate>
  <author>jane@example.com (Jane Doe)</author>
  <description>&lt;p&gt;MOSCOW, Nov 21 (Reuters) - The Kremlin said on Tuesday talks could
  resume.&lt;/p&gt;&lt;p&gt;A spokesman said the offer remained open.&lt;/p&gt;</description>
</item>
<item>
  <title>Empty item</title>
  <guid>empty-002</guid>
</item>
<item>
  <title>Port attacked</title>
  <link>https://news.example.com/world/port</link>
  <guid>port-003</guid>
  <description>ODESA, Ukraine (AP) — Drones hit port facilities overnight, officials
  said.</description>
</item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Example Wire</title>
  <id>urn:example:wire</id>
  <updated>2024-03-03T09:00:00Z</updated>
  <entry>
    <title>Halvard reports trial results</title>
    <id>urn:example:wire:1</id>
    <link href="https://wire.example.com/1"/>
    <updated>2024-03-03T09:00:00Z</updated>
    <author><name>Wire Desk</name></author>
    <content type="html">&lt;p&gt;LONDON, March 3, 2024 /PRNewswire/ -- Halvard Biosciences
    today announced trial results.&lt;/p&gt;&lt;p&gt;Shares rose 4%.&lt;/p&gt;</content>
  </entry>
</feed>
"""


def make_warc(pages: list[tuple[str, str, bytes]], *, gzip: bool = True) -> bytes:
    """A WARC archive with one response record per (url, content type, body)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    for url, content_type, body in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)],
                                   protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                           http_headers=headers)
        writer.write_record(record)
        # warcio buffers the payload in temporary files it leaves open
        record.raw_stream.close()
        record._orig_stream.close()
    return out.getvalue()
