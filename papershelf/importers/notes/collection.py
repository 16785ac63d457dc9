"""A folder of notes read as one collection: which files are notes, which tags are topics.

A vault, a Jekyll site or a notes repository holds more than notes: index pages,
templates, dashboards, a built copy of the site, assets. Those are skipped with a
reason. Tags become topics only when several notes share them; tags that are a venue
or a year become the paper's venue and year instead.
"""

from __future__ import annotations

import glob
import posixpath
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path, PurePosixPath

from papershelf.importers.containers.trilium import inside_trilium_export
from papershelf.importers.containers.zulip import is_zulip_export_file
from papershelf.importers.csl.parse import looks_like_csl_yaml
from papershelf.importers.hayagriva.parse import looks_like_hayagriva
from papershelf.importers.ids.titles import unconfirmed_message
from papershelf.importers.notes.background import AUTHOR_YEAR_PREFIX, BIBLIOGRAPHIES
from papershelf.importers.notes.citations import names_non_papers, names_unread
from papershelf.importers.notes.index_pages import CHAPTER_EVIDENCE
from papershelf.importers.notes.keyed import OPENS_WITH_KEY
from papershelf.importers.notes.metadata import MIN_NOTES_FOR_FACTS, expects_facts, states_facts
from papershelf.importers.papis.container import is_papis_notes
from papershelf.importers.papis.parse import looks_like_papis
from papershelf.importers.records import (
    Entry,
    ImportWarning,
    PaperRecord,
    ParsedDocument,
    TopicRecord,
)
from papershelf.importers.yamldata.parse import looks_like_paper_data
from papershelf.lib.titles import is_own_title, normalise_title

# Folders of a site's or a vault's machinery, never notes.
_MACHINERY_FOLDERS = frozenset(
    {"_site", "node_modules", "_layouts", "_includes", "_sass", "_data", "assets", "static"}
    | {"templates", "template", "_templates", "archetypes", "themes", "layouts", ".github"}
    | {"bak", ".recycle", ".trash"}  # backups and deleted pages (Logseq, Obsidian)
    | {"_build", ".ipynb_checkpoints"}  # Sphinx's and Jupyter Book's output, autosaves
)
# A site generator's output folder, known by the configuration file beside it: mdBook
# writes "book/" next to book.toml, MkDocs "site/" next to mkdocs.yml, Hugo "public/".
_BUILD_OUTPUTS = {
    "book": ("book.toml",),
    "site": ("mkdocs.yml", "mkdocs.yaml"),
    "public": ("hugo.toml", "hugo.yaml", "config.toml"),
}
# Pages a site or repository has beside its notes.
_SITE_PAGES = frozenset(
    {"license", "licence", "contributing", "code_of_conduct", "changelog", "about", "404"}
    | {"search", "tags", "categories", "archive", "archives", "privacy", "security", "authors"}
    | {"glossary", "definitions"}  # a site's list of terms, each "**Term** — meaning"
    | {"robots", "humans"}  # robots.txt, humans.txt: for crawlers and credits
)
# A vault's or graph's daily pages: a diary that mentions papers, not notes on one.
_JOURNAL_FOLDERS = frozenset({"journals", "journal", "daily", "daily notes", "dailies", "diary"})
# Readwise, Omnivore and Kindle exports file highlights by kind: these kinds are no papers.
_MEDIA_FOLDERS = frozenset({"books", "podcasts", "tweets", "videos", "kindle"})
# Pages a site generates to list its notes. A README or an index.md is read like any
# note (a "papers I read" table is often the collection itself): what it names by
# evidence is imported; links to the notes beside it are not papers.
_GENERATED_INDEXES = frozenset({"_index", "dashboard", "moc", "archive_browser"})
# {{title}}, {{date}}, <% tp.file.title %>: the blanks a note template leaves to fill.
_TEMPLATE_RE = re.compile(
    r"\{\{\s*(?:title|date|time|authors?|url|link|year|venue|tags)(?::[^}]*)?\s*\}\}"
    r"|<%[-_=*]?\s*tp\."
    # "<short name>", "(<venue> <year>)"; never <title> or <link>, which are HTML's own.
    r"|<(?:short name|paper title|venue|year|authors?|doi|arxiv id)>",
    re.IGNORECASE,
)
# "YYYY", "Author One, Author Two", "https://doi.org/...": what a template (a wiki's
# page template, a copied note) writes in its fields for a person to replace. One may be
# an example in a note ("dates as YYYY-MM-DD"); two different ones make a template.
_PLACEHOLDER_RES = (
    re.compile(r"\bYYYY\b"),
    re.compile(r"\b(?:Author (?:One|Two|1|2|A|B|Name)|First Author|Lastname, Firstname)\b"),
    re.compile(r"(?:doi\.org/|arxiv\.org/abs/|\b10\.)(?:\.\.\.|…|[xX]{4})"),
    re.compile(r"(?:^|>)\s*(?:Paper title|Title of (?:the )?paper)\s*(?:<|$)", re.M | re.I),
)
_MIN_PLACEHOLDERS = 2
# "**Paper:** ", "DOI::", "- Authors: ": a field a template leaves for the note to fill.
_EMPTY_FIELD_RE = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:\*\*|__)?[\w /()]{2,30}(?::\*\*|::?)(?:\*\*)?\s*$"
)
_MIN_TEMPLATE_BLANKS = 3
_QUERY_BLOCK_RE = re.compile(r"^```\s*(dataview|dataviewjs|query|tasks)\b", re.MULTILINE)
_VENUE_TAG_RE = re.compile(
    r"^(neurips|nips|icml|iclr|cvpr|iccv|eccv|acl|emnlp|naacl|eacl|coling|aaai|ijcai|kdd"
    r"|jmlr|tmlr|tpami|tacl|uai|aistats|colt|wacv|bmvc|siggraph|icassp|interspeech|www"
    r"|sigir|wsdm|icra|iros|corl|rss|miccai|nature|science|arxiv)[\s_\-']*((?:19|20)?\d{2})?$",
    re.IGNORECASE,
)
_YEAR_TAG_RE = re.compile(r"^((?:19|20)\d{2})$")
_MIN_NOTES_FOR_A_TAG = 2
# Tags that say what a note is or where it stands in a workflow, not what it is about.
_WORKFLOW_TAGS = frozenset(
    {"paper", "papers", "to read", "toread", "read", "reading", "todo", "done", "inbox"}
    | {"literature note", "lit note", "literature", "source", "reference", "article"}
    | {"paper summaries", "paper summary", "paper notes", "notes", "note", "summary"}
    | {"draft", "published", "wip", "review", "reviewed", "seedling", "evergreen"}
)
_EVERYWHERE_SHARE = 0.9  # a tag on (nearly) every note classifies the collection


