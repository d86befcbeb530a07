"""Inline SVG drawn on the server: an entity's timeline and its who-does-what-to-whom
network. No JavaScript, no remote resources; every label is escaped."""

from __future__ import annotations

import math
from typing import Any

from markupsafe import Markup, escape

#: colours per PLOVER type: conflictual red/orange, cooperative green/blue, rest grey
COLOURS = {
    "ACCUSE": "#c0392b", "THREATEN": "#d35400", "SANCTION": "#8e44ad", "REJECT": "#e67e22",
    "PROTEST": "#b9770e", "COERCE": "#922b21", "ASSAULT": "#641e16", "MOBILIZE": "#a04000",
    "AGREE": "#1e8449", "COOPERATE": "#117a65", "SUPPORT": "#2e86c1", "AID": "#148f77",
    "CONSULT": "#2874a6", "CONCEDE": "#5d6d7e", "RETREAT": "#5d6d7e", "REQUEST": "#7d3c98",
}


def colour(event_type: str) -> str:
    return COLOURS.get(event_type, "#616a6b")


def timeline(days: list[dict[str, Any]], *, width: int = 640, height: int = 150,
             caption: str = "stories per day (bars) · quotes by this entity (dots)") -> Markup:
    """Bars of stories per date, with quotes (the entity's, or a cluster's) as dots."""
    if not days:
        return Markup("")
    pad, top, bottom = 30, 16, 28
    plot_h = height - top - bottom
    peak = max(max(d["stories"], d["quotes"]) for d in days) or 1
    step = (width - 2 * pad) / len(days)
    bar = max(2.0, min(24.0, step * 0.7))
    parts = [f'<svg class="timeline" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" role="img" aria-label="timeline">',
             f'<line x1="{pad}" y1="{top + plot_h}" x2="{width - pad}" y2="{top + plot_h}" '
             'stroke="#999"/>']
    for i, day in enumerate(days):
        x = pad + i * step + (step - bar) / 2
        h = plot_h * day["stories"] / peak
        label = escape(f"{day['date']}: {day['stories']} stories, {day['mentions']} mentions, "
                       f"{day['quotes']} quotes, {day['events']} events")
        parts.append(f'<g><title>{label}</title><rect x="{x:.1f}" y="{top + plot_h - h:.1f}" '
                     f'width="{bar:.1f}" height="{h:.1f}" fill="#5d8aa8"/>')
        if day["quotes"]:
            y = top + plot_h - plot_h * day["quotes"] / peak
            parts.append(f'<circle cx="{x + bar / 2:.1f}" cy="{y:.1f}" r="3.5" fill="#c0392b"/>')
        parts.append("</g>")
    for i in sorted({0, len(days) - 1}):
        x = pad + i * step + step / 2
        parts.append(f'<text x="{x:.1f}" y="{height - 8}" font-size="11" text-anchor="middle" '
                     f'fill="#444">{escape(days[i]["date"])}</text>')
    parts.append(f'<text x="{pad}" y="{top - 4}" font-size="11" fill="#444">'
                 f'{escape(caption)}</text></svg>')
    return Markup("".join(parts))


def network(graph: dict[str, Any], center: str, *, width: int = 640,
            height: int = 440) -> Markup:
    """The entity in the middle, its counterparts on a circle, one curved arrow per
    (source, target, event type) with its count."""
    nodes = graph["nodes"]
    if len(nodes) < 2 or not graph["edges"]:
        return Markup("")
    others = [n for n in nodes if n["id"] != center]
    cx, cy = width / 2, height / 2
    radius = min(width, height) / 2 - 60
    pos: dict[str, tuple[float, float]] = {center: (cx, cy)}
    for i, node in enumerate(others):
        angle = 2 * math.pi * i / len(others) - math.pi / 2
        pos[node["id"]] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle))
    used = sorted({e["type"] for e in graph["edges"]})
    parts = [f'<svg class="network" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" role="img" aria-label="who does what to whom"><defs>']
    for kind in used:
        parts.append(f'<marker id="arrow-{escape(kind)}" viewBox="0 0 10 10" refX="9" refY="5" '
                     'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
                     f'<path d="M0,0 L10,5 L0,10 z" fill="{colour(kind)}"/></marker>')
    parts.append("</defs>")
    pair_seen: dict[tuple[str, str], int] = {}
    for edge in graph["edges"]:
        (x1, y1), (x2, y2) = pos[edge["source"]], pos[edge["target"]]
        dx, dy = x2 - x1, y2 - y1
        dist = math.hypot(dx, dy) or 1.0
        # shorten to stop at the node circles; bend each further edge of a pair more, so
        # A→B and B→A (and several types) stay apart
        ux, uy = dx / dist, dy / dist
        x1, y1, x2, y2 = x1 + ux * 22, y1 + uy * 22, x2 - ux * 24, y2 - uy * 24
        key = (min(edge["source"], edge["target"]), max(edge["source"], edge["target"]))
        nth = pair_seen.get(key, 0)
        pair_seen[key] = nth + 1
        bend = 30 * (nth + 1) * (1 if edge["source"] < edge["target"] else -1)
        mx, my = (x1 + x2) / 2 - uy * bend, (y1 + y2) / 2 + ux * bend
        kind = edge["type"]
        label = escape(f"{kind} ×{edge['count']}")
        stroke = min(1.5 + edge["count"], 6)
        parts.append(
            f'<g class="edge"><title>{label}</title><path d="M{x1:.1f},{y1:.1f} '
            f'Q{mx:.1f},{my:.1f} {x2:.1f},{y2:.1f}" fill="none" stroke="{colour(kind)}" '
            f'stroke-width="{stroke:.1f}" marker-end="url(#arrow-{escape(kind)})"/>'
            f'<text x="{(x1 + 2 * mx + x2) / 4:.1f}" y="{(y1 + 2 * my + y2) / 4:.1f}" '
            f'font-size="10" fill="{colour(kind)}" text-anchor="middle">{label}</text></g>')
    for node in nodes:
        x, y = pos[node["id"]]
        is_center = node["id"] == center
        name = escape(node["name"])
        circle = (f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{20 if is_center else 16}" '
                  f'fill="{"#2c3e50" if is_center else "#ecf0f1"}" stroke="#2c3e50"/>'
                  f'<text x="{x:.1f}" y="{y + (34 if is_center else 30):.1f}" font-size="12" '
                  f'text-anchor="middle" fill="#222">{name}</text>')
        if node["entity"] and not is_center:
            parts.append(f'<a href="/ui/entities/{escape(node["id"])}"><title>{name}</title>'
                         f"{circle}</a>")
        else:
            parts.append(f"<g><title>{name}</title>{circle}</g>")
    legend_x = 10
    for kind in used:
        parts.append(f'<rect x="{legend_x}" y="8" width="10" height="10" fill="{colour(kind)}"/>'
                     f'<text x="{legend_x + 14}" y="17" font-size="11">{escape(kind)}</text>')
        legend_x += 24 + 7 * len(kind)
    parts.append("</svg>")
    return Markup("".join(parts))
