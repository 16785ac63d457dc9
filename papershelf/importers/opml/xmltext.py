"""An outliner's XML file read safely: a DTD or an entity declaration is refused before
parsing (that is where entity bombs and external entities live)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from papershelf.importers.records import ParseError

_UNSAFE_XML_RE = re.compile(r"<!DOCTYPE[^>\[]*\[|<!ENTITY", re.IGNORECASE)


def read_xml(text: str, path: str, what: str) -> ET.Element:
    """The document's root; ``what`` names the kind of file in the error ("OPML file")."""
    if _UNSAFE_XML_RE.search(text):
        raise ParseError(path, None, "XML with a DTD or entity declarations is not imported")
    try:
        return ET.fromstring(text.lstrip("\ufeff"))  # noqa: S314 -- refused DTDs above
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else None
        raise ParseError(path, line, f"not a readable {what}: {exc}") from None
