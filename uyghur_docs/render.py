"""All terminal output: rich tables and highlights on a terminal, plain lines in a pipe,
JSON and CSV on request. The only module that imports rich.
"""

import csv
import json
import sys
from dataclasses import asdict, is_dataclass
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text


def _data(value: Any) -> Any:
    if is_dataclass(value):
        return asdict(value)
    if isinstance(value, list | tuple):
        return [_data(v) for v in value]
    if isinstance(value, dict):
        return {k: _data(v) for k, v in value.items()}
    return value


class Renderer:
    """Writes a command's data to stdout in the format asked for."""

    def __init__(self, no_color: bool = False):
        self.no_color = no_color
        self.terminal = sys.stdout.isatty()

    def console(self, stderr: bool = False) -> Console:
        """The one place consoles are built: colour follows --no-color, NO_COLOR, TERM."""
        return Console(
            stderr=stderr, no_color=self.no_color or None, highlight=False, soft_wrap=True
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
        cells = [[_cell(_data(row)[c]) for c in columns] for row in rows]
        if not self.terminal:
            for line in cells:
                sys.stdout.write("\t".join(line) + "\n")
            return
        table = Table(title=title, header_style="bold", show_lines=False)
        for column in columns:
            table.add_column(column, overflow="fold")
        for line in cells:
            table.add_row(*line)
        self.console().print(table)

    def paragraphs(self, header: str, numbered: list[tuple[int, str]]) -> None:
        """A document's paragraphs, each behind its ¶ number."""
        if not self.terminal:
            sys.stdout.write(header + "\n\n")
            for number, text in numbered:
                sys.stdout.write(f"¶{number}\t{text.replace(chr(10), ' / ')}\n")
            return
        console = self.console()
        console.print(Text(header, style="bold"))
        for number, text in numbered:
            console.print()
            console.print(Text(f"¶{number} ", style="cyan bold") + Text(text))

    def message(self, text: str, style: str = "") -> None:
        """A message for the person, on stderr."""
        self.console(stderr=True).print(Text(text, style=style))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(_cell(v) for v in value)
    return str(value)
