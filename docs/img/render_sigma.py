"""Render docs/img/sigma.png: the sample corpus's graph.gexf as sigma.js draws it.

    (cd tests/js && npm ci) && .venv/bin/python docs/img/render_sigma.py

The file is parsed by graphology-gexf in Node and drawn by sigma.js in headless Chromium
(software WebGL), the page of tests/test_graph_consumers.py; nothing is mapped in between:
positions, colours, sizes and labels are the file's.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import hunyuan_kg  # noqa: E402
from hunyuan_kg.export import write_gexf  # noqa: E402
from test_graph_consumers import CHROMIUM_FLAGS, sigma_page  # noqa: E402


def main() -> None:
    chromium = next(
        (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p),
        None,
    )
    if chromium is None:
        raise SystemExit("headless Chromium is not installed (Debian: apt-get install chromium)")
    kg = hunyuan_kg.build([ROOT / "data" / "sample"])
    with tempfile.TemporaryDirectory() as tmp:
        gexf = Path(tmp) / "graph.gexf"
        write_gexf(kg, gexf)
        page = sigma_page(gexf, Path(tmp) / "sigma.html")
        flags = [f for f in CHROMIUM_FLAGS if not f.startswith("--virtual-time")]
        subprocess.run(
            [
                chromium,
                *flags,
                f"--user-data-dir={tmp}/profile",
                "--hide-scrollbars",
                "--window-size=1000,700",
                f"--screenshot={HERE / 'sigma.png'}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
    print(f"wrote {HERE / 'sigma.png'}")


if __name__ == "__main__":
    main()