def _folders(name: str) -> set[str]:
    return {part.casefold() for part in PurePosixPath(name.replace("\\", "/")).parts[:-1]}


def only_journal_pages(names: list[str]) -> bool:
    """A diary alone (an org-journal folder, a graph kept in its daily pages) is the
    person's reading log: its pages are read, not skipped as beside other notes."""
    return bool(names) and all(_folders(name) & _JOURNAL_FOLDERS for name in names)


def _in_zotero_storage(path: Path) -> bool:
    """Zotero keeps attachments (PDFs, saved web pages) in ``storage/<key>/`` beside its
    database: copies of what the library's items are, not notes."""
    storage = next((p for p in path.parents if p.name.casefold() == "storage"), None)
    return storage is not None and (storage.parent / "zotero.sqlite").is_file()


_MACHINERY = "part of the site's or vault's machinery (templates, layouts, a built copy)"
# A dotted hierarchy's top that says its notes are no papers' (Dendron, Foam).
_NOT_PAPER_HIERARCHIES = frozenset(
    {"project", "projects", "person", "people", "user", "meet", "meeting", "meetings"}
    | {"sw", "lib", "todo", "tasks", "scratch", "inbox"}
)


def _in_dendron_vault(path: Path) -> bool:
    """Dendron's workspace file stands at its root, its notes' names dotted throughout."""
    return any((folder / "dendron.yml").is_file() for folder in list(path.parents)[:3])


def _hierarchy_says(parts: list[str]) -> str:
    top = parts[0] if len(parts) > 1 else ""  # "paper.2021.clip": a hierarchy; "notes": none
    if top in {"templates", "template"} or top in _MACHINERY_FOLDERS:
        return _MACHINERY
    if top in _NOT_PAPER_HIERARCHIES or names_non_papers(top):
        return f"a note of the vault's “{top}” hierarchy, not the notes on a paper"
    if len(parts) > 1 and names_unread(" ".join(parts)):
        return "a list of papers not read yet"
    return ""


def _built(path: Path, parts: tuple[str, ...]) -> bool:
    """Whether the file is under a generator's output folder ("book/print.html" of an
    mdBook): the folder's name, and its configuration file in the folder above."""
    folder = path.parent
    for part in reversed(parts[:-1]):
        configs = _BUILD_OUTPUTS.get(part.casefold(), ())
        if folder.name == part and any((folder.parent / config).is_file() for config in configs):
            return True
        folder = folder.parent
    return False


