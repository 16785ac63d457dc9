"""AsciiDoc's inline markup as Markdown: one line (or table cell) at a time.

Code spans, passthroughs, maths and links are set aside first (``Held``), so the ``_``
of a URL or the ``*`` of a formula never reads as emphasis. Cross references keep the
text they show; index terms, anchors and attribute references are resolved or dropped
the way Asciidoctor renders them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from papershelf.importers.wikitext import Held

_ATTRIBUTE_REF_RE = re.compile(r"(?<!\\)\{(?P<name>[\w][\w-]*)\}")
_BUILTIN_ATTRIBUTES = {
    "nbsp": "\u00a0", "sp": " ", "empty": "", "blank": "", "zwsp": "", "wj": "",
    "amp": "&", "lt": "&lt;", "gt": "&gt;", "startsb": "[", "endsb": "]", "vbar": "|",
    "caret": "^", "asterisk": "*", "tilde": "~", "plus": "+", "backslash": "\\",
    "backtick": "`", "apos": "'", "quot": '"', "lsquo": "‘", "rsquo": "’", "ldquo": "“",
    "rdquo": "”", "deg": "°", "pp": "++", "cpp": "C++", "two-colons": "::",
    "two-semicolons": ";;", "brvbar": "¦",
}  # fmt: skip
_PASS_MACRO_RE = re.compile(r"pass:[a-z,]*\[(?P<body>(?:\\\]|[^\]])*)\]")
_TRIPLE_PLUS_RE = re.compile(r"\+\+\+(?P<body>.+?)\+\+\+")
_DOUBLE_PLUS_RE = re.compile(r"\+\+(?P<body>.+?)\+\+")
_CODE_PLUS_RE = re.compile(r"`\+(?P<body>.+?)\+`")
_CODE_RE = re.compile(
    r"``(?P<double>.+?)``|(?<![\w`])`(?P<single>[^`\s](?:[^`]*[^`\s])?)`(?![\w`])"
)
_PLUS_RE = re.compile(r"(?<![\w+])\+(?P<body>[^+\s](?:[^+]*[^+\s])?)\+(?![\w+])")
_MATH_MACRO_RE = re.compile(r"\b(?:stem|latexmath|asciimath):\[")
_FOOTNOTE_RE = re.compile(r"\bfootnote(?:ref)?:(?P<id>[\w-]*)\[")
_INDEX_TERMS_RE = re.compile(r"\(\(\((?:[^()]|\([^()]*\))*?\)\)\)")
_INDEX_TERM_RE = re.compile(r"(?<!\()\(\((?P<term>[^()]+?)\)\)(?!\))")
_INDEX_MACRO_RE = re.compile(r"\bindexterm2?:\[(?P<terms>[^\]]*)\]")
_BIBLIOGRAPHY_ANCHOR_RE = re.compile(r"\[\[\[(?P<key>[^\],\]]+)(?:,\s*(?P<label>[^\]]*))?\]\]\]")
_ANCHOR_RE = re.compile(r"\[\[[\w:.-]+(?:,[^\]]*)?\]\]|\banchor:[\w:.-]+\[[^\]]*\]")
_XREF_RE = re.compile(r"<<(?P<target>[^<>,]+?)(?:,\s*(?P<text>[^<>]+?))?>>")
_XREF_MACRO_RE = re.compile(r"\bxref:(?P<target>[^\s\[]+)\[(?P<text>(?:\\\]|[^\]])*)\]")
_IMAGE_RE = re.compile(r"\bimage:(?!:)(?P<target>[^\s\[]+)\[(?P<attrs>[^\]]*)\]")
_LINK_MACRO_RE = re.compile(
    r"\blink:(?:\+\+(?P<quoted>.+?)\+\+|(?P<target>[^\s\[]+))\[(?P<text>(?:\\\]|[^\]])*)\]"
)
_URL_RE = re.compile(
    r"(?<![\w/\[(<\"'=:])(?P<url>(?:https?|ftp|irc|file)://[^\s\[\]<>\"]+|mailto:[^\s\[\]<>\"]+)"
    r"(?:\[(?P<text>(?:\\\]|[^\]])*)\])?"
)
_ANGLE_URL_RE = re.compile(r"<(?P<url>(?:https?|ftp)://[^\s<>]+)>")
_EMAIL_RE = re.compile(r"(?<![\w.+-])[A-Za-z0-9][\w.+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_UI_MACRO_RE = re.compile(r"\b(?P<kind>kbd|btn|menu):(?P<target>[^\s\[]*)\[(?P<text>[^\]]*)\]")
_ROLE_RE = re.compile(r"\[[.#%][\w.#%-]*\](?=[*_#`])")
_STRONG_RE = re.compile(
    r"\*\*(?P<body>.+?)\*\*|(?<![\w*\\])\*(?P<c>[^*\s](?:[^*]*?[^*\s])?)\*(?![\w*])"
)
_EMPHASIS_RE = re.compile(
    r"__(?P<body>.+?)__|(?<![\w_\\])_(?P<c>[^_\s](?:[^_]*?[^_\s])?)_(?![\w_])"
)
_MARK_RE = re.compile(r"##(?P<body>.+?)##|(?<![\w#\\&])#(?P<c>[^#\s](?:[^#]*?[^#\s])?)#(?![\w#])")
_SUPERSCRIPT_RE = re.compile(r"(?<![\\^])\^(?P<body>[^\s^]+)\^")
_SUBSCRIPT_RE = re.compile(r"(?<![\\~])~(?P<body>[^\s~]+)~")
_CURVED_QUOTES_RE = re.compile(r"\"`(?P<double>.+?)`\"|'`(?P<single>.+?)`'")
_HARD_BREAK_RE = re.compile(r"\s\+$")
_TAG_START_RE = re.compile(r"<(?=[A-Za-z/!])")
_ESCAPE_RE = re.compile(r"\\(?=[*_#`^~+\[{<])")
_TRAILING_PUNCTUATION = ".,;:!?)'\""


@dataclass
class Inline:
    """What the inline conversion of one document shares: its attributes and footnotes."""

    attributes: dict[str, str] = field(default_factory=dict)
    footnotes: list[str] = field(default_factory=list)
    footnote_ids: dict[str, int] = field(default_factory=dict)
    images_dir: str = ""

    def convert(self, text: str) -> str:
        held = Held()
        return held.restore(self._convert(text.replace("\x00", ""), held))

    def _convert(self, text: str, held: Held) -> str:
        """``text`` as Markdown, what is set aside still behind ``held``'s placeholders:
        link text and footnotes are converted inside the line they are part of."""
        text = substitute_attributes(text, self.attributes)
        # "`text`" is a quotation in curved quotes, not code: before code spans.
        text = _CURVED_QUOTES_RE.sub(
            lambda m: f"“{m['double']}”" if m["double"] else f"‘{m['single']}’", text
        )
        text = _ROLE_RE.sub("", text)
        text = _CODE_PLUS_RE.sub(lambda m: held.hold(f"`{m['body']}`"), text)
        text = _PASS_MACRO_RE.sub(lambda m: held.hold(m["body"].replace("\\]", "]")), text)
        text = _TRIPLE_PLUS_RE.sub(lambda m: held.hold(m["body"]), text)
        text = _DOUBLE_PLUS_RE.sub(lambda m: held.hold(_escaped(m["body"])), text)
        text = _CODE_RE.sub(lambda m: held.hold(_code(m["double"] or m["single"])), text)
        text = _PLUS_RE.sub(lambda m: held.hold(f"`{m['body']}`"), text)
        text = _replace_macro(text, _MATH_MACRO_RE, lambda body: held.hold(_inline_math(body)))
        text = self._footnotes(text, held)
        text = _INDEX_TERMS_RE.sub("", text)
        text = _INDEX_TERM_RE.sub(lambda m: m["term"], text)
        text = _INDEX_MACRO_RE.sub("", text)
        text = _BIBLIOGRAPHY_ANCHOR_RE.sub(lambda m: "", text)
        text = _ANCHOR_RE.sub("", text)
        text = _XREF_RE.sub(lambda m: held.hold(self._xref(m["target"], m["text"], held)), text)
        text = _XREF_MACRO_RE.sub(
            lambda m: held.hold(self._xref(m["target"], m["text"], held)), text
        )
        text = _IMAGE_RE.sub(lambda m: held.hold(self.image(m["target"], m["attrs"])), text)
        text = _LINK_MACRO_RE.sub(lambda m: held.hold(self._link_macro(m, held)), text)
        text = _URL_RE.sub(lambda m: self._url(m, held), text)
        text = _ANGLE_URL_RE.sub(lambda m: held.hold(f"<{m['url']}>"), text)
        text = _EMAIL_RE.sub(lambda m: held.hold(m[0]), text)
        text = _UI_MACRO_RE.sub(lambda m: held.hold(_ui(m["kind"], m["target"], m["text"])), text)
        text = _STRONG_RE.sub(lambda m: f"**{m['body'] or m['c']}**", text)
        text = _EMPHASIS_RE.sub(lambda m: f"*{m['body'] or m['c']}*", text)
        text = _MARK_RE.sub(lambda m: f"<mark>{m['body'] or m['c']}</mark>", text)
        text = _SUPERSCRIPT_RE.sub(lambda m: f"<sup>{m['body']}</sup>", text)
        text = _SUBSCRIPT_RE.sub(lambda m: f"<sub>{m['body']}</sub>", text)
        text = _TAG_START_RE.sub("&lt;", text.replace(" -- ", " — "))
        return _HARD_BREAK_RE.sub("\\\\", _ESCAPE_RE.sub("", text))

    def image(self, target: str, attrs: str) -> str:
        alt = _first_attribute(attrs)
        path = target if "://" in target or not self.images_dir else f"{self.images_dir}/{target}"
        return f"![{alt}]({path})"

    def footnote_section(self) -> list[str]:
        return [f"[^{n}]: {text}" for n, text in enumerate(self.footnotes, 1)]

    def _footnotes(self, text: str, held: Held) -> str:
        out: list[str] = []
        start = 0
        for match in _FOOTNOTE_RE.finditer(text):
            if match.start() < start:
                continue
            end = _closing_bracket(text, match.end())
            if end < 0:
                break
            body = text[match.end() : end].replace("\\]", "]").strip()
            out += [text[start : match.start()], held.hold(self._footnote(match["id"], body, held))]
            start = end + 1
        return "".join(out) + text[start:]

    def _footnote(self, name: str, body: str, held: Held) -> str:
        if name and name in self.footnote_ids and not body:
            return f"[^{self.footnote_ids[name]}]"  # the same footnote again
        if not body:
            return ""
        self.footnotes.append(held.restore(self._convert(body, held)))
        if name:
            self.footnote_ids[name] = len(self.footnotes)
        return f"[^{len(self.footnotes)}]"

    def _xref(self, target: str, text: str | None, held: Held) -> str:
        """A cross reference shows its text; without one, what Asciidoctor shows: the
        bibliography label ``[key]`` or the section's id."""
        if text and text.strip():
            return self._convert(text.replace("\\]", "]").strip(), held)
        page, _, fragment = target.strip().partition("#")
        if fragment or not re.search(r"\.(?:adoc|asciidoc|asc)$", page):
            return f"[{fragment or page}]"
        return re.sub(r"[-_]+", " ", page.rsplit("/", 1)[-1].rsplit(".", 1)[0])

    def _link_macro(self, match: re.Match[str], held: Held) -> str:
        target = match["quoted"] or match["target"]
        return _link(target, self._link_text(match["text"], held))

    def _url(self, match: re.Match[str], held: Held) -> str:
        url, text = match["url"], match["text"]
        if text is None:
            trimmed = url.rstrip(_TRAILING_PUNCTUATION)
            if url.endswith(")") and trimmed.count("(") < url.count("("):
                trimmed = url  # "https://en.wikipedia.org/wiki/Lattice_(group)"
            return held.hold(trimmed) + url[len(trimmed) :]
        return held.hold(_link(url, self._link_text(text, held)))

    def _link_text(self, text: str, held: Held) -> str:
        text = text.replace("\\]", "]").strip()
        if "=" in text and "," in text:  # "text,window=_blank" or '"text, more",role=x'
            quoted = re.match(r'"(?P<q>[^"]*)"', text)
            text = quoted["q"] if quoted else text.split(",", 1)[0]
        elif "=" in text and re.fullmatch(r"[\w-]+=\S*", text):
            text = ""
        return self._convert(text.strip().strip('"').rstrip("^").strip(), held)


