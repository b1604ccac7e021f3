"""Build the knowledge graph of a folder of real articles with a candidate NER model and score it.

Usage:
    python score_real_dev.py MODEL OUT_DIR [--labels PERSON,LOC,ORG] [--no-gazetteer]
        [--docs ../../shared/dev/docs] [--gold ../../shared/dev/gold.json]

MODEL is a spaCy pipeline directory (or ``hunyuan_kg`` for the shipped one). ``--labels`` are
the model labels the pipeline takes (by default those ``hunyuan_kg.load`` takes: PERSON, LOC
and ORG with a gazetteer, PRODUCT too without;
``PERSON,ORG,PRODUCT,LOC`` takes all four). The graph is written to OUT_DIR and scored with the
dev set's own ``score.py`` (lenient surface-form matching), whose JSON summary is saved as
OUT_DIR/score.json. Nothing from the articles is written outside OUT_DIR (keep it in ``output/``,
which is git-ignored).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import hunyuan_kg


def spurious_by_type(scorer: Path, gold_path: Path, out: Path) -> dict[str, int]:
    """Count the extracted entities that match no gold name, by type (score.py lists only 60)."""
    spec = importlib.util.spec_from_file_location("dev_score", scorer)
    assert spec is not None and spec.loader is not None
    mod: Any = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    graph, _ = mod.load(str(out))
    forms = {mod.norm(a) for e in gold["entities"] for a in e["aliases"]}
    forms |= {mod.norm(x) for x in gold.get("acceptable_extras", [])}
    counts: Counter[str] = Counter()
    for _, data in graph.nodes(data=True):
        kind = mod.node_type(data)
        if kind in mod.CONTENT_TYPES and not mod.node_forms(data) & forms:
            counts[kind] += 1
    return dict(counts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model")
    parser.add_argument("out", type=Path)
    parser.add_argument("--labels", default=None, help="default: the pipeline's own")
    parser.add_argument("--no-gazetteer", action="store_true")
    parser.add_argument("--docs", type=Path, default=Path("../../shared/dev/docs"))
    parser.add_argument("--gold", type=Path, default=Path("../../shared/dev/gold.json"))
    args = parser.parse_args()
    nlp = hunyuan_kg.load(ner=args.model, gazetteer=not args.no_gazetteer)
    if args.labels:
        nlp.get_pipe("hkg_ner").label_map = {lab: lab for lab in args.labels.split(",")}
    start = time.perf_counter()
    kg = hunyuan_kg.build([args.docs], nlp=nlp)
    seconds = time.perf_counter() - start
    kg.write(args.out)
    scorer = args.gold.parent / "score.py"
    run = subprocess.run(
        [sys.executable, str(scorer), str(args.gold), str(args.out), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    (args.out / "score.json").write_text(run.stdout, encoding="utf-8")
    result = json.loads(run.stdout)
    keys = ("entity_recall", "entity_recall_any_type", "entity_precision", "entity_extracted")
    summary = {k: result.get(k) for k in keys}
    summary["spurious_by_type"] = spurious_by_type(scorer, args.gold, args.out)
    print(json.dumps({"model": args.model, "labels": args.labels, **summary, "build_s": seconds}))


if __name__ == "__main__":
    main()
