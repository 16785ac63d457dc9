"""A Canvas course's Modules page, saved from the browser ("Save Page As…").

Canvas wraps every module item in its own chrome (completion icons, requirement texts,
ids and hidden data) that reads as noise once converted. Its markup says what each item
is: a module is a ``div.context_module`` named by its ``aria-label``; an item is a
``li.context_module_item`` whose class gives its kind. The readings are the files and
links a module gives (``attachment``, ``external_url``); pages, assignments, quizzes,
discussions and tools are the course's own. Sub-headers ("Required readings", "Tools")
label the items under them. The modules, in order, are the course's sections.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

_READINGS = frozenset({"attachment", "external_url"})
_SUB_HEADER = "context_module_sub_header"


def is_modules_page(soup: BeautifulSoup) -> bool:
    return soup.select_one("#context_modules div.context_module") is not None


def modules_as_markdown(soup: BeautifulSoup) -> str:
    """The page as the list its readers see: "## Module 2: …", then its readings."""
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    lines = [f"# {title.removeprefix('Course Modules:').strip()}\n"] if title else []
    for module in soup.select("div.context_module"):
        name = str(module.get("aria-label") or _text(module.select_one(".name")))
        lines.append(f"\n## {name}\n\n")
        for item in module.select("li.context_module_item"):
            lines += _item_lines(item)
    return "".join(lines)


def _item_lines(item: Tag) -> list[str]:
    kinds = set(item.get("class") or [])
    link = item.select_one("a.ig-title") or item.select_one(".title")
    text = _text(link)
    if not text:
        return []
    if _SUB_HEADER in kinds:
        return [f"\n### {text}\n\n"]  # a label of its module's items
    if not kinds & _READINGS:
        return []  # the course's own page, assignment, quiz, discussion or tool
    href = link.get("href") if isinstance(link, Tag) else None
    return [f"- [{text}]({href})\n" if href else f"- {text}\n"]


def _text(node: Tag | None) -> str:
    return " ".join(node.get_text(" ", strip=True).split()) if node is not None else ""
