"""End to end: the sample corpus through the shipped pipeline, the output contract, the CLI,
and the scores against the gold annotations."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

import hunyuan_kg
from hunyuan_kg.cli import app
from hunyuan_kg.evaluate import evaluate_outdir

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"
HELDOUT = ROOT / "data" / "heldout"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def nlp():
    return hunyuan_kg.load()


@pytest.fixture(scope="session")
def sample_kg(nlp):
    return hunyuan_kg.build([SAMPLE], nlp=nlp)


@pytest.fixture(scope="session")
def sample_out(sample_kg, tmp_path_factory):
    out = tmp_path_factory.mktemp("sample_out")
    sample_kg.write(out)
    return out


def test_documents_read_from_the_store_behave_as_a_list_in_id_order(sample_kg):
    docs = list(sample_kg.documents)
    assert [d.id for d in docs] == sorted(d.id for d in docs) and len(docs) == 11
    assert sample_kg.documents == docs and len(sample_kg.documents) == len(docs)
    assert sample_kg.documents[0] == docs[0] and sample_kg.documents[-1] == docs[-1]
    assert sample_kg.documents[2:5] == docs[2:5]
    assert pickle.loads(pickle.dumps(sample_kg.documents)) == docs


def test_load_returns_a_chinese_language_with_our_components(nlp):
    assert nlp.lang == "zh"
    assert {"hkg_ner", "hkg_entity_ruler", "hkg_dates", "hkg_events", "hkg_relations"} <= set(
        nlp.pipe_names
    )
    assert nlp.tokenizer.segmenter == "pkuseg"


def test_graphml_contract(sample_out):
    g = nx.read_graphml(sample_out / "graph.graphml", force_multigraph=True)
    assert g.number_of_nodes() > 30
    for _, d in g.nodes(data=True):
        assert {"label", "type", "aliases", "mentions", "docs", "x", "y"} <= set(d)
        assert isinstance(d["mentions"], int)
        assert d["type"] in {"PERSON", "ORG", "PRODUCT", "EVENT", "LOC"}
    for _, _, d in g.edges(data=True):
        assert {"relation", "docs", "evidence"} <= set(d)
        if d["relation"] == "role":
            assert d["role"]


def test_timeline_contract_and_order(sample_out):
    events = json.loads((sample_out / "timeline.json").read_text(encoding="utf-8"))["events"]
    assert events
    dates = [e["date"] for e in events]
    assert dates == sorted(dates)
    for e in events:
        assert {"id", "date", "granularity", "type", "title", "participants", "sources"} <= set(e)
        assert e["granularity"] in {"year", "quarter", "half", "month", "week", "day"}
        assert e["participants"] and e["sources"]
        for s in e["sources"]:
            assert {"doc", "sentence", "start", "end", "date_text"} <= set(s)


def test_one_node_per_entity_across_documents(sample_kg):
    for name in ("混元", "腾讯混元大模型", "「混元」大模型", "Hunyuan"):
        assert sample_kg.entity(name) == "PRODUCT:混元", name
    assert sample_kg.entity("元宝 App") == sample_kg.entity("元宝")
    assert sample_kg.entity("腾讯云") != sample_kg.entity("腾讯")


def test_a_maker_named_only_inside_a_product_name_keeps_that_name(nlp, tmp_path):
    (tmp_path / "a.md").write_text(
        "---\ndate: 2024-03-01\n---\n车顶装有禾赛 AT128 激光雷达，探测距离 200 米。\n",
        encoding="utf-8",
    )
    kg = hunyuan_kg.build([tmp_path], nlp=nlp)
    product = kg.entity("禾赛 AT128")
    maker = next(
        u for u, v, d in kg.graph.edges(data=True) if v == product and d["type"] == "develops"
    )
    assert "禾赛" in kg.graph.nodes[maker]["aliases"]


def test_every_node_edge_and_event_has_provenance(sample_kg):
    docs = {d.id for d in sample_kg.documents}
    for _, d in sample_kg.graph.nodes(data=True):
        assert d["sources"] and d["sources"][0].doc in docs
    for _, _, d in sample_kg.graph.edges(data=True):
        assert d["evidence"] and set(d["docs"]) <= docs
    for e in sample_kg.events:
        assert all(s.sentence for s in e.sources)


def test_offsets_point_into_the_document_text(sample_kg):
    from hunyuan_kg.ingest import read_document

    texts = {}
    for e in sample_kg.events:
        for s in e.sources:
            path = next(d.path for d in sample_kg.documents if d.id == s.doc)
            text = texts.setdefault(s.doc, read_document(path, doc_id=s.doc).text)
            assert text[s.start : s.end] in s.sentence


# Thresholds set a little under the scores measured when they were written (closing note
# of the end-to-end issue); a drop below them is a regression.
# (precision, recall) measured when these floors were last set, default pipeline: sample
# entities 0.870 / 0.847, relations 0.763 / 0.871, dated events 0.976 / 0.907; held-out
# 0.848 / 0.867, 0.849 / 0.791, 1.000 / 0.808. With hkg_clause_events (dated clauses read as
# written) the events become sample 0.915 / 0.907 and held-out 0.786 / 0.885 (entities
# 0.826 / 0.867, relations 0.806 / 0.814): the extra held-out events are real happenings the
# gold set does not list (李开复公开招募团队, 飞星一号正式启用; on the sample OpenAI发布GPT-4,
# 腾讯公司发布混元 Turbo). Roles from founding and joining events (梁文锋 founded 幻方量化,
# 俞栋 joined 腾讯) that the sample's gold does not list put its relations at 0.716 / 0.871.
# Relations linking a product to its gazetteer maker wherever the document names the maker
# (腾讯 develops 微信, QQ, 腾讯会议 …: true, but the gold lists only what a sentence states)
# and comparisons read as competes_with put relations at sample 0.663 / 0.886, held-out
# 0.763 / 0.814; they raised relation recall on real articles (../shared/dev) 0.311 -> 0.340.
# The learned relation classifier (session 14: relation recall on held-out annotated raw
# news 0.188 -> 0.341 at the rules' precision, on ../shared/dev 0.440 -> 0.469) adds one
# edge to the sample (百度智能云 develops ERNIE Speed): relations 0.634 / 0.886. The 839
# names verified in session 15 add one more, true but not in the gold (火山引擎 develops
# 豆包通用模型 Pro, which the article names right after 火山引擎 launched the family): 0.628.
# The floors sit a few points under, so a regression fails and noise does not.
SAMPLE_FLOORS = {"entities": (0.82, 0.80), "relations": (0.62, 0.82), "events": (0.88, 0.85)}
HELDOUT_FLOORS = {"entities": (0.79, 0.81), "relations": (0.73, 0.77), "events": (0.75, 0.83)}


def _check(scores, floors):
    for part, (precision, recall) in floors.items():
        assert scores[part]["precision"] >= precision, (part, scores[part])
        assert scores[part]["recall"] >= recall, (part, scores[part])


def test_scores_on_the_sample_gold(sample_out):
    _check(evaluate_outdir(SAMPLE / "gold.json", sample_out), SAMPLE_FLOORS)


def test_rules_generalize_to_the_heldout_gold(nlp, tmp_path):
    hunyuan_kg.build([HELDOUT], nlp=nlp).write(tmp_path)
    _check(evaluate_outdir(HELDOUT / "gold.json", tmp_path), HELDOUT_FLOORS)


def test_cli_build_evaluate_timeline_show(tmp_path):
    runner = CliRunner()
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(SAMPLE), "-o", str(out), "-j", "1", "-q"])
    assert result.exit_code == 0, result.output
    assert (out / "graph.graphml").exists() and (out / "timeline.md").exists()
    assert (out / "errors.jsonl").read_text() == ""
    result = runner.invoke(app, ["evaluate", str(SAMPLE / "gold.json"), str(out)])
    assert result.exit_code == 0 and "events" in result.output
    result = runner.invoke(app, ["timeline", str(out)])
    assert "2024-05-30" in result.output
    result = runner.invoke(app, ["show", str(out), "混元"])
    assert result.exit_code == 0 and "PRODUCT" in result.output


def test_cli_usage_errors_exit_2(tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["build", str(tmp_path / "missing"), "-o", str(tmp_path)])
    assert result.exit_code == 2
    result = runner.invoke(app, ["build", str(SAMPLE), "-o", str(tmp_path), "-f", "pdf"])
    assert result.exit_code == 2


def test_a_bare_date_in_the_inferred_month_keeps_its_year(tmp_path) -> None:
    (tmp_path / "a.txt").write_text(
        "智谱发布两款模型\n\n2024 年 5 月 15 日，智谱发布了 GLM-4。"
        "5 月 21 日，智谱又发布了 GLM-4V。\n",
        encoding="utf-8",
    )
    kg = hunyuan_kg.build([tmp_path], ner=None)
    assert "2024-05-21" in {e.date for e in kg.timeline}


def test_a_launch_without_an_agent_takes_the_developer_named_in_its_document(tmp_path) -> None:
    (tmp_path / "a.md").write_text(
        "---\ndate: 2024-07-15\n---\n\n百度旗下的出行服务平台萝卜快跑宣布扩大运营区域。"
        "2021 年 8 月，萝卜快跑正式上线。\n",
        encoding="utf-8",
    )
    kg = hunyuan_kg.build([tmp_path], ner=None)
    assert [(e.date, e.title) for e in kg.timeline] == [("2021-08", "百度发布萝卜快跑")]
