"""Head nouns mined from raw tech news (``data/entities/list_heads.yml``): the noun that ends
an enumeration or a description of a name (A、B 等企业, 云计算巨头 X) and the type it gives.

>>> list_heads()["企业"]
'ORG'
"""

from __future__ import annotations

from functools import cache

from ..resources import data_path, read_yaml


@cache
def list_heads() -> dict[str, str]:
    """Head nouns that type an enumeration (企业 → ORG; mined, see the file)."""
    rows = read_yaml(data_path("entities", "list_heads.yml"))["heads"]
    return {r["head"]: r["type"] for r in rows}