def skip_reason(path: Path, name: str, file_count: int, diary_alone: bool = False) -> str:
    """Why a file of a folder or archive is no note, or "" when it may be one."""
    if file_count < 2:
        return ""  # a file named on its own is read, whatever it is called
    parts = PurePosixPath(name.replace("\\", "/")).parts
    folders = _folders(name)
    machinery = folders & _MACHINERY_FOLDERS
    if machinery and not (machinery <= {"_data"} and _is_yaml_bibliography(path)):
        # (but "_data/reading.yml" is the site's list of papers)
        return _MACHINERY
    if _built(path, parts):
        return "a copy the site generator built from the notes, not a note"
    stem = PurePosixPath(parts[-1]).stem.casefold()
    # Beside notes, a diary's pages mention their papers in passing; a digest named by
    # its date is no diary, so the folder decides, not the date in the name. Drafts are
    # notes like any other: what they name by evidence goes in.
    # Dendron names a note by its place in the hierarchy: "daily.journal.2023.05.24.md".
    dotted = set(stem.split(".")[:-1]) if stem.count(".") >= 2 else set()
    if (folders | dotted) & _JOURNAL_FOLDERS and not diary_alone:
        return "a daily journal page, not the notes on a paper"
    hierarchy = stem.split(".") if dotted or _in_dendron_vault(path) else []
    if reason := _hierarchy_says(hierarchy):
        return reason  # Dendron's "templates.paper.md", "blog.lilian-weng.contrastive.md"
    if folders & _MEDIA_FOLDERS:
        return "highlights of a book, podcast, video or tweets, not of a paper"
    if stem in _SITE_PAGES:
        return "a page of the site or repository, not a note"
    if stem in _GENERATED_INDEXES:
        return "an index page of the collection, not a note"
    if _in_zotero_storage(path):
        return "an attachment in a Zotero data directory's storage (zotero.sqlite is read)"
    if _is_keep_twin(path):
        return "the HTML copy of a Google Keep note: its .json beside it is read"
    if inside_trilium_export(path):
        return "part of a Trilium export: its !!!meta.json is read, with each note's labels"
    if is_zulip_export_file(path):
        return "part of a Zulip export's bookkeeping (its messages are read)"
    if path.suffix.lower() == ".txt" and path.with_suffix(".opml").is_file():
        return f"the plain-text export of {path.with_suffix('.opml').name}, which is read"
    if _is_simplenote_copy(path):
        return "a text copy of a Simplenote note: source/notes.json, with its tags, is read"
    if _TEMPLATE_NAME_RE.search(stem):
        return "a template for notes, not a note"
    if name.casefold().endswith(".schema.json"):
        return "a JSON schema describing the export's objects, not a note"
    if _is_page_metadata(path):
        return "the metadata of the page beside it (a wiki's export), not a note"
    if is_papis_notes(path):
        return "the notes of the Papis document beside it: read with its info.yaml"
    if path.suffix.lower() in (".yml", ".yaml") and not _is_yaml_bibliography(path):
        return "a YAML file of settings, not a Hayagriva bibliography"
    if path.suffix.lower() == ".toml" and not _is_yaml_bibliography(path):
        return "a TOML file of settings (hugo.toml, a theme's), not a data file of papers"
    return ""


# "paper-summary-template.md", "Template - literature note.md", "templates.md".
_TEMPLATE_NAME_RE = re.compile(r"(?:^|[\s_\-(])templates?(?:$|[\s_\-)])")
# BookStack and other wikis export "page.md" with "page_meta.json" (or .meta.json).
_META_SUFFIXES = ("_meta", ".meta", "-meta")


def _is_page_metadata(path: Path) -> bool:
    if path.suffix.lower() != ".json":
        return False
    stem = path.stem
    page = next((stem[: -len(s)] for s in _META_SUFFIXES if stem.endswith(s)), "")
    return bool(page) and any(path.parent.glob(f"{glob.escape(page)}.*"))


def _is_yaml_bibliography(path: Path) -> bool:
    # An Eleventy site keeps its data as JSON: "_data/readinglist.json".
    return path.suffix.lower() in (".yml", ".yaml", ".json", ".toml") and _is_bibliography(path)


def _is_bibliography(path: Path) -> bool:
    """A Typst project's refs.yml, beside its configuration files (mkdocs.yml, …)."""
    try:
        if path.stat().st_size > _LARGEST_SNIFFED_YAML:
            return True  # read as any document is, and refused as too large there
        text = path.read_text(encoding="utf-8", errors="replace")
        return (
            looks_like_hayagriva(text)
            or looks_like_papis(text, path.name)
            or looks_like_csl_yaml(text)
            or looks_like_paper_data(text)
        )
    except OSError:
        return False


_LARGEST_SNIFFED_YAML = 64 * 1024**2


def _is_keep_twin(path: Path) -> bool:
    """Google Takeout writes each Keep note twice, as "<title>.json" and "<title>.html"."""
    twin = path.with_suffix(".json")
    if path.suffix.lower() not in (".html", ".htm") or not twin.is_file():
        return False
    with twin.open(encoding="utf-8", errors="replace") as head:
        start = head.read(4096)
    return '"isTrashed"' in start or '"textContent"' in start


def _is_simplenote_copy(path: Path) -> bool:
    """Simplenote's notes.zip holds every note twice: in source/notes.json with its tags
    and pin, and as "<first line>.txt" (the bin's notes under trash/)."""
    if path.suffix.lower() != ".txt":
        return False
    root = path.parent.parent if path.parent.name == "trash" else path.parent
    export = root / "source" / "notes.json"
    if not export.is_file():
        return False
    with export.open(encoding="utf-8", errors="replace") as head:
        return '"activeNotes"' in head.read(4096)


