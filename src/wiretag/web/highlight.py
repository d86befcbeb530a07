"""Story text as HTML with entities, quotes and events highlighted, built from offsets.

Story text is untrusted: it is cut at annotation offsets and every piece is escaped on its
own, and attribute values are escaped too, so no markup in a story can ever become markup
in the page. Quotes are the outer layer; entity mentions and event triggers nest inside
them. Overlapping annotations of the same layer are dropped rather than mis-nested.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    #: 0 for quotes (outer), 1 for mentions and triggers (inner)
    layer: int = 1


def _open(span: Span) -> str:
    attrs = "".join(f' {k}="{escape(v)}"' for k, v in span.attrs.items())
    return f"<{span.tag}{attrs}>"


def _pick(spans: list[Span], length: int) -> list[Span]:
    """Non-overlapping valid spans, earliest (then longest) first."""
    out: list[Span] = []
    last_end = -1
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if 0 <= span.start < span.end <= length and span.start >= last_end:
            out.append(span)
            last_end = span.end
    return out


def render(text: str, spans: list[Span]) -> Markup:
    outer = _pick([s for s in spans if s.layer == 0], len(text))
    inner = [s for s in _pick([s for s in spans if s.layer == 1], len(text))
             if not any(o.start < s.start < o.end < s.end or s.start < o.start < s.end < o.end
                        for o in outer)]
    # (position, order, span): at one position close before open, inner closes before
    # outer closes, outer opens before inner opens
    marks: list[tuple[int, int, Span]] = []
    for s in outer:
        marks += [(s.start, 2, s), (s.end, 1, s)]
    for s in inner:
        marks += [(s.start, 3, s), (s.end, 0, s)]
    marks.sort(key=lambda m: (m[0], m[1]))
    html: list[str] = []
    pos = 0
    for at, order, span in marks:
        html.append(str(escape(text[pos:at])))
        html.append(_open(span) if order >= 2 else f"</{span.tag}>")
        pos = at
    html.append(str(escape(text[pos:])))
    return Markup("".join(html))


def story_spans(document: dict[str, Any], entity_ids: dict[str, str]) -> list[Span]:
    """Spans for a stored wiretag/1 document; ``entity_ids`` maps its local entity ids to
    store entity ids (mentions link to entity pages)."""
    names = {e["id"]: e["name"] for e in document["entities"]}
    spans: list[Span] = []
    for ent in document["entities"]:
        title = f"{ent['type']} · {ent['name']}" + (f" · {ent['country']}" if ent.get("country")
                                                    else "")
        href = f"/ui/entities/{entity_ids[ent['id']]}" if ent["id"] in entity_ids else None
        for m in ent["mentions"]:
            attrs = {"class": f"ent ent-{ent['type']}", "title": title}
            if href:
                attrs["href"] = href
            spans.append(Span(m["start"], m["end"], "a" if href else "span", attrs))
    for q in document["quotes"]:
        spk = q.get("speaker") or {}
        who = names.get(spk.get("entity") or "", spk.get("text") or "unknown speaker")
        spans.append(Span(q["start"], q["end"], "span", {
            "class": f"quote quote-{q['kind']}", "title": f"{q['kind']} quote · speaker: {who}",
            "data-quote": q["id"]}, layer=0))
    for ev in document["events"]:
        parts = [f"event {ev['type'] or '(statement)'}"]
        if ev.get("cameo"):
            parts.append(f"CAMEO {ev['cameo']}")
        parts.append(f"modality {ev['modality']}" + (" · negated" if ev.get("negated") else ""))
        src = (ev.get("source") or {}).get("text")
        tgt = (ev.get("target") or {}).get("text")
        if src or tgt:
            parts.append(f"{src or '?'} → {tgt or '?'}")
        trig = ev["trigger"]
        spans.append(Span(trig["start"], trig["end"], "span", {
            "class": f"ev ev-{ev['type'] or 'NONE'}", "title": " · ".join(parts)}))
    return spans
