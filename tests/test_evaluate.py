"""``hunyuan_kg.evaluate``: how predictions are matched to a gold file."""

from __future__ import annotations

import networkx as nx
import pytest

from hunyuan_kg.evaluate import evaluate


def _graph(role: str) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node("PERSON:林远", label="林远", type="PERSON", aliases="林远")
    g.add_node("ORG:星河科技", label="星河科技", type="ORG", aliases="星河科技")
    g.add_edge("PERSON:林远", "ORG:星河科技", type="role", role=role)
    return g


@pytest.mark.parametrize(
    ("predicted", "matches"),
    [
        ("董事长兼 CEO", True),  # the same title, spaced as the article wrote it
        ("董事长兼ceo", True),
        ("董事长", True),  # contained in the gold role
        ("首席科学家", False),
    ],
)
def test_roles_match_as_normalized_text(predicted: str, matches: bool) -> None:
    gold = {
        "entities": [
            {"label": "林远", "type": "PERSON"},
            {"label": "星河科技", "type": "ORG"},
        ],
        "relations": [{"type": "role", "head": "林远", "tail": "星河科技", "role": "董事长兼CEO"}],
        "events": [],
    }
    recall = evaluate(gold, _graph(predicted), [])["relations"]["recall"]
    assert recall == (1.0 if matches else 0.0)
