"""No code from an index udocs did not write for this user: a pickle planted in any file of
the index, or in an index shipped beside a corpus, never runs; the index is built anew from
the corpus, and the user is told in one line."""

import os
import pickle
import shutil
import stat
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage
from whoosh.index import TOC

from uyghur_docs.cli.paths import cached_index
from uyghur_docs.engine import manifest, seal
from uyghur_docs.engine.schema import INDEX_NAME, schema
from uyghur_docs.store.build import update

from .conftest import REPO_CORPUS, run, run_json
from .test_reliability import SEED_KINDS, file_of, kinds

KARAKAX = "2020-03-12-ishr-hrw-news-release ¶8\t"


class Payload:
    """What an attacker plants: unpickling it writes the marker file."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return exec, (f"open({str(self.marker)!r}, 'w').close()",)


@pytest.fixture
def marker(tmp_path) -> Path:
    return tmp_path / "ran"


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """An index of the seed statements, built once for the module with a key of its own."""
    folder = tmp_path_factory.mktemp("template")
    shutil.copytree(REPO_CORPUS, folder / "corpus")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HOME", str(folder / "home"))
        patch.setenv("XDG_CONFIG_HOME", str(folder / "config"))
        update(folder / "corpus", folder / "index")
    return folder / "index"


@pytest.fixture
def built(template, tmp_path) -> Path:
    """The template index, copied and sealed with this test's key: as if the user built it."""
    index_dir = tmp_path / "index"
    shutil.copytree(template, index_dir)
    seal_again(index_dir)
    return index_dir


def seal_again(index_dir: Path) -> None:
    """Seal the index's files as they are now with the key of the current config folder."""
    generation = manifest.latest_generation(index_dir)
    files = {
        p.name: manifest.restamped(p, [manifest.digest(p)])
        for p in index_dir.glob("*paragraphs_*")
        if not p.name.endswith((".sums", "WRITELOCK"))
    }
    manifest.write(index_dir, generation, files)
    assert manifest.verify(index_dir) == generation


def plant_toc(index_dir: Path, marker: Path) -> Path:
    """Replace the index's table of contents by one whose segment list is the payload:
    whoosh's reading it runs the payload (see the first test)."""
    generation = manifest.latest_generation(index_dir)
    (index_dir / manifest.toc_name(generation)).unlink()
    TOC(schema(), [Payload(marker)], generation).write(FileStorage(str(index_dir)), INDEX_NAME)
    return index_dir / manifest.toc_name(generation)


def stored_value(data: bytes, word: bytes) -> tuple[int, int]:
    """Where the stored fields of the paragraph holding `word` lie in a stored column: each
    paragraph's are a pickle, compressed alone."""
    for start in range(len(data) - 1):
        if data[start] != 0x78:
            continue
        inflate = zlib.decompressobj()
        try:
            fields = inflate.decompress(data[start:])
        except zlib.error:
            continue
        if inflate.eof and word in fields:
            return start, len(data) - start - len(inflate.unused_data)
    raise AssertionError(f"no stored value holds {word!r}")


def plant_stored(path: Path, marker: Path) -> None:
    """Write the payload over one paragraph's stored fields, in place (same inode), the
    file's size and modification time kept, and its CRC-32 forged to match: all that the
    manifest of an older udocs compared."""
    before, crc = path.stat(), zlib.crc32(path.read_bytes())
    data = bytearray(path.read_bytes())
    start, length = stored_value(bytes(data), b"Karakax")
    planted = zlib.compress(pickle.dumps(Payload(marker)))
    assert len(planted) + 4 <= length
    # zlib ignores what follows a stream's end: the rest of the value is free to forge in.
    data[start : start + len(planted)] = planted
    forge_crc(data, start + length - 4, crc)
    with open(path, "r+b") as f:
        f.write(data)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (
        before.st_size,
        before.st_mtime_ns,
        before.st_ino,
    )
    assert zlib.crc32(path.read_bytes()) == crc


