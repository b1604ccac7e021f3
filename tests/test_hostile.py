"""Hostile input and faults beside good articles (issue 15): 0 crashes, 0 hangs, 0 good
articles lost, 0 formula cells, nothing read outside the input roots.

Every test runs under a deadline (SIGALRM), so a hang fails the test instead of the run.
The light pipeline (character tokens, no statistical NER) keeps the module fast. Cases
that need root-only features (a tmpfs mount) are skipped where those are missing.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

import hunyuan_kg
from hunyuan_kg import api, fileio
from hunyuan_kg.cli import app
from hunyuan_kg.ingest import IngestError, InputError, read_document, read_input
from hunyuan_kg.kg import KnowledgeGraph

LIGHT = ("--segmenter", "char", "--ner", "none", "--jobs", "1", "--quiet")
DEADLINE_S = 60

GOOD: dict[str, str] = {
    "good_hunyuan.md": (
        "---\ntitle: 腾讯发布混元大模型\ndate: 2023-09-07\n---\n"
        "2023 年 9 月 7 日，腾讯在深圳正式发布混元大模型。\n\n"
        "腾讯表示，混元大模型将通过腾讯云对外开放。\n"
    ),
    "good_yuanbao.txt": (
        "腾讯推出元宝\n\n2024 年 5 月 30 日，腾讯推出元宝 App，元宝基于混元大模型。\n"
    ),
    "good_wenxin.txt": "百度发布文心一言\n\n2023 年 3 月 16 日，百度在北京发布文心一言。\n",
}
GOOD_IDS = {Path(name).stem for name in GOOD}

#: An article outside the input folder: none of it may reach any output.
SECRET_MARK = "SECRETTOKEN42"
SECRET = f"{SECRET_MARK} 通义千问\n\n2023 年 4 月 7 日，阿里巴巴发布通义千问。\n"
SECRET_WORDS = (SECRET_MARK, "通义千问", "阿里巴巴")


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise TimeoutError in the main thread after ``seconds`` (a hang fails the test)."""

    def expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"no result within {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(autouse=True)
def _bounded() -> Iterator[None]:
    with deadline(DEADLINE_S):
        yield


@pytest.fixture(scope="module")
def nlp():
    return hunyuan_kg.load(segmenter="char", ner=None)


