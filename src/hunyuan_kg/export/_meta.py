"""Who wrote an export: the package name and version, for file headers.

>>> GENERATOR.startswith("hunyuan_kg ")
True
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version


def package_version() -> str:
    """The installed version of hunyuan_kg (``0+unknown`` when run from a bare checkout)."""
    try:
        return version("hunyuan_kg")
    except PackageNotFoundError:
        return "0+unknown"


VERSION = package_version()
GENERATOR = f"hunyuan_kg {VERSION}"
