"""The index folder: whether it holds an index, whether it can be trusted, opening it.

Every reader of the index opens it here, and nothing of it is read before the folder and
every file of the generation to open are found to be as this user's udocs sealed them
(`engine.manifest`; IndexUntrusted, IndexUnsealed, IndexDamaged). whoosh then reads that
generation's table of contents, not whichever it finds latest, and every failure to read
it becomes IndexDamaged, as does an index in an older format (OlderFormat: another codec's
posting blocks, or another schema).
"""

from pathlib import Path

from whoosh.filedb.filestore import FileStorage
from whoosh.index import TOC, FileIndex

from uyghur_docs.engine import manifest
from uyghur_docs.engine.codec import BlockCodec
from uyghur_docs.engine.manifest import exists
from uyghur_docs.engine.schema import DAMAGE, INDEX_NAME, layout, schema
from uyghur_docs.errors import IndexDamaged, IndexMissing

__all__ = ["OlderFormat", "exists", "open_index", "sealed_index"]


class _Sealed(FileIndex):
    """whoosh's index of one generation, the one udocs checked: whoosh's own looks for the
    latest table of contents each time it reads one."""

    def __init__(self, storage, generation: int):
        self.storage, self._schema, self.indexname = storage, None, INDEX_NAME
        self.generation = generation

    def latest_generation(self) -> int:
        return self.generation

    def _read_toc(self):
        return TOC.read(self.storage, self.indexname, gen=self.generation)


def sealed_index(index_dir: Path, generation: int) -> FileIndex:
    """The index of a generation found sealed (or just created and sealed by this run)."""
    return _Sealed(FileStorage(str(index_dir)), generation)


def open_index(index_dir: Path):
    if not index_dir.is_dir():
        raise IndexMissing(index_dir)
    generation = manifest.verify(index_dir)
    if generation is None:
        raise IndexMissing(index_dir)
    ix = sealed_index(index_dir, generation)
    try:
        _check_format(index_dir, ix)
    except (*DAMAGE, TypeError, AttributeError, ImportError) as exc:
        raise IndexDamaged(index_dir, repr(exc)) from exc
    return ix


class OlderFormat(IndexDamaged):
    """An index written by an older udocs, whose postings this one would misread."""

    def __init__(self, index_dir: Path):
        super().__init__(index_dir, "written by an older udocs, in another format")


def _check_format(index_dir: Path, ix) -> None:
    """Refuse an index whose segments or fields another codec or format wrote (whoosh
    would read it, the fast path would not)."""
    toc = ix._read_toc()
    written = {type(segment.codec()) for segment in toc.segments}
    if written - {BlockCodec} or layout(toc.schema) != layout(schema()):
        raise OlderFormat(index_dir)