def content_skip_reason(text: str) -> str:
    """Why a document's text is no note: a template to fill in, or a dashboard of queries."""
    placeholders = sum(bool(pattern.search(text)) for pattern in _PLACEHOLDER_RES)
    if _TEMPLATE_RE.search(text) or placeholders >= _MIN_PLACEHOLDERS:
        return "a note template (its fields are placeholders)"
    prose = _prose_lines(text)
    if _QUERY_BLOCK_RE.search(text) and len(prose) < 5:
        return "a dashboard of queries, not a note"
    blanks = sum(1 for line in prose if _EMPTY_FIELD_RE.match(line))
    if blanks >= _MIN_TEMPLATE_BLANKS and len(prose) - blanks < 2:
        return "a note template (its fields are empty)"
    return ""


def _prose_lines(text: str) -> list[str]:
    inside = False
    lines = []
    for line in text.splitlines():
        if line.lstrip().startswith("```"):
            inside = not inside
        elif not inside and line.strip() and not line.lstrip().startswith(("#", "---")):
            lines.append(line)
    return lines


# Formats whose files are one note each: Markdown notes, an app's cards, saved pages.
_NOTE_FORMATS = frozenset({"notes", "app-json", "html", "papis"})  # Papis: one document a file


def settle_collection(documents: list[ParsedDocument]) -> list[ParsedDocument]:
    """Decide tags across notes: shared ones are topics, venues and years are facts.

    Returns the notes that name no paper after all: in a collection whose notes state
    their papers' facts (an identifier, authors, a venue or a year), one that states none
    and has no labelled title ("Moving this blog to Hugo") is a post about something else.
    """
    # A note app's export holds one note a file too (Google Keep's Takeout).
    notes = [d for d in documents if d.format in _NOTE_FORMATS and len(d.entries) == 1]
    if len(notes) < 2:
        return []
    tags_of = {id(d): _entry_tags(d) for d in notes}
    counts = Counter(normalise_tag(tag) for tags in tags_of.values() for tag in set(tags))
    everywhere = {
        tag
        for tag, count in counts.items()
        if len(notes) >= 3 and count >= _EVERYWHERE_SHARE * len(notes)
    }
    for document in notes:
        kept: list[str] = []
        declared = {normalise_tag(t) for t in document.declared_topics}
        for tag in tags_of[id(document)]:
            key = normalise_tag(tag)
            if key in declared:
                kept.append(_display(tag))  # "topics: […]" is a statement, not a tag
            elif _take_as_fact(document, tag) or key in _WORKFLOW_TAGS or key in everywhere:
                continue
            elif counts[key] >= _MIN_NOTES_FOR_A_TAG:
                kept.append(_display(tag))
        _set_topics(document, list(dict.fromkeys(kept)))
    # A newsletter issue or a reading list citing several papers states facts too.
    listings = [d for d in documents if d.format == "notes" and len(d.entries) > 1]
    return _without_facts(notes, tags_of, sum(map(_mostly_stated, listings)))


def _without_facts(
    notes: list[ParsedDocument], tags_of: dict[int, list[str]], stated_listings: int = 0
) -> list[ParsedDocument]:
    # A citation key names a bibliography's entry: as good as the facts it holds.
    stated = [d for d in notes if states_facts(d.entries[0].paper) or d.entries[0].cites]
    unstated = [d for d in notes if d not in stated and not _labelled_as_titled(d.entries[0])]
    documents, stating = len(notes) + stated_listings, len(stated) + stated_listings
    if expects_facts(documents, stating):
        return unstated
    # A Zettelkasten marks its literature notes ("#lit", "#paper"): a note with no facts
    # that lacks a mark they all carry is one of its own ideas, a meeting or a map.
    marks = _paper_marks(stated, tags_of)
    return [d for d in unstated if marks - {normalise_tag(t) for t in tags_of[id(d)]}]


_MARKED_SHARE = 0.8  # of the notes that state facts, how many carry the collection's mark


def _labelled_as_titled(entry: Entry) -> bool:
    """A labelled title ("title: Attention Is All You Need") needs no facts, unless it
    speaks of the post itself: "title: First Blog Post", "Log: my PPO solved CartPole"."""
    titled = entry.paper is not None and not is_own_title(entry.paper.title)
    return titled and "labelled title" in entry.evidence


def _paper_marks(stated: list[ParsedDocument], tags_of: dict[int, list[str]]) -> set[str]:
    """The tags (nearly) every note that states its paper's facts carries."""
    counts = Counter(normalise_tag(t) for d in stated for t in set(tags_of[id(d)]))
    return {
        tag
        for tag, count in counts.items()
        if count >= MIN_NOTES_FOR_FACTS and count >= _MARKED_SHARE * len(stated)
    }


def _mostly_stated(document: ParsedDocument) -> bool:
    papers = [entry.paper for entry in document.entries]
    return sum(map(states_facts, papers)) * 2 > len(papers)


def normalise_tag(tag: str) -> str:
    return " ".join(tag.strip().lstrip("#").replace("_", " ").replace("-", " ").casefold().split())


def _display(tag: str) -> str:
    return " ".join(tag.strip().lstrip("#").replace("_", " ").split())


def _entry_tags(document: ParsedDocument) -> list[str]:
    return list(document.entry_topics.get(0, []))


