"""Learn the relation pair classifier (``hunyuan_kg.pipeline.relation_model``) from the
annotated sentences of ``sample_relation_annotation.py``.

Usage: python train_relations.py DIR --out MODEL_DIR [--dev 6,7] [--C 1.0]
    [--min-count 2] [--threshold 0.7] [--held-out]

Reads ``DIR/rbatch_NN.jsonl`` with the annotators' ``DIR/rel_NN.jsonl``. Every pair of
entities of a sentence that the pipeline reads (``candidate_pairs``) is an example: its
class is the annotated relation with its direction (``develops>``: the first entity is the
head) or ``none``. A multinomial logistic
regression (scikit-learn) is fitted on the batches not in ``--dev``; on the ``--dev`` batches
it prints the pairs' precision and recall (type and direction right) by threshold and, at
``--threshold``, by type. The model is then refitted on every batch (not with
``--held-out``, which keeps the model that has not seen ``--dev``, for
``evaluate_relations.py``, whose figures for the whole component choose ``--threshold``) and
written to ``MODEL_DIR/model.json`` with the threshold (features seen fewer than
``--min-count`` times are dropped; weights under ``PRUNE`` too, and each feature keeps only its
class weights, as ``{class index: weight}``).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from hunyuan_kg.pipeline.relation_model import candidate_pairs, pair_features
from hunyuan_kg.pipeline.relations import lexicon

# the pipeline's symmetric types, and partners_with, which it learns but never emits
SYMMETRIC = lexicon().symmetric | {"partners_with"}
PRUNE = 0.02  # smaller weights are dropped


def examples(rows: list[dict], answers: list[dict]) -> tuple[list[list[str]], list[str]]:
    """Features and classes of every entity pair of the annotated sentences."""
    X: list[list[str]] = []
    y: list[str] = []
    for row, ans in zip(rows, answers, strict=True):
        assert row["id"] == ans["id"], (row["id"], ans["id"])
        ents = row["entities"]
        mentions = [(e[3], e[3] + len(e[1]), e[2]) for e in ents]
        gold: dict[tuple[int, int], str] = {}
        for rel in ans.get("relations", []):
            h, kind, t = int(rel[0]), str(rel[1]), int(rel[2])
            if h == t or not (0 <= h < len(ents) and 0 <= t < len(ents)):
                continue
            i, j = sorted((h, t))
            if mentions[i][0] > mentions[j][0]:
                i, j = j, i
            arrow = ">" if kind in SYMMETRIC or h == i else "<"
            gold.setdefault((i, j), kind + arrow)
        order = sorted(range(len(ents)), key=lambda k: mentions[k][0])
        ordered = [mentions[k] for k in order]
        for p, q in candidate_pairs(row["text"], ordered):  # the pairs the pipeline reads
            X.append(pair_features(row["text"], ordered[p], ordered[q], ordered[p + 1 : q]))
            y.append(gold.get((order[p], order[q]), "none"))
    return X, y


def load(directory: Path, batches: list[int]) -> tuple[list[list[str]], list[str]]:
    X: list[list[str]] = []
    y: list[str] = []
    for b in batches:
        rows = [
            json.loads(line)
            for line in (directory / f"rbatch_{b:02d}.jsonl").open(encoding="utf-8")
        ]
        answers = [
            json.loads(line) for line in (directory / f"rel_{b:02d}.jsonl").open(encoding="utf-8")
        ]
        bx, by = examples(rows, answers)
        X += bx
        y += by
    return X, y


def fit(
    X: list[list[str]], y: list[str], C: float, min_count: int
) -> tuple[DictVectorizer, LogisticRegression]:
    counts = Counter(f for feats in X for f in set(feats))
    vec = DictVectorizer()
    M = vec.fit_transform([{f: 1 for f in feats if counts[f] >= min_count} for feats in X])
    clf = LogisticRegression(C=C, max_iter=3000)
    clf.fit(M, y)
    return vec, clf


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", type=Path)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--dev", default="6,7")
    ap.add_argument("--C", type=float, default=1.0)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--threshold", type=float, default=0.7)
    ap.add_argument("--held-out", action="store_true")
    args = ap.parse_args()
    batches = sorted(int(p.stem.split("_")[1]) for p in args.dir.glob("rel_*.jsonl"))
    dev = [int(b) for b in args.dev.split(",")]
    train = [b for b in batches if b not in dev]
    X, y = load(args.dir, train)
    Xd, yd = load(args.dir, dev)
    related = sum(c != "none" for c in y), sum(c != "none" for c in yd)
    print(f"train {len(y)} pairs ({related[0]} related), dev {len(yd)} ({related[1]})")
    print(Counter(c for c in y if c != "none").most_common())
    vec, clf = fit(X, y, args.C, args.min_count)
    probs = clf.predict_proba(vec.transform([{f: 1 for f in feats} for feats in Xd]))
    classes = list(clf.classes_)
    none = classes.index("none")
    masked = probs.copy()
    masked[:, none] = 0
    pick = masked.argmax(axis=1)
    p_pick = masked.max(axis=1)
    n_gold = related[1]
    for t in np.arange(0.2, 0.95, 0.05):
        sel = p_pick >= t
        right = sum(1 for k in np.flatnonzero(sel) if classes[pick[k]] == yd[k])
        n_pred = int(sel.sum())
        prec, recall = right / max(n_pred, 1), right / n_gold
        print(f"threshold {t:.2f}: {n_pred} predicted, precision {prec:.3f}, recall {recall:.3f}")
    threshold = args.threshold
    sel = p_pick >= threshold
    for kind in sorted({c[:-1] for c in classes if c != "none"}):
        pred = [k for k in np.flatnonzero(sel) if classes[pick[k]][:-1] == kind]
        right = sum(1 for k in pred if classes[pick[k]] == yd[k])
        gold_n = sum(1 for c in yd if c[:-1] == kind)
        print(f"  {kind:14s} gold {gold_n:4d} predicted {len(pred):4d} right {right:4d}")
    print(f"threshold {threshold:.2f}")
    if not args.held_out:
        vec, clf = fit(X + Xd, y + yd, args.C, args.min_count)
    names = vec.get_feature_names_out()
    coef = clf.coef_.T  # features x classes
    weights = {
        str(f): {str(k): round(float(w), 3) for k, w in enumerate(row) if abs(w) >= PRUNE}
        for f, row in zip(names, coef, strict=True)
        if np.abs(row).max() >= PRUNE
    }
    args.out.mkdir(parents=True, exist_ok=True)
    model = {
        "classes": [str(c) for c in clf.classes_],
        "bias": [round(float(b), 4) for b in clf.intercept_],
        "threshold": round(threshold, 2),
        "weights": weights,
    }
    (args.out / "model.json").write_text(
        json.dumps(model, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
    print(f"{len(weights)} features kept of {len(names)}")


if __name__ == "__main__":
    main()
