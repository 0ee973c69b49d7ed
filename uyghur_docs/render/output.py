"""All terminal output: rich tables and highlights on a terminal, plain lines in a pipe,
JSON and CSV on request. The only module that imports rich.
"""

import csv
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import fields, is_dataclass
from operator import attrgetter, itemgetter
from typing import Any

from rich.console import Console
from rich.text import Text

from uyghur_docs.render.printable import printable

_SCALARS = (str, int, float, type(None))


def _data(value: Any) -> Any:
    """Plain data: `asdict`'s, without its deep copy of every value (a 10,000-row listing
    spent most of its rendering there); scalars, most values, are told first."""
    if isinstance(value, _SCALARS):
        return value
    if isinstance(value, list | tuple):
        return [_data(v) for v in value]
    if isinstance(value, dict):
        return {k: _data(v) for k, v in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _data(getattr(value, f.name)) for f in fields(value)}
    return value


class _Console(Console):
    """Rich's console, but a reader that left is the CLI's to handle: rich's own handling
    exits with status 1, and a summary written after `| head` closed would fail the run."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


class Renderer:
    """Writes a command's data to stdout in the format asked for."""

    def __init__(self, no_color: bool = False, quiet: bool = False):
        self.no_color = no_color
        # Quiet: no progress and no messages; problems (`problem`) are still told.
        self.quiet = quiet
        self.terminal = sys.stdout.isatty()

    def console(self, stderr: bool = False) -> Console:
        """The one place consoles are built: colour follows --no-color, NO_COLOR, TERM."""
        # On a terminal, stdout is wrapped at spaces to its width (the terminal would cut ids
        # and words); messages stay whole lines, as scripts and logs read them.
        return _Console(
            stderr=stderr, no_color=self.no_color or None, highlight=False, soft_wrap=stderr
        )

    def json(self, value: Any) -> None:
        """The dataclasses as JSON, UTF-8, one document."""
        sys.stdout.write(json.dumps(_data(value), ensure_ascii=False, indent=2) + "\n")

    def csv(self, rows: list[Any], fields: list[str]) -> None:
        """Flat rows as CSV with a header line."""
        writer = csv.DictWriter(sys.stdout, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(v) for k, v in _data(row).items()})

    def table(self, rows: list[Any], columns: list[str], title: str | None = None) -> None:
        """A rich table on a terminal; tab-separated lines, one per row, in a pipe."""
        cells = [
            [v if v.__class__ is str else _cell(v) for v in values]
            for values in _values(rows, columns)
        ]
        if not self.terminal:
            sys.stdout.write("".join("\t".join(line) + "\n" for line in cells))
            return
        console = self.console()
        widths = _widths(columns, cells, console.width)
        if widths is None:
            self._records(console, cells, columns)
            return
        # rich's tables are imported by the commands that draw one: a search draws none.
        from rich import box
        from rich.table import Table

        table = Table(
            title=title, header_style="bold", box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False
        )
        for column, width in zip(columns, widths, strict=True):
            # Wide enough for its longest word: lines break at spaces, never inside an id.
            table.add_column(column, width=width)
        for line in cells:
            table.add_row(*line)
        console.print(table, soft_wrap=False)

    def _records(self, console: Console, cells: list[list[str]], columns: list[str]) -> None:
        """Each row as its first cell in bold, then its other non-empty cells behind their
        column's name, the value wrapped at spaces under itself (a hanging indent)."""
        from rich.table import Table

        for line in cells:
            console.print(Text(line[0], style="bold"), soft_wrap=False)
            grid = Table.grid(padding=(0, 1, 0, 2), pad_edge=True)
            grid.add_column(style="dim", no_wrap=True)
            grid.add_column()
            for column, value in zip(columns[1:], line[1:], strict=True):
                if value:
                    grid.add_row(column, value)
            console.print(grid, soft_wrap=False)
            console.print()

    def paragraphs(self, header: str, doc_id: str, numbered: list[tuple[int, str]]) -> None:
        """A document's paragraphs, each behind its ¶ number; in a pipe behind its whole
        citation (`id ¶7`), which no line can then confuse with the report's ¶."""
        if not self.terminal:
            sys.stdout.write(header + "\n\n")
            for number, text in numbered:
                sys.stdout.write(f"{doc_id} ¶{number}\t{_flat(text)}\n")
            return
        console = self.console()
        console.print(Text(header, style="bold"))
        for number, text in numbered:
            console.print()
            console.print(Text(f"¶{number} ", style="cyan bold") + Text(text))

    def search(self, result) -> None:
        """Hits grouped by document, each passage behind its citation, matches highlighted,
        context paragraphs (dim) around it; a passage that is not prose says what it is."""
        if not self.terminal:
            for hit in result.hits:
                for p in hit.passages:
                    for c in _around(p):
                        # A context paragraph says so where a passage has its date.
                        where = (hit.date or "") if c is p else "context"
                        sys.stdout.write(f"{hit.id} ¶{c.paragraph}\t{where}\t{_flat(c.text)}\n")
            return
        console = self.console()
        for hit in result.hits:
            about = f"{hit.date or 'undated'}  {hit.kind}  score {hit.score:.2f}"
            # The id and what is known of it on one line where they fit, else the second
            # under the id: a wrapped line would leave a lone "2.95" under "score".
            joined = len(hit.id) + 2 + len(about) <= console.width
            gap = "  " if joined else "\n  "
            console.print(
                Text(hit.id, style="bold cyan")
                + Text(gap + about, style="dim")
                + Text(_copies(hit.copies), style="dim")
            )
            console.print(Text(hit.title, style="italic"))
            if hit.url:
                console.print(Text(hit.url, style="dim"))
            for p in hit.passages:
                for c in _around(p):
                    if c is p:
                        role = "" if p.role == "prose" else f"[{p.role}] "
                        label = Text(f"¶{p.paragraph} {role}", style="cyan")
                        console.print(label + _highlighted(p.text, p.highlights))
                    else:
                        console.print(Text(f"¶{c.paragraph} {c.text}", style="dim"))
            console.print()

    def passages_csv(self, result) -> None:
        """One CSV row per passage shown."""
        rows = [
            {
                "id": hit.id,
                "paragraph": p.paragraph,
                "date": hit.date,
                "kind": hit.kind,
                "score": hit.score,
                "role": p.role,
                "title": hit.title,
                "url": hit.url,
                "text": p.text,
            }
            for hit in result.hits
            for p in hit.passages
        ]
        self.csv(rows, list(PASSAGE_COLUMNS))

    def lines(self, items) -> None:
        """One item per line, as written: ids for a script's next command."""
        sys.stdout.write("".join(f"{item}\n" for item in items))

    def count(self, counted) -> None:
        """How many documents and paragraphs a query matches, tab-separated."""
        sys.stdout.write(f"{counted.documents}\tdocuments\n{counted.paragraphs}\tparagraphs\n")

    def quotes(self, report) -> None:
        """Quote groups, most cited first, each followed by its citations; each citation
        says where the report has the words and, when they differ, what it reads."""
        for group in report.quotes:
            cites = [(_cited(c), _against(c)) for c in group.citations]
            if not self.terminal:
                line = "; ".join(f"{cite} {against}".rstrip() for cite, against in cites)
                sys.stdout.write(f"{group.text}\t{group.attributed_to}\t{line}\n")
                continue
            console = self.console()
            console.print(Text(f"“{group.text}”", style="bold"))
            console.print(Text(f"  {group.attributed_to}: {group.cue}", style="dim"))
            for cite, against in cites:
                line = Text(cite, style="cyan")
                if against:
                    changed = against.startswith(("[altered", "[not found"))
                    line.append(" " + against, style="bold red" if changed else "dim")
                _hanging(console, line)
            console.print()

    @contextmanager
    def progress(self, label: str) -> Iterator[Callable[[int, int], None] | None]:
        """A progress bar on stderr when it is a terminal; None (no bar) otherwise. Lines
        written to stdout meanwhile go above the bar when stdout is that terminal too, and
        to stdout as they are when it is not."""
        if self.quiet or not sys.stderr.isatty():
            yield None
            return
        from rich.progress import Progress

        console, above = self.console(stderr=True), sys.stdout.isatty()
        with Progress(console=console, transient=True, redirect_stdout=above) as bar:
            task = bar.add_task(label, total=None)
            yield lambda done, total: bar.update(task, completed=done, total=total)

    def message(self, text: str, style: str = "") -> None:
        """A message for the person, on stderr, its control characters escaped; none when
        quiet."""
        if not self.quiet:
            self.problem(text, style)

    def problem(self, text: str, style: str = "") -> None:
        """An error or warning on stderr, told even when quiet."""
        self.console(stderr=True).print(Text(printable(text), style=style))