def _take_as_fact(document: ParsedDocument, tag: str) -> bool:
    """A tag like "ICLR", "iclr2019" or "2019" is the paper's venue or year."""
    paper = document.entries[0].paper
    text = normalise_tag(tag)
    if year := _YEAR_TAG_RE.match(text):
        if paper is not None and paper.year is None:
            paper.year = int(year[1])
        return True
    if venue := _VENUE_TAG_RE.match(text.replace(" ", "")):
        if paper is not None:
            paper.venue = paper.venue or _venue_name(tag)
            if venue[2] and paper.year is None:
                paper.year = int(venue[2]) if len(venue[2]) == 4 else 2000 + int(venue[2])
        return True
    return False


def _venue_name(tag: str) -> str:
    """ "NeurIPS" stays as written; "iclr2019" → "ICLR"; "nips" → "NeurIPS"."""
    name = re.sub(r"[\s_\-']*\d{2,4}$", "", tag.strip().lstrip("#"))
    if name.casefold() in ("nips", "neurips"):
        return "NeurIPS"
    return name.upper() if name.islower() else name


def _set_topics(document: ParsedDocument, names: list[str]) -> None:
    keep = {normalise_tag(name) for name in names}
    document.topics = [t for t in document.topics if normalise_tag(t.name) in keep]
    known = {normalise_tag(t.name) for t in document.topics}
    document.topics += [TopicRecord(name=n) for n in names if normalise_tag(n) not in known]
    if names:
        document.entry_topics[0] = names
    else:
        document.entry_topics.pop(0, None)


# topics/README.md, tags.md, categories/index.md: a page that declares the topics.
_TOPIC_PAGE_STEMS = frozenset({"topics", "tags", "categories"})
_HEADING_RE = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_NOTE_LINK_RE = re.compile(
    r"\[\[([^\]|#]+)(?:[|#][^\]]*)?\]\]|\]\((?!https?:)([^)\s]+?)(?:\.md)?\)"
)


def is_topics_page(name: str) -> bool:
    parts = [part.casefold() for part in PurePosixPath(name.replace("\\", "/")).parts]
    stem = PurePosixPath(parts[-1]).stem
    return stem in _TOPIC_PAGE_STEMS or (len(parts) > 1 and parts[-2] in _TOPIC_PAGE_STEMS)


def read_topics_page(text: str, path: str) -> ParsedDocument:
    """Each heading a topic, the text under it its description, its links the notes on
    papers it holds (``[[papers/Attention Is All You Need|…]]``)."""
    sections: list[tuple[int, str, list[str]]] = []
    for line in text.splitlines():
        heading = _HEADING_RE.match(line)
        if heading:
            sections.append((len(heading[1]), heading[2], []))
        elif sections:
            sections[-1][2].append(line)
    levels = Counter(level for level, _, _ in sections)
    level = max(levels, key=lambda lv: (levels[lv], lv), default=0)
    document = ParsedDocument(path=path, format="topics")
    for heading_level, name, lines in sections:
        if heading_level != level:
            continue
        targets = [m[1] or m[2] for line in lines for m in _NOTE_LINK_RE.finditer(line)]
        prose = [line for line in lines if not _NOTE_LINK_RE.search(line)]
        description = "\n".join(prose).strip()
        document.topics.append(TopicRecord(name=name.strip(), description=description))
        document.topic_notes[name.strip()] = targets
    return document


def apply_topics_pages(documents: list[ParsedDocument]) -> None:
    """Give each note the topics a topics page lists it under, with their descriptions."""
    notes = [d for d in documents if len(d.entries) == 1]
    by_path = {_stem(d.path): d for d in notes}
    by_name = Counter(PurePosixPath(_stem(d.path)).name for d in notes)
    by_base = {PurePosixPath(_stem(d.path)).name: d for d in notes}
    for page in (d for d in documents if d.format == "topics"):
        for topic in page.topics:
            for target in page.topic_notes.get(topic.name, []):
                base = PurePosixPath(_stem(target)).name
                note = by_path.get(_stem(target)) or (by_base[base] if by_name[base] == 1 else None)
                if note is not None:
                    _give_topic(note, topic)


def _give_topic(note: ParsedDocument, topic: TopicRecord) -> None:
    note.entry_topics[0] = list(dict.fromkeys([*note.entry_topics.get(0, []), topic.name]))
    if topic.name not in note.declared_topics:
        note.declared_topics.append(topic.name)
    known = next((t for t in note.topics if t.name == topic.name), None)
    if known is None:
        note.topics.append(TopicRecord(topic.name, topic.description))
    elif not known.description:
        known.description = topic.description  # the note named it; the page describes it


def _stem(name: str) -> str:
    path = PurePosixPath(name.replace("\\", "/"))
    return str(path.with_suffix("") if path.suffix == ".md" else path).casefold()


# "Self-RAG: Learning to Retrieve…" is known by what comes before its colon.
_SHORT_NAME_RE = re.compile(r"^\s*([^:]{3,40}?)\s*:\s+\S")
_WEAK_EVIDENCE = ("the heading that opens the note", "the file name")


