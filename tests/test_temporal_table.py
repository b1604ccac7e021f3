"""Table-driven tests of hunyuan_kg.temporal over tests/data/temporal_cases.yml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from hunyuan_kg.temporal import DateMention, find_dates

CASES_PATH = Path(__file__).parent / "data" / "temporal_cases.yml"
CASES: list[dict[str, Any]] = yaml.safe_load(CASES_PATH.read_text(encoding="utf-8"))


def overlapping(case: dict[str, Any]) -> list[DateMention]:
    """Mentions of the case's text that overlap its expression."""
    start = case["text"].index(case["expr"])
    end = start + len(case["expr"])
    return [
        m for m in find_dates(case["text"], str(case["dct"])) if m.start < end and m.end > start
    ]


def passes(case: dict[str, Any]) -> bool:
    found = overlapping(case)
    if case.get("nodate"):
        return not any(m.kind == "date" for m in found)
    return any(
        m.value == case.get("value")
        and m.kind == case.get("kind", "date")
        and ("gran" not in case or m.granularity == case["gran"])
        for m in found
    )


def test_table_is_large_and_well_formed() -> None:
    assert len(CASES) >= 200
    for case in CASES:
        assert case["expr"] in case["text"], case
        assert case.get("nodate") or "value" in case, case
    assert sum(1 for c in CASES if c.get("nodate") or c.get("kind") == "duration") >= 50


@pytest.mark.parametrize("case", CASES, ids=[f"{i}-{c['expr']}" for i, c in enumerate(CASES)])
def test_case(case: dict[str, Any]) -> None:
    found = overlapping(case)
    shown = [(m.text, m.value, m.granularity, m.kind) for m in found]
    assert passes(case), f"{case['text']!r} dct={case['dct']}: got {shown}"


def test_checker_can_fail() -> None:
    case = {"text": "去年 9 月发布", "dct": "2024-07-04", "expr": "去年 9 月", "value": "2024-09"}
    assert not passes(case)
    assert not passes({**case, "value": "2023-09", "gran": "day"})
    assert passes({**case, "value": "2023-09", "gran": "month"})
    assert not passes(
        {"text": "去年 9 月发布", "dct": "2024-07-04", "expr": "9 月", "nodate": True}
    )