def _write_good(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _projection(kg: KnowledgeGraph) -> dict[str, object]:
    """What the good documents contributed: entities, relations, events."""
    g = kg.graph
    nodes = sorted(
        (n, d["type"]) for n, d in g.nodes(data=True) if GOOD_IDS & set(d.get("docs", ()))
    )
    edges = sorted(
        (u, v, d["type"]) for u, v, d in g.edges(data=True) if GOOD_IDS & set(d.get("docs", ()))
    )
    events = sorted(
        (e.date or "", e.type, e.title) for e in kg.events if GOOD_IDS & {s.doc for s in e.sources}
    )
    return {"nodes": nodes, "edges": edges, "events": events}


@pytest.fixture(scope="module")
def expected(nlp, tmp_path_factory) -> dict[str, object]:
    kg = hunyuan_kg.build([_write_good(tmp_path_factory.mktemp("good"))], nlp=nlp)
    assert {d.id for d in kg.documents} == GOOD_IDS and not kg.failures
    projection = _projection(kg)
    assert projection["nodes"] and projection["events"]  # the comparison means something
    return projection


def _cli(*args: str | Path):
    return CliRunner().invoke(app, ["build", *map(str, args), *LIGHT])


def _tree_bytes(folder: Path) -> bytes:
    """Every byte under ``folder`` (outputs and cache), to look for leaked text."""
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def _no_secret(folder: Path) -> None:
    data = _tree_bytes(folder)
    for word in SECRET_WORDS:
        assert word.encode() not in data, word


def _failures(out: Path) -> dict[str, str]:
    rows = [json.loads(line) for line in (out / "errors.jsonl").read_text("utf-8").splitlines()]
    return {Path(r["path"]).name: r["reason"] for r in rows}


# --- 1. one guarded way to open an input ------------------------------------------------


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """Good articles beside a /dev/zero link, a FIFO, a 12 GB sparse file, a symlink loop,
    a broken link, file and folder links out of the input, and an unreadable file."""
    corpus = _write_good(tmp_path / "corpus")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    (corpus / "z.txt").symlink_to("/dev/zero")
    os.mkfifo(corpus / "p.txt")
    with (corpus / "huge.txt").open("wb") as fh:
        fh.truncate(12 * 1024**3)  # sparse: no disk used
    (corpus / "a.txt").symlink_to("b.txt")
    (corpus / "b.txt").symlink_to("a.txt")
    (corpus / "broken.txt").symlink_to(tmp_path / "missing.txt")
    (corpus / "passwd.txt").symlink_to(outside / "secret.txt")
    (corpus / "outdir_link").symlink_to(outside, target_is_directory=True)
    (corpus / "inside_link.txt").symlink_to(corpus / "good_wenxin.txt")  # inside: same doc
    return corpus


HOSTILE_REASONS = {
    "z.txt": "outside",
    "p.txt": "not a regular file",
    "huge.txt": "too large",
    "a.txt": "loop",
    "b.txt": "loop",
    "broken.txt": "broken",
    "passwd.txt": "outside",
    "outdir_link": "outside",
}


def test_hostile_inputs_fail_one_by_one_and_good_articles_survive(hostile, nlp, expected):
    kg = hunyuan_kg.build([hostile], nlp=nlp)
    assert {d.id for d in kg.documents} == GOOD_IDS
    assert _projection(kg) == expected
    failed = {Path(f.path).name: f.reason for f in kg.failures}
    assert set(failed) == set(HOSTILE_REASONS), failed
    for name, word in HOSTILE_REASONS.items():
        assert word in failed[name] and "\n" not in failed[name], (name, failed[name])
    assert not any(SECRET_MARK in (d.title or "") for d in kg.documents)


def test_cli_on_hostile_inputs_writes_everything_and_reads_nothing_outside(hostile, tmp_path):
    out = tmp_path / "out"
    result = _cli(hostile, "-o", out)
    assert result.exit_code == 1, result.output
    assert set(_failures(out)) == set(HOSTILE_REASONS)
    for name in ("graph.graphml", "timeline.json", "entities.csv"):
        assert (out / name).stat().st_size > 0
    _no_secret(out)
    # an update (cache hits) behaves the same
    result = CliRunner().invoke(app, ["build", str(hostile), "--update", str(out), *LIGHT])
    assert result.exit_code == 1, result.output
    assert set(_failures(out)) == set(HOSTILE_REASONS)
    _no_secret(out)


def test_worker_processes_read_only_inside_the_roots_too(hostile, expected):
    kg = hunyuan_kg.build([hostile], jobs=2, batch_size=1, segmenter="char", ner=None)
    assert {d.id for d in kg.documents} == GOOD_IDS
    assert _projection(kg) == expected
    assert {Path(f.path).name for f in kg.failures} == set(HOSTILE_REASONS)


def test_a_file_swapped_for_a_symlink_after_the_scan_is_not_read(tmp_path, monkeypatch, nlp):
    corpus = _write_good(tmp_path / "corpus")
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    victim = corpus / "swapped.txt"
    victim.write_text(GOOD["good_wenxin.txt"], encoding="utf-8")
    real = api.read_document

    def swap_first(path, **kw):
        if Path(path).name == victim.name:
            victim.unlink()
            victim.symlink_to(tmp_path / "secret.txt")
        return real(path, **kw)

    monkeypatch.setattr(api, "read_document", swap_first)
    kg = hunyuan_kg.build([corpus], nlp=nlp)
    assert [(f.doc, "outside" in f.reason) for f in kg.failures] == [("swapped", True)]
    assert not any(SECRET_MARK in (d.title or "") for d in kg.documents)


def test_follow_symlinks_reads_outside_but_never_a_device(hostile, nlp):
    kg = hunyuan_kg.build([hostile], nlp=nlp, follow_symlinks=True)
    docs = {d.id for d in kg.documents}
    assert docs == {*GOOD_IDS, "passwd"}, docs
    failed = {Path(f.path).name: f.reason for f in kg.failures}
    assert "not a regular file" in failed["z.txt"] and "p.txt" in failed


def test_read_input_refuses_devices_fifos_and_escapes(tmp_path):
    os.mkfifo(tmp_path / "p.txt")
    (tmp_path / "z.txt").symlink_to("/dev/zero")
    (tmp_path / "ok.txt").write_text("正文", encoding="utf-8")
    with pytest.raises(IngestError, match="not a regular file"):
        read_input(tmp_path / "p.txt")
    with pytest.raises(IngestError, match="not a regular file"):
        read_input(tmp_path / "z.txt")
    with pytest.raises(IngestError, match="outside"):
        read_input(tmp_path / "z.txt", roots=[tmp_path])
    with pytest.raises(IngestError, match="too large"):
        read_input(tmp_path / "ok.txt", max_bytes=2)
    assert read_input(tmp_path / "ok.txt", roots=[tmp_path]) == "正文".encode()


def test_non_utf8_file_name_is_read_and_cached(tmp_path, nlp):
    corpus = _write_good(tmp_path / "corpus")
    name = os.fsdecode(b"\xb0\xa1\xff.txt")
    (corpus / name).write_text(GOOD["good_wenxin.txt"].replace("百度", "华为"), "utf-8")
    out = tmp_path / "out"
    assert _cli(corpus, "-o", out).exit_code == 0
    ids = {d.id for d in hunyuan_kg.build([corpus], nlp=nlp).documents}
    assert "\ufffd\ufffd\ufffd" in ids and ids >= GOOD_IDS
    assert "\ufffd" in (out / "entities.csv").read_text("utf-8-sig")
    assert _cli(corpus, "-o", out).exit_code == 0  # cache hits
    assert json.loads((out / ".cache" / "manifest.json").read_text("utf-8"))["inputs"]


def test_file_deleted_during_the_build_fails_alone(tmp_path, monkeypatch):
    corpus = _write_good(tmp_path / "corpus")
    victim = corpus / "vanishing.txt"
    victim.write_text(GOOD["good_wenxin.txt"], encoding="utf-8")
    real = api.read_document

    def delete_first(path, **kw):
        if Path(path).name == victim.name:
            victim.unlink(missing_ok=True)
        return real(path, **kw)

    monkeypatch.setattr(api, "read_document", delete_first)
    out = tmp_path / "out"
    result = _cli(corpus, "-o", out)
    assert result.exit_code == 1, result.output
    assert "no such file" in _failures(out)["vanishing.txt"]
    docs = json.loads((out / "timeline.json").read_text("utf-8"))
    assert docs["events"]


def test_file_rewritten_during_the_build_never_caches_stale_text(tmp_path, monkeypatch):
    corpus = _write_good(tmp_path / "corpus")
    changing = corpus / "changing.txt"
    changing.write_text("华为发布盘古\n\n2023 年 7 月 7 日，华为发布盘古大模型。\n", "utf-8")
    real = api.read_document

    def rewrite_after_read(path, **kw):
        doc = real(path, **kw)
        if Path(path).name == changing.name:
            changing.write_text("小米发布澎湃\n\n2024 年 4 月 1 日，小米发布澎湃 OS。\n", "utf-8")
        return doc

    out = tmp_path / "out"
    with monkeypatch.context() as m:
        m.setattr(api, "read_document", rewrite_after_read)
        assert _cli(corpus, "-o", out).exit_code == 0
    assert "华为" in (out / "entities.csv").read_text("utf-8-sig")
    result = CliRunner().invoke(app, ["build", str(corpus), "--update", str(out), *LIGHT])
    assert result.exit_code == 0, result.output
    entities = (out / "entities.csv").read_text("utf-8-sig")
    assert "澎湃" in entities and "华为" not in entities


def test_unreadable_folder_is_reported(tmp_path, monkeypatch, nlp):
    corpus = _write_good(tmp_path / "corpus")
    locked = corpus / "locked"
    locked.mkdir()
    (locked / "x.txt").write_text(GOOD["good_wenxin.txt"], encoding="utf-8")
    real = os.scandir

    def refuse(path):
        if Path(path) == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", refuse)
    kg = hunyuan_kg.build([corpus], nlp=nlp)
    assert {d.id for d in kg.documents} == GOOD_IDS
    [failure] = kg.failures
    assert failure.path == str(locked) and "cannot read folder" in failure.reason


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders whatever their mode")
def test_unreadable_folder_by_mode_is_reported(tmp_path, nlp):
    corpus = _write_good(tmp_path / "corpus")
    locked = corpus / "locked"
    locked.mkdir()
    (locked / "x.txt").write_text(GOOD["good_wenxin.txt"], encoding="utf-8")
    locked.chmod(0)
    try:
        kg = hunyuan_kg.build([corpus], nlp=nlp)
    finally:
        locked.chmod(stat.S_IRWXU)
    assert {d.id for d in kg.documents} == GOOD_IDS
    assert [f.path for f in kg.failures] == [str(locked)]


# --- silent loss: deep HTML, lone surrogates ----------------------------------------------


def _nested(depth: int) -> str:
    return (
        "<html><head><title>深层网页</title></head><body>"
        + "<div>" * depth
        + "<p>2023 年 4 月 7 日，华为发布盘古大模型。</p>"
        + "</div>" * depth
        + "<p>尾部段落：2023 年 3 月 16 日，百度发布文心一言。</p></body></html>"
    )


def test_deeply_nested_html_keeps_all_its_text(tmp_path, nlp, expected):
    corpus = _write_good(tmp_path / "corpus")
    (corpus / "deep300.html").write_text(_nested(300), encoding="utf-8")
    (corpus / "deep10k.html").write_text(_nested(10_000), encoding="utf-8")
    kg = hunyuan_kg.build([corpus], nlp=nlp)
    assert not kg.failures
    assert _projection(kg) == expected
    for name in ("deep300", "deep10k"):
        text = read_document(corpus / f"{name}.html").text
        assert "华为发布盘古大模型" in text and "百度发布文心一言" in text, name


def test_broken_bytes_in_a_short_file_are_never_read_as_a_single_byte_code_page(tmp_path):
    path = tmp_path / "s.txt"
    for data in (b"\xed\xa0\x80" * 4 + b"a", b"ab\xed\xa0\x80\xed\xb0\x80cdefg"):
        path.write_bytes(data)
        with pytest.raises(IngestError, match="undecodable"):
            read_document(path)


# --- 2. writing outputs: every OSError is exit 3, previous outputs intact ---------------


def _snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


def _one_line_error(result, code: int = 3) -> str:
    assert result.exit_code == code, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    assert "Traceback" not in result.output
    return lines[0]


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path, dict[str, bytes]]:
    """A corpus, a first successful build of it, and that build's files."""
    corpus = _write_good(tmp_path / "corpus")
    out = tmp_path / "out"
    assert _cli(corpus, "-o", out).exit_code == 0
    (corpus / "more.txt").write_text("华为发布盘古\n\n2023 年 7 月 7 日，华为发布盘古大模型。\n")
    return corpus, out, _snapshot(out)


