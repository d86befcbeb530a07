from __future__ import annotations

from wiretag.samples import build_document, examples
from wiretag.web.highlight import Span, render, story_spans


def test_highlight_escapes_every_segment() -> None:
    text = '<b>Moe</b> said "x & y"'
    html = render(text, [Span(3, 6, "a", {"href": "/ui/entities/1", "title": 'a"b<c'})])
    assert html == ('&lt;b&gt;<a href="/ui/entities/1" title="a&#34;b&lt;c">Moe</a>&lt;/b&gt; '
                    "said &#34;x &amp; y&#34;")


def test_highlight_nests_inner_spans_inside_quotes() -> None:
    text = 'He said "Norway lies" today'
    spans = [Span(9, 20, "span", {"class": "quote"}, layer=0),
             Span(9, 15, "a", {"class": "ent"}), Span(16, 20, "span", {"class": "ev"})]
    assert render(text, spans) == ('He said &#34;<span class="quote"><a class="ent">Norway</a> '
                                   '<span class="ev">lies</span></span>&#34; today')


def test_highlight_drops_overlapping_and_out_of_range_spans() -> None:
    text = "abcdefghij"
    spans = [Span(0, 5, "i"), Span(3, 8, "b"), Span(8, 40, "u"), Span(6, 6, "s"),
             Span(2, 7, "span", layer=0), Span(6, 9, "em")]
    html = render(text, spans)
    # (0,5) crosses the quote (2,7); (6,9) too; the rest are invalid or overlapping
    assert html == 'ab<span>cdefg</span>hij'


def test_highlight_story_spans_cover_entities_quotes_events() -> None:
    doc = examples()[0]
    spans = story_spans(doc.to_dict(), {e.id: f"g{e.id}" for e in doc.entities})
    html = str(render(doc.text, spans))
    link = '<a class="ent ent-PERSON" title="PERSON · Kristian Moe · NOR" href="/ui/entities/gE3">'
    assert link in html
    assert 'class="quote quote-direct" title="direct quote · speaker: Kristian Moe"' in html
    assert 'title="event ACCUSE · CAMEO 112 · modality asserted · Norway → Faroe Islands"' in html


def test_highlight_hostile_story_is_inert() -> None:
    text = ('<script>alert(1)</script> Kristian Moe said "<img src=x onerror=alert(2)>" in '
            'Oslo')
    doc = build_document(text, entities=[("Kristian Moe", "PERSON", "NOR")],
                         quotes=[("<img src=x onerror=alert(2)>", "Kristian Moe")])
    html = str(render(text, story_spans(doc.to_dict(), {"E1": "abc"})))
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=alert(2)&gt;" in html
