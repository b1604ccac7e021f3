"""hunyuan_kg.plot: timeline and graph drawings with Chinese text that really renders."""

from __future__ import annotations

import warnings

import matplotlib
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt

from hunyuan_kg import plot
from hunyuan_kg.kg import KnowledgeGraph

needs_cjk = pytest.mark.skipif(
    plot.cjk_font_family() is None, reason="no CJK font installed (apt-get install fonts-noto-cjk)"
)


def _draw(ax: matplotlib.axes.Axes) -> list[str]:
    """Render the figure; return the messages of the warnings raised while drawing."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ax.figure.canvas.draw()
    plt.close(ax.figure)
    return [str(w.message) for w in caught]


@needs_cjk
def test_timeline_draws_every_event_without_missing_glyphs(toy_kg: KnowledgeGraph) -> None:
    ax = plot.timeline(toy_kg)
    texts = [t.get_text() for t in ax.texts]
    assert len(texts) == 4
    assert texts[0] == "2021  腾讯成立混元研究组"
    assert "(planned)" in texts[3]
    assert "🚀" not in texts[2] and "混元开源" in texts[2]  # undrawable emoji left out
    assert not [m for m in _draw(ax) if "Glyph" in m or "missing from font" in m]


@needs_cjk
def test_graph_draws_labels_and_respects_max_nodes(toy_kg: KnowledgeGraph) -> None:
    ax = plot.graph(toy_kg, max_nodes=5)
    labels = [t.get_text() for t in ax.texts]
    assert "腾讯" in labels
    assert len(ax.collections[-1].get_offsets()) == 5  # the node scatter
    assert not [m for m in _draw(ax) if "Glyph" in m or "missing from font" in m]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert set(legend) <= {"PERSON", "ORG", "PRODUCT", "EVENT", "LOC"} and "ORG" in legend


def test_plots_on_a_given_axes_and_empty_graph() -> None:
    fig, (a, b) = plt.subplots(1, 2)
    assert plot.timeline(KnowledgeGraph(), ax=a) is a
    assert plot.graph(KnowledgeGraph(), ax=b) is b
    assert a.texts[0].get_text() == "No dated events"
    plt.close(fig)


def test_missing_cjk_font_warns_clearly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plot, "cjk_font_family", lambda: None)
    with pytest.warns(RuntimeWarning, match="fonts-noto-cjk"):
        prop = plot.font()
    assert prop.get_family() == [plot.LATIN_FAMILY]


def test_the_glyph_check_can_fail() -> None:
    """Without the CJK fallback, matplotlib does warn about Chinese glyphs."""
    _, ax = plt.subplots()
    ax.text(0.5, 0.5, "混元", family="DejaVu Sans")
    messages = _draw(ax)
    assert any("missing from font" in m or "Glyph" in m for m in messages)