# What separates two table columns: a space of padding each side of the rule.
_GUTTER = 3


def _copies(ids: tuple[str, ...]) -> str:
    """What a hit's heading says of the other copies of its statement it stands for."""
    if not ids:
        return ""
    return "  + 1 copy" if len(ids) == 1 else f"  + {len(ids)} copies"


PASSAGE_COLUMNS = ("id", "paragraph", "date", "kind", "score", "role", "title", "url", "text")


def _widths(columns: list[str], cells: list[list[str]], width: int) -> list[int] | None:
    """Each column's width so that the table fits `width` with every word whole (rich, left
    to shrink a table, cuts ids and words), or None when no such widths exist."""
    room = width - _GUTTER * (len(columns) - 1)
    least, most = [], []
    for n, column in enumerate(columns):
        values = [line[n] for line in cells]
        words = (word for value in values for word in value.split())
        least.append(max(len(column), max(map(len, words), default=0)))
        rows = (row for value in values for row in value.splitlines())
        most.append(max(least[-1], max(map(len, rows), default=0)))
    if sum(least) > room:
        return None
    if sum(most) <= room:
        return most
    # The room left over goes to each column in proportion to what it still lacks.
    spare, lacking = room - sum(least), [m - n for m, n in zip(most, least, strict=True)]
    return [n + spare * lack // sum(lacking) for n, lack in zip(least, lacking, strict=True)]


def _hanging(console: Console, text: Text, indent: int = 2, hang: int = 4) -> None:
    """Text wrapped at spaces, its first line indented by `indent` and the lines that
    continue it by `hang`, so that a continued line is never read as a line of its own."""
    lines = text.wrap(console, max(console.width - hang, 1))
    for number, line in enumerate(lines):
        console.print(Text(" " * (hang if number else indent)) + line, soft_wrap=True)


def _around(passage) -> list:
    """A passage and its context paragraphs, in paragraph order."""
    return sorted([passage, *passage.context], key=lambda p: p.paragraph)


def _cited(citation) -> str:
    return f"{citation.id} ¶{citation.paragraph} ({citation.date or 'undated'})"


def _against(citation) -> str:
    """How a citation stands against the report, in brackets: `[report ¶148]`, or
    `[altered: report ¶111 reads “…”]`; nothing when the report was not weighed."""
    status, number = citation.status, citation.report_paragraph
    if not status:
        return ""
    where = f"report ¶{number}" if number else ""
    if status in ("verbatim", "verbatim-with-elision"):
        return f"[{where}]" if status == "verbatim" else f"[{status}: {where}]"
    if status == "altered" and citation.report_text:
        return f"[altered: {where} reads “{citation.report_text}”]"
    return f"[{status}{': ' + where if where else ''}]"


def _flat(text: str) -> str:
    """A paragraph on one line: a line break is a space, as in the text (a mark put there
    would be copied into a quotation)."""
    return text.replace("\n", " ")


def _highlighted(text: str, spans) -> Text:
    out = Text(text)
    for start, end in spans:
        out.stylize("bold yellow", start, end)
    return out


def _values(rows: list[Any], columns: list[str]) -> Iterator[tuple]:
    """Each row's values in the columns' order: rows are dataclasses or dicts."""
    if not rows:
        return iter(())
    # One getter call per row: a 10,000-row listing has 90,000 cells.
    get = (itemgetter if isinstance(rows[0], dict) else attrgetter)(*columns)
    if len(columns) == 1:
        return ((get(row),) for row in rows)
    return map(get, rows)


def _cell(value: Any) -> str:
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(_cell(v) for v in value)
    return str(_data(value))
