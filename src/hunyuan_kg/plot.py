"""Matplotlib views of a :class:`~hunyuan_kg.kg.KnowledgeGraph`: the timeline and the graph.

Chinese text is drawn with an installed CJK font (Noto Sans CJK, Source Han Sans,
WenQuanYi, ...; Debian/Ubuntu: ``apt-get install fonts-noto-cjk``) with DejaVu Sans
for Latin text. Without one a ``RuntimeWarning`` says so and Chinese would show as
boxes. Characters that no chosen font can draw (emoji, control characters) are left
out of the labels instead of becoming boxes.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> from hunyuan_kg.kg import KnowledgeGraph
>>> from hunyuan_kg.records import TimelineEvent
>>> kg = KnowledgeGraph(events=[TimelineEvent("EVENT:1", "launch", "腾讯发布混元", "2023-09-07")])
>>> ax = timeline(kg)
>>> [t.get_text() for t in ax.texts]
['2023-09-07  腾讯发布混元']
"""

from __future__ import annotations

import math
import textwrap
import warnings
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from .export._dates import date_parts
from .export._style import hex_color

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.font_manager import FontProperties

    from .kg import KnowledgeGraph

#: CJK font families tried in order (sans-serif first).
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Noto Sans CJK JP",
    "Droid Sans Fallback",
    "PingFang SC",
    "Microsoft YaHei",
    "SimHei",
    "Noto Serif CJK SC",
    "AR PL UMing CN",
)
#: Substrings of font file names that hold CJK glyphs (for fonts installed after
#: matplotlib built its font cache).
_CJK_FILE_HINTS = ("cjk", "sourcehan", "wqy", "droidsansfallback", "notosanssc")
LATIN_FAMILY = "DejaVu Sans"
NO_CJK_FONT = (
    "No CJK font found: Chinese text will render as boxes. Install one, e.g. "
    "`apt-get install fonts-noto-cjk` (Debian/Ubuntu) or any Noto Sans CJK / "
    "Source Han Sans font."
)


@cache
def cjk_font_family() -> str | None:
    """Name of an installed CJK font family matplotlib can use, or None."""
    from matplotlib import font_manager

    def installed() -> set[str]:
        return {f.name for f in font_manager.fontManager.ttflist}

    names = installed()
    if not any(f in names for f in CJK_FAMILIES):
        for path in sorted(font_manager.findSystemFonts()):
            flat = Path(path).name.lower().replace("-", "").replace("_", "")
            if any(hint in flat for hint in _CJK_FILE_HINTS):
                try:
                    font_manager.fontManager.addfont(path)
                except (OSError, RuntimeError, ValueError):
                    continue
        names = installed()
    return next((f for f in CJK_FAMILIES if f in names), None)


def font(size: float = 9.0) -> FontProperties:
    """Font for labels: DejaVu Sans with the CJK family as per-glyph fallback.

    Warns (``RuntimeWarning``) when no CJK font is installed.
    """
    from matplotlib.font_manager import FontProperties

    cjk = cjk_font_family()
    if cjk is None:
        warnings.warn(NO_CJK_FONT, RuntimeWarning, stacklevel=3)
        return FontProperties(family=[LATIN_FAMILY], size=size)
    return FontProperties(family=[LATIN_FAMILY, cjk], size=size)


@cache
def _charmap(family: str) -> frozenset[int]:
    from matplotlib import font_manager

    path = font_manager.findfont(
        font_manager.FontProperties(family=family), fallback_to_default=False
    )
    return frozenset(font_manager.get_font(path).get_charmap())


def drawable(text: str, families: Iterable[str] | None = None) -> str:
    """``text`` without the characters none of ``families`` can draw, ``$`` escaped.

    >>> drawable("A$B")
    'A\\\\$B'
    """
    fams = list(families) if families is not None else [LATIN_FAMILY, cjk_font_family()]
    covered: frozenset[int] = frozenset().union(*(_charmap(f) for f in fams if f))
    kept = "".join(c for c in text if c == "\n" or ord(c) in covered)
    return kept.replace("$", r"\$")


def _families(prop: FontProperties) -> list[str]:
    return list(prop.get_family())


def _date_num(date: str) -> float:
    import datetime

    from matplotlib.dates import date2num

    year, month, day = date_parts(date)
    return float(date2num(datetime.date(year, month or 1, day or 1)))