def test_out_naming_a_file_is_exit_3(tmp_path):
    corpus = _write_good(tmp_path / "corpus")
    target = tmp_path / "taken.txt"
    target.write_text("keep me", encoding="utf-8")
    line = _one_line_error(_cli(corpus, "-o", target))
    assert "not a folder" in line
    assert target.read_text(encoding="utf-8") == "keep me"


def test_cache_that_is_a_file_is_exit_3(built):
    corpus, out, before = built
    shutil.rmtree(out / ".cache")
    (out / ".cache").write_text("not a folder", encoding="utf-8")
    assert ".cache" in _one_line_error(_cli(corpus, "-o", out))
    assert _snapshot(out) == {**before, ".cache": b"not a folder"}


def test_failure_while_writing_leaves_every_previous_output(built, monkeypatch):
    corpus, out, before = built
    from hunyuan_kg.export import gexf

    @contextlib.contextmanager
    def disk_full(path, **kw):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))
        yield

    monkeypatch.setattr(gexf, "atomic_writer", disk_full)  # after graph.graphml is staged
    line = _one_line_error(_cli(corpus, "-o", out))
    assert "No space left on device" in line
    assert _snapshot(out) == before  # all old files, no staged or temporary ones


def test_kg_write_is_all_or_nothing(nlp, built, monkeypatch):
    corpus, out, before = built
    kg = hunyuan_kg.build([corpus], nlp=nlp)
    monkeypatch.setattr(fileio.os, "replace", _raise_enospc)
    with pytest.raises(OSError):
        kg.write(out)
    monkeypatch.undo()
    assert _snapshot(out) == before


