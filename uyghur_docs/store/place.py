"""Where an index may be written: a folder only this user can write to."""

from pathlib import Path

from uyghur_docs import engine


def check_writable(index_dir: Path) -> None:
    """Raise IndexUntrusted for an existing index folder another user owns or others can
    write to: the engine would write there, then refuse to read what it wrote."""
    engine.check_folder(index_dir)