def forge_crc(data: bytearray, at: int, target: int) -> None:
    """Set data[at:at + 4] so that the CRC-32 of data is `target`: CRC-32 is affine over
    GF(2), so each of the 32 bits there flips the CRC by a fixed vector, and a basis of
    those vectors reaches any CRC."""
    data[at : at + 4] = bytes(4)
    base, basis = zlib.crc32(data), {}
    for bit in range(32):
        data[at + bit // 8] ^= 1 << (bit % 8)
        effect, bits = zlib.crc32(data) ^ base, 1 << bit
        data[at + bit // 8] ^= 1 << (bit % 8)
        while effect:
            top = effect.bit_length() - 1
            if top not in basis:
                basis[top] = (effect, bits)
                break
            effect, bits = effect ^ basis[top][0], bits ^ basis[top][1]
    want, chosen = base ^ target, 0
    while want:
        effect, bits = basis[want.bit_length() - 1]
        want, chosen = want ^ effect, chosen ^ bits
    data[at : at + 4] = chosen.to_bytes(4, "little")


def searched_anew(index_dir: Path, marker: Path, *args: str) -> list[str]:
    """Search as the user; nothing ran, the answer is right, and the index is sealed for
    the user now. The lines on stderr."""
    result = run("search", "Karakax", *args)
    assert result.exit_code == 0, result.stderr
    assert not marker.exists()
    assert result.stdout.startswith(KARAKAX)
    assert manifest.verify(index_dir) is not None
    return result.stderr.splitlines()


def test_the_planted_table_of_contents_runs_under_whoosh_alone(built, marker):
    plant_toc(built, marker)
    whoosh_index.open_dir(str(built), indexname=INDEX_NAME)
    assert marker.exists()


def test_the_planted_stored_column_runs_under_whoosh_alone(built, marker):
    plant_stored(file_of(built, "._stored.col"), marker)
    with whoosh_index.open_dir(str(built), indexname=INDEX_NAME).searcher() as searcher:
        for number in range(searcher.doc_count_all()):
            searcher.stored_fields(number)
    assert marker.exists()


def test_a_forged_stored_column_with_size_time_and_crc_kept_is_never_read(built, marker):
    plant_stored(file_of(built, "._stored.col"), marker)
    lines = searched_anew(built, marker)
    assert lines[0] == f"the index in {built} is damaged; rebuilding it from the corpus"


def test_the_kinds_planted_are_every_kind_the_index_has(template):
    assert kinds(template) == SEED_KINDS


@pytest.mark.parametrize("kind", SEED_KINDS)
def test_a_payload_planted_in_any_file_never_runs(built, marker, kind):
    path = file_of(built, kind)
    if kind == ".toc":
        plant_toc(built, marker)
    else:
        size = path.stat().st_size
        payload = pickle.dumps(Payload(marker))
        path.write_bytes((payload * (size // len(payload) + 1))[:size])
    lines = searched_anew(built, marker)
    assert lines[0].startswith(f"the index in {built} ")
    assert lines[0].endswith("; rebuilding it from the corpus")
    assert all(pickle.dumps(Payload(marker)) not in p.read_bytes() for p in built.iterdir())


def test_a_stored_column_others_can_write_is_never_read(built, marker):
    path = file_of(built, "._stored.col")
    plant_stored(path, marker)
    path.chmod(0o666)
    lines = searched_anew(built, marker)
    assert lines[0] == (
        f"the index in {built} was not sealed by udocs for you ({path.name} is writable by"
        " group or others); rebuilding it from the corpus"
    )
    assert stat.S_IMODE(file_of(built, "._stored.col").stat().st_mode) == 0o600


def colleagues_bundle(
    corpus_dir: Path, index_dir: Path, marker: Path, monkeypatch, tmp_path: Path
) -> None:
    """A corpus and an index as a colleague shares them: the index built and sealed with
    the colleague's own key, then its table of contents planted and sealed again."""
    shutil.copytree(REPO_CORPUS, corpus_dir)
    with monkeypatch.context() as colleague:
        colleague.setenv("XDG_CONFIG_HOME", str(tmp_path / "colleague"))
        update(corpus_dir, index_dir)
        plant_toc(index_dir, marker)
        seal_again(index_dir)
    assert (tmp_path / "colleague" / "udocs" / seal.KEY_FILE).is_file()


@pytest.mark.parametrize(
    ("corpus_name", "index_name", "given"),
    [
        ("bundle/corpus", "bundle/index", "flag"),
        ("bundle/corpus", "bundle/index", "variable"),
        ("statements", "statements.index", "flag"),
        ("statements", "statements.index", "variable"),
    ],
)
def test_a_shared_bundle_runs_nothing(
    tmp_path, marker, monkeypatch, corpus_name, index_name, given
):
    corpus_dir, index_dir = tmp_path / corpus_name, tmp_path / index_name
    colleagues_bundle(corpus_dir, index_dir, marker, monkeypatch, tmp_path)
    monkeypatch.delenv("UDOCS_INDEX")
    monkeypatch.setenv("UDOCS_CORPUS", str(corpus_dir))
    args = ("--corpus", str(corpus_dir)) if given == "flag" else ()
    if given == "flag":
        monkeypatch.delenv("UDOCS_CORPUS")
    shared = {p.name: p.read_bytes() for p in index_dir.iterdir()}
    # The folder beside a corpus came with it: udocs's own index is in the user's cache.
    cache = cached_index(corpus_dir)
    lines = searched_anew(cache, marker, *args)
    assert lines[0] == f"no index yet in {cache}; building it"
    assert not [line for line in lines if "sealed" in line]
    assert {p.name: p.read_bytes() for p in index_dir.iterdir()} == shared


def test_udocs_index_builds_an_unsealed_index_anew_and_says_so(built, marker):
    plant_toc(built, marker)
    (built / manifest.name(1)).unlink()
    result = run("index")
    assert result.exit_code == 0, result.stderr
    assert not marker.exists()
    assert result.stderr.splitlines()[0] == (
        f"the index in {built} was not sealed by udocs for you (_paragraphs_1.sums is"
        " missing); built it anew from the corpus"
    )
    assert "5 added" in result.stderr


def test_the_key_is_made_once_owner_only_in_the_config_folder(corpus, tmp_path):
    path = tmp_path / "config" / "udocs" / seal.KEY_FILE
    assert seal.key_path() == path and not path.exists()
    update(corpus, tmp_path / "index")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    key = path.read_bytes()
    assert len(key) == 32
    update(corpus, tmp_path / "index", rebuild=True)
    assert path.read_bytes() == key


def test_a_key_others_can_read_is_refused(built, tmp_path):
    path = tmp_path / "config" / "udocs" / seal.KEY_FILE
    path.chmod(0o644)
    result = run("search", "Karakax")
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith(
        f"Error: the index key {path} can be read or written by others (mode -rw-r--r--);"
    )


def test_a_fifo_planted_as_the_write_lock_does_not_hang_a_search(built, marker):
    (built / "paragraphs_WRITELOCK").unlink()
    os.mkfifo(built / "paragraphs_WRITELOCK")
    plant_toc(built, marker)
    result = subprocess.run(
        [sys.executable, "-m", "uyghur_docs", "search", "Karakax"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(KARAKAX)
    assert not marker.exists()
    assert (built / "paragraphs_WRITELOCK").is_file()


def test_udocs_add_into_a_shared_bundle_leaves_its_index_alone(tmp_path, marker, monkeypatch):
    corpus_dir, index_dir = tmp_path / "bundle" / "corpus", tmp_path / "bundle" / "index"
    colleagues_bundle(corpus_dir, index_dir, marker, monkeypatch, tmp_path)
    monkeypatch.delenv("UDOCS_INDEX")
    monkeypatch.setenv("UDOCS_CORPUS", str(corpus_dir))
    new = tmp_path / "aksu.txt"
    new.write_text("Statement on Aksu\n\nWe call for justice in Aksu.\n")
    shared = {p.name: p.read_bytes() for p in index_dir.iterdir()}
    result = run("add", str(new))
    assert result.exit_code == 0, result.stderr
    assert not marker.exists()
    assert not [line for line in result.stderr.splitlines() if "sealed" in line]
    assert run_json("search", "Aksu")["total"] == 1
    assert manifest.verify(cached_index(corpus_dir)) is not None
    assert {p.name: p.read_bytes() for p in index_dir.iterdir()} == shared


def test_a_table_of_contents_added_beside_the_sealed_one_is_never_read(built, marker):
    """whoosh alone would open the highest-numbered table of contents it finds."""
    shutil.copyfile(built / manifest.toc_name(1), built / manifest.toc_name(7))
    plant_toc(built, marker)
    assert manifest.latest_generation(built) == 7
    lines = searched_anew(built, marker)
    assert lines[0] == (
        f"the index in {built} was not sealed by udocs for you (_paragraphs_7.sums is"
        " missing); rebuilding it from the corpus"
    )
