"""The ``hunyuan-kg`` command: build, evaluate, timeline, show.

Exit codes: 0 all documents processed; 1 some documents failed (outputs written for the
rest, failures listed in ``OUTDIR/errors.jsonl``); 2 usage errors (bad paths, no articles,
unknown format or option value); 3 the outputs could not be written (read-only folder,
disk full, ``-o`` naming a file …): the previous outputs are left as they were.
"""

from __future__ import annotations

import errno
import json
import logging
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from .kg import KnowledgeGraph

# Only typer at import time: spaCy, networkx and pandas load inside the commands, so
# ``hunyuan-kg --help`` and ``--version`` answer at once.

#: ``api.BUILD_DEFAULTS["segmenter"]`` (a test keeps them equal), the --segmenter default.
BUILD_SEGMENTER = "char"
#: The names of ``export.FORMATS`` (a test keeps them equal), for the help text.
FORMAT_NAMES = (
    "graphml",
    "gexf",
    "json",
    "md",
    "csv",
    "timelinejs",
    "html",
    "entities",
    "relations",
    "explorer",
)

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Chinese tech news → knowledge graph and timeline.",
)


def _print_version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"hunyuan-kg {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Chinese tech news → knowledge graph and timeline."""


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


@app.command()
def build(
    paths: Annotated[list[Path], typer.Argument(help="Article files or folders.")],
    out: Annotated[Path | None, typer.Option("-o", "--out", help="Output folder.")] = None,
    update: Annotated[
        Path | None,
        typer.Option(
            "--update",
            help="Add PATHS to the build in this folder: only new or changed articles are "
            "processed (a per-document cache); the result equals a full rebuild.",
        ),
    ] = None,
    formats: Annotated[
        list[str] | None,
        typer.Option(
            "--format", "-f", help=f"Export format, repeatable: {', '.join(FORMAT_NAMES)}"
        ),
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Processes (0 = all cores).")] = 0,
    scheduler: Annotated[
        str | None, typer.Option(help="Run on a Dask cluster at this address (tcp://host:8786).")
    ] = None,
    dask_local: Annotated[
        int, typer.Option("--dask-local", help="Run on a local Dask cluster of N workers.")
    ] = 0,
    segmenter: Annotated[
        str,
        typer.Option(
            help="char (one token per character) or pkuseg (words: the same graph, slower)."
        ),
    ] = BUILD_SEGMENTER,
    ner: Annotated[
        str,
        typer.Option(
            help="Statistical NER: hunyuan_kg (shipped), hunyuan_kg_fast (shipped, about "
            "twice as fast), an installed spaCy pipeline, or none."
        ),
    ] = "hunyuan_kg",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary.")] = False,
    follow_symlinks: Annotated[
        bool,
        typer.Option(
            "--follow-symlinks",
            help="Read symlinks that lead out of the given paths (skipped by default).",
        ),
    ] = False,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="YYYY-MM-DD",
            help="Publication date of every article that states none (front matter "
            "'date:', HTML metadata or a dateline), instead of inferring one from its text.",
        ),
    ] = None,
) -> None:
    """Build graph.graphml, graph.gexf and the timeline files from articles."""
    from tqdm import tqdm

    from .cache import output_paths
    from .export import FORMATS
    from .ingest import InputError, collect_paths

    started = time.perf_counter()
    target = update or out
    if target is None:
        raise _fail("give an output folder: -o OUTDIR (or --update OUTDIR)")
    if out is not None and update is not None and out != update:
        raise _fail("-o and --update name different folders")
    fmts = [f for item in formats or [] for f in item.split(",") if f] or None
    if fmts and (bad := [f for f in fmts if f not in FORMATS]):
        raise _fail(f"unknown format {', '.join(bad)}; choose from {', '.join(FORMATS)}")
    _check_options(segmenter, ner, jobs, dask_local)
    day = _check_date(date)
    try:
        total = len(
            collect_paths(paths, follow_symlinks=follow_symlinks, exclude=output_paths(target))
        )
    except InputError as exc:
        raise _fail(str(exc)) from exc
    _check_outdir(target)
    options = {"segmenter": segmenter, "ner": None if ner == "none" else ner}
    bar = tqdm(total=total, unit="doc", disable=quiet or None, file=sys.stderr)

    def progress(n: int) -> None:
        bar.update(n - bar.n)

    collected = _WarningCollector()
    logger = logging.getLogger("hunyuan_kg")
    logger.addHandler(collected)
    try:
        kg = _run(
            paths,
            target,
            update is not None,
            scheduler,
            dask_local,
            jobs,
            progress,
            {**options, "follow_symlinks": follow_symlinks, "date": day},
        )
        kg.build_warnings.extend(collected.warnings)
        kg.write(target, fmts)  # with errors.jsonl; all files replaced, or none
    except InputError as exc:
        raise _fail(str(exc)) from exc
    except OSError as exc:
        raise _fail(f"cannot write the outputs in {target}: {_os_message(exc)}", 3) from exc
    finally:
        logger.removeHandler(collected)
        bar.close()
    if not quiet:
        _summary(kg, time.perf_counter() - started, target)
    if kg.failures:
        raise typer.Exit(1)