def substitute_attributes(text: str, attributes: Mapping[str, str]) -> str:
    """``{name}`` as the attribute's value; an undefined one stays as written."""

    def value(match: re.Match[str]) -> str:
        name = match["name"].casefold()
        if name in attributes:
            return attributes[name]
        return _BUILTIN_ATTRIBUTES.get(name, match[0])

    return _ATTRIBUTE_REF_RE.sub(value, text).replace("\\{", "{")


def _replace_macro(text: str, start_re: re.Pattern[str], render: Callable[[str], str]) -> str:
    """Each ``name:[…]`` whose brackets may nest (``stem:[[[a,b],[c,d]]]``)."""
    out: list[str] = []
    start = 0
    for match in start_re.finditer(text):
        if match.start() < start:
            continue
        end = _closing_bracket(text, match.end())
        if end < 0:
            break
        body = text[match.end() : end].replace("\\]", "]")
        out += [text[start : match.start()], render(body)]
        start = end + 1
    return "".join(out) + text[start:]


def _closing_bracket(text: str, index: int) -> int:
    """The index of the ``]`` that closes a bracket opened just before ``index``."""
    depth = 1
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        depth += (char == "[") - (char == "]")
        if depth == 0:
            return index
        index += 1
    return -1


def _inline_math(body: str) -> str:
    body = body.strip()
    body = body.removeprefix("\\(").removesuffix("\\)").removeprefix("$").removesuffix("$")
    return f"${body.strip()}$"


def _code(body: str) -> str:
    body = body.strip("+") if body.startswith("+") and body.endswith("+") else body
    return f"``{body}``" if "`" in body else f"`{body}`"


def _escaped(text: str) -> str:
    return re.sub(r"([*_`#\[\]<>])", r"\\\1", text)


def _link(target: str, text: str) -> str:
    if target.startswith("mailto:") and not text:
        return target.removeprefix("mailto:")
    if not text or text == target:
        return f"<{target}>" if "://" in target else target
    return f"[{text}]({target.replace(' ', '%20')})"


def _ui(kind: str, target: str, text: str) -> str:
    if kind == "kbd":
        return f"<kbd>{text}</kbd>"
    if kind == "menu":
        return " > ".join(part.strip() for part in [target, *text.split(">")] if part.strip())
    return f"**{text}**"  # btn:[OK]


def _first_attribute(attrs: str) -> str:
    first = attrs.split(",", 1)[0].strip().strip('"')
    return "" if "=" in first else first
