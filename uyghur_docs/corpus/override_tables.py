"""A document's table in `overrides.toml`, added or cut out by `udocs add` and `remove`,
every other line kept as written (a user's comments, order and spacing)."""

import json
import tomllib
from pathlib import Path

from uyghur_docs.corpus.provenance import write_atomic


def table(doc_id: str, fields: dict[str, str]) -> str:
    """A TOML table; JSON strings are valid TOML basic strings."""
    lines = [f"[{json.dumps(doc_id)}]"]
    lines += [f"{name} = {json.dumps(value, ensure_ascii=False)}" for name, value in fields.items()]
    return "\n".join(lines) + "\n"


def replaced(text: str, doc_id: str, fields: dict[str, str]) -> str:
    """The file's text with the document's table, if any, cut out, and these fields (if
    any) appended as its table after a blank line."""
    kept = without(text, doc_id).rstrip("\n")
    if not fields:
        return kept + "\n" if kept else ""
    return (kept + "\n\n" + table(doc_id, fields)).lstrip("\n")


def without(text: str, doc_id: str) -> str:
    """The text with the document's table cut out (as it was, when it has none)."""
    lines = text.splitlines(keepends=True)
    kept, inside = [], False
    for line in lines:
        key = _table_key(line)
        if key is not None:
            inside = key == doc_id
        if not inside:
            kept.append(line)
    if len(kept) == len(lines):
        return text
    # `add` put a blank line before the table; do not leave it dangling at the end.
    rest = "".join(kept).rstrip("\n")
    return rest + "\n" if rest else ""


def drop(path: Path, doc_id: str) -> None:
    """Cut the document's table out of the overrides file, if it has one."""
    if not path.is_file():
        return
    text = path.read_text(encoding="utf-8")
    kept = without(text, doc_id)
    if kept != text:
        write_atomic(path, kept.encode("utf-8"))


def _table_key(line: str) -> str | None:
    """The name of the table a `[header]` line opens, else None."""
    stripped = line.strip()
    if not stripped.startswith("[") or stripped.startswith("[["):
        return None
    try:
        parsed = tomllib.loads(stripped)
    except tomllib.TOMLDecodeError:
        return None
    return next(iter(parsed), None)
