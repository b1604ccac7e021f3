"""Shrink a spacy_pkuseg model: drop features whose weights are all tiny, round the rest.

Usage: python prune_pkuseg.py IN_DIR OUT_DIR [--threshold 0.01] [--float16]

* A feature is dropped when max |w| over its 5 tag weights is below ``--threshold``; feature 0
  (the bias feature every character fires) is always kept. Indices are renumbered and the
  weight vector rebuilt (node weights of kept features + the 5x5 transition weights).
* ``--float16`` rounds weights to float16 precision but stores them as float64 (spacy_pkuseg's
  Cython decoder needs float64), so the compressed ``weights.npz`` shrinks by about 4x.
* The word-bigram list in ``features.msgpack`` is emptied: only training reads it.
The result loads with ``spacy_pkuseg.pkuseg(model_name=OUT_DIR)``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import srsly


def prune(src: Path, dst: Path, *, threshold: float, float16: bool) -> dict[str, int]:
    data = srsly.read_msgpack(src / "features.msgpack")
    npz = np.load(src / "weights.npz")
    n_tag, n_feature = (int(x) for x in npz["sizes"])
    w = npz["w"]
    node = w[: n_feature * n_tag].reshape(n_feature, n_tag)
    edge = w[n_feature * n_tag :]
    keep = np.abs(node).max(axis=1) >= threshold
    keep[0] = True
    new_index = np.cumsum(keep) - 1
    feature_to_idx = {f: int(new_index[i]) for f, i in data["feature_to_idx"].items() if keep[i]}
    new_w = np.concatenate([node[keep].ravel(), edge])
    if float16:
        new_w = new_w.astype(np.float16).astype(np.float64)
    dst.mkdir(parents=True, exist_ok=True)
    srsly.write_msgpack(
        dst / "features.msgpack",
        {
            "unigram": data["unigram"],
            "bigram": [],
            "feature_to_idx": feature_to_idx,
            "tag_to_idx": data["tag_to_idx"],
        },
    )
    np.savez_compressed(dst / "weights.npz", sizes=np.array([n_tag, int(keep.sum())]), w=new_w)
    return {"features_before": n_feature, "features_after": int(keep.sum())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("src", type=Path)
    parser.add_argument("dst", type=Path)
    parser.add_argument("--threshold", type=float, default=0.01)
    parser.add_argument("--float16", action="store_true")
    args = parser.parse_args()
    print(prune(args.src, args.dst, threshold=args.threshold, float16=args.float16))


if __name__ == "__main__":
    main()
