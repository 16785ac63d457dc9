"""Which code page an RTF document's ``\\'hh`` bytes are in.

The document names one in its header (``\\ansicpg1251``, ``\\mac``); a font may name
its own with ``\\fcharsetN`` in the font table, as Word does for a Cyrillic or a
Japanese font in an otherwise Western document. A font with the default character
set follows the document.
"""

from __future__ import annotations

import codecs
import re

DEFAULT_CODE_PAGE = "cp1252"  # \ansi, and what Word, WordPad and TextEdit write

# The header's character set words.
CHARSET_WORDS = {"ansi": "cp1252", "mac": "mac_roman", "pc": "cp437", "pca": "cp850"}

# \fcharsetN → code page (the RTF specification's table); 0 and 1 mean "the document's".
_FONT_CHARSETS = {
    2: "cp1252",  # Symbol: its bytes are glyph numbers; read as Western they stay visible
    77: "mac_roman",
    128: "cp932",
    129: "cp949",
    130: "johab",
    134: "cp936",
    136: "cp950",
    161: "cp1253",
    162: "cp1254",
    163: "cp1258",
    177: "cp1255",
    178: "cp1256",
    186: "cp1257",
    204: "cp1251",
    222: "cp874",
    238: "cp1250",
    254: "cp437",
}

_ANSICPG_RE = re.compile(rb"\\ansicpg(\d{1,5})")
_HEADER_WORD_RE = re.compile(rb"\\(mac|pca|pc|ansi)(?![a-z])")


def code_page(number: int) -> str:
    """The codec for ``\\ansicpgN`` or ``\\cpgN``; the default for one Python lacks."""
    name = {10000: "mac_roman", 65001: "utf-8", 1200: "utf-16-le"}.get(number, f"cp{number}")
    return name if _known(name) else DEFAULT_CODE_PAGE


def font_code_page(charset: int) -> str | None:
    """The code page a font's ``\\fcharsetN`` names, or None for the document's own."""
    return _FONT_CHARSETS.get(charset)


def _known(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def decode_rtf_bytes(data: bytes) -> str:
    """An RTF file's text. RTF is 7-bit by the specification, but some writers put
    bytes of the document's code page in unescaped, and some write UTF-8: UTF-8 is
    tried first, then the code page the header declares."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    head = data[:2048]
    declared = _ANSICPG_RE.search(head)
    if declared:
        encoding = code_page(int(declared[1]))
    else:
        word = _HEADER_WORD_RE.search(head)
        encoding = CHARSET_WORDS[word[1].decode()] if word else DEFAULT_CODE_PAGE
    return data.decode(encoding, errors="replace")