class _WarningCollector(logging.Handler):
    """Keeps the warnings hunyuan_kg logs during a build for errors.jsonl and the summary,
    except a document's own (``extra={"hkg_doc": id}``): those reach the graph with the
    document (they may be logged in another process, or not again on an update)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.warnings: list[Any] = []

    def emit(self, record: logging.LogRecord) -> None:
        from .kg import BuildWarning

        if not hasattr(record, "hkg_doc"):
            self.warnings.append(BuildWarning(None, None, record.getMessage()))


def _run(
    paths: list[Path],
    target: Path,
    incremental: bool,
    scheduler: str | None,
    dask_local: int,
    jobs: int,
    progress: Callable[[int], None],
    options: dict[str, Any],
) -> KnowledgeGraph:
    """Pick the engine: Dask, or local processes with the per-document cache in ``target``
    (an update adds to the inputs recorded there; a plain build replaces them)."""
    if scheduler or dask_local:
        from .distributed import build_dask

        return build_dask(paths, scheduler=scheduler, local_workers=dask_local or None, **options)
    from .cache import build_incremental

    return build_incremental(
        paths, target, jobs=jobs, progress=progress, update=incremental, **options
    )


def _check_options(segmenter: str, ner: str, jobs: int, dask_local: int) -> None:
    """Exit 2 with a one-line message for option values that cannot work."""
    from .pipeline import SEGMENTERS

    if segmenter not in SEGMENTERS:
        raise _fail(f"unknown --segmenter {segmenter!r}; choose from {', '.join(SEGMENTERS)}")
    if ner not in ("hunyuan_kg", "hunyuan_kg_fast", "none"):
        import spacy.util

        if not (spacy.util.is_package(ner) or Path(ner).is_dir()):
            raise _fail(
                f"unknown --ner {ner!r}: not an installed spaCy pipeline or a pipeline "
                "folder; use hunyuan_kg or hunyuan_kg_fast (shipped) or none"
            )
    if jobs < 0:
        raise _fail(f"--jobs must be 0 (all cores) or a positive number, not {jobs}")
    if dask_local < 0:
        raise _fail(f"--dask-local must be a positive number of workers, not {dask_local}")


def _check_date(value: str | None) -> Any:
    """``--date`` as a ``datetime.date`` (None when not given); exit 2 when it is not a
    real day written YYYY-MM-DD."""
    from .api import check_date

    try:
        return check_date(value)
    except ValueError:
        raise _fail(
            f"--date must be a day written YYYY-MM-DD (e.g. 2024-05-30), not {value!r}"
        ) from None


def _check_outdir(target: Path) -> None:
    """Exit 3 before any extraction when ``target`` (or its cache) cannot be written."""
    from .cache import CACHE_DIR

    try:
        if target.exists() and not target.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(target))
        target.mkdir(parents=True, exist_ok=True)
        cache = target / CACHE_DIR
        if cache.exists() and not cache.is_dir():
            raise NotADirectoryError(
                errno.ENOTDIR, "the cache is not a folder (remove it)", str(cache)
            )
        try:
            with tempfile.TemporaryFile(dir=target):
                pass
        except OSError as exc:  # name the folder, not the probe's random file name
            raise OSError(exc.errno, exc.strerror, str(target)) from exc
    except OSError as exc:
        raise _fail(f"cannot write the outputs in {target}: {_os_message(exc)}", 3) from exc


def _os_message(exc: OSError) -> str:
    """One line: the system's reason and the file concerned."""
    reason = exc.strerror or str(exc) or type(exc).__name__
    where = f" ({exc.filename})" if exc.filename else ""
    return " ".join(f"{reason}{where}".split())


def _summary(kg: KnowledgeGraph, seconds: float, out: Path) -> None:
    s = kg.summary()
    nodes = ", ".join(f"{k} {v}" for k, v in s["nodes_by_type"].items())
    rels = ", ".join(f"{k} {v}" for k, v in s["relations_by_type"].items())
    typer.echo(f"documents  {s['documents']} processed, {len(kg.failures)} failed", err=True)
    typer.echo(f"nodes      {nodes}", err=True)
    typer.echo(f"relations  {rels}", err=True)
    typer.echo(f"events     {s['events']} ({s['dated_events']} dated, on the timeline)", err=True)
    typer.echo(f"dates      {_dates_line(s['dct_sources'], s['documents'])}", err=True)
    typer.echo(f"warnings   {len(kg.warnings)} (listed in errors.jsonl)", err=True)
    typer.echo(f"time       {seconds:.1f} s → {out}/", err=True)
    for f in kg.failures[:10]:
        typer.echo(f"failed     {f.path or f.doc}: {f.reason}", err=True)
    for w in kg.warnings[:10]:
        typer.echo(f"warning    {w.path or w.doc or 'build'}: {w.reason}", err=True)


