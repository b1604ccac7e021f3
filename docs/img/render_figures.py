"""Render the figures in docs/ from a build of the bundled sample corpus.

    .venv/bin/python docs/img/render_figures.py

writes docs/img/graph.png (hunyuan_kg.plot.graph), docs/img/timeline-plot.png
(hunyuan_kg.plot.timeline) and docs/img/timeline.png (timeline.html as a phone-sized
headless-Chromium screenshot; skipped when chromium is not installed).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

HERE = Path(__file__).resolve().parent

import hunyuan_kg  # noqa: E402
from hunyuan_kg import plot  # noqa: E402
from hunyuan_kg.export import write_all  # noqa: E402


def main() -> None:
    kg = hunyuan_kg.build([HERE.parents[1] / "data" / "sample"])
    ax = plot.graph(kg, max_nodes=40)
    ax.set_title("hunyuan_kg.plot.graph — data/sample", fontproperties=plot.font(11))
    ax.figure.savefig(HERE / "graph.png", dpi=80)
    ax = plot.timeline(kg)
    ax.figure.savefig(HERE / "timeline-plot.png", dpi=80)

    chromium = shutil.which("chromium")
    if chromium is None:
        print("chromium not installed: docs/img/timeline.png not updated")
        return
    with tempfile.TemporaryDirectory() as tmp:
        (page,) = write_all(kg, Path(tmp), ["html"])
        subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             "--disable-background-networking", "--disable-component-update", "--no-first-run",
             f"--user-data-dir={tmp}/profile", "--force-device-scale-factor=1",
             "--window-size=430,1000", f"--screenshot={HERE / 'timeline.png'}", page.as_uri()],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip


if __name__ == "__main__":
    main()