def _raise_enospc(*args: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


@contextlib.contextmanager
def _tmpfs(path: Path, options: str) -> Iterator[Path]:
    """A tmpfs mounted at ``path`` (skips the test where mounting is not allowed)."""
    path.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)],
        capture_output=True,
        timeout=20,
    )
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True, timeout=20)


def test_disk_full_is_exit_3_and_keeps_the_previous_outputs(tmp_path):
    corpus = _write_good(tmp_path / "corpus")
    with _tmpfs(tmp_path / "out", "size=1m") as out:
        assert _cli(corpus, "-o", out).exit_code == 0
        before = _snapshot(out)
        (corpus / "more.txt").write_text(
            "华为发布盘古\n\n2023 年 7 月 7 日，华为发布盘古大模型。\n"
        )
        free = shutil.disk_usage(out).free
        (out / ".filler").write_bytes(b"\0" * max(0, free - 8192))
        line = _one_line_error(_cli(corpus, "-o", out))
        assert "No space left" in line
        (out / ".filler").unlink()
        assert _snapshot(out) == before
        assert _cli(corpus, "-o", out).exit_code == 0  # once there is room, all is well


def test_read_only_output_folder_is_exit_3(built, tmp_path):
    corpus, out, before = built
    if os.geteuid() != 0:
        out.chmod(0o555)
        try:
            _one_line_error(_cli(corpus, "-o", out))
        finally:
            out.chmod(0o755)
        assert _snapshot(out) == before
        return
    with _tmpfs(tmp_path / "ro", "size=4m") as ro:
        for name, data in before.items():
            (ro / name).write_bytes(data)
        subprocess.run(["mount", "-o", "remount,ro", str(ro)], check=True, timeout=20)
        line = _one_line_error(_cli(corpus, "-o", ro))
        assert "Read-only" in line
        assert _snapshot(ro) == before


