"""Web addresses kept as a document's provenance: only http and https, written whole."""

from urllib.parse import urlsplit

# Longer than any address a browser keeps in its bar: a value this long is not a link.
MAX_URL = 2048


def web_url(value: object) -> str | None:
    """The value as an http(s) address with a host, else None.

    >>> web_url(" https://example.org/statement?id=7 ")
    'https://example.org/statement?id=7'
    >>> [web_url(v) for v in ("javascript:alert(1)", "/relative/path", "https://", 7)]
    [None, None, None, None]
    >>> web_url("https://example.org/a b") is None
    True
    """
    if not isinstance(value, str):
        return None
    url = value.strip()
    if not url or len(url) > MAX_URL or any(c.isspace() or ord(c) < 32 for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.hostname else None
