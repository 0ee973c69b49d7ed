"""What a search says on stderr besides its hits: the copies it counted as their
statements, the terms it searched for only some of the words of, and the documents that
match in the parts it did not search."""


def folded(copies: int) -> str:
    """What a listing or count says of the copies it counted as their statements."""
    if not copies:
        return ""
    more = "1 more copy" if copies == 1 else f"{copies} more copies"
    return f" ({more} of them: --copies)"


def searched(within: str) -> str:
    return "" if within == "all" else f" in {within}"


_PARTS = {
    "prose": "prose",
    "signatures": "signature lists",
    "contacts": "contact lines",
    "boilerplate": "boilerplate",
}


def tell_cut(out, cut) -> None:
    """Say which wildcard or fuzzy terms were searched for only some of their words."""
    for term in cut:
        out.message(
            f"note: {term.term} matches more words than one search takes; only the first"
            f" {term.kept} alphabetically were searched ({term.first} to {term.last})"
        )


def tell_elsewhere(out, elsewhere: int, within: str) -> None:
    """Say how many more documents match when every part is searched, and how to see them."""
    if elsewhere:
        documents = "document matches" if elsewhere == 1 else "documents match"
        others = [part for name, part in _PARTS.items() if name != within]
        where = f"{', '.join(others[:-1])} or {others[-1]}"
        out.message(f"{elsewhere} more {documents} when {where} are searched too: --in all")
