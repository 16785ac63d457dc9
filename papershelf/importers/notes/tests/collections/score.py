"""Score a notes import against a fixture collection's ``<name>.expected.json``.

Each collection is a folder beside this module, exactly as a user would point
``papershelf import`` at it, with the papers a person would expect beside it in
``<name>.expected.json``. ``run_and_score`` imports the folder for real into the
current database (which must hold nothing else) and measures:

- paper recall: expected papers found, matched by arXiv id, DOI or title;
- false papers: created papers that match no expected paper (duplicates of an
  expected paper are counted apart, as ``duplicates``);
- identifier recall: expected arXiv ids and DOIs present on the matched paper;
- section order: expected reading-list section paths found, in order, in the
  reading lists created (longest common subsequence / number expected);
- topic recall, year / first-author agreement, and non-note files that yielded papers.

Shared by ``benchmarks/import_collections.py`` and ``tests/test_collections.py``.
"""

from __future__ import annotations

import json
import re
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

COLLECTIONS_DIR = Path(__file__).resolve().parent
EXPECTED_SUFFIX = ".expected.json"

# Targets from the importer-rebuild issue; the test module asserts them.
TARGET_RECALL = 0.95
TARGET_FALSE_RATE = 0.02
TARGET_SECTION_ORDER = 0.95

_ARXIV_PREFIX_RE = re.compile(r"^(?:arxiv:|https?://arxiv\.org/(?:abs|pdf)/)", re.IGNORECASE)
_ARXIV_TAIL_RE = re.compile(r"(?:v\d+)?(?:\.pdf)?$", re.IGNORECASE)
_DOI_PREFIX_RE = re.compile(r"^(?:doi:|https?://(?:dx\.)?doi\.org/)", re.IGNORECASE)
# "Module 2:", "Lesson 5 —", "Week 1:", "1.2", "#2" in front of a section name.
_ENUMERATOR_RE = re.compile(
    r"^(?:(?:module|lesson|week|chapter|part|section|unit|lecture|session|day)\s*)?"
    r"\d+(?:\.\d+)*\b[\s.:)\-\u2013\u2014]*",
    re.IGNORECASE,
)


def collection_names(root: Path = COLLECTIONS_DIR) -> list[str]:
    """Every collection under ``root`` that has both its folder and its expected file."""
    return sorted(
        path.name[: -len(EXPECTED_SUFFIX)]
        for path in root.glob(f"*{EXPECTED_SUFFIX}")
        if (root / path.name[: -len(EXPECTED_SUFFIX)]).is_dir()
    )


def collection_folder(name: str, root: Path = COLLECTIONS_DIR) -> Path:
    return root / name


def load_expected(name: str, root: Path = COLLECTIONS_DIR) -> dict[str, Any]:
    return json.loads((root / f"{name}{EXPECTED_SUFFIX}").read_text(encoding="utf-8"))


def norm_arxiv(value: str) -> str:
    value = _ARXIV_PREFIX_RE.sub("", (value or "").strip())
    return _ARXIV_TAIL_RE.sub("", value).lower()


def norm_doi(value: str) -> str:
    return _DOI_PREFIX_RE.sub("", (value or "").strip()).lower()


def _plain_words(text: str) -> str:
    from papershelf.lib.titles import normalise_title

    return normalise_title(text)


def norm_section(text: str) -> str:
    """A section name without markup or leading numbering, as a comparison key."""
    stripped = text.strip().strip("#*_ ").strip()
    without_number = _ENUMERATOR_RE.sub("", stripped, count=1).strip()
    return _plain_words(without_number) or _plain_words(stripped)


def norm_person(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if ch.isalnum()).casefold()