def resolve_nicknames(documents: list[ParsedDocument]) -> None:
    """A note titled only by its heading or file name ("Self-RAG quick thoughts",
    "GRPO.md") is the notes on the paper of this import that goes by that short name,
    when exactly one does; otherwise it stays the unconfirmed paper it was."""
    by_short_name: dict[str, list[PaperRecord]] = {}
    for document in documents:
        for known in (entry.paper for entry in document.entries):
            if known is not None and states_facts(known) and (short := _short_name(known.title)):
                by_short_name.setdefault(short.casefold(), []).append(known)
    for document in documents:
        if len(document.entries) != 1:
            continue
        entry = document.entries[0]
        paper = entry.paper
        if paper is None or states_facts(paper) or not entry.evidence.startswith(_WEAK_EVIDENCE):
            continue
        # Each word of the title looked up, not each short name scanned: a vault of
        # thousands of notes stays linear.
        words = set(re.findall(r"[\w\-]+", paper.title.casefold()))
        named = [by_short_name[word] for word in sorted(words) if word in by_short_name]
        titles = {p.title.casefold() for papers in named for p in papers}
        if len(titles) == 1:
            entry.paper = replace(named[0][0])
            entry.evidence = f"names “{_short_name(entry.paper.title)}”, a paper of this import"
            unconfirmed = unconfirmed_message(paper.title.strip())
            document.warnings = [
                w for w in document.warnings if not w.message.startswith(unconfirmed)
            ]


def follow_note_links(
    documents: list[ParsedDocument], names: Iterable[str], cited: dict[str, list[str]]
) -> None:
    """An index row that links another file of this import ("| [TAM - Davis 1989](TAM_98413.html)
    | 1989 |", a Confluence or Notion index over its pages) is the paper of the note it
    links: the row takes that paper when the note names one, and names none when the
    note names none (a page marked to read, a template). ``names`` are every file of the
    import, read or skipped; a link to a file outside it changes nothing. A link to a
    chapter that cites its papers by key waits for ``chapters_cite_their_papers``."""
    files = {_file_key(name) for name in names}
    # (an "@Maria" mention in a meeting page is no key: only a bibliography's keys count)
    known = set(_bibliography(documents))
    citing = {_file_key(name) for name, keys in cited.items() if known.intersection(keys)}
    # "[[Prospect theory]]" names a note by its file's name, wherever it is (Obsidian).
    by_name: dict[str, list[str]] = {}
    for key in files:
        by_name.setdefault(PurePosixPath(key).name, []).append(key)
    papers_of = {
        _file_key(d.path): [e.paper for e in d.entries if e.paper is not None] for d in documents
    }
    for document in documents:
        here = PurePosixPath(document.path.replace("\\", "/")).parent
        itself = _file_key(document.path)
        dropped = []
        _spread_chapters(document, here, papers_of, files)
        for index, entry in enumerate(document.entries):
            target = _file_key(str(here / entry.note_link)) if entry.note_link else ""
            if target and target not in files:
                found = by_name.get(PurePosixPath(target).name, [])
                target = found[0] if len(found) == 1 else target
            if entry.paper is None and entry.summary is None and target not in files:
                dropped.append(index)  # an index page's link to something not imported
                continue
            if target not in files or target == itself:
                continue
            if not _take_linked_paper(entry, papers_of.get(target, [])) and target not in citing:
                dropped.append(index)
                message = f"not imported: it links {entry.note_link}, which names no paper"
                document.warnings.append(ImportWarning(document.path, entry.line, message))
        _drop_entries(document, dropped)


def _spread_chapters(
    document: ParsedDocument,
    here: PurePosixPath,
    papers_of: dict[str, list[PaperRecord]],
    files: set[str],
) -> None:
    """A link to a note on several papers (a book's chapter, a session on two papers)
    stands for each of them, in the note's order and under the link's headings. A
    book's chapter heading that only repeats its one paper's title is no section."""
    if not document.ordered:
        return
    spread: list[Entry] = []
    for entry in document.entries:
        target = _file_key(str(here / entry.note_link)) if entry.note_link else ""
        papers = papers_of.get(target, []) if target in files else []
        chapter = entry.evidence == CHAPTER_EVIDENCE and bool(entry.sections)
        # (a chapter's own heading read as its paper, stating no facts, stays a section)
        stated = len(papers) == 1 and states_facts(papers[0])
        if chapter and stated and _names_paper(entry.sections[-1], papers[0]):
            entry.sections = entry.sections[:-1]
        if len(papers) < 2 or entry.paper is not None:
            spread.append(entry)
            continue
        for paper in papers:
            evidence = f"a chapter linking {entry.note_link}, a note on this paper and others"
            spread.append(replace(entry, paper=replace(paper), evidence=evidence, note_link=""))
    if len(spread) != len(document.entries):
        document.entry_topics = {}  # an index page's links carry no topics of their own
    document.entries = spread


