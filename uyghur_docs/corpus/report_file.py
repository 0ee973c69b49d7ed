"""Where the OHCHR report's own text is, when the user has told udocs once.

`UDOCS_REPORT` (a path) comes first; else `report.toml` in the corpus folder, declaring
`path = "…"` of a file inside the corpus folder (relative to it), symbolic links resolved: a
corpus someone shares must not make udocs read any other file of the user's. Both are read
here rather than passed down from the command line, because the extraction that uses the
report runs in the indexing workers as well as in `udocs quotes`.
"""

import os
from pathlib import Path

from uyghur_docs.corpus.declared import read_table
from uyghur_docs.errors import UdocsError

REPORT_ENV = "UDOCS_REPORT"
DECLARED = "report.toml"
# The fingerprint of the report that ships with udocs, used when none is remembered.
SHIPPED = "shipped"


class ReportFileError(UdocsError):
    """The remembered report is declared wrongly or is missing."""


def remembered_report(corpus_dir: Path) -> Path | None:
    """The report file remembered for a corpus, or None when none is."""
    value = os.environ.get(REPORT_ENV, "").strip()
    if value:
        return _existing(Path(value).expanduser(), f"{REPORT_ENV}={value}")
    declared = corpus_dir / DECLARED
    table = read_table(declared, ReportFileError)
    if not table:
        return None
    if not isinstance(table.get("path"), str):
        raise ReportFileError(f'{declared} must say path = "REPORT.pdf"; fix or remove the file')
    path = corpus_dir / table["path"]
    inside = corpus_dir.resolve()
    if not path.resolve().is_relative_to(inside):
        raise ReportFileError(
            f"{declared} names {path.resolve()}, outside the corpus folder; a report.toml may"
            f" name only a file inside {inside} (set {REPORT_ENV} for a report elsewhere)"
        )
    return _existing(path, str(declared))


def fingerprint(corpus_dir: Path) -> str:
    """What the analyses of a corpus's documents depend on of the report setting: the
    remembered report's path, size and modification time, or SHIPPED. An index records
    it, so that a changed `UDOCS_REPORT` or `report.toml` is noticed at the next command."""
    try:
        path = remembered_report(corpus_dir)
    except ReportFileError as exc:
        # Indexing says what is wrong; until then the index is not what it would be.
        return f"unusable: {exc}"
    if path is None:
        return SHIPPED
    info = path.stat()
    return f"{path.resolve()}\0{info.st_size}\0{info.st_mtime_ns}"


def _existing(path: Path, said_by: str) -> Path:
    if not path.is_file():
        raise ReportFileError(f"no report file at {path} ({said_by}); fix the path or unset it")
    return path
