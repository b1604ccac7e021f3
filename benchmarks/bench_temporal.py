"""Accuracy and throughput of hunyuan_kg.temporal next to raw dateparser and jionlp.

Run from the repository root::

    .venv/bin/python benchmarks/bench_temporal.py [--repeat 5]

The accuracy table is ``tests/data/temporal_cases.yml``. Two scores per system:

* **strict** (ours only): the case passes exactly as in the test suite (value, granularity
  and kind all right; no date where none belongs);
* **lenient** (all systems): a case that expects a calendar date passes when the system
  gives that value at that granularity over the expression; a case that expects no date
  (negatives, durations, sets, vague words) passes when the system claims no *other*
  calendar date over it.

``false dates`` counts the no-date cases where a system claims a calendar date anyway.
Throughput is characters per second over the table sentences and, when ``../shared/seeds``
exists, over the seed articles. jionlp's ``extract_time`` is measured only if it imports
(it is not a dependency; e.g. ``pip install --target /tmp/jio jionlp jiojio zipfile36`` and
``PYTHONPATH=/tmp/jio``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import time
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import yaml

from hunyuan_kg.temporal import GRANULARITIES, find_dates, value_bounds
from hunyuan_kg.temporal.mention import format_value

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "data" / "temporal_cases.yml"
SEEDS = ROOT.parent / "shared" / "seeds"

# (start, end, value, granularity) claimed as calendar dates by a system on one text
Claim = tuple[int, int, str, str]
Extractor = Callable[[str, dt.date], list[Claim]]


def granularity_of(first: dt.date, last: dt.date) -> str | None:
    """The granularity whose period is exactly [first, last], finest first."""
    for granularity in reversed(GRANULARITIES):
        if value_bounds(format_value(granularity, first), granularity) == (first, last):
            return granularity
    return None


def ours(text: str, dct: dt.date) -> list[Claim]:
    return [
        (m.start, m.end, m.value, m.granularity)
        for m in find_dates(text, dct)
        if m.is_date and m.value is not None and m.granularity is not None
    ]


def make_dateparser() -> Extractor:
    from dateparser.search import search_dates

    def extract(text: str, dct: dt.date) -> list[Claim]:
        base = dt.datetime(dct.year, dct.month, dct.day)
        found = search_dates(text, languages=["zh"], settings={"RELATIVE_BASE": base}) or []
        claims: list[Claim] = []
        cursor = 0
        for matched, when in found:
            start = text.find(matched, cursor)
            if start < 0:
                start = text.find(matched)
            if start < 0:
                continue
            cursor = start + len(matched)
            # dateparser gives a point in time: score it at every granularity it could mean
            claims += [(start, cursor, format_value(g, when.date()), g) for g in GRANULARITIES]
        return claims

    return extract


def make_jionlp() -> Extractor | None:
    try:
        import jionlp
    except Exception:  # not installed, or its optional pieces are missing
        return None

    def extract(text: str, dct: dt.date) -> list[Claim]:
        base = time.mktime(dt.datetime(dct.year, dct.month, dct.day, 12).timetuple())
        try:
            found = jionlp.ner.extract_time(text, time_base=base, with_parsing=True)
        except Exception:
            return []
        claims: list[Claim] = []
        for item in found:
            detail = item.get("detail") or {}
            times = detail.get("time")
            if item.get("type") not in ("time_point", "time_span") or not isinstance(times, list):
                continue
            if detail.get("definition") != "accurate" or len(times) != 2:
                continue
            try:
                first = dt.datetime.fromisoformat(str(times[0])).date()
                last = dt.datetime.fromisoformat(str(times[1])).date()
            except ValueError:
                continue
            granularity = granularity_of(first, last)
            if granularity is not None:
                start, end = item["offset"]
                claims.append((start, end, format_value(granularity, first), granularity))  # type: ignore[arg-type]
        return claims

    return extract


def expects_date(case: dict[str, Any]) -> bool:
    return not case.get("nodate") and case.get("kind", "date") == "date"


def lenient_pass(case: dict[str, Any], claims: list[Claim]) -> tuple[bool, bool]:
    """(passed, false date) for one case under the lenient scoring."""
    start = case["text"].index(case["expr"])
    end = start + len(case["expr"])
    over = [(v, g) for s, e, v, g in claims if s < end and e > start]
    if expects_date(case):
        return (case["value"], case.get("gran")) in over or (
            "gran" not in case and any(v == case["value"] for v, _ in over)
        ), False
    allowed = {(case.get("value"), case.get("gran"))}
    wrong = [c for c in over if c not in allowed]
    return not wrong, bool(wrong)


def strict_pass(case: dict[str, Any]) -> bool:
    start = case["text"].index(case["expr"])
    end = start + len(case["expr"])
    found = [m for m in find_dates(case["text"], case["dct"]) if m.start < end and m.end > start]
    if case.get("nodate"):
        return not any(m.kind == "date" for m in found)
    return any(
        m.value == case.get("value")
        and m.kind == case.get("kind", "date")
        and ("gran" not in case or m.granularity == case["gran"])
        for m in found
    )


def throughput(extract: Extractor, docs: Iterable[tuple[str, dt.date]], repeat: int) -> float:
    docs = list(docs)
    chars = sum(len(t) for t, _ in docs) * repeat
    began = time.perf_counter()
    for _ in range(repeat):
        for text, dct in docs:
            extract(text, dct)
    return chars / (time.perf_counter() - began)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="passes for the throughput runs")
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    logging.disable(logging.CRITICAL)  # jionlp logs a traceback for every string it cannot read
    cases: list[dict[str, Any]] = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    for case in cases:
        case["dct"] = dt.date.fromisoformat(str(case["dct"]))
    systems: dict[str, Extractor] = {"hunyuan_kg": ours, "dateparser": make_dateparser()}
    jio = make_jionlp()
    if jio is not None:
        systems["jionlp"] = jio
    else:
        print("jionlp: not importable, skipped")
    seeds = [
        (p.read_text(encoding="utf-8"), dt.date(2024, 7, 4)) for p in sorted(SEEDS.glob("*.txt"))
    ]

    negatives = [c for c in cases if not expects_date(c)]
    print(
        f"table: {len(cases)} cases ({len(cases) - len(negatives)} dates, {len(negatives)} no-date)"
    )
    strict = sum(strict_pass(c) for c in cases)
    print(f"hunyuan_kg strict accuracy: {strict}/{len(cases)} = {strict / len(cases):.1%}")
    header = (
        f"{'system':<12}{'lenient acc':>12}{'dates ok':>10}{'false dates':>12}{'table c/s':>12}"
    )
    print(header + (f"{'seeds c/s':>12}" if seeds else ""))
    for name, extract in systems.items():
        passed = false_dates = dates_ok = 0
        for case in cases:
            ok, false = lenient_pass(case, extract(case["text"], case["dct"]))
            passed += ok
            false_dates += false
            dates_ok += ok and expects_date(case)
        table_speed = throughput(extract, ((c["text"], c["dct"]) for c in cases), args.repeat)
        line = (
            f"{name:<12}{passed / len(cases):>12.1%}{dates_ok:>6}/{len(cases) - len(negatives):<3}"
            f"{false_dates:>8}/{len(negatives):<3}{table_speed:>12,.0f}"
        )
        if seeds:
            line += (
                f"{throughput(extract, seeds, 1 if name != 'hunyuan_kg' else args.repeat):>12,.0f}"
            )
        print(line)


if __name__ == "__main__":
    main()
