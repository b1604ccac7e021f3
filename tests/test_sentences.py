"""Sentence boundaries (hunyuan_kg.pipeline.sentences), on sentences written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hunyuan_kg.pipeline.sentences import MAX_SENTENCE, sentence_starts


def _split(text: str) -> list[str]:
    starts = sentence_starts(text)
    return [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)][: len(starts)], strict=True)]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("星河科技发布云帆。北辰资本领投！", ["星河科技发布云帆。", "北辰资本领投！"]),
        ("他说：“上线了。”随后离开。", ["他说：“上线了。”", "随后离开。"]),
        # list items pasted on one line: each bullet starts a sentence
        (
            "•星河科技推出新品，售价 99 元•北辰资本同日宣布投资",
            ["•星河科技推出新品，售价 99 元", "•北辰资本同日宣布投资"],
        ),
        ("标题\n● 第一条", ["标题", "\n", "● 第一条"]),
    ],
)
def test_sentence_boundaries(text: str, sentences: list[str]) -> None:
    assert _split(text) == sentences


@given(st.text(alphabet="星河科技。，！•●\n a1", max_size=3000))
def test_sentences_cover_the_text_in_order_and_stay_bounded(text: str) -> None:
    starts = sentence_starts(text)
    assert starts == sorted(set(starts))
    assert (starts[:1] == [0]) if text else starts == []
    assert "".join(_split(text)) == text
    assert all(len(s) <= MAX_SENTENCE for s in _split(text))
