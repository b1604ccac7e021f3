"""graph.gexf and graph.graphml as graphology reads them (Gephi Lite and sigma.js are built
on it), with the real parsers under Node.js; and our own readers keep every edge.

The Node packages are pinned in ``tests/js/package.json``; ``.ci/run`` installs them into
the git-ignored ``tests/js/node_modules``. Without node/npm the graphology tests skip.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from helpers_cdp import CHROMIUM
from hunyuan_kg.export import read_gexf, read_graphml, write_gexf, write_graphml
from hunyuan_kg.export._layout import positions
from hunyuan_kg.export._style import hex_color
from hunyuan_kg.export._xml import clean_text
from hunyuan_kg.export.gexf import node_intervals
from hunyuan_kg.kg import KnowledgeGraph

JS = Path(__file__).parent / "js"
PACKAGES = ("graphology", "graphology-gexf", "graphology-graphml")
#: GEXF (directed/undirected) and sigma.js (its edge renderer) reserve the edge's ``type``.
EDGE_RESERVED = "type"


def _two_roles(kg: KnowledgeGraph) -> KnowledgeGraph:
    """The toy graph plus a second ``role`` edge between 李明 and 腾讯."""
    g = kg.graph.copy()
    first = g.edges["PERSON:李明", "ORG:腾讯", "role:混元研究组负责人"]
    g.add_edge(
        "PERSON:李明", "ORG:腾讯", key="role:创始人", **{**first, "role": "创始人", "weight": 1}
    )
    return KnowledgeGraph(g, kg.events, kg.documents)


@pytest.fixture
def files(toy_kg: KnowledgeGraph, tmp_path: Path) -> tuple[KnowledgeGraph, Path, Path]:
    kg = _two_roles(toy_kg)
    gexf, graphml = tmp_path / "graph.gexf", tmp_path / "graph.graphml"
    write_gexf(kg, gexf)
    write_graphml(kg, graphml)
    return kg, gexf, graphml


def test_readers_keep_both_roles_between_one_pair(
    files: tuple[KnowledgeGraph, Path, Path],
) -> None:
    kg, gexf, graphml = files
    n = kg.graph.number_of_edges()
    assert nx.read_graphml(graphml, force_multigraph=True).number_of_edges() == n
    for g in (read_graphml(graphml), read_gexf(gexf)):
        assert g.number_of_edges() == n
        roles = g.get_edge_data("PERSON:李明", "ORG:腾讯")
        assert sorted(roles) == ["role:创始人", "role:混元研究组负责人"]
        assert {d["role"] for d in roles.values()} == {"创始人", "混元研究组负责人"}
        assert set(g.edges(keys=True)) == {
            (clean_text(u), clean_text(v), clean_text(k)) for u, v, k in kg.graph.edges(keys=True)
        }


def _npm_ready() -> bool:
    if not (shutil.which("node") and shutil.which("npm")):
        return False
    if all((JS / "node_modules" / p).is_dir() for p in PACKAGES):
        return True
    done = subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--silent"],
        cwd=JS,
        capture_output=True,
        timeout=300,
    )
    return done.returncode == 0


@pytest.fixture(scope="module")
def node_ok() -> None:
    if not _npm_ready():
        pytest.skip("node/npm or the graphology packages are not available")


def _graphology(*paths: Path) -> dict[str, Any]:
    done = subprocess.run(
        ["node", str(JS / "parse_graphs.js"), *map(str, paths)],
        cwd=JS,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return {Path(p).suffix: g for p, g in json.loads(done.stdout).items()}


def test_graphology_reads_both_files_as_networkx_does(
    node_ok: None, files: tuple[KnowledgeGraph, Path, Path]
) -> None:
    kg, gexf, graphml = files
    parsed = _graphology(gexf, graphml)
    nx_graphml = nx.read_graphml(graphml, force_multigraph=True)
    nx_gexf = nx.read_gexf(gexf)
    intervals = node_intervals(kg)
    pos = positions(kg.graph)
    assert len(set(pos.values())) == len(pos)  # laid out, not stacked
    want_edges = sorted(
        (clean_text(u), clean_text(v), d["type"], clean_text(d["role"]))
        for u, v, d in kg.graph.edges(data=True)
    )
    for suffix, nxg in ((".gexf", nx_gexf), (".graphml", nx_graphml)):
        g = parsed[suffix]
        assert (g["order"], g["size"]) == (nxg.number_of_nodes(), nxg.number_of_edges())
        assert (g["order"], g["size"]) == (kg.graph.number_of_nodes(), kg.graph.number_of_edges())
        assert g["multi"] and g["type"] == "directed"
        for node, data in kg.graph.nodes(data=True):
            attrs = g["nodes"][clean_text(node)]
            assert attrs["label"] == clean_text(data["label"])
            assert attrs["type"] == data["type"]
            # sigma.js needs numeric x, y and a CSS colour
            assert isinstance(attrs["x"], int | float) and isinstance(attrs["y"], int | float)
            assert attrs["size"] > 0
            assert (attrs["x"], attrs["y"]) == pytest.approx(pos[node])
            want = (intervals[node][0], intervals[node][1]) if node in intervals else None
            got = (attrs["start"], attrs["end"]) if "start" in attrs else None
            assert got == want, node
        assert not [e for e in g["edges"] if EDGE_RESERVED in e["attrs"]]
        got_edges = sorted(
            (e["source"], e["target"], e["attrs"]["relation"], e["attrs"].get("role", ""))
            for e in g["edges"]
        )
        assert got_edges == want_edges
    # colours: GEXF viz:color as rgba(), GraphML r/g/b turned into a hex colour
    tencent_gexf = parsed[".gexf"]["nodes"]["ORG:腾讯"]
    tencent_graphml = parsed[".graphml"]["nodes"]["ORG:腾讯"]
    assert tencent_graphml["color"] == hex_color("ORG")
    r, gr, b = (int(hex_color("ORG")[i : i + 2], 16) for i in (1, 3, 5))
    assert tencent_gexf["color"] == f"rgba({r},{gr},{b},1.0)"
    # both files place a node at the same point
    assert (tencent_gexf["x"], tencent_gexf["y"]) == pytest.approx(
        (tencent_graphml["x"], tencent_graphml["y"])
    )
    # time survives graphology-gexf, which drops GEXF spells: as plain attributes
    assert (tencent_gexf["start"], tencent_gexf["end"]) == ("2021-01-01", "2024-12-31")
    launch = parsed[".gexf"]["nodes"]["EVENT:launch-2023"]
    assert (launch["start"], launch["end"], launch["date"]) == (
        "2023-09-07",
        "2023-09-07",
        "2023-09-07",
    )
    participant = [
        e
        for e in parsed[".graphml"]["edges"]
        if e["source"] == "EVENT:open-2024" and e["attrs"]["relation"] == "participant"
    ]
    assert participant and all(
        (e["attrs"]["start"], e["attrs"]["end"]) == ("2024-05-01", "2024-05-31")
        for e in participant
    )
    roles = {
        e["attrs"]["role"]
        for e in parsed[".gexf"]["edges"]
        if (e["source"], e["target"]) == ("PERSON:李明", "ORG:腾讯")
    }
    assert roles == {"创始人", "混元研究组负责人"}


# --- sigma.js in headless Chromium ------------------------------------------------------

#: Software WebGL (SwiftShader) for a headless browser without a GPU, logging to stderr.
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run", "--enable-logging=stderr", "--v=0", "--allow-file-access-from-files",
    "--virtual-time-budget=5000",
)  # fmt: skip


def sigma_page(graph_file: Path, page: Path) -> Path:
    """Write ``page``: ``graph_file`` as graphology parses it, drawn by sigma.js."""
    done = subprocess.run(
        ["node", str(JS / "export_graph.js"), str(graph_file)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    modules = JS / "node_modules"
    html = (JS / "sigma.html").read_text(encoding="utf-8")
    html = html.replace(
        "__GRAPHOLOGY__", (modules / "graphology/dist/graphology.umd.min.js").as_uri()
    )
    html = html.replace("__SIGMA__", (modules / "sigma/dist/sigma.min.js").as_uri())
    # "</script>" in a label must not end the inline script ("<\/" is the same in JSON)
    data = done.stdout.replace("</", "<\\/").replace("<!--", "<\\!--")
    page.write_text(html.replace("__DATA__", data), encoding="utf-8")
    return page


def _render(page: Path, profile: Path) -> tuple[dict[str, Any], list[str]]:
    assert CHROMIUM is not None
    cmd = [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=180, check=True)
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    import lxml.html

    result = lxml.html.fromstring(done.stdout).get_element_by_id("result").text_content()
    return json.loads(result), console


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium not installed")
def test_sigma_renders_both_files_without_errors(
    node_ok: None, files: tuple[KnowledgeGraph, Path, Path], tmp_path: Path
) -> None:
    kg, gexf, graphml = files
    if not (JS / "node_modules" / "sigma").is_dir():
        pytest.skip("sigma is not installed in tests/js")
    for graph_file in (gexf, graphml):
        page = sigma_page(graph_file, tmp_path / f"{graph_file.suffix[1:]}.html")
        result, console = _render(page, tmp_path / "profile")
        assert console == [] and result.get("errors") == [], (result, console)
        assert "error" not in result, result
        n, m = kg.graph.number_of_nodes(), kg.graph.number_of_edges()
        assert (result["order"], result["size"], result["shown"]) == (n, m, n)
        assert result["webgl"] > 0


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium not installed")
def test_the_sigma_check_can_fail(node_ok: None, tmp_path: Path) -> None:
    """A node attribute ``type`` (what the files used to carry) makes sigma.js refuse."""
    if not (JS / "node_modules" / "sigma").is_dir():
        pytest.skip("sigma is not installed in tests/js")
    bad = tmp_path / "bad.graphml"
    g = nx.MultiDiGraph()
    g.add_node("a", label="腾讯", type="ORG", x=0.0, y=0.0, size=10.0)
    g.add_node("b", label="混元", type="PRODUCT", x=1.0, y=1.0, size=10.0)
    g.add_edge("a", "b", type="develops")
    nx.write_graphml(g, bad)
    result, _ = _render(sigma_page(bad, tmp_path / "bad.html"), tmp_path / "profile")
    assert "error" in result and "type" in result["error"], result
