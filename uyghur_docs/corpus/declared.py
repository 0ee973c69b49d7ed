"""The small declared data files beside the documents (`overrides.toml`, `aliases.toml`):
curated by hand, read as TOML, and refused whole with a message when they do not parse."""

import tomllib
from pathlib import Path

from uyghur_docs.errors import UdocsError


def read_table(path: Path, error: type[UdocsError]) -> dict:
    """The TOML table in path ({} when there is no such file); `error` when unreadable."""
    if not path.is_file():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise error(f"cannot read {path}: {exc}; fix or remove the file") from exc
