"""Visual conventions shared by the Gephi exports and the matplotlib plots.

>>> TYPE_COLORS["PERSON"]
(78, 121, 167)
>>> hex_color("ORG")
'#f28e2b'
>>> node_size(0), node_size(3)
(10.0, 20.0)
"""

from __future__ import annotations

import math

#: One colour per node type (Tableau 10), as 0-255 RGB.
TYPE_COLORS: dict[str, tuple[int, int, int]] = {
    "PERSON": (78, 121, 167),
    "ORG": (242, 142, 43),
    "PRODUCT": (89, 161, 79),
    "EVENT": (225, 87, 89),
    "LOC": (118, 183, 178),
}
OTHER_COLOR = (186, 176, 172)


def type_color(node_type: str) -> tuple[int, int, int]:
    """RGB colour of a node type (grey for an unknown type)."""
    return TYPE_COLORS.get(node_type, OTHER_COLOR)


def hex_color(node_type: str) -> str:
    """``#rrggbb`` colour of a node type."""
    return "#{:02x}{:02x}{:02x}".format(*type_color(node_type))


def node_size(mentions: int) -> float:
    """Node size for Gephi: 10 for an unmentioned node, growing with log2 of mentions."""
    return round(10.0 + 5.0 * math.log2(1 + max(mentions, 0)), 2)
