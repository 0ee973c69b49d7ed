"""Text for the terminal with its control characters escaped.

File names and corpus text come from anyone: a name holding ESC can recolour the terminal,
move the cursor or retitle the window, and one holding a newline can print a line udocs
never wrote. Every message for the person goes through `printable`. No rich here, so that
error messages can use it without loading rich.
"""

import re

# C0 and C1 controls, DEL, and the bidirectional overrides and isolates (which can show a
# name's letters in another order than they are).
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    r"""The text with each control character written as an escape, as Python writes it.

    >>> printable("a\x1b[31mb\nc.txt")
    'a\\x1b[31mb\\nc.txt'
    >>> printable("report\u202etxt.exe")
    'report\\u202etxt.exe'
    >>> printable("Ürümqi ¶8")
    'Ürümqi ¶8'
    """
    return _CONTROL.sub(_escape, text)


def _escape(match: re.Match) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
