"""Turn people's verdicts on mined candidate names into gazetteer files.

``name_candidates.py`` lists surfaces that raw tech news uses like names; people read each
one (``training/name_verdicts.tsv``: name, verdict ORG / PRODUCT / PERSON / NO, ambiguous
0/1, sources, articles) and this script writes the accepted ones to
``data/gazetteers/verified_{orgs,products,people}.jsonl`` (``kind: verified``, with the
number of raw articles they occur in). A name is left out when the shipped hand-written
gazetteer already knows it or stops it, when it is a known name plus a suffix the resolver
strips (AMD 公司 is AMD, 小红书 App is 小红书),
or when it is a product written after its known maker (百度文心一言 is 文心一言); names that
fold to the same key (Redmi, REDMI) become one entry, the most frequent form first.

usage: python scripts/verified_names.py ../name_verdicts.tsv ../../data/gazetteers
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
from pathlib import Path

FILES = {"ORG": "verified_orgs.jsonl", "PRODUCT": "verified_products.jsonl"}
FILES["PERSON"] = "verified_people.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("verdicts", type=Path)
    ap.add_argument("out", type=Path, help="data/gazetteers")
    args = ap.parse_args()

    from hunyuan_kg.gazetteer import Gazetteer, _entry
    from hunyuan_kg.normalize import name_key
    from hunyuan_kg.resolve.names import NameResolver
    from hunyuan_kg.resources import read_jsonl

    # the hand-written entries only: the files this script writes are replaced
    hand = [
        _entry(row)
        for path in sorted(args.out.glob("*.jsonl"))
        if not path.name.startswith("verified_")
        for row in read_jsonl(path)
    ]
    gaz = Gazetteer(hand)
    resolver = NameResolver(gaz)
    stop = Gazetteer.default().is_stopword
    with args.verdicts.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh, delimiter="\t") if r["verdict"] in FILES]
    rows.sort(key=lambda r: -int(r["articles"]))
    accepted = {name_key(r["name"]) for r in rows}
    entries: dict[str, dict[str, object]] = {}
    for r in rows:
        name, key = r["name"].strip(), name_key(r["name"])
        if gaz.lookup(name) is not None or stop(name):
            continue
        # a name the resolver reads as a known one (AMD 公司, 小红书 App, 百度文心一言)
        if any(
            gaz.lookup(k) is not None or k in accepted
            for k in resolver.reductions(name, r["verdict"])
        ):
            continue
        if key in entries:
            entry = entries[key]
            if entry["type"] == r["verdict"] and name != entry["name"]:
                entry["aliases"].append(name)  # type: ignore[attr-defined]
            continue
        digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
        entries[key] = {
            "id": f"verified_{digest}",
            "name": name,
            "type": r["verdict"],
            "aliases": [],
            "kind": "verified",
            **({"ambiguous": [name]} if r["ambiguous"] == "1" else {}),
            "articles": int(r["articles"]),
        }
    for etype, filename in FILES.items():
        mine = sorted((e for e in entries.values() if e["type"] == etype), key=lambda e: e["id"])
        with (args.out / filename).open("w", encoding="utf-8") as fh:
            for e in mine:
                fh.write(json.dumps(e, ensure_ascii=False) + "\n")
        print(f"{len(mine)} {etype} → {args.out / filename}")


if __name__ == "__main__":
    main()
