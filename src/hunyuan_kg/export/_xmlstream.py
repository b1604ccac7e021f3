"""An indented XML document written one element at a time, byte for byte as ElementTree
would write the whole tree after :func:`xml.etree.ElementTree.indent`.

The GraphML and GEXF writers hold one node or edge at a time instead of the whole
document (whose size grows with the corpus: every node lists its documents).

>>> import io
>>> from xml.etree.ElementTree import Element, ElementTree, SubElement, indent
>>> def tree():
...     root = Element("g", {"a": "1"})
...     for i in range(2):
...         n = SubElement(root, "n", {"id": f"<{i}>"})
...         SubElement(n, "d").text = "混元 & co"
...     SubElement(root, "empty")
...     return root
>>> whole = io.BytesIO()
>>> root = tree()
>>> indent(root)
>>> ElementTree(root).write(whole, encoding="utf-8", xml_declaration=True)
>>> piecewise = io.StringIO()
>>> xml = XmlStream(piecewise)
>>> xml.start("g", {"a": "1"})
>>> for child in tree():
...     xml.element(child)
>>> xml.end()
>>> piecewise.getvalue() == whole.getvalue().decode("utf-8")
True
"""

from __future__ import annotations

from typing import TextIO
from xml.etree.ElementTree import Element, indent, tostring

#: The declaration ElementTree writes for ``encoding="utf-8"``.
DECLARATION = "<?xml version='1.0' encoding='utf-8'?>\n"


def start_tag(tag: str, attrib: dict[str, str]) -> str:
    """``<tag a="…">`` escaped as ElementTree escapes it."""
    text = tostring(Element(tag, attrib), encoding="unicode", short_empty_elements=False)
    return text[: -len(f"</{tag}>")]


class XmlStream:
    """Writes ``<?xml …?>``, then elements opened (:meth:`start`), written whole
    (:meth:`element`) and closed (:meth:`end`), indented by ``space`` per level, into a
    text stream (which ElementTree's ``encoding="utf-8"`` output matches when opened
    with ``encoding="utf-8", errors="xmlcharrefreplace"``). An element opened and
    closed with nothing inside is written ``<tag … />``."""

    def __init__(self, out: TextIO, space: str = "  ") -> None:
        self._out = out
        self._space = space
        #: open elements: tag, start tag, whether anything was written inside yet
        self._open: list[list[object]] = []
        self._out.write(DECLARATION)

    def _child(self) -> None:
        """Before a child of the innermost open element: its start tag if this is its
        first child, then the child's indentation."""
        if not self._open:
            return
        top = self._open[-1]
        if not top[2]:
            self._out.write(str(top[1]))
            top[2] = True
        self._out.write("\n" + self._space * len(self._open))

    def start(self, tag: str, attrib: dict[str, str] | None = None) -> None:
        """Open an element (its start tag is written with its first child)."""
        self._child()
        self._open.append([tag, start_tag(tag, attrib or {}), False])

    def element(self, elem: Element) -> None:
        """Write ``elem`` and everything in it (indented in place; its tail is ignored)."""
        self._child()
        if len(elem):
            indent(elem, self._space, len(self._open))
        elem.tail = None
        self._out.write(tostring(elem, encoding="unicode"))

    def end(self) -> None:
        """Close the innermost open element."""
        tag, start, written = self._open.pop()
        if written:
            self._out.write(f"\n{self._space * len(self._open)}</{tag}>")
        else:  # empty: ElementTree's short form
            self._out.write(f"{str(start)[:-1]} />")

    def write(self, text: str) -> None:
        """Write ``text`` as it is (after the document: a final newline)."""
        self._out.write(text)
