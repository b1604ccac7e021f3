"""timeline.json / .md / .csv and timelinejs.json."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from hunyuan_kg.export import read_timeline_json
from hunyuan_kg.export.timeline_csv import (
    COLUMNS,
    CSV_ENCODING,
    CSV_LINE_END,
    csv_cell,
    event_row,
    write_timeline_csv,
)
from hunyuan_kg.export.timeline_json import write_timeline_json
from hunyuan_kg.export.timeline_md import write_timeline_md
from hunyuan_kg.export.timelinejs import write_timelinejs
from hunyuan_kg.kg import KnowledgeGraph
from hunyuan_kg.records import Source, TimelineEvent

DATED = ["EVENT:found-2021", "EVENT:launch-2023", "EVENT:open-2024", "EVENT:plan-2024"]


def test_timeline_json_contract(toy_kg: KnowledgeGraph, tmp_path: Path) -> None:
    path = tmp_path / "timeline.json"
    write_timeline_json(toy_kg, path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["generated_by"] == "hunyuan_kg" and doc["version"]
    assert [e["id"] for e in doc["events"]] == DATED  # chronological, undated left out
    assert doc["events"] == [e.to_dict() for e in toy_kg.timeline]
    assert {e["id"]: e["status"] for e in doc["events"]}["EVENT:plan-2024"] == "planned"
    first = doc["events"][0]
    assert set(first) == {
        "id",
        "date",
        "granularity",
        "type",
        "title",
        "status",
        "participants",
        "sources",
    }
    assert first["sources"][0]["sentence"].startswith("2021年")
    assert "\\u" not in path.read_text(encoding="utf-8")  # Chinese kept readable


def test_read_timeline_json_round_trips(toy_kg: KnowledgeGraph, tmp_path: Path) -> None:
    path = tmp_path / "timeline.json"
    write_timeline_json(toy_kg, path)
    assert read_timeline_json(path) == toy_kg.timeline


def test_timeline_md_groups_by_year_and_escapes(toy_kg: KnowledgeGraph, tmp_path: Path) -> None:
    path = tmp_path / "timeline.md"
    write_timeline_md(toy_kg, path)
    text = path.read_text(encoding="utf-8")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == ["## 2021", "## 2023", "## 2024"]
    assert "<script>" not in text
    assert r"\<script\>document.title='pwned'\</script\> \& 🚀" in text
    assert "*(planned)*" in text
    assert "李明加入腾讯" not in text  # undated
    assert "2023年9月7日，腾讯正式发布混元大模型。" in text


def test_timeline_csv_one_row_per_event(toy_kg: KnowledgeGraph, tmp_path: Path) -> None:
    path = tmp_path / "timeline.csv"
    write_timeline_csv(toy_kg, path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel shows Chinese
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert list(df["id"]) == DATED
    assert df.columns[0] == "id"
    row = df.set_index("id").loc["EVENT:open-2024"]
    assert row["title"] == toy_kg.timeline[2].title
    assert "<script>" in row["title"]  # CSV keeps text verbatim
    assert row["participants"] == "腾讯|混元文生图"
    assert row["sources"] == "[a3] 2024年5月，腾讯开源混元文生图模型。"
    assert df.set_index("id").loc["EVENT:plan-2024", "status"] == "planned"
    with path.open(encoding="utf-8-sig", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == 4


_CELL_TEXT = st.text(alphabet=st.sampled_from('a腾,"\r\n=+-@\t '), max_size=6)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(_CELL_TEXT, st.lists(st.tuples(_CELL_TEXT, _CELL_TEXT), max_size=4)),
        min_size=1,
        max_size=3,
    )
)
def test_timeline_csv_is_what_csv_dictwriter_writes(events: list) -> None:  # type: ignore[type-arg]
    timeline = [
        TimelineEvent(
            f"EVENT:{i}",
            "launch",
            title,
            "2024-05-30",
            "day",
            sources=[Source(doc, sentence, 0, 1) for doc, sentence in sources],
        )
        for i, (title, sources) in enumerate(events)
    ]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "timeline.csv"
        write_timeline_csv(KnowledgeGraph(events=timeline), path)
        written = path.read_bytes().decode(CSV_ENCODING)
    expected = io.StringIO()
    writer = csv.DictWriter(expected, fieldnames=COLUMNS, lineterminator=CSV_LINE_END)
    writer.writeheader()
    for e in timeline:
        writer.writerow({k: csv_cell(v) for k, v in event_row(e).items()})
    assert written == expected.getvalue()


def test_timelinejs_dates_to_granularity_and_escaped_text(
    toy_kg: KnowledgeGraph, tmp_path: Path
) -> None:
    path = tmp_path / "timelinejs.json"
    write_timelinejs(toy_kg, path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    slides = {s["unique_id"]: s for s in doc["events"]}
    assert list(slides) == DATED
    assert slides["EVENT:found-2021"]["start_date"] == {"year": "2021"}
    assert slides["EVENT:launch-2023"]["start_date"] == {"year": "2023", "month": "9", "day": "7"}
    assert slides["EVENT:open-2024"]["start_date"] == {"year": "2024", "month": "5"}
    headline = slides["EVENT:open-2024"]["text"]["headline"]
    assert headline == (
        "混元开源 &lt;script&gt;document.title=&#x27;pwned&#x27;&lt;/script&gt; &amp; 🚀"
    )
    assert "<em>计划中</em>" in slides["EVENT:plan-2024"]["text"]["text"]
    assert "<script>" not in path.read_text(encoding="utf-8")
    assert doc["title"]["text"]["headline"]


def _quarter_kg(toy_kg: KnowledgeGraph) -> KnowledgeGraph:
    """The toy graph plus a 2018-Q4 funding reported twice by a2 in the same sentence
    and once by a1 (the repeated sentence of issue 16)."""
    from hunyuan_kg.records import Source, TimelineEvent

    said = "2018年第四季度，腾讯完成新一轮融资。"
    event = TimelineEvent(
        "EVENT:funding-2018",
        "funding",
        "腾讯完成融资",
        "2018-Q4",
        "quarter",
        sources=[Source("a2", said, 0, 5), Source("a2", said, 9, 11), Source("a1", said, 0, 5)],
    )
    return KnowledgeGraph(toy_kg.graph, [*toy_kg.events, event], toy_kg.documents)


def test_timelinejs_speaks_chinese_names_articles_and_says_each_sentence_once(
    toy_kg: KnowledgeGraph, tmp_path: Path
) -> None:
    kg = _quarter_kg(toy_kg)
    path = tmp_path / "timelinejs.json"
    write_timelinejs(kg, path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["title"]["text"]["headline"] == "科技新闻时间线"
    assert doc["title"]["text"]["text"] == "5 个事件，2018 年至 2024 年，来自 3 篇文章"
    slides = {s["unique_id"]: s for s in doc["events"]}
    assert {s["group"] for s in slides.values()} == {"成立", "发布", "上线", "开源", "融资"}
    funding = slides["EVENT:funding-2018"]
    assert funding["start_date"] == {
        "year": "2018",
        "month": "10",
        "display_date": "2018 年第四季度",
    }
    text = funding["text"]["text"]
    assert text.count("腾讯完成新一轮融资") == 1
    assert "<strong>混元大模型发布、腾讯成立混元研究组</strong>" in text  # titles, not a2/a1
    launch = slides["EVENT:launch-2023"]["text"]["text"]
    assert "<strong>混元大模型发布</strong>" in launch and ">a2<" not in launch


def test_timeline_csv_dates_sort_and_parse(toy_kg: KnowledgeGraph, tmp_path: Path) -> None:
    path = tmp_path / "timeline.csv"
    write_timeline_csv(_quarter_kg(toy_kg), path)
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert list(df.columns[:5]) == ["id", "date", "granularity", "start", "end"]
    quarter = df.set_index("id").loc["EVENT:funding-2018"]
    assert (quarter["start"], quarter["end"]) == ("2018-10-01", "2018-12-31")
    assert quarter["sources"].count("腾讯完成新一轮融资") == 2  # once for a2, once for a1
    starts = pd.to_datetime(df["start"])  # one precision: parses, sorts
    assert df.sort_values("start")["id"].iloc[0] == "EVENT:funding-2018"
    assert starts.is_monotonic_increasing  # rows are in timeline order
    # the mixed-precision date column parses with format="ISO8601", except quarters
    plain = df[df["granularity"] != "quarter"]["date"]
    assert pd.to_datetime(plain, format="ISO8601").notna().all()