JUNK_ENTRIES = [b"\xff\xfe", b"[]", b'{"info": 5}', b'"inputs"', b"{" * 100_000, b""]


def test_corrupt_cache_entries_are_rebuilt(built):
    corpus, out, _ = built
    (corpus / "more.txt").unlink()
    entries = sorted((out / ".cache" / "docs").rglob("*.json"))
    assert len(entries) == len(GOOD)
    for entry, junk in zip(entries, JUNK_ENTRIES, strict=False):
        entry.write_bytes(junk)
    entries[-1].unlink()
    entries[-1].mkdir()  # a folder where an entry should be
    before = _snapshot(out)
    assert _cli(corpus, "-o", out).exit_code == 0
    assert _snapshot(out) == before
    assert all(e.is_file() for e in entries)  # rebuilt


@pytest.mark.parametrize(
    "manifest", [b'{"inputs": "inputs"}', b"[1, 2]", b"\xff", b'{"inputs": [""]}', None]
)
def test_bad_manifest_is_rebuilt_never_walked(built, manifest):
    corpus, out, _ = built
    path = out / ".cache" / "manifest.json"
    path.unlink()
    if manifest is None:
        path.mkdir()  # a folder where the manifest should be
    else:
        path.write_bytes(manifest)
    result = CliRunner().invoke(app, ["build", str(corpus), "--update", str(out), *LIGHT])
    assert result.exit_code == 0, result.output
    inputs = json.loads(path.read_text(encoding="utf-8"))["inputs"]
    assert inputs == [os.path.realpath(corpus)]


# --- 3. no formula cells in any CSV ----------------------------------------------------

FORMULA_NAMES = ["=cmd|' -C calc'!A0.txt", "+SUM(1,2).txt", "@SUM(1+1).txt", "-2+3.txt", "\tx.txt"]


