"""An article's headline reports what happened when the article was published: an event
the headline names and nothing dates takes the publication date, marked as such in its
source, unless the article itself states a date for the same event.

The articles are written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import hunyuan_kg
from hunyuan_kg.pipeline.events import lexicon
from hunyuan_kg.records import TimelineEvent

LIGHT = {"segmenter": "char", "ner": None}


def _timeline(tmp_path: Path, article: str) -> list[TimelineEvent]:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.md").write_text(article, encoding="utf-8")
    kg = hunyuan_kg.build([folder], nlp=hunyuan_kg.load(**LIGHT))
    return [e for e in kg.timeline if e.type == "launch"]


def _article(title: str, body: str) -> str:
    return f"---\ntitle: {title}\ndate: 2025-04-10\n---\n{body}\n"


def test_an_undated_headline_event_takes_the_publication_date(tmp_path):
    events = _timeline(tmp_path, _article("智谱发布GLM-5", "新模型在代码任务上表现出色。"))
    assert [e.date for e in events] == ["2025-04-10"]
    (source,) = events[0].sources
    assert source.date_text == lexicon().headline_date_text


def test_a_date_the_article_states_wins_over_the_publication_date(tmp_path):
    body = "4 月 8 日，智谱正式发布GLM-5，并同步开放接口。"
    events = _timeline(tmp_path, _article("智谱发布GLM-5", body))
    assert [e.date for e in events] == ["2025-04-08"]
    # the headline only restated the dated event
    assert lexicon().headline_date_text not in [s.date_text for s in events[0].sources]


@pytest.mark.parametrize("title", ["智谱发布GLM-5", "智谱发布了新模型"])
def test_without_a_headline_nothing_is_dated_by_the_publication_date(tmp_path, title):
    # the same sentence in the body, with no date of its own, stays off the timeline
    article = f"---\ndate: 2025-04-10\n---\n导语。\n\n{title}。\n"
    assert _timeline(tmp_path, article) == []


def test_a_headline_is_not_dated_by_a_publication_date_nobody_stated(tmp_path):
    # no front-matter date; the publication date would be inferred from 2024 年 3 月
    article = "---\ntitle: 智谱发布GLM-5\n---\n智谱在 2024 年 3 月融资。\n"
    assert _timeline(tmp_path, article) == []
