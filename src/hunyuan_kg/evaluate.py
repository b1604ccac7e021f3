"""Score a build against a gold file: precision, recall and F1 for entities, relations and
dated events.

Gold format (``data/sample/gold.json``; see ``docs/sample-corpus.md``)::

    {"entities": [{"label", "type", "aliases"}],
     "relations": [{"type", "head", "tail", "role"?}],
     "events": [{"type", "date", "status", "participants": [main, ...]}]}

Matching is by name: a predicted node matches a gold entity when one of its label or
aliases equals one of the gold entity's names after normalization (and the types agree).
A relation matches when type, head and tail match (either way round for symmetric
relations such as competes_with), and the gold role, if any, is contained
in the predicted role or vice versa (both normalized as names are: 董事长兼 CEO =
董事长兼CEO). An event matches when its type class (launch and
release are one), its date (exactly: the score is date-correct) and its status match and it
shares a participant with the gold event.

>>> gold = {"entities": [{"label": "腾讯", "type": "ORG"}], "relations": [], "events": []}
>>> import networkx as nx
>>> g = nx.MultiDiGraph(); g.add_node("ORG:腾讯", label="腾讯", type="ORG", aliases="腾讯|腾讯公司")
>>> evaluate(gold, g, [])["entities"]["recall"]
1.0
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from .normalize import name_key
from .pipeline.relations import lexicon as relation_lexicon
from .resolve.events import EVENT_CLASS


def _names(*values: Any) -> set[str]:
    out: set[str] = set()
    for v in values:
        if isinstance(v, str):
            out |= {name_key(x) for x in v.split("|") if x}
        elif isinstance(v, Iterable):
            out |= {name_key(x) for x in v if x}
    return out


def _prf(tp_gold: int, n_gold: int, tp_pred: int, n_pred: int) -> dict[str, float | int]:
    r = tp_gold / n_gold if n_gold else 0.0
    p = tp_pred / n_pred if n_pred else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "gold": n_gold,
        "predicted": n_pred,
    }


def evaluate(
    gold: dict[str, Any], graph: nx.MultiDiGraph, events: list[dict[str, Any]]
) -> dict[str, dict[str, float | int]]:
    """Scores of a graph and its timeline events against ``gold``."""
    entity_types = {"PERSON", "ORG", "PRODUCT"}
    nodes = {
        n: (d.get("type"), _names(d.get("label", ""), d.get("aliases", "")))
        for n, d in graph.nodes(data=True)
        if d.get("type") in entity_types
    }
    gold_ents = [(e["type"], _names(e["label"], e.get("aliases", []))) for e in gold["entities"]]
    name_type: dict[str, str] = {}
    for t, names in gold_ents:
        for n in names:
            name_type[n] = t

    def match_node(name: str) -> set[str]:
        key = name_key(name)
        gold_names = next((ns for _, ns in gold_ents if key in ns), {key})
        return {n for n, (_, names) in nodes.items() if names & gold_names}

    ent_tp = sum(
        1 for t, ns in gold_ents if any(nt == t and names & ns for nt, names in nodes.values())
    )
    pred_tp = sum(
        1 for nt, names in nodes.values() if any(nt == t and names & ns for t, ns in gold_ents)
    )
    scores = {"entities": _prf(ent_tp, len(gold_ents), pred_tp, len(nodes))}

    gold_rel_types = {r["type"] for r in gold["relations"]}
    pred_edges = [
        (u, v, d) for u, v, d in graph.edges(data=True) if d.get("type") in gold_rel_types
    ]

    symmetric = relation_lexicon().symmetric

    def rel_match(r: dict[str, Any], u: str, v: str, d: dict[str, Any]) -> bool:
        if d.get("type") != r["type"]:
            return False
        head, tail = match_node(r["head"]), match_node(r["tail"])
        if not (u in head and v in tail) and not (
            r["type"] in symmetric and u in tail and v in head
        ):
            return False
        role, pred_role = name_key(r.get("role") or ""), name_key(d.get("role") or "")
        return not role or role in pred_role or (bool(pred_role) and pred_role in role)

    rel_tp = sum(
        1 for r in gold["relations"] if any(rel_match(r, u, v, d) for u, v, d in pred_edges)
    )
    rel_pred_tp = sum(
        1 for u, v, d in pred_edges if any(rel_match(r, u, v, d) for r in gold["relations"])
    )
    scores["relations"] = _prf(rel_tp, len(gold["relations"]), rel_pred_tp, len(pred_edges))

    def ev_match(g: dict[str, Any], e: dict[str, Any]) -> bool:
        if EVENT_CLASS.get(g["type"], g["type"]) != EVENT_CLASS.get(e["type"], e["type"]):
            return False
        if g.get("date") != e.get("date") or g.get("status", "happened") != e.get("status"):
            return False
        wanted = {n for name in g.get("participants", []) for n in match_node(name)}
        return any(p["id"] in wanted for p in e.get("participants", []))

    gold_events = [g for g in gold["events"] if g.get("date")]
    ev_tp = sum(1 for g in gold_events if any(ev_match(g, e) for e in events))
    ev_pred_tp = sum(1 for e in events if any(ev_match(g, e) for g in gold_events))
    scores["events"] = _prf(ev_tp, len(gold_events), ev_pred_tp, len(events))
    return scores


def evaluate_outdir(gold_path: str | Path, outdir: str | Path) -> dict[str, dict[str, float | int]]:
    """Score the ``graph.graphml`` and ``timeline.json`` in ``outdir`` against a gold file."""
    from .export.graphml import read_graphml

    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    graph = read_graphml(Path(outdir) / "graph.graphml")
    events = json.loads((Path(outdir) / "timeline.json").read_text(encoding="utf-8"))["events"]
    return evaluate(gold, graph, events)