def chapters_cite_their_papers(
    documents: list[ParsedDocument], cited: dict[str, list[str]]
) -> None:
    """A book's chapter of lecture notes that cites its papers by key ("Readings: @imbens1994,
    @angrist1991") holds those papers of the bibliography beside it, in the order it
    cites them — those the bibliography keeps as papers once background and books are
    left out. Its first heading, stating no facts of a paper, is the chapter's title."""
    by_key = _bibliography(documents)
    keys = {_file_key(name): found for name, found in _keys_as_written(cited).items()}
    notes = {_file_key(d.path): d for d in documents if d.format not in BIBLIOGRAPHIES}
    for document in (d for d in documents if d.ordered and d.format not in BIBLIOGRAPHIES):
        here = PurePosixPath(document.path.replace("\\", "/")).parent
        entries: list[Entry] = []
        for entry in document.entries:
            target = _file_key(str(here / entry.note_link)) if entry.note_link else ""
            papers = [by_key[key] for key in keys.get(target, []) if key in by_key]
            chapter = notes.get(target)
            own = [e for e in chapter.entries if e.paper is not None] if chapter else []
            titled = len(own) == 1 and not states_facts(own[0].paper) and bool(keys.get(target))
            if titled:
                own[0].paper = None  # "# OLS Refresher {#sec-ols}": the chapter, no paper
                entry.paper = None
            if not papers or (own and not titled):
                # a link kept only for its keys, which found no paper, goes
                if entry.paper is not None or not entry.note_link:
                    entries.append(entry)
                continue
            evidence = f"cited by key in {entry.note_link}, a chapter of the book"
            entries += [replace(entry, paper=replace(p), evidence=evidence) for p in papers]
        if len(entries) != len(document.entries):
            document.entry_topics = {}
        document.entries = entries


_MIN_SYNTHESISED = 2
_MIN_KEYED_NOTES = 3


def _notes_named_by_key(documents: list[ParsedDocument], by_key: dict[str, PaperRecord]) -> int:
    """How many notes are each on one paper of the bibliography, named by its key."""
    return sum(
        1
        for document in documents
        if document.format not in BIBLIOGRAPHIES
        and len(document.entries) == 1
        and (paper := document.entries[0].paper) is not None
        and paper.bibtex_key.casefold() in by_key
    )


def syntheses_name_no_paper(documents: list[ParsedDocument], cited: dict[str, list[str]]) -> None:
    """A note titled by the person ("Mesopredators & trophic downgrading — synthesis",
    "Field season 2024") that states no paper's facts but cites two papers or more of
    the bibliography beside it by key is a synthesis of those papers: they are the
    bibliography's, the note names none of its own."""
    by_key = _bibliography(documents)
    if not by_key:
        return
    keys = {_file_key(name): found for name, found in _keys_as_written(cited).items()}
    keyed = _notes_named_by_key(documents, by_key)
    for document in documents:
        if document.format in BIBLIOGRAPHIES or len(document.entries) != 1:
            continue
        entry = document.entries[0]
        if entry.paper is None or states_facts(entry.paper):
            continue
        synthesised = {key for key in keys.get(_file_key(document.path), []) if key in by_key}
        if len(synthesised) >= _MIN_SYNTHESISED:
            message = (
                f"not imported as a paper: “{entry.paper.title}” states no paper's facts and "
                f"cites {len(synthesised)} papers of the bibliography (a synthesis of them)"
            )
        elif keyed >= _MIN_KEYED_NOTES and not entry.paper.bibtex_key:
            # A Zettelkasten's permanent note ("The pessimistic meta-induction is better
            # read as a reductio"), a hub note or the minutes of a supervision: where the
            # literature notes open on their paper's key, a note on none names no paper.
            message = (
                f"not imported as a paper: “{entry.paper.title}” states no paper's facts and "
                f"names no entry of the bibliography, as {keyed} notes beside it do theirs"
            )
        else:
            continue
        document.warnings.append(ImportWarning(document.path, entry.line, message))
        document.entries = []
        document.entry_topics = {}


def _bibliography(documents: list[ParsedDocument]) -> dict[str, PaperRecord]:
    """The papers of the import's bibliographies, by citation key (folded)."""
    return {
        entry.paper.bibtex_key.casefold(): entry.paper
        for document in documents
        if document.format in BIBLIOGRAPHIES
        for entry in document.entries
        if entry.paper is not None and entry.paper.bibtex_key
    }


def _keys_as_written(cited: dict[str, list[str]]) -> dict[str, list[str]]:
    """Keys as written ("@imbens1994"), not the author-year pairs read from prose."""
    return {
        name: [key for key in found if not key.startswith(AUTHOR_YEAR_PREFIX)]
        for name, found in cited.items()
    }


def _names_paper(heading: str, paper: PaperRecord) -> bool:
    """ "Auto-Encoding Variational Bayes" over the note on it, or "VAE (Kingma 2014)"."""
    words, title = heading.casefold().strip(), paper.title.casefold().strip()
    return bool(words) and (words in title or title in words)


def _take_linked_paper(entry: Entry, papers: list[PaperRecord]) -> bool:
    """Whether the entry still names a paper once it takes the one its linked note names."""
    if len(papers) == 1:
        year = entry.paper.year if entry.paper else None
        entry.paper = replace(papers[0], year=papers[0].year or year)
        entry.evidence = f"an index row linking {entry.note_link}, the note on this paper"
    return bool(papers)


