"""What users of a Python command-line package expect: ``--version``, ``python -m``, a
quick ``--help``, type information, a licence, and warnings that are logged, counted and
listed in ``errors.jsonl``."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

import hunyuan_kg
from hunyuan_kg.cli import BUILD_SEGMENTER, FORMAT_NAMES, app

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("spacy", "networkx", "pandas", "numpy", "tqdm", "lxml", "dateparser", "matplotlib")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=120, cwd=ROOT)


def test_version_and_python_m() -> None:
    done = _run(sys.executable, "-m", "hunyuan_kg", "--version")
    assert done.returncode == 0 and done.stdout.strip() == f"hunyuan-kg {hunyuan_kg.__version__}"
    help_ = _run(sys.executable, "-m", "hunyuan_kg", "--help")
    assert help_.returncode == 0
    assert "python -m hunyuan_kg" in help_.stdout and "build" in help_.stdout
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["hatch"]["version"]
    assert version == {"path": "src/hunyuan_kg/__init__.py"}  # one place for the version


def test_cli_import_is_light() -> None:
    """``hunyuan-kg --help`` only needs typer: the heavy libraries load in the commands."""
    code = (
        "import sys, time; t = time.perf_counter(); import hunyuan_kg.cli; "
        "print(time.perf_counter() - t); "
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    done = _run(sys.executable, "-c", code)
    seconds, loaded = done.stdout.splitlines()
    assert loaded == ""
    assert float(seconds) < 1.0


def test_format_names_are_the_exporters() -> None:
    from hunyuan_kg.export import FORMATS

    assert tuple(FORMATS) == FORMAT_NAMES


def test_cli_segmenter_default_is_the_build_default() -> None:
    from hunyuan_kg.api import BUILD_DEFAULTS

    assert BUILD_DEFAULTS["segmenter"] == BUILD_SEGMENTER


def test_type_information_and_licence_ship() -> None:
    assert (Path(hunyuan_kg.__file__).parent / "py.typed").is_file()
    assert (ROOT / "LICENSE").read_text().startswith("MIT License")
    assert tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["license"] == "MIT"
    changelog = (ROOT / "CHANGELOG.md").read_text()
    assert f"## [{hunyuan_kg.__version__}]" in changelog


BROKEN = "---\ntitle: a: b\n---\n2024 年 5 月 30 日，腾讯推出元宝 App。\n"
GOOD = "# 百度发布文心一言\n\n2023 年 3 月 16 日，百度发布文心一言。\n"


@pytest.fixture()
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "broken.md").write_text(BROKEN, encoding="utf-8")
    (folder / "good.md").write_text(GOOD, encoding="utf-8")
    return folder


def test_ingest_warning_is_logged(articles: Path, caplog: pytest.LogCaptureFixture) -> None:
    from hunyuan_kg.ingest import read_document

    with caplog.at_level(logging.WARNING, logger="hunyuan_kg"):
        doc = read_document(articles / "broken.md")
    (record,) = caplog.records
    assert record.name == "hunyuan_kg.ingest.reader" and record.levelno == logging.WARNING
    assert "broken YAML front matter" in record.getMessage()
    assert doc.text.startswith("2024 年")


def _errors(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]


def test_build_counts_warnings_and_lists_them(articles: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["build", str(articles), "-o", str(out), "--segmenter", "char", "--ner", "none"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "warnings   1 " in result.output
    (row,) = _errors(out)
    assert row["doc"] == "broken" and row["level"] == "warning"
    assert row["path"].endswith("broken.md") and "front matter" in row["reason"]

    # A warning that no document carries (a damaged cache manifest) is listed too, and
    # the document's own warning stays once, from the cache.
    (out / ".cache" / "manifest.json").write_text("{not json", encoding="utf-8")
    result = CliRunner().invoke(app, ["build", "--update", str(out), str(articles), "-q"])
    assert result.exit_code == 0, result.output
    rows = _errors(out)
    assert [r["doc"] for r in rows] == ["broken", None]
    assert "cache manifest" in rows[1]["reason"] and rows[1]["level"] == "warning"
