"""A bibliography beside notes that cite it is their reference list, not a reading list.

R Markdown, Quarto, Pandoc, LaTeX and Typst notes cite a ``refs.bib`` (``[@key]``,
``@key``): the papers read are the ones the notes cite, or name by key; the rest of the
file is background — textbooks, software manuals, the papers a note says it has not
read. A bibliography that no note cites (or that its notes cite only once) is kept
whole: it is the collection itself, as a Zotero export is.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import PurePosixPath

from papershelf.importers.notes.citations import names_unread, says_not_read
from papershelf.importers.notes.keyed import OPENS_WITH_KEY
from papershelf.importers.notes.metadata import identifier_of
from papershelf.importers.notes.text import LIST_ITEM_RE
from papershelf.importers.org.inline import pandoc_citations
from papershelf.importers.records import Entry, ImportWarning, PaperRecord, ParsedDocument
from papershelf.lib.titles import folded, is_probably_title, normalise_title

BIBLIOGRAPHIES = frozenset(
    {"bibtex", "csl", "ris", "hayagriva", "endnote", "zotero-rdf", "medline", "wos", "citavi"}
)
# A Papis document is one record: notes elsewhere pair with it by its ref, as with a .bib.
BIBLIOGRAPHIES |= {"papis"}
BIBLIOGRAPHIES |= {"zotero-json", "refworks"}  # a Zotero library's items; RefWorks' export
# "[@knuth1984; @lamport1994, p. 3]", "@knuth1984 says", "[-@knuth1984]": Pandoc's forms,
# and Typst's "@knuth1984".
_CITE_RE = re.compile(r"(?<![\w@.])-?@([\w][\w:.#$%&+?<>~/\-]*[\w])")
# "\citep[p. 3]{knuth1984, lamport1994}", "\textcite{…}", "#cite(<knuth1984>)".
_COMMAND_RE = re.compile(r"\\\w*cite\w*\*?(?:\[[^\]]*\]){0,2}\{([^}]+)\}|#cite\(<([^>]+)>")
# "DFT work [e.g. @yin2014] is outside the scope of this chapter": pointed at, not read.
_OUT_OF_SCOPE_RE = re.compile(r"\b(?:outside|beyond) the scope\b", re.IGNORECASE)
_HTML_COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)
_LATEX_COMMENT_RE = re.compile(r"(?<!\\)%.*$", re.MULTILINE)
_NOCITE_RE = re.compile(r"\\nocite\{[^}]*\}")
# Where a sentence ends: "… not read. Tierney", never "p. 3" or "et al. (2014)".
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])|\n")
# Notes must cite this many of a bibliography's keys before its other entries are background.
_MIN_CITED = 2
# Notes named by this many keys of a bibliography make it the library of a Zettelkasten.
_MIN_NAMED = 3
_LISTED = 5  # keys named in the warning
_MIN_SHARE_NAMED = 0.4  # of a library's entries, named by the notes beside it


# A site generator's citation shortcode: Jekyll-Scholar's "{% cite knuth1984 lamport1994 %}",
# an Eleventy plugin's "{% cite "knuth1984", "p. 3" %}", Hugo's "{{< cite "knuth1984" >}}".
_SHORTCODE_RE = re.compile(
    r"\{%-?\s*cite[pt]?\s+(?P<liquid>[^%]*?)\s*-?%\}"
    r"|\{\{[<%]\s*cite[pt]?\s+(?P<hugo>[^>%]*?)\s*[>%]\}\}"
)
_SHORTCODE_KEY_RE = re.compile(r"^[\w][\w:.#$&+?~/\-]*$")


def shortcode_citations(text: str) -> str:
    """A site's citation shortcodes written as Pandoc's "[@key]", the rest as it is."""
    return _SHORTCODE_RE.sub(_as_pandoc, text) if "cite" in text else text


def _as_pandoc(match: re.Match[str]) -> str:
    keys = []
    for token in re.findall(r'"[^"]*"|\'[^\']*\'|[^\s,]+', match["liquid"] or match["hugo"]):
        if token.startswith("-"):
            break  # Jekyll-Scholar's options ("--file refs", "-l 3") end the keys
        key = token.strip("\"'").removeprefix("key=").strip("\"'")
        if _SHORTCODE_KEY_RE.match(key):
            keys.append(key)  # "p. 3", a locator, is none
    return "[" + "; ".join(f"@{key}" for key in keys) + "]" if keys else match[0]


def keys_cited_in_order(text: str, format_name: str) -> list[str]:
    """The keys a document cites, first cited first (a chapter's papers in its order)."""
    folded = text.casefold()
    at = {key: folded.find(key) for key in keys_cited_in(text, format_name)}
    return sorted(at, key=lambda key: (at[key] < 0, at[key], key))


def keys_cited_in(text: str, format_name: str) -> set[str]:
    """The keys a document's text cites (a bibliography's own text cites none), outside
    sentences that say the paper was not read."""
    if format_name in BIBLIOGRAPHIES:
        return set()
    # "<!-- TODO: @ohala1993 -- get it and READ before citing -->": a note to self.
    text = shortcode_citations(_HTML_COMMENT_RE.sub("", text))
    if format_name == "org":
        text = pandoc_citations(text)  # org-ref's "cite:&key"
    if format_name == "latex":
        # "% \citep{correa2017promises} -- cut" is no citation; "\nocite{…}" lists a
        # work in the bibliography without discussing it.
        text = _NOCITE_RE.sub("", _LATEX_COMMENT_RE.sub("", text))
    keys: set[str] = set()
    for line in _SENTENCE_END_RE.split(_without_unread_lists(text)):
        if says_not_read(line) or _OUT_OF_SCOPE_RE.search(line):
            continue
        keys |= {key.casefold() for key in _CITE_RE.findall(line)}
        for command, typst in _COMMAND_RE.findall(line):
            keys |= {key.strip().casefold() for key in (command or typst).split(",")}
        if not _REFERENCE_ENTRY_RE.match(line):
            keys |= {_author_year(name, year) for name, year in _AUTHOR_YEAR_RE.findall(line)}
    return keys


_LABEL_RE = re.compile(r"^\s*(?:#{1,6}\s+|\*\*|__)?(?P<label>[^*_#\n]{2,40}?)(?:\*\*|__)?:?\s*$")


def _without_unread_lists(text: str) -> str:
    """The text without the lists under a "To read" or "Backlog" label: a paper there is
    named, not read."""
    kept: list[str] = []
    unread = False
    for line in text.split("\n"):
        label = _LABEL_RE.match(line)
        if label and not LIST_ITEM_RE.match(line):
            unread = names_unread(label["label"])
        elif line.strip() and not LIST_ITEM_RE.match(line) and not line[:1].isspace():
            unread = False  # prose after the list: the label no longer applies
        if not unread:
            kept.append(line)
    return "\n".join(kept)


def drop_uncited_background(documents: list[ParsedDocument], cited: set[str]) -> None:
    """Leave out the entries of each bibliography its notes cite that no note cites:
    ``cited`` holds what every file of the import cites, papers named or not. A reference
    list rendered into the notes (a book's or a site's "References" page) is one too,
    its entries cited by author and year. Beside notes, books are background too."""
    cited = cited | _cited_keys(documents)
    named = _keys_of_literature_notes(documents)
    literature = _mostly_literature_notes(documents)
    for document in documents:
        if document.format in BIBLIOGRAPHIES:
            keys = [_key(entry) for entry in document.entries]
        elif _is_reference_list(document):
            keys = _author_year_keys(document.entries)
        else:
            continue
        if sum(1 for key in set(keys) if key and key in cited) < _MIN_CITED:
            continue
        # Literature notes, one per paper named by its key (a Zettelkasten): the papers
        # read are the ones a note is about; a key the notes only cite is a reference.
        by_key = sum(1 for key in set(keys) if key in named) >= _MIN_NAMED and literature
        read = named if by_key else cited
        kept = [e for e, key in zip(document.entries, keys, strict=True) if key in read]
        left = [key for key in keys if key not in read]
        if left and kept:
            document.entries = kept
            document.entry_topics = {}
            shown = [key.removeprefix(AUTHOR_YEAR_PREFIX).replace("|", " ") for key in left]
            names = ", ".join(shown[:_LISTED]) + (" …" if len(left) > _LISTED else "")
            message = (
                f"left out {len(left)} entries that no note cites (background: {names}); "
                "import the bibliography on its own to keep them"
            )
            document.warnings.append(ImportWarning(document.path, None, message))
    _keep_papers_the_notes_name(documents, cited)
    # Notes beside it: ones naming papers, or ones citing its keys (a thesis chapter).
    if cited or any(d.entries for d in documents if d.format not in BIBLIOGRAPHIES):
        _drop_notes_on_non_papers(documents)
        _drop_books(documents)


def _drop_notes_on_non_papers(documents: list[ParsedDocument]) -> None:
    """A literature note named by the key of a library item that is no paper (the
    Citations plugin's "@grayGhostWorkHow2019.md" on a book, a note on a news release)
    is a note on that book or page: no paper, as its library says."""
    kinds: dict[str, str] = {}
    for document in documents:
        if document.format in BIBLIOGRAPHIES:
            kinds |= document.not_papers
            # a book, a web page or a program by its type; "@misc" may be an arXiv preprint
            kinds |= {
                _key(entry): "a book" if entry.paper.entry_type in _BOOK_TYPES else "a web page"
                for entry in document.entries
                if entry.paper
                and entry.paper.entry_type != "misc"
                and _is_background_work(entry.paper)
                and _key(entry)
            }
    if not kinds:
        return
    for document in documents:
        if document.format in BIBLIOGRAPHIES or len(document.entries) != 1:
            continue
        # named by its key, opening on it ("[@vanfraassen1980, ch. 2]" under its heading),
        # or by its file ("@key.md") when the library skipped the item
        stem = PurePosixPath(document.path.replace("\\", "/")).stem.removeprefix("@")
        entry = document.entries[0]
        key = _key(entry) or entry.cites.casefold() or stem.casefold()
        if key in kinds:
            message = f"not imported: its library says the item is {kinds[key]}, not a paper"
            document.warnings.append(
                ImportWarning(document.path, document.entries[0].line, message)
            )
            document.entries = []
            document.entry_topics = {}


def _identities(paper: PaperRecord | None) -> set[str]:
    """What tells one paper from another across files: its identifiers, its title."""
    if paper is None:
        return set()
    found = {f"doi:{(paper.doi or '').casefold()}", f"arxiv:{paper.arxiv_id or ''}"}
    found.add(f"title:{normalise_title(paper.title)}" if is_probably_title(paper.title) else "")
    return {key for key in found if not key.endswith(":")}


def _keep_papers_the_notes_name(documents: list[ParsedDocument], cited: set[str]) -> None:
    """A library exported whole beside notes on some of its papers (ReadCube's RIS of a
    shared collection beside its annotations export, a Zotero library beside a vault
    that names papers by DOI or title): the papers read are the ones the notes are
    about, as when notes cite keys; the rest is the library's background."""
    named: set[str] = set()
    for document in documents:
        if document.format in BIBLIOGRAPHIES:
            continue
        for entry in document.entries:
            named |= _identities(entry.paper)
            if entry.paper is None and entry.summary is not None:
                # Notes kept under a heading that names the paper ("## <title>" then
                # "### Notes"): the library's entry of that title gets them.
                named |= {f"title:{normalise_title(s)}" for s in entry.sections}
    for document in documents:
        if document.format not in BIBLIOGRAPHIES:
            continue
        keys = [_key(entry) for entry in document.entries]
        if any(key and key in cited for key in keys):
            continue  # notes that cite its keys decide, above: a reference list, not a library
        matched = [bool(_identities(e.paper) & named) for e in document.entries]
        # Notes on a few papers of a big library (a field exam's EndNote list with notes
        # on three) leave it whole: it is the reading list itself. Notes covering a good
        # share of it are an annotations export of the same collection.
        share = sum(matched) / max(len(matched), 1)
        if sum(matched) < _MIN_NAMED or share < _MIN_SHARE_NAMED or all(matched):
            continue
        left = [e for e, hit in zip(document.entries, matched, strict=True) if not hit]
        document.entries = [e for e, hit in zip(document.entries, matched, strict=True) if hit]
        document.entry_topics = {}
        titles = [e.paper.title if e.paper else "?" for e in left]
        names = "; ".join(titles[:_LISTED]) + (" …" if len(left) > _LISTED else "")
        message = (
            f"left out {len(left)} entries that no note is about (background: {names}); "
            "import the bibliography on its own to keep them"
        )
        document.warnings.append(ImportWarning(document.path, None, message))


def pair_by_author_year(documents: list[ParsedDocument]) -> None:
    """A section titled by a nickname ("## BHZ", "## The experiment: König et al. 2007")
    whose notes cite one entry of the import's reference list by author and year is the
    notes on that entry's paper, as a section citing a key is (``Entry.cites``)."""
    listed: dict[str, list[Entry]] = {}
    for document in documents:
        if document.format in BIBLIOGRAPHIES or _is_reference_list(document):
            rendered = document.format not in BIBLIOGRAPHIES
            keys = _author_year_keys(document.entries, rendered=rendered)
            for entry, key in zip(document.entries, keys, strict=True):
                if key:
                    listed.setdefault(key, []).append(entry)
                    listed.setdefault(key.split("|")[0], []).append(entry)  # who, any year
                if pmid := _pmid_of(entry.paper):
                    listed.setdefault(pmid, []).append(entry)
    if not listed:
        return
    for document in documents:
        if document.format in BIBLIOGRAPHIES or _is_reference_list(document):
            continue
        by_own = _by_own_author_year(document, listed)
        for index, entry in enumerate(document.entries):
            known = by_own.get(index) or _cited_entry(entry, listed)
            if known is not None and known.paper is not None:
                entry.paper = replace(known.paper)
                family = known.paper.authors[0].split()[-1]
                entry.evidence = f"cites {family} {known.paper.year}, an entry of the references"


_MIN_OWN_PAIRED = 3  # parts named by the bibliography's authors and years, in one note


def _by_own_author_year(
    document: ParsedDocument, listed: dict[str, list[Entry]]
) -> dict[int, Entry]:
    """Reading notes on the papers of a library beside them, each led by who and when
    ("**Gregory et al. 2004** — regress N on ΔT …"): where several parts' own first author
    and year are each one entry of the library, the parts are notes on those entries, and
    what follows who and when is notes, whatever it reads like."""
    paired: dict[int, Entry] = {}
    for index, entry in enumerate(document.entries):
        paper = entry.paper
        if paper is None or identifier_of(paper) or not (paper.authors and paper.year):
            continue
        key = _author_year(paper.authors[0].split()[-1], paper.year)
        if (known := _one_paper(listed.get(key, []))) is not None:
            paired[index] = known
    return paired if len(paired) >= _MIN_OWN_PAIRED else {}


def _cited_entry(entry: Entry, listed: dict[str, list[Entry]]) -> Entry | None:
    paper, summary = entry.paper, entry.summary
    if summary is None:
        return None
    heading = summary.heading or ""
    text = f"{heading}\n{summary.markdown}"
    # "## Paper 1: Wu, Leung & Leung, Lancet 2020 (PMID 32014114)": the PubMed id names the
    # export's record, whatever else the heading says.
    pmids = {f"{_PMID_PREFIX}{n}" for n in _PMID_RE.findall(text)}
    if len(pmids) == 1 and (known := _one_paper(listed.get(pmids.pop(), []))):
        return known
    if paper is not None and identifier_of(paper):
        return None  # a part that names its paper by its own identifier keeps it
    keys = {_author_year(name, year) for name, year in _AUTHOR_YEAR_RE.findall(text)}
    found = [key for key in keys if _one_paper(listed.get(key, []))]
    if len(found) != 1:
        found = [key] if (key := _heading_key(heading)) and _one_paper(listed.get(key, [])) else []
    if len(found) != 1:
        return None  # none, or several papers discussed together: no one of them
    known = _one_paper(listed[found[0]])
    if known is None or known.paper is None:
        return None
    family = known.paper.authors[0].split()[-1] if known.paper.authors else ""
    # A title of its own stays ("## Attention Is All You Need" citing Bahdanau et al.), and
    # so do authors of its own, unless the heading names who wrote the paper it cites
    # ("## 1. Hernan MA, Robins JM. Using big data to emulate… AJE 2016").
    named = bool(family) and folded(family) in folded(heading)
    if paper is not None and (paper.authors or is_probably_title(paper.title)) and not named:
        return None
    return known


# "Paper 2: Ferretti, Wymant, ... Fraser. Science 2020", "1. Hernan MA, Robins JM. Using
# big data… AJE 2016", "Chinazzi et al. (Vespignani group), Science": a heading that
# starts with who wrote the paper, its year anywhere after (or nowhere).
_HEADING_LEAD_RE = re.compile(
    r"^(?:(?:paper|session|week|article)\s*\d+\s*[:.)\-–—]\s*|\d{1,2}[.)]\s+)?"
    r"(?P<family>[A-ZÀ-Þ][\w'’\-]+)(?=\s+et\s+al\b|\s*,|\s+[A-Z]{1,3}\b|\s*&)",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(r"\b((?:19|20)\d{2})[a-z]?\b")


def _heading_key(heading: str) -> str:
    lead = _HEADING_LEAD_RE.match(heading.strip())
    if lead is None or not lead["family"][:1].isupper():
        return ""
    year = _YEAR_RE.search(heading[lead.end() :])
    return _author_year(lead["family"], year[1]) if year else _author(lead["family"])


def _one_paper(entries: list[Entry]) -> Entry | None:
    """The entry, when the entries are one paper (exported in two files) and not several."""
    if not entries or entries[0].paper is None:
        return None
    first = entries[0].paper
    same = all(
        e.paper is not None
        and (
            (first.doi and e.paper.doi == first.doi)
            or normalise_title(e.paper.title) == normalise_title(first.title)
        )
        for e in entries
    )
    return entries[0] if same else None


# "Kane and Mele (2005a)", "(Bernevig, Hughes, and Zhang 2006)", "König et al. 2007": a
# family name and the year it is cited with, in the same clause.
_AUTHOR_YEAR_RE = re.compile(
    r"\b([A-ZÀ-Þ][\w'’\-]+)\b(?:[^.\n()]|(?<=\bal)\.){0,60}?\(?\b((?:19|20)\d{2})[a-z]?\b"
)
# A rendered reference list's own entry: "* Fu, Liang, … 2007. “Title.” …" cites nothing.
_REFERENCE_ENTRY_RE = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+(?:———|[A-ZÀ-Þ][\w'’\-]+,\s)")
_REFERENCE_TITLES = frozenset(
    {"references", "bibliography", "works cited", "literature cited", "reference list"}
)


AUTHOR_YEAR_PREFIX = "author-year:"  # apart from citation keys, which hold no "|"
_PMID_PREFIX = "pmid:"
_PMID_RE = re.compile(r"\bPMID\s*:?\s*(\d{5,9})\b")
_PUBMED_URL_RE = re.compile(r"pubmed(?:\.ncbi\.nlm\.nih\.gov)?/(\d{5,9})\b")


def _pmid_of(paper: PaperRecord | None) -> str:
    """The PubMed id of a bibliography's record, from its PubMed link."""
    found = _PUBMED_URL_RE.search(paper.url) if paper is not None and paper.url else None
    return f"{_PMID_PREFIX}{found[1]}" if found else ""


def _author_year(name: str, year: str | int) -> str:
    return f"{_author(name)}|{year}"


def _author(name: str) -> str:
    return f"{AUTHOR_YEAR_PREFIX}{folded(name)}"


def _is_reference_list(document: ParsedDocument) -> bool:
    title = document.title.strip().casefold()
    stem = re.sub(r"^[\d\s._-]+", "", document.path.rsplit("/", 1)[-1].rsplit(".", 1)[0])
    named = title in _REFERENCE_TITLES or stem.casefold() in _REFERENCE_TITLES
    dated = sum(1 for e in document.entries if e.paper and e.paper.year)
    return named and dated * 2 > len(document.entries) > 0


def _author_year_keys(entries: list[Entry], *, rendered: bool = True) -> list[str]:
    """Each entry's first author and year; in a ``rendered`` reference list "———"
    repeats the names of the entry above."""
    keys: list[str] = []
    previous: list[str] = []
    for entry in entries:
        paper = entry.paper
        if rendered and paper is not None and not paper.authors and previous:
            paper.authors = list(previous)
        names = paper.authors if paper is not None else []
        previous = names or previous
        family = names[0].split()[-1] if names else ""
        keys.append(_author_year(family, paper.year) if family and paper and paper.year else "")
    return keys


# Beside notes, a bibliography's books and manuals are what the notes lean on, not papers
# read: the textbook of the field, a software manual.
_BOOK_TYPES = frozenset({"book", "manual", "booklet"})
# Neither are a web page, a program or a data set the notes cite ("@misc" with only an
# address: the chart in a figure's caption).
_NOT_PAPER_TYPES = frozenset({"online", "software", "dataset", "electronic", "www", "webpage"})


def _kind_of(works: list[Entry]) -> str:
    books = all(entry.paper and entry.paper.entry_type in _BOOK_TYPES for entry in works)
    return "book" if books else "book, web page or program"


def _is_background_work(paper: PaperRecord) -> bool:
    kind = paper.entry_type
    if kind in _BOOK_TYPES:
        return True
    if kind in _NOT_PAPER_TYPES:
        # Better BibTeX writes an arXiv preprint as "@online" with its eprint: a paper.
        return not identifier_of(paper)
    if kind in ("misc", "unpublished") and _TEACHING_RE.search(paper.title):
        return not identifier_of(paper)  # "Lecture 5: …", "workshop slides and code"
    # A repository's address alone ("howpublished = {\url{https://github.com/…}}") too.
    linked = bool(paper.url or paper.code_url)
    return kind == "misc" and not paper.venue and not identifier_of(paper) and linked


# An instructor's slides or a lecture's handout cited by key among the papers.
_TEACHING_RE = re.compile(
    r"^(?:lecture|week|session|class|module)\s+\d+\b|\b(?:slides|handouts?|lecture notes)\b",
    re.IGNORECASE,
)


def _drop_books(documents: list[ParsedDocument]) -> None:
    for document in documents:
        if document.format not in BIBLIOGRAPHIES:
            continue
        books = [e for e in document.entries if e.paper and _is_background_work(e.paper)]
        if not books or len(books) == len(document.entries):
            continue  # a list of books is a reading list of books: the person's choice
        kept = [i for i, entry in enumerate(document.entries) if entry not in books]
        document.entry_topics = {
            new: document.entry_topics[old]
            for new, old in enumerate(kept)
            if old in document.entry_topics
        }
        document.entries = [document.entries[i] for i in kept]
        titles = "; ".join(entry.paper.title for entry in books[:_LISTED] if entry.paper)
        more = " …" if len(books) > _LISTED else ""
        message = (
            f"left out {len(books)} {_kind_of(books)}{'s' if len(books) > 1 else ''} "
            "beside the notes "
            f"({titles}{more}); "
            "import the bibliography on its own to keep them"
        )
        document.warnings.append(ImportWarning(document.path, None, message))


def _key(entry: Entry) -> str:
    return entry.paper.bibtex_key.casefold() if entry.paper and entry.paper.bibtex_key else ""


def _keys_of_literature_notes(documents: list[ParsedDocument]) -> set[str]:
    """Keys of notes that are each about one paper named by its key (a Zettelkasten's
    literature notes); sections of one document citing theirs are not such notes."""
    return {
        key
        for document in documents
        if document.format not in BIBLIOGRAPHIES and len(document.entries) == 1
        for key in _cited_keys([document])
    }


_LITERATURE_SHARE = 0.75  # nearly every note on a paper: a blog cites some by key


def _mostly_literature_notes(documents: list[ParsedDocument]) -> bool:
    """Most notes on one paper name it by its key: a vault of literature notes, not a
    blog whose posts cite their papers among others."""
    notes = [
        d.entries[0]
        for d in documents
        if d.format not in BIBLIOGRAPHIES and len(d.entries) == 1 and d.entries[0].paper
    ]
    keyed = sum(1 for entry in notes if entry.cites and OPENS_WITH_KEY not in entry.evidence)
    return bool(notes) and keyed >= _LITERATURE_SHARE * len(notes)


def _cited_keys(documents: list[ParsedDocument]) -> set[str]:
    """Keys the notes name their papers by."""
    keys: set[str] = set()
    for document in documents:
        if document.format in BIBLIOGRAPHIES:
            continue
        for entry in document.entries:
            keys |= {entry.cites.casefold()} if entry.cites else set()
            keys |= {_key(entry)} - {""}  # a note paired with the entry by its key
    return keys