def _dates_line(by_source: dict[str, int], documents: int) -> str:
    """The summary's line on publication dates: how many were inferred (or missing, or
    given with --date) and how to set one.

    >>> line = _dates_line({"inferred": 3, "metadata": 17}, 20)
    >>> line.startswith("3 of 20 documents have an inferred publication date (set one with")
    True
    >>> _dates_line({"metadata": 2}, 2)
    '0 of 2 documents have an inferred publication date'
    """
    inferred, missing = by_source.get("inferred", 0), by_source.get("none", 0)
    line = f"{inferred} of {documents} documents have an inferred publication date"
    if missing:
        line += f", {missing} none"
    if given := by_source.get("given", 0):
        line += f", {given} the one given with --date"
    if inferred or missing:
        line += ' (set one with --date or front matter "date:")'
    return line


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold JSON file.")],
    outdir: Annotated[Path, typer.Argument(help="A build's output folder.")],
) -> None:
    """Print precision/recall/F1 for entities, relations and dated events."""
    from .evaluate import evaluate_outdir

    for p in (gold, outdir / "graph.graphml", outdir / "timeline.json"):
        if not p.exists():
            raise _fail(f"{p} not found")
    scores = evaluate_outdir(gold, outdir)
    typer.echo(f"{'':<10} {'precision':>9} {'recall':>7} {'f1':>6} {'gold':>5} {'pred':>5}")
    for part, s in scores.items():
        typer.echo(
            f"{part:<10} {s['precision']:>9.3f} {s['recall']:>7.3f} {s['f1']:>6.3f} "
            f"{s['gold']:>5} {s['predicted']:>5}"
        )


@app.command()
def timeline(outdir: Annotated[Path, typer.Argument(help="A build's output folder.")]) -> None:
    """Print the timeline of a build."""
    path = outdir / "timeline.json"
    if not path.exists():
        raise _fail(f"{path} not found")
    from .records import UNSTATED_DCT, worst_dct_source

    for e in json.loads(path.read_text(encoding="utf-8"))["events"]:
        mark = "" if e.get("status", "happened") == "happened" else f" [{e['status']}]"
        dct = worst_dct_source(s.get("dct_source", "") for s in e["sources"])
        if dct in UNSTATED_DCT:
            mark += f" [publication date {'inferred' if dct == 'inferred' else 'missing'}]"
        docs = ", ".join(sorted({s["doc"] for s in e["sources"]}))
        typer.echo(f"{e['date']:<10}  {e['type']:<12} {e['title']}{mark}  ({docs})")


@app.command()
def show(
    outdir: Annotated[Path, typer.Argument(help="A build's output folder.")],
    entity: Annotated[str, typer.Argument(help="Entity name or alias.")],
) -> None:
    """Print an entity: aliases, relations and evidence."""
    from .export.graphml import read_graphml
    from .normalize import name_key

    path = outdir / "graph.graphml"
    if not path.exists():
        raise _fail(f"{path} not found")
    g = read_graphml(path)
    key = name_key(entity)
    found = [
        n
        for n, d in g.nodes(data=True)
        if key in {name_key(a) for a in [d.get("label", ""), *d.get("aliases", [])]}
    ]
    if not found:
        raise _fail(f"no entity named {entity!r} in {path}", 1)
    for n in found:
        d = g.nodes[n]
        typer.echo(f"{d['label']}  [{d['type']}]  mentions {d.get('mentions', 0)}")
        typer.echo(f"  aliases: {' | '.join(d.get('aliases', []))}")
        typer.echo(f"  docs:    {' | '.join(d.get('docs', []))}")
        if d.get("evidence"):
            typer.echo(f"  first seen: {d['evidence']}")
        for u, v, e in sorted(
            g.in_edges(n, data=True), key=lambda x: x[2].get("type", "")
        ) + sorted(g.out_edges(n, data=True), key=lambda x: x[2].get("type", "")):
            other = v if u == n else u
            arrow = "→" if u == n else "←"
            role = f" ({e['role']})" if e.get("role") else ""
            typer.echo(f"  {arrow} {e['type']}{role} {g.nodes[other].get('label', other)}")
            typer.echo(f"      {e.get('evidence', '')}")


def main() -> None:
    """Console entry point."""
    app()
