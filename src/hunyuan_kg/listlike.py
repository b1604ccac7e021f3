"""Read-only sequences that stand in for lists: equal to a list of the same items.

The build keeps long per-document sequences packed or on disk (input paths, document
infos, event sources) and makes each item on access; callers and tests compare them with
plain lists.

>>> class Squares(ListLike[int]):
...     def __len__(self) -> int:
...         return 3
...     def __getitem__(self, i):
...         return [x * x for x in range(3)][i]
>>> Squares() == [0, 1, 4], Squares() == (0, 1, 4), Squares() == [0, 1]
(True, True, False)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


class ListLike(Sequence[T]):
    """A sequence equal to any non-string sequence with the same items in the same
    order; unhashable, like a list."""

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(other) == len(self) and list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]