@dataclass
class CollectionScore:
    name: str
    kind: str = ""
    aborted: bool = False
    error: str = ""
    seconds: float = 0.0
    expected: int = 0
    found: int = 0
    created: int = 0
    false_papers: int = 0
    duplicates: int = 0
    identifiers_expected: int = 0
    identifiers_found: int = 0
    meta_expected: int = 0  # years and first authors given in the expected file
    meta_found: int = 0
    sections_expected: int = 0
    sections_in_order: int = 0
    lists_created: int = 0
    topics_expected: int = 0
    topics_found: int = 0
    sections_created: list[str] = field(default_factory=list)  # raw heading paths, for diagnosis
    junk_files: list[str] = field(default_factory=list)  # non-note files that yielded papers
    missing: list[str] = field(default_factory=list)
    false_titles: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def false_rate(self) -> float:
        return self.false_papers / self.created if self.created else 0.0

    @property
    def identifier_recall(self) -> float | None:
        if not self.identifiers_expected:
            return None
        return self.identifiers_found / self.identifiers_expected

    @property
    def meta_accuracy(self) -> float | None:
        return self.meta_found / self.meta_expected if self.meta_expected else None

    @property
    def section_order(self) -> float | None:
        if not self.sections_expected:
            return None
        return self.sections_in_order / self.sections_expected

    @property
    def topic_recall(self) -> float | None:
        return self.topics_found / self.topics_expected if self.topics_expected else None

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for name in (
            "recall",
            "false_rate",
            "identifier_recall",
            "meta_accuracy",
            "section_order",
            "topic_recall",
        ):
            data[name] = getattr(self, name)
        return data


def run_and_score(name: str, user: Any, root: Path = COLLECTIONS_DIR) -> CollectionScore:
    """Import one collection for real (not a dry run) and score what it left in the database."""
    from papershelf.importers.services import ImportOptions, import_paths

    expected = load_expected(name, root)
    started = time.perf_counter()
    report = None
    aborted, error = False, ""
    try:
        report = import_paths(
            [collection_folder(name, root)], ImportOptions(user=user, fetch_metadata=False)
        )
    except Exception as exc:  # any failure is the measurement
        aborted, error = True, f"{type(exc).__name__}: {exc}"
    score = score_database(name, expected)
    score.seconds = round(time.perf_counter() - started, 2)
    score.aborted, score.error = aborted, error
    if report is not None:
        score.junk_files = _junk_files(report, expected.get("skipped_files", []))
    return score


def score_database(name: str, expected: dict[str, Any]) -> CollectionScore:
    """Compare the papers, reading lists and topics in the database with ``expected``."""
    from papershelf.papers.models import Paper
    from papershelf.readinglists.models import ReadingList
    from papershelf.topics.models import Topic

    wanted: list[dict[str, Any]] = expected["papers"]
    papers = list(Paper.objects.prefetch_related("title_keys", "author_links__author"))
    score = CollectionScore(name=name, kind=expected.get("kind", ""), expected=len(wanted))
    score.created = len(papers)

    assigned = _assign(wanted, papers)
    matched_papers = {id(paper) for paper in assigned.values()}
    for index, item in enumerate(wanted):
        paper = assigned.get(index)
        if paper is None:
            score.missing.append(item["title"])
        else:
            score.found += 1
        for key, norm in (("arxiv_id", norm_arxiv), ("doi", norm_doi)):
            if item.get(key):
                score.identifiers_expected += 1
                if paper is not None and norm(getattr(paper, key)) == norm(item[key]):
                    score.identifiers_found += 1
        if item.get("year"):
            score.meta_expected += 1
            score.meta_found += bool(paper is not None and paper.year == item["year"])
        if item.get("authors_first"):
            score.meta_expected += 1
            score.meta_found += bool(paper is not None and _first_author_is(paper, item))
    for paper in papers:
        if id(paper) in matched_papers:
            continue
        if any(_matches(item, paper) for item in wanted):
            score.duplicates += 1
        else:
            score.false_papers += 1
            score.false_titles.append(paper.title)

    sections = [norm_path(path) for path in expected.get("sections") or []]
    if sections:
        lists = list(ReadingList.objects.order_by("pk").prefetch_related("items"))
        score.lists_created = len(lists)
        raw_paths = [path for rl in lists for path in heading_paths(list(rl.items.all()), raw=True)]
        score.sections_created = [" / ".join(path) for path in raw_paths]
        created_paths = [tuple(norm_section(part) for part in path) for path in raw_paths]
        score.sections_expected = len(sections)
        score.sections_in_order = lcs_length(sections, created_paths, section_matches)

    topics = {_plain_words(t) for t in expected.get("topics") or []}
    if topics:
        have = {_plain_words(topic.name) for topic in Topic.objects.all()}
        score.topics_expected = len(topics)
        score.topics_found = len(topics & have)
    return score


