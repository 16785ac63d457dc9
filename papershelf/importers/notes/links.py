"""Find the link that names a paper in a line of notes and turn it into a PaperRecord.

A "paper line" is what note-takers put under a short heading or at the head of a
list item: ``📜 [Full title](url)``, ``Paper: [Title](url) (NeurIPS 2017)``,
``**Title** — [arXiv](url)`` or ``[[Title]] https://arxiv.org/abs/…``. Prose that
merely mentions a paper ("as shown in [Adam](…)") is not one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from papershelf.importers.notes.text import (
    MARKDOWN_LINK_RE,
    YEAR_RE,
    strip_decoration,
    visible_text,
    word_count,
)
from papershelf.importers.records import PaperRecord
from papershelf.lib.identifiers import classify_url, identify, publisher_doi, unwrap_redirect
from papershelf.lib.titles import is_probably_title

_BARE_URL_RE = re.compile(r"<?(?P<url>https?://[^\s<>]+[^\s<>.,;:!?'\")\]])>?")
_LINE_PREFIX_RE = re.compile(
    r"^\s{0,3}(?:>\s?)*(?:(?:[-*+]|\d+[.)])\s+)?(?:\[[ xX]\]\s+)?(?:\[\d{1,4}\]\s+)?"
)
_LABEL_RE = re.compile(
    r"^(?:paper|title|link|source|pdf|arxiv|url|reference|ref|read|citation|original|doi)"
    r"\s*[:：]\s*",
    re.IGNORECASE,
)
# Link texts that say what the link is rather than which paper it is.
_GENERIC_LINK_TEXTS = frozenset(
    {"arxiv", "paper", "pdf", "link", "here", "abs", "abstract", "doi", "openreview", "code"}
    | {"github", "project", "project page", "website", "url", "source", "html", "proceedings"}
    | {"preprint", "full text", "read", "view", "download", "blog", "video", "slides", "poster"}
    | {"link to the paper", "link to paper", "paper link", "pdf link", "the paper", "read it"}
)
# Hosts whose pages are papers even when the URL is not an identifier or a PDF.
_PAPER_HOSTS = frozenset(
    {"proceedings.neurips.cc", "papers.nips.cc", "proceedings.mlr.press", "jmlr.org"}
    | {"aclanthology.org", "openaccess.thecvf.com", "dl.acm.org", "ieeexplore.ieee.org"}
    | {"link.springer.com", "paperswithcode.com", "semanticscholar.org", "researchgate.net"}
    | {"sciencedirect.com", "nature.com", "science.org", "biorxiv.org", "medrxiv.org"}
    | {"ojs.aaai.org", "ijcai.org", "openreview.net", "arxiv.org", "doi.org"}
    | {"distill.pub", "transformer-circuits.pub", "pnas.org", "cell.com", "plos.org"}
    | {"frontiersin.org", "academic.oup.com", "journals.aps.org", "iopscience.iop.org"}
    # Journals and indexes of the other sciences: medicine, life and social sciences.
    | {"thelancet.com", "nejm.org", "bmj.com", "jamanetwork.com", "onlinelibrary.wiley.com"}
    | {"tandfonline.com", "journals.sagepub.com", "royalsocietypublishing.org", "mdpi.com"}
    | {"pubmed.ncbi.nlm.nih.gov", "europepmc.org", "elifesciences.org", "peerj.com"}
    | {"wellcomeopenresearch.org", "f1000research.com", "biomedcentral.com", "pubs.acs.org"}
    | {"pubs.rsc.org", "pubs.aip.org", "annualreviews.org", "journals.uchicago.edu"}
    | {"ahajournals.org", "jneurosci.org", "hal.science", "psyarxiv.com", "osf.io"}
    | {"jstor.org", "ncbi.nlm.nih.gov", "cambridge.org", "nber.org", "papers.ssrn.com"}
    | {"aeaweb.org", "usenix.org", "ideas.repec.org", "vldb.org", "chemrxiv.org"}
)
_NOT_PAPER_HOSTS = frozenset(
    {"medium.com", "towardsdatascience.com", "substack.com", "wordpress.com", "blogspot.com"}
    | {"dev.to", "hashnode.dev", "youtube.com", "youtu.be", "vimeo.com", "twitter.com", "x.com"}
    | {"reddit.com", "news.ycombinator.com", "wikipedia.org", "linkedin.com", "facebook.com"}
    | {"bsky.app", "mastodon.social", "stackoverflow.com", "quora.com", "zhihu.com"}
    | {"readthedocs.io", "docs.google.com", "drive.google.com", "notion.so", "notion.site"}
)
_NOT_PAPER_PATHS = {"huggingface.co": "/blog/", "openai.com": "/index/", "ai.googleblog.com": "/"}
# A blog's permalinks: "/blog/…", "/posts/…", "/2021/09/slug.html" (year and month).
_POST_PATH_RE = re.compile(r"^(?:/[\w\-]+)?/(?:blog|posts?)/|^(?:/[\w\-]+)?/(?:19|20)\d{2}/[01]\d/")
_PAPER_PATHS = {
    "paperswithcode.com": "/paper/",
    "semanticscholar.org": "/paper/",
    "researchgate.net": "/publication/",
    # Sites that host more than papers: their article pages only (patterns, from the start).
    "jstor.org": "/stable/",
    "ncbi.nlm.nih.gov": "/pmc/articles/",
    "cambridge.org": r"/core/journals/[^/]+/article/",
    "nber.org": "/papers/",
    "papers.ssrn.com": "/sol3/papers.cfm",
    "aeaweb.org": "/articles",
    "usenix.org": r"/conference/[^/]+/(?:technical-sessions/)?presentation/",
    "ideas.repec.org": "/a/",
    "osf.io": "/preprints/",
    # A listing, a search, an author's page are not papers; "/abs/…", "/N19-1423/" are.
    "arxiv.org": r"/(?:abs|pdf|html|format)/",
    "aclanthology.org": r"/(?:[A-Z]\d{2}-\d{4}|\d{4}\.[\w\-]+\.\d+)",
}
_VENUE_RE = re.compile(
    r"\b(NeurIPS|NIPS|ICML|ICLR|CVPR|ICCV|ECCV|ACL|EMNLP|NAACL|EACL|COLING|AAAI|IJCAI|KDD"
    r"|JMLR|TMLR|TPAMI|TACL|UAI|AISTATS|COLT|WACV|BMVC|SIGGRAPH|ICASSP|Interspeech)\b"
)
_SHORT_TAIL_WORDS = 12  # "(NeurIPS 2017) — He et al." is metadata; more is prose


@dataclass
class FoundLink:
    text: str  # visible link text, "" for a bare URL
    url: str
    start: int
    end: int


@dataclass
class PaperLink:
    """A paper named by a line: its title ("" to take the heading's) and links."""

    title: str
    url: str
    other_urls: list[str] = field(default_factory=list)
    after: str = ""  # the raw text after the link: venue, year, or a list item's note
    titled_by_text: bool = True  # the title is the link's own text, not the words before it
    cited: PaperRecord | None = None  # the whole line was a citation: its facts


def find_links(text: str) -> list[FoundLink]:
    """Markdown links (not images) and bare URLs, in order."""
    links: list[FoundLink] = []
    taken: list[tuple[int, int]] = []
    for match in MARKDOWN_LINK_RE.finditer(text):
        taken.append(match.span())
        if not match["image"]:
            url = unwrap_redirect(match["url"].strip("<>"))
            links.append(FoundLink(visible_text(match["text"]), url, *match.span()))
    for match in _BARE_URL_RE.finditer(text):
        if not any(start <= match.start() < end for start, end in taken):
            links.append(FoundLink("", unwrap_redirect(match["url"]), *match.span()))
    return sorted(links, key=lambda link: link.start)


def read_paper_link(text: str) -> PaperLink | None:
    """The paper a line names by a link at its start, or None for any other line."""
    core = _LINE_PREFIX_RE.sub("", text, count=1)
    links = [link for link in find_links(core) if urlsplit(link.url).scheme in ("http", "https")]
    chosen = next((link for link in links if classify_url(link.url).kind != "code"), None)
    if chosen is None:
        return None
    # An opening bracket before the link belongs to "Title ([arXiv](…))", not the title.
    lead = core[: chosen.start].rstrip("([{ ")
    if lead.endswith(_POINTING) and not chosen.text and not is_paper_url(chosen.url):
        return None  # "EQUATOR network has all of them: https://…": a pointer to a site
    title = _title_for(chosen, _strip_labels(visible_text(lead)))
    if title is None:
        return None
    others = [link.url for link in links if link is not chosen]
    by_text = bool(title) and title == chosen.text
    return PaperLink(title, chosen.url, others, core[chosen.end :], titled_by_text=by_text)


def read_sole_link(text: str) -> PaperLink | None:
    """The link when ``text`` (a table cell) is nothing but one web link, maybe in bold."""
    match = MARKDOWN_LINK_RE.fullmatch(text.strip().strip("*_").strip())
    if match is None or match["image"] or urlsplit(match["url"]).scheme not in ("http", "https"):
        return None
    title = visible_text(match["text"])
    return PaperLink(title, match["url"].strip("<>")) if title else None


def _title_for(link: FoundLink, before: str) -> str | None:
    if is_not_paper_url(link.url):
        return None  # "[wav2vec 2.0 explained](https://medium.com/…)": a post about a paper
    paper_url = is_paper_url(link.url)
    if link.text and not _says_what_not_which(link.text):
        # "[Title](url)": text before it must be a label or decoration, not prose.
        if before or not (paper_url or is_probably_title(link.text)):
            return None
        return link.text
    # "Title [arXiv](url)" or "Title https://…": the words before the link are the title,
    # without a citation's venue and a label before the link ("Title. BioScience 35:
    # 634–639. JSTOR: https://…").
    before = _VENUE_TAIL_RE.sub("", _TRAILING_LABEL_RE.sub("", before)).strip()
    if not before:
        return "" if paper_url else None
    if is_byline(before):
        return "" if paper_url else None  # "_Jason Wei, …, Denny Zhou — NeurIPS 2022_ · [arXiv]"
    if not _reads_like_a_title_line(before):
        return None  # "big gains over greedy CoT (the Wei et al. paper": prose, not a title
    if is_probably_title(before) or (paper_url and word_count(before) <= 6):
        return before
    return None


_POINTING = (":", "→", "->", "=>", "👉")
_TRAILING_LABEL_RE = re.compile(
    r"(?<=[.;,)])\s*(?:[A-Za-z]{2,12}\s*:|jstor|doi|pdf|arxiv|link|url|pubmed|online"
    r"|available at|full text|html)\s*:?\s*$",
    re.IGNORECASE,
)
_VENUE_TAIL_RE = re.compile(
    r"(?<=[a-z?!)])\.\s+[A-Z][^.]{0,80}?\s\d+(?:\s*\(\d+\))?\s*[:,]\s*\d+\s*[–-]\s*\d+\.?$"
)


# A byline's venue and year after a dash: "… Denny Zhou — NeurIPS 2022".
_BYLINE_TAIL_RE = re.compile(r"\s*[—–-]\s*[^—–,]{1,40}?\b(?:19|20)\d{2}\W*$")
_NAME_SEPARATOR_RE = re.compile(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*")
_MIN_BYLINE_NAMES = 3


def is_byline(text: str) -> bool:
    """Whether the words before a link are people ("Jason Wei, Xuezhi Wang, Dale
    Schuurmans — NeurIPS 2022"), the paper's authors under its heading, not its title."""
    core = _BYLINE_TAIL_RE.sub("", text.strip("*_ ·|")).strip("*_ ")
    names = [part.strip() for part in _NAME_SEPARATOR_RE.split(core) if part.strip()]
    return len(names) >= _MIN_BYLINE_NAMES and all(
        1 < len(name.split()) <= 3 and all(word[:1].isupper() for word in name.split())
        for name in names
    )


def _reads_like_a_title_line(text: str) -> bool:
    """Titles open with a capital or a digit and close every bracket they open."""
    first = text.lstrip("“\"'*_ ")[:1]
    balanced = text.count("(") == text.count(")") and text.count("[") == text.count("]")
    return bool(first) and (first.isupper() or first.isdigit() or not first.isalpha()) and balanced


def _says_what_not_which(text: str) -> bool:
    """ "[arXiv](…)", "[pdf](…)" or a URL as its own text (Notion's bookmarks)."""
    # "[30664697](https://pubmed…/30664697)": an id as the text (a wiki's PubMed plugin).
    bare_id = text.strip().isdigit()
    return (
        text.casefold() in _GENERIC_LINK_TEXTS
        or "://" in text
        or text.startswith("www.")
        or bare_id
    )


def _strip_labels(text: str) -> str:
    """ "📜 Paper:" → "": what stands before a title link only to announce it."""
    text = strip_decoration(text)
    while (stripped := strip_decoration(_LABEL_RE.sub("", text, count=1))) != text:
        text = stripped
    return "" if _LABEL_RE.match(text + ":") else text


def is_not_paper_url(url: str) -> bool:
    """Blogs, videos, social sites and encyclopaedias: what they host is about papers."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    if parts.path.startswith(_NOT_PAPER_PATHS.get(host, "\0")):
        return True  # "huggingface.co/blog/…", beside the site's paper pages
    if host.endswith(".blog") or host.startswith("blog.") or _POST_PATH_RE.match(parts.path):
        return True  # "noahpinion.blog/p/…", "…/marginalrevolution/2021/09/synthetic.html"
    if host in _LOCAL_HOSTS or host.endswith((".local", ".localhost")):
        return True  # "Your site is now running at `http://localhost:8000`!"
    return host in _NOT_PAPER_HOSTS or any(host.endswith("." + known) for known in _NOT_PAPER_HOSTS)


_LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})


def is_paper_url(url: str) -> bool:
    if classify_url(url).kind in ("arxiv", "doi", "openreview", "pdf") or publisher_doi(url):
        return True
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    if host in _PAPER_PATHS:
        # A catalogue's task, author or list pages are not papers; its paper pages are.
        return re.match(_PAPER_PATHS[host], parts.path) is not None
    return host in _PAPER_HOSTS or any(host.endswith("." + known) for known in _PAPER_HOSTS)


def is_short_tail(after: str) -> bool:
    """Whether the text after a title link is metadata (venue, year, other links)."""
    tail = MARKDOWN_LINK_RE.sub("", after)
    tail = _BARE_URL_RE.sub("", tail)
    return word_count(visible_text(tail)) <= _SHORT_TAIL_WORDS


def tail_metadata(after: str) -> tuple[str, int | None]:
    """Venue acronym and year stated next to a title link: "(NeurIPS 2017)"."""
    tail = visible_text(MARKDOWN_LINK_RE.sub("", after))
    venue = _VENUE_RE.search(tail)
    year = YEAR_RE.search(tail)
    return (venue[1] if venue else ""), (int(year[1]) if year else None)


def paper_from_link(title: str, url: str, other_urls: list[str] | None = None) -> PaperRecord:
    paper = PaperRecord(title=title)
    for each in [url, *(other_urls or [])]:
        add_link(paper, each)
    return paper


def add_link(paper: PaperRecord, url: str) -> None:
    """File a URL under the field it belongs to; the first URL of a kind wins."""
    link = classify_url(url)
    if link.kind == "arxiv" and not paper.arxiv_id:
        paper.arxiv_id, paper.arxiv_version = link.value, link.version
    elif link.kind == "doi" and not paper.doi:
        paper.doi = link.value
    elif link.kind == "openreview" and not paper.openreview_id:
        paper.openreview_id = link.value
    elif link.kind == "code" and not paper.code_url:
        paper.code_url = url
    elif link.kind == "pdf" and not paper.pdf_url:
        paper.pdf_url = url
    elif link.kind == "web" and not paper.url:
        paper.url = url
    if link.kind in ("web", "pdf") and not paper.doi:
        paper.doi = publisher_doi(url) or ""


def add_identifier(paper: PaperRecord, value: str) -> None:
    """File a URL, or an identifier written alone ("1706.03762", "10.1000/x"), on the paper."""
    value = value.strip().strip("<>")
    if not value:
        return
    if value.startswith(("http://", "https://")):
        add_link(paper, value)
        return
    identifier = identify(value)  # "1706.03762", "arXiv:1706.03762", "10.1000/x"
    if identifier is None:
        return
    if identifier.kind == "arxiv" and not paper.arxiv_id:
        paper.arxiv_id, paper.arxiv_version = identifier.value, identifier.version
    elif identifier.kind == "doi" and not paper.doi:
        paper.doi = identifier.value
    elif identifier.kind == "openreview" and not paper.openreview_id:
        paper.openreview_id = identifier.value
