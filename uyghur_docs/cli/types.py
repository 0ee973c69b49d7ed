"""Option values checked once, where click parses them: dates and kinds."""

import click

from uyghur_docs.models import KINDS, STATUSES


class DateBound(click.ParamType):
    """A --since/--until value as an ISO prefix: YYYY, YYYY-MM or YYYY-MM-DD, a numeric date
    day first ("31/08/2022"), or a date as statements write it ("8 March 2022")."""

    name = "date"

    def convert(self, value, param, ctx):
        from uyghur_docs.text.dates import parse_date

        value = value.strip()
        if len(value) == 4 and value.isdigit():
            return value
        parsed = parse_date(value)
        if parsed is None:
            self.fail(f"{value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD", param, ctx)
        return parsed


class DocumentDate(click.ParamType):
    """A document's date, to the month or the day."""

    name = "date"

    def convert(self, value, param, ctx):
        from uyghur_docs.text.dates import parse_date

        parsed = parse_date(value)
        if parsed is None:
            self.fail(f"{value!r} is not a date; try 2022-09-12 or 2022-09", param, ctx)
        return parsed


class WebUrl(click.ParamType):
    """Where a document was published: an http(s) address."""

    name = "URL"

    def convert(self, value, param, ctx):
        from uyghur_docs.text.urls import web_url

        url = web_url(value)
        if url is None:
            self.fail(f"{value!r} is not a web address; try https://example.org/statement")
        return url


class PassageCount(click.ParamType):
    """How many matching paragraphs of each document to show: a number, or "all"."""

    name = "N|all"

    def convert(self, value, param, ctx):
        if value is None or isinstance(value, int):
            return value
        if value.strip().lower() == "all":
            return "all"
        if value.strip().isdigit() and int(value) >= 1:
            return int(value)
        self.fail(f"{value!r} is not a number of paragraphs; use 1, 2, ... or all", param, ctx)


class Paragraphs(click.ParamType):
    """A paragraph or a range of them, as udocs cites them: 7, ¶7, 7-9 or ¶7–9."""

    name = "N[-M]"

    def convert(self, value, param, ctx):
        if isinstance(value, tuple):
            return value
        found = paragraphs(value)
        if found is None:
            self.fail(f"{value!r} is not a paragraph; use N, ¶N or N-M", param, ctx)
        return found


def paragraphs(text: str) -> tuple[int, int] | None:
    """The first and last paragraph a citation's "¶7" or "¶7-9" names.

    >>> paragraphs("¶7"), paragraphs("7 - 9"), paragraphs("¶0"), paragraphs("seven")
    ((7, 7), (7, 9), None, None)
    """
    import re

    found = re.fullmatch(r"\s*¶?\s*(\d{1,9})(?:\s*[-–]\s*¶?\s*(\d{1,9}))?\s*", text)
    if not found or int(found[1]) < 1:
        return None
    first = int(found[1])
    return first, int(found[2] or first)


class Status(click.ParamType):
    """How a quotation stands against the report, as `models.STATUSES` names it; "not found"
    may be written `not-found`, which needs no quotes in a shell."""

    name = "|".join(status.replace(" ", "-") for status in STATUSES)

    def convert(self, value, param, ctx):
        wanted = "-".join(value.strip().lower().replace("_", "-").split())
        for status in STATUSES:
            if wanted == status.replace(" ", "-"):
                return status
        known = self.name.replace("|", ", ")
        self.fail(f"{value!r} is not a status; use one of {known}", param, ctx)


KIND = click.Choice(KINDS)
# What `--in` searches: the paragraph roles of the index (empty: every paragraph).
ROLES = {
    "prose": ("prose",),
    "signatures": ("signature",),
    "contacts": ("contact",),
    "boilerplate": ("boilerplate",),
    "all": (),
}


def document_ids(ctx: click.Context, param, incomplete: str) -> list[str]:
    """The corpus's ids that start with what was typed, for shell completion."""
    from uyghur_docs.cli.paths import corpus_dir
    from uyghur_docs.corpus.folder import document_paths

    root = ctx.find_root().params.get("corpus")
    try:
        ids = [path.stem for path in document_paths(corpus_dir(root))]
    except Exception:  # completion must never print a traceback into the shell
        return []
    return [doc_id for doc_id in ids if doc_id.startswith(incomplete)]
