"""The shapes of reStructuredText's block markup, as patterns on one line."""

from __future__ import annotations

import re

from papershelf.importers.rst.inline import References, convert_inline, normalise_name

ADORNMENT_RE = re.compile(r"^([!-/:-@\[-`{-~])\1+\s*$")  # one punctuation sign, repeated
EXPLICIT_RE = re.compile(r"^\.\.(?:\s|$)")
DIRECTIVE_RE = re.compile(r"^\.\.\s+(?P<name>[\w:.+-]+)::(?:\s+(?P<argument>.*?))?\s*$")
TARGET_RE = re.compile(r"^\.\.\s+_(?P<name>`[^`]+`|[^:`][^:]*|):\s*(?P<url>.*?)\s*$")
ANONYMOUS_RE = re.compile(r"^(?:\.\.\s+__:|__)(?:\s+(?P<url>\S.*?))?\s*$")
NOTE_RE = re.compile(r"^\.\.\s+\[(?P<label>[^\]\s]+)\](?:\s+(?P<text>.*?))?\s*$")
SUBSTITUTION_RE = re.compile(
    r"^\.\.\s+\|(?P<name>[^|]+)\|\s+(?P<kind>[\w-]+)::(?:\s+(?P<text>.*?))?\s*$"
)
FIELD_RE = re.compile(r"^:(?P<key>[^:`\s][^:`]*?):(?:\s+(?P<value>.*?))?\s*$")
BULLET_RE = re.compile(r"^(?P<marker>[-*+•‣⁃])(?P<space>\s+)(?P<text>\S.*)$")
ENUMERATED_RE = re.compile(r"^(?P<marker>#\.|\d{1,3}[.)]|\(\d{1,3}\))(?P<space>\s+)(?P<text>\S.*)$")
LINE_BLOCK_RE = re.compile(r"^\|(?:\s+(?P<text>.*))?$")
GRID_TABLE_RE = re.compile(r"^\+[-=+]+\+\s*$")
SIMPLE_TABLE_RE = re.compile(r"^=+(?:\s+=+)+\s*$")


def indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" ")) if line.strip() else 0


def block_end(lines: list[str], start: int, indent: int) -> int:
    """The end of the block under ``lines[start]``: its lines are blank or indented past it."""
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or indent_of(lines[end]) > indent):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    return end


def dedent(lines: list[str]) -> list[str]:
    width = min((indent_of(line) for line in lines if line.strip()), default=0)
    return [line[width:] for line in lines]


def read_references(lines: list[str]) -> References:
    """Targets, anonymous targets and ``replace`` substitutions, wherever they stand."""
    refs = References()
    for start, line in enumerate(lines):
        text = line.strip()
        end = block_end(lines, start, indent_of(line))
        more = "".join(part.strip() for part in lines[start + 1 : end])
        if match := ANONYMOUS_RE.match(text):
            refs.anonymous.append(((match["url"] or "") + more).replace(" ", ""))
        elif match := TARGET_RE.match(text):
            refs.targets[normalise_name(match["name"].strip("`"))] = (match["url"] + more).replace(
                " ", ""
            )
        elif (match := SUBSTITUTION_RE.match(text)) and match["kind"] == "replace":
            body = " ".join(
                [match["text"] or "", *(part.strip() for part in lines[start + 1 : end])]
            )
            refs.substitutions[match["name"]] = body.strip()
    for name, body in refs.substitutions.items():
        refs.substitutions[name] = convert_inline(body, References(targets=refs.targets))
    return refs