def _paper_keys(paper: Any) -> set[str]:
    from papershelf.lib.titles import title_variants

    return title_variants(paper.title) | {key.key for key in paper.title_keys.all()}


def _strong(item: dict[str, Any], paper: Any) -> bool:
    if item.get("arxiv_id") and norm_arxiv(paper.arxiv_id) == norm_arxiv(item["arxiv_id"]):
        return True
    return bool(item.get("doi") and norm_doi(paper.doi) == norm_doi(item["doi"]))


def _weak(item: dict[str, Any], paper: Any) -> bool:
    from papershelf.lib.titles import title_variants

    return bool(title_variants(item["title"]) & _paper_keys(paper))


def _matches(item: dict[str, Any], paper: Any) -> bool:
    return _strong(item, paper) or _weak(item, paper)


def _assign(wanted: list[dict[str, Any]], papers: list[Any]) -> dict[int, Any]:
    """One created paper per expected paper: identifiers first, then titles.

    A paper whose identifier names another expected paper is never taken by title,
    and two expected papers with the same title need two created papers.
    """
    assigned: dict[int, Any] = {}
    taken: set[int] = set()
    for index, item in enumerate(wanted):
        for paper in papers:
            if id(paper) not in taken and _strong(item, paper):
                assigned[index] = paper
                taken.add(id(paper))
                break
    for index, item in enumerate(wanted):
        if index in assigned:
            continue
        for paper in papers:
            if id(paper) in taken or not _weak(item, paper):
                continue
            if any(_strong(other, paper) for j, other in enumerate(wanted) if j != index):
                continue
            assigned[index] = paper
            taken.add(id(paper))
            break
    return assigned


def _first_author_is(paper: Any, item: dict[str, Any]) -> bool:
    authors = paper.ordered_authors()
    if not authors:
        return False
    return norm_person(item["authors_first"]) in norm_person(authors[0].name)


def norm_path(path: str) -> tuple[str, ...]:
    return tuple(norm_section(part) for part in path.split(" / ") if part.strip())


def heading_paths(items: Sequence[Any], raw: bool = False) -> list[tuple[str, ...]]:
    """Section paths of a reading list's headings, in order (depth 1 = top)."""
    stack: list[str] = []
    paths = []
    for item in items:
        if not item.heading:
            continue
        depth = max(int(item.depth or 1), 1)
        name = item.heading.strip() if raw else norm_section(item.heading)
        stack = [*stack[: depth - 1], name]
        paths.append(tuple(stack))
    return paths


def section_matches(expected: tuple[str, ...], created: tuple[str, ...]) -> bool:
    """Same last name, and the expected path's names appear along the created path.

    Lenient on purpose: an importer may wrap everything in the document's title
    or nest a loosely written heading one level deeper.
    """
    if not expected or not created or expected[-1] != created[-1]:
        return False
    remaining = iter(created)
    return all(any(part == have for have in remaining) for part in expected)


def lcs_length(a: Sequence[Any], b: Sequence[Any], same: Callable[[Any, Any], bool]) -> int:
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b, start=1):
            current.append(previous[j - 1] + 1 if same(x, y) else max(previous[j], current[-1]))
        previous = current
    return previous[-1]


def _junk_files(report: Any, skipped: list[str]) -> list[str]:
    """Files listed as not-notes that still produced, merged or touched papers."""
    wheres = [
        action.where for action in report.actions if action.kind != "skipped" and action.where
    ]
    return [
        name
        for name in skipped
        if any(where == name or where.startswith(f"{name}:") for where in wheres)
    ]