def _file_key(name: str) -> str:
    """A file's name as links write it: folders resolved, no note suffix, any case, and
    no Notion id ("Reading list 4ff7…c136/Coleman 1988 87da…2e7c.md" is "reading list/
    coleman 1988"), so a database row finds its page."""
    path = PurePosixPath(posixpath.normpath(name.replace("\\", "/")))
    bare = path.with_suffix("") if path.suffix.lower() in (".md", ".markdown") else path
    parts = [" ".join(_NOTION_ID_RE.sub("", part).split()) for part in bare.parts]
    return "/".join(parts).casefold()


_NOTION_ID_RE = re.compile(r" [0-9a-f]{32}$")


def _drop_entries(document: ParsedDocument, indexes: list[int]) -> None:
    if not indexes:
        return
    gone = set(indexes)
    kept = [i for i in range(len(document.entries)) if i not in gone]
    topics = document.entry_topics
    document.entry_topics = {new: topics[old] for new, old in enumerate(kept) if old in topics}
    document.entries = [document.entries[i] for i in kept]


def resolve_bare_titles(documents: list[ParsedDocument]) -> None:
    """A paper named by its title alone ("| Prioritized Experience Replay | 2015 |" in an
    index table) is the paper of this import whose note states its identifier or
    authors under that very title, when exactly one does. Short titles never match on
    their own across imports; within one collection, the index and its notes agree."""
    stated: dict[str, dict[tuple[str, str, str], PaperRecord]] = {}
    for document in documents:
        for known in (entry.paper for entry in document.entries):
            if known is not None and _identified(known):
                who = (known.arxiv_id, known.doi, known.authors[0] if known.authors else "")
                stated.setdefault(normalise_title(known.title), {})[who] = known
    for document in documents:
        for entry in document.entries:
            paper = entry.paper
            if paper is None or _identified(paper):
                continue
            same = stated.get(normalise_title(paper.title), {})
            if len(same) == 1:
                entry.paper = replace(next(iter(same.values())))
                entry.paper.year = entry.paper.year or paper.year


def _identified(paper: PaperRecord) -> bool:
    return bool(paper.arxiv_id or paper.doi or paper.openreview_id or paper.authors)


def _short_name(title: str) -> str:
    match = _SHORT_NAME_RE.match(title)
    if match is None or len(match[1].split()) > 1:
        return ""
    return match[1]


def pair_with_bibliography(documents: list[ParsedDocument]) -> None:
    """A note named by a citation key (``obermeyer2019dissecting.md``, ``@kipf2017.md``)
    beside a bibliography that has that key is the notes on that entry's paper: Zotero
    and Better BibTeX users name their notes so, and title them by a nickname. So is a
    part of a note that names its paper by citing the key (``== Lee 2012 @lee2012`` in
    Typst: ``Entry.cites``)."""
    by_key: dict[str, PaperRecord] = {}
    for document in documents:
        if document.format in BIBLIOGRAPHIES:
            for entry in document.entries:
                if entry.paper is not None and entry.paper.bibtex_key:
                    by_key.setdefault(entry.paper.bibtex_key.casefold(), entry.paper)
    for document in documents:
        if document.format in BIBLIOGRAPHIES:
            continue
        for entry in document.entries:
            known = by_key.get(entry.cites.casefold()) if entry.cites else None
            if known is not None:
                entry.paper = replace(known)
                verb = OPENS_WITH_KEY if OPENS_WITH_KEY in entry.evidence else "cites"
                entry.evidence = f"{verb} {known.bibtex_key}, an entry of the bibliography"
            elif entry.cites and entry.paper is None:
                message = f"cites {entry.cites}, which no bibliography of this import has"
                document.warnings.append(ImportWarning(document.path, entry.line, message))
        if len(document.entries) != 1:
            continue
        key = PurePosixPath(document.path.replace("\\", "/")).stem.lstrip("@").casefold()
        known = by_key.get(key)
        if known is not None:
            entry = document.entries[0]
            entry.paper = replace(known)
            entry.evidence = f"named by the citation key {known.bibtex_key} of a bibliography entry"


_RENDERED_SHARE = 0.8  # of a data file's papers that a page lists: the page renders it


def keep_data_over_renderings(documents: list[ParsedDocument], data_format: str) -> None:
    """A README rendered from a data file of the same import (``roadmap.yaml`` → its
    table) lists what the data says is no paper too — books, courses, a repository —
    without saying so: of its entries, only those the data file holds are kept."""
    for data in (d for d in documents if d.format == data_format and d.entries):
        titles = {normalise_title(e.paper.title) for e in data.entries if e.paper}
        for document in (d for d in documents if d.format == "notes"):
            held = [e for e in document.entries if _titled_in(e, titles)]
            if len(held) < _RENDERED_SHARE * len(titles) or len(held) == len(document.entries):
                continue
            left = len(document.entries) - len(held)
            document.entries, document.entry_topics = held, {}
            message = f"left out {left} entries that {data.path}, which it lists, does not hold"
            document.warnings.append(ImportWarning(document.path, None, message))


def _titled_in(entry: Entry, titles: set[str]) -> bool:
    return entry.paper is not None and normalise_title(entry.paper.title) in titles
