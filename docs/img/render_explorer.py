"""Render docs/img/explorer-*.png: the sample corpus's explorer/ in headless Chromium.

    .venv/bin/python docs/img/render_explorer.py

Builds data/sample with the default pipeline, writes explorer/ and takes three
screenshots over the DevTools protocol (tests/helpers_cdp.py): the graph view, the entity
page reached by searching 混元, and the timeline filtered to 混元.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import hunyuan_kg  # noqa: E402
from helpers_cdp import CHROMIUM, Browser  # noqa: E402
from hunyuan_kg.export import write_all  # noqa: E402


def main() -> None:
    if CHROMIUM is None:
        raise SystemExit("headless Chromium is not installed (Debian: apt-get install chromium)")
    kg = hunyuan_kg.build([ROOT / "data" / "sample"])
    with tempfile.TemporaryDirectory() as tmp:
        (folder,) = write_all(kg, Path(tmp), ["explorer"])
        with Browser(Path(tmp) / "profile", width=1280, height=800) as b:
            b.open((folder / "index.html").as_uri())
            b.wait_for("document.body.dataset.ready === '1'")
            time.sleep(0.5)
            b.screenshot(HERE / "explorer-graph.png")
            b.eval("document.getElementById('search').focus()")
            b.type_text("混元")
            b.wait_for("document.querySelectorAll('#suggestions li a').length")
            b.key("Enter", "Enter", 13)
            b.wait_for("!!document.querySelector('#entity h2')")
            # scroll to the events, where each item shows its evidence sentences
            b.eval("document.querySelectorAll('#entity .part')[3]?.scrollIntoView()")
            time.sleep(0.3)
            b.screenshot(HERE / "explorer-entity.png")
            b.eval("location.hash = '#/timeline/' + encodeURIComponent('PRODUCT:混元')")
            b.wait_for("document.querySelectorAll('#timeline .event').length")
            b.eval("document.querySelector('#timeline details')?.setAttribute('open', '')")
            time.sleep(0.3)
            b.screenshot(HERE / "explorer-timeline.png")
            if b.errors:
                raise SystemExit(f"console errors: {b.errors}")
    print("wrote", *(HERE / f"explorer-{v}.png" for v in ("graph", "entity", "timeline")))


if __name__ == "__main__":
    main()
