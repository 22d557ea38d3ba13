"""Bar charts of uses per day, drawn on the server as SVG (no script, no colour needed).

Each chart has labelled axes (uses per day; the UTC day), a title and a text description that
a screen reader reads (`role="img"`, `aria-labelledby`), bars filled with a hatch pattern and
outlined, so they read in grey scale and in print, and each bar carries its day and figure in
a `<title>` (shown on hover). Only presentation attributes are used: the page's CSP allows no
inline style.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from html import escape

WIDTH, HEIGHT = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 64, 12, 14, 48
PLOT_W, PLOT_H = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM


def nice_ceiling(value: int) -> int:
    """The smallest of 1, 2, 5 x 10^k at or above `value` (an axis's top), at least 1."""
    if value <= 1:
        return 1
    power: int = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= value)


def _number(n: int) -> str:
    return f"{n:,}"


def _y_axis(top: int) -> list[str]:
    parts = []
    for fraction in (0, 0.5, 1):
        value = top * fraction
        y = TOP + PLOT_H - PLOT_H * fraction
        label = _number(int(value)) if value == int(value) else f"{value:,.1f}"
        parts.append(f'<line class="grid" x1="{LEFT}" x2="{LEFT + PLOT_W}" y1="{y}" y2="{y}"/>')
        parts.append(f'<text x="{LEFT - 6}" y="{y + 4}" text-anchor="end">{label}</text>')
    middle = TOP + PLOT_H / 2
    parts.append(
        f'<text x="14" y="{middle}" text-anchor="middle" '
        f'transform="rotate(-90 14 {middle})">Uses per day</text>'
    )
    return parts


def _x_axis(days: Sequence[date], slot: float) -> list[str]:
    base = TOP + PLOT_H
    parts = [f'<line class="axis" x1="{LEFT}" x2="{LEFT + PLOT_W}" y1="{base}" y2="{base}"/>']
    parts.append(f'<line class="axis" x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{base}"/>')
    shown = sorted({0, len(days) // 2, len(days) - 1}) if days else []
    for index in shown:
        x = LEFT + slot * (index + 0.5)
        anchor = "start" if index == 0 else "end" if index == len(days) - 1 else "middle"
        parts.append(f'<line class="axis" x1="{x:.1f}" x2="{x:.1f}" y1="{base}" y2="{base + 4}"/>')
        parts.append(
            f'<text x="{x:.1f}" y="{base + 18}" text-anchor="{anchor}">'
            f"{days[index].isoformat()}</text>"
        )
    parts.append(
        f'<text x="{LEFT + PLOT_W / 2}" y="{HEIGHT - 6}" text-anchor="middle">Day (UTC)</text>'
    )
    return parts


def _bars(days: Sequence[date], values: Sequence[int], top: int, slot: float, fill: str) -> str:
    parts = []
    width = max(slot * 0.75, 1.0)
    for index, (day, value) in enumerate(zip(days, values, strict=True)):
        if value <= 0:
            continue
        height = max(PLOT_H * value / top, 1.0)
        x = LEFT + slot * index + (slot - width) / 2
        y = TOP + PLOT_H - height
        parts.append(
            f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" '
            f'height="{height:.1f}" fill="{fill}"><title>{day.isoformat()}: '
            f"{_number(value)}</title></rect>"
        )
    return "".join(parts)


def describe(label: str, days: Sequence[date], values: Sequence[int]) -> str:
    """The chart in words (its `<desc>`): the total, and the busiest day."""
    total = sum(values)
    if not days:
        return f"{label}: no days."
    text = f"{label}: {_number(total)} in total from {days[0]} to {days[-1]}"
    if total:
        busiest = max(range(len(values)), key=lambda i: (values[i], -i))
        text += f"; busiest day {days[busiest]} with {_number(values[busiest])}"
    return text + "."


def bar_chart(chart_id: str, label: str, days: Sequence[date], values: Sequence[int]) -> str:
    """One feature's uses per day as an accessible SVG bar chart (`chart_id`: unique on the
    page, letters, digits and dashes)."""
    top = nice_ceiling(max(values, default=0))
    slot = PLOT_W / max(len(days), 1)
    pattern = f"{chart_id}-hatch"
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    return "".join(
        [
            f'<svg class="chart" id="{chart_id}" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
            f'aria-labelledby="{title_id} {desc_id}" xmlns="http://www.w3.org/2000/svg">',
            f'<title id="{title_id}">{escape(label)} per day</title>',
            f'<desc id="{desc_id}">{escape(describe(label, days, values))}</desc>',
            f'<defs><pattern id="{pattern}" width="6" height="6" patternUnits="userSpaceOnUse" '
            'patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
            '<line class="hatch-line" x1="0" y1="0" x2="0" y2="6"/></pattern></defs>',
            *_y_axis(top),
            *_x_axis(days, slot),
            _bars(days, values, top, slot, f"url(#{pattern})"),
            "</svg>",
        ]
    )
