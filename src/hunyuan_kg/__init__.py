"""hunyuan_kg: Chinese tech-news articles in, a typed knowledge graph and a dated timeline out.

>>> import hunyuan_kg
>>> kg = hunyuan_kg.build(["data/sample"])   # doctest: +SKIP
>>> kg.timeline[0].date, kg.timeline[0].title   # doctest: +SKIP
('2021', '腾讯发布广告大模型')
>>> kg.write("out/")   # doctest: +SKIP

The heavy parts (spaCy) load on first use, so ``import hunyuan_kg.temporal`` stays light.
"""

from __future__ import annotations

import logging
from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["KnowledgeGraph", "__version__", "build", "load"]

_LAZY = {"build": "api", "load": "pipeline", "KnowledgeGraph": "kg"}

# A library logs, the application decides where it goes (the CLI counts the warnings).
logging.getLogger(__name__).addHandler(logging.NullHandler())

if TYPE_CHECKING:
    from .api import build
    from .kg import KnowledgeGraph
    from .pipeline import load


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