def timeline(kg: KnowledgeGraph, *, ax: Axes | None = None) -> Axes:
    """Draw the dated events of ``kg`` as a ladder, oldest at the top; returns the Axes.

    Each event is a dot at its date (x axis) on its own row, labelled with its date and
    title and coloured by event type, so labels never overlap however dense the years;
    planned events are hollow.
    """
    import matplotlib.pyplot as plt
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, num2date
    from matplotlib.ticker import FixedLocator

    events = kg.timeline
    prop = font()
    fams = _families(prop)
    if ax is None:
        _, ax = plt.subplots(figsize=(11, 1.2 + 0.32 * max(len(events), 3)), layout="constrained")
    ax.set_yticks([])
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    if not events:
        ax.text(0.5, 0.5, "No dated events", ha="center", va="center",
                transform=ax.transAxes, fontproperties=prop)  # fmt: skip
        return ax

    types = sorted({e.type for e in events})
    palette = plt.get_cmap("tab10")
    colors = {t: palette(i % 10) for i, t in enumerate(types)}
    xs = [_date_num(e.date or "") for e in events]
    lo, hi = min(xs), max(xs)
    span = max(hi - lo, 365.0)
    for row, (x, event) in enumerate(zip(xs, events, strict=True)):
        y = -row
        planned = event.status != "happened"
        color = colors[event.type]
        ax.hlines(y, lo - 0.02 * span, x, color="#e3e6ea", linewidth=0.8, zorder=1)
        ax.plot(x, y, "o", markersize=7, color=color,
                markerfacecolor="white" if planned else color, zorder=3)  # fmt: skip
        mark = f" ({event.status})" if planned else ""
        ax.text(x + 0.015 * span, y, drawable(f"{event.date}  {event.title}{mark}", fams),
                va="center", ha="left", fontproperties=prop)  # fmt: skip
    ax.set_xlim(lo - 0.03 * span, hi + 0.55 * span)
    ax.set_ylim(-len(events) + 0.4, 1.2)
    # The space right of the last event holds labels, not time: no ticks or axis line there.
    locator = AutoDateLocator()
    ticks = [t for t in locator.tick_values(num2date(lo), num2date(hi)) if lo - span <= t <= hi]
    ax.xaxis.set_major_locator(FixedLocator(ticks))
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    ax.spines["bottom"].set_bounds(lo - 0.03 * span, hi + 0.02 * span)
    handles = [
        plt.Line2D([], [], marker="o", linestyle="", color=colors[t], label=t) for t in types
    ]
    ax.legend(handles=handles, loc="upper right", fontsize=8, frameon=False,
              ncols=min(len(types), 6))  # fmt: skip
    return ax


def _rank(g: nx.MultiDiGraph, node: object) -> tuple[int, str]:
    return (-(int(g.nodes[node].get("mentions") or 0) + g.degree(node)), str(node))


def graph(
    kg: KnowledgeGraph, *, ax: Axes | None = None, max_nodes: int = 60, events: bool = False
) -> Axes:
    """Draw the ``max_nodes`` most mentioned/connected nodes of ``kg``; returns the Axes.

    Nodes are coloured by type and sized by mentions; relation edges other than
    ``participant`` carry their role or type as a small label. Event nodes are left to
    :func:`timeline` unless ``events`` is true.
    """
    import matplotlib.pyplot as plt

    g = kg.graph
    prop = font()
    small = font(7.0)
    fams = _families(prop)
    if ax is None:
        _, ax = plt.subplots(figsize=(10, 8), layout="constrained")
    ax.set_axis_off()
    shown = [n for n in g.nodes if events or g.nodes[n].get("type") != "EVENT"]
    keep = sorted(shown, key=lambda n: _rank(g, n))[:max_nodes]
    sub = g.subgraph(keep)
    if not keep:
        ax.text(
            0.5,
            0.5,
            "Empty graph",
            ha="center",
            va="center",
            transform=ax.transAxes,
            fontproperties=prop,
        )
        return ax
    simple = nx.DiGraph(sub)
    pos = nx.spring_layout(simple, seed=7, k=1.6 / math.sqrt(len(keep)))
    nodes = sorted(sub.nodes, key=str)
    nx.draw_networkx_edges(
        simple, pos, ax=ax, edge_color="#9aa0a6", alpha=0.6, arrows=True, arrowsize=8, node_size=300
    )
    types = [str(sub.nodes[n].get("type", "")) for n in nodes]
    sizes = [120 + 80 * math.sqrt(int(sub.nodes[n].get("mentions") or 0)) for n in nodes]
    colors = [hex_color(t) for t in types]
    nx.draw_networkx_nodes(
        sub,
        pos,
        nodelist=nodes,
        ax=ax,
        node_color=colors,
        node_size=sizes,
        edgecolors="white",
        linewidths=1,
    )
    for n in nodes:
        label = textwrap.shorten(str(sub.nodes[n].get("label", n)), 24, placeholder="…")
        x, y = pos[n]
        ax.text(x, y + 0.045, drawable(label, fams), ha="center", va="bottom", fontproperties=prop)
    for u, v, data in sub.edges(data=True):
        if data.get("type") == "participant":
            continue
        (x1, y1), (x2, y2) = pos[u], pos[v]
        text = drawable(str(data.get("role") or data.get("type", "")), fams)
        ax.text(
            (x1 + x2) / 2,
            (y1 + y2) / 2,
            text,
            ha="center",
            va="center",
            color="#5f6368",
            fontproperties=small,
        )
    present = sorted(set(types))
    handles = [
        plt.Line2D([], [], marker="o", linestyle="", markersize=9, color=hex_color(t), label=t)
        for t in present
    ]
    ax.legend(handles=handles, loc="lower left", frameon=False, fontsize=8)
    ax.margins(0.08)
    return ax
