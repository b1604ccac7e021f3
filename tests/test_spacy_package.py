"""The spaCy pipeline as spaCy users meet it, each step in its own Python process:
``nlp.pipe(n_process=2)``, ``DocBin(store_user_data=True)``, ``nlp.to_disk`` with the pkuseg
segmenter, and ``spacy.load`` of the saved folder in a fresh process that never imports
hunyuan_kg itself (the ``spacy_factories`` and srsly entry points do)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from importlib.metadata import entry_points
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent

#: Shared by both scripts: what a Doc holds, as JSON-ready data.
SUMMARY = """
import dataclasses

def summary(doc):
    return {
        "ents": [(e.start_char, e.end_char, e.label_, e.kb_id_) for e in doc.ents],
        "antecedents": [dataclasses.asdict(e._.antecedent) for e in doc.ents if e._.antecedent],
        "dates": [dataclasses.asdict(s._.date) for s in doc.spans["dates"]],
        "events": [dataclasses.asdict(e) for e in doc._.events],
        "relations": [dataclasses.asdict(r) for r in doc._.relations],
        "dct": str(doc._.dct),
        "types": sorted({type(x).__name__ for x in [*doc._.events, *doc._.relations]}),
    }
"""

SAVE = (
    SUMMARY
    + """
import json, sys
from pathlib import Path
from spacy.tokens import DocBin
import hunyuan_kg
from hunyuan_kg.extraction import make_doc
from hunyuan_kg.ingest import read_document

out = Path(sys.argv[1])
nlp = hunyuan_kg.load()
paths = sorted(p for p in Path("data/sample").iterdir() if p.name != "gold.json")
documents = [read_document(p) for p in paths]
one = [summary(d) for d in nlp.pipe(make_doc(nlp, x) for x in documents)]
two = [summary(d) for d in nlp.pipe((make_doc(nlp, x) for x in documents), n_process=2)]
db = DocBin(store_user_data=True)
for doc in nlp.pipe(make_doc(nlp, x) for x in documents):
    db.add(doc)
db.to_disk(out / "docs.spacy")
nlp.to_disk(out / "pipeline")
run = {"texts": [x.text for x in documents], "one": one, "two": two}
json.dump(run, open(out / "run.json", "w"))
"""
)

LOAD = (
    SUMMARY
    + """
import json, sys
from pathlib import Path
import spacy
from spacy.tokens import DocBin

out = Path(sys.argv[1])
nlp = spacy.load(out / "pipeline")
docs = list(DocBin().from_disk(out / "docs.spacy").get_docs(nlp.vocab))
run = json.load(open(out / "run.json"))
loaded = [summary(d) for d in nlp.pipe(run["texts"])]
json.dump({
    "meta": nlp.meta,
    "pipe_names": nlp.pipe_names,
    "docbin": [summary(d) for d in docs],
    "loaded": loaded,
}, open(out / "load.json", "w"))
"""
)


def _python(script: str, *args: str, cwd: Path) -> None:
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, dict]:
    out = tmp_path_factory.mktemp("spacy")
    _python(SAVE, str(out), cwd=ROOT)
    # The fresh process runs outside the repository: only the installed package is seen.
    _python(LOAD, str(out), cwd=out)
    run = json.loads((out / "run.json").read_text())
    return run, json.loads((out / "load.json").read_text())


def test_n_process_2_gives_what_n_process_1_gives(saved: tuple[dict, dict]) -> None:
    run, _ = saved
    assert len(run["one"]) == len(run["texts"]) >= 9
    assert sum(len(s["events"]) for s in run["one"]) > 20
    assert sum(len(s["dates"]) for s in run["one"]) > 20
    assert any(s["antecedents"] for s in run["one"])
    assert run["two"] == run["one"]


def test_docbin_round_trips_the_extensions(saved: tuple[dict, dict]) -> None:
    run, loaded = saved
    assert loaded["docbin"] == run["one"]
    # Records come back as records (srsly decoders), not as plain maps.
    assert {t for s in loaded["docbin"] for t in s["types"]} == {
        "EventCandidate",
        "RelationCandidate",
    }
    assert all(s["dct"] != "None" for s in loaded["docbin"][:4])


def test_saved_pipeline_loads_and_runs_in_a_fresh_process(saved: tuple[dict, dict]) -> None:
    run, loaded = saved
    assert loaded["pipe_names"][:3] == ["hkg_sentences", "hkg_ner", "hkg_entity_ruler"]
    # Without a document date relative dates stay open, so compare what does not need one.
    for fresh, first in zip(loaded["loaded"], run["one"], strict=True):
        assert fresh["ents"] == first["ents"]
        assert fresh["relations"] == first["relations"]


def test_meta_names_the_package(saved: tuple[dict, dict]) -> None:
    import hunyuan_kg

    _, loaded = saved
    meta = loaded["meta"]
    assert (meta["name"], meta["version"], meta["license"]) == (
        "hunyuan_kg",
        hunyuan_kg.__version__,
        "MIT",
    )
    assert "Chinese" in meta["description"]


def test_every_factory_has_an_entry_point() -> None:
    from spacy.language import Language

    import hunyuan_kg.pipeline  # noqa: F401  (registers the factories)

    ours = {n for n in Language._factory_meta if n.startswith("hkg_")}
    points = {e.name: e.value for e in entry_points(group="spacy_factories")}
    assert ours and ours <= set(points)
    for name in ours:
        module, func = points[name].split(":")
        assert getattr(__import__(module, fromlist=[func]), func) is not None