def _csv_cells(out: Path) -> Iterator[str]:
    for name in ("entities.csv", "relations.csv", "timeline.csv"):
        with (out / name).open(encoding="utf-8-sig", newline="") as fh:
            for row in csv.reader(fh):
                yield from row


def test_no_csv_cell_starts_a_formula(tmp_path):
    corpus = _write_good(tmp_path / "corpus")
    for i, name in enumerate(FORMULA_NAMES):
        text = GOOD["good_wenxin.txt"] if i % 2 else GOOD["good_yuanbao.txt"]
        (corpus / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert _cli(corpus, "-o", out).exit_code == 0
    cells = list(_csv_cells(out))
    assert any("=cmd" in c for c in cells)  # the names are there, neutralized
    assert "\ufffdx" in (out / "timeline.json").read_text("utf-8")  # a tab in a name
    bad = [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert not bad


# --- the output folder is never an input ------------------------------------------------


@pytest.mark.parametrize("inside", [False, True], ids=["out=input", "out in input"])
def test_output_folder_is_never_read_as_input(tmp_path, inside):
    corpus = _write_good(tmp_path / "corpus")
    out = corpus / "out" if inside else corpus
    counts = []
    for _ in range(2):
        assert _cli(corpus, "-o", out).exit_code == 0
        timeline = json.loads((out / "timeline.json").read_text(encoding="utf-8"))
        counts.append(len(timeline["events"]))
    assert counts[0] == counts[1] > 0
    assert not {"timeline", "out/timeline"} & {
        s["doc"] for e in timeline["events"] for s in e["sources"]
    }


# --- clear errors for misuse --------------------------------------------------------------


def test_build_takes_one_str_as_one_path(tmp_path, nlp, expected):
    corpus = _write_good(tmp_path / "corpus")
    assert _projection(hunyuan_kg.build(str(corpus), nlp=nlp)) == expected
    assert _projection(hunyuan_kg.build(corpus, nlp=nlp)) == expected


@pytest.mark.parametrize(
    ("paths", "kw", "error", "words"),
    [
        ([""], {}, InputError, "empty path"),
        (None, {}, TypeError, "None"),
        (b"corpus", {}, TypeError, "bytes"),
        ([3], {}, TypeError, "str or Path"),
        (["."], {"batch_size": 0}, ValueError, "batch_size"),
        (["."], {"jobs": -3}, ValueError, "jobs"),
    ],
)
def test_build_misuse_gets_a_clear_error(paths, kw, error, words, nlp):
    with pytest.raises(error, match=words):
        hunyuan_kg.build(paths, nlp=nlp, **kw)


def test_kg_write_takes_a_format_string_and_writes_errors_jsonl(tmp_path, nlp):
    corpus = _write_good(tmp_path / "corpus")
    (corpus / "empty.txt").write_bytes(b"")
    kg = hunyuan_kg.build(corpus, nlp=nlp)
    assert [p.name for p in kg.write(tmp_path / "a", "json")] == ["timeline.json"]
    assert [p.name for p in kg.write(tmp_path / "b", "json,md")] == ["timeline.json", "timeline.md"]
    errors = (tmp_path / "a" / "errors.jsonl").read_text(encoding="utf-8")
    assert json.loads(errors)["doc"] == "empty"
    with pytest.raises(ValueError, match="outdir"):
        kg.write("")


@pytest.mark.parametrize(
    "args",
    [("--segmenter", "bogus"), ("--ner", "nonexistent"), ("--jobs", "-3")],
    ids=["segmenter", "ner", "jobs"],
)
def test_bad_cli_values_are_usage_errors(tmp_path, args):
    corpus = _write_good(tmp_path / "corpus")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["build", str(corpus), "-o", str(out), *LIGHT, *args])
    line = _one_line_error(result, 2)
    assert args[1] in line
    assert not out.exists()


# --- 5. deterministic under any PYTHONHASHSEED ------------------------------------------

#: Near-duplicate names: Z9 stands for Alpha-Z9 or Omega-Z9 (same length), 晓峰 for
#: 张晓峰 or 李晓峰; which one it joins used to depend on set (hash) order.
NEAR_DUPLICATES = {
    "models.txt": (
        "两家公司发布新模型\n\n2024 年 3 月 6 日，智谱发布 Alpha-Z9 和 Omega-Z9。"
        "Z9 很受欢迎。Omega-Z9 和 Alpha-Z9 都开源了。\n"
    ),
    "people.txt": (
        "发布会\n\n2024 年 3 月 5 日，腾讯副总裁张晓峰和阿里巴巴副总裁李晓峰出席发布会。"
        "晓峰表示，模型很强。\n"
    ),
}


def _build_with_seed(corpus: Path, out: Path, seed: str) -> dict[str, bytes]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    code = "import sys; from hunyuan_kg.cli import main; sys.argv[0] = 'hunyuan-kg'; main()"
    args = [sys.executable, "-c", code, "build", str(corpus), "-o", str(out), *LIGHT]
    done = subprocess.run(args, env=env, capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


def test_outputs_do_not_depend_on_the_hash_seed(tmp_path):
    corpus = _write_good(tmp_path / "corpus")
    for name, text in NEAR_DUPLICATES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    one = _build_with_seed(corpus, tmp_path / "one", "1")
    two = _build_with_seed(corpus, tmp_path / "two", "2")
    assert b"Z9" in one["entities.csv"]
    assert set(one) == set(two)
    for name in one:
        assert one[name] == two[name], name


# --- 6. time linear in sentence length ----------------------------------------------------


def test_one_long_sentence_takes_linear_time_and_costs_no_good_article(tmp_path, nlp, expected):
    from hunyuan_kg.pipeline.sentences import MAX_SENTENCE

    corpus = _write_good(tmp_path / "corpus")
    (corpus / "line.txt").write_text("腾讯发布混元大模型，" * 4_000, encoding="utf-8")  # 40k chars
    with deadline(30):  # quadratic: about 2 minutes
        kg = hunyuan_kg.build([corpus], nlp=nlp)
    assert {d.id for d in kg.documents} == {*GOOD_IDS, "line"} and not kg.failures
    assert _projection(kg) == expected
    doc = nlp("腾讯发布混元大模型，" * 200)
    assert max(len(s.text) for s in doc.sents) <= MAX_SENTENCE


@Language.component("hostile_slow")
def _slow_component(doc):
    """Stands for a pipeline step that runs away on one document (marked SLOWDOC)."""
    if "SLOWDOC" in doc.text:
        stop = time.monotonic() + 20
        while time.monotonic() < stop:
            time.sleep(0.01)
    return doc


def test_a_runaway_document_fails_alone_within_its_time_budget(tmp_path, monkeypatch, expected):
    from hunyuan_kg import extraction

    corpus = _write_good(tmp_path / "corpus")
    (corpus / "slow.txt").write_text("SLOWDOC\n\n" + GOOD["good_wenxin.txt"], "utf-8")
    slow = hunyuan_kg.load(segmenter="char", ner=None)
    slow.add_pipe("hostile_slow", first=True)
    monkeypatch.setattr(extraction, "DOC_TIME_BUDGET", 0.5)
    started = time.monotonic()
    kg = hunyuan_kg.build([corpus], nlp=slow)
    assert time.monotonic() - started < 15
    assert [(f.doc, f.reason.split(":")[0]) for f in kg.failures] == [
        ("slow", "time budget exceeded")
    ]
    assert _projection(kg) == expected


def test_the_time_budget_leaves_a_callers_alarm_alone(tmp_path):
    corpus = _write_good(tmp_path / "corpus")
    (corpus / "slow.txt").write_text("SLOWDOC\n\n" + GOOD["good_wenxin.txt"], "utf-8")
    slow = hunyuan_kg.load(segmenter="char", ner=None)
    slow.add_pipe("hostile_slow", first=True)
    started = time.monotonic()
    with pytest.raises(TimeoutError), deadline(1.0):  # the caller's, inside the budget's
        hunyuan_kg.build([corpus], nlp=slow)
    assert time.monotonic() - started < 5
    time.sleep(0.1)  # no stray alarm left behind
