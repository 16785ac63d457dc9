"""A paper cited the way reading lists, syllabi and roadmaps cite it, as one entry.

``**[3]** Hinton, G. E., and R. Salakhutdinov. "**Reducing the dimensionality …**."
Science (2006). [[pdf]](…)``, ``Mnih, V., et al. (2015). Human-level control … Nature.
doi:10.1038/nature14236`` or ``Tomas Mikolov, Kai Chen. [Efficient Estimation …](…).
ICLR 2013.``: authors, then a title set apart (quoted, bold, linked, or after the year
in parentheses), then the venue and year. Without those parts a line is prose.
"""

from __future__ import annotations

import re
from itertools import pairwise

from papershelf.importers.notes.links import (
    add_link,
    find_links,
    is_byline,
    is_paper_url,
    paper_from_link,
)
from papershelf.importers.notes.metadata import identifier_of, parse_authors, read_labelled_fields
from papershelf.importers.notes.text import (
    MARKDOWN_LINK_RE,
    YEAR_RE,
    strip_decoration,
    visible_text,
)
from papershelf.importers.records import PaperRecord
from papershelf.lib.identifiers import classify_url, identify
from papershelf.lib.titles import is_author_year, is_probably_title, speaks_as_writer

# "- [x] ", "**[3]** ", "12. ", "(a) ", "b) ": what numbers or ticks a list's entry.
_NUMBER_RE = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:\[[ xX~/-]\]\s+)?"
    r"(?:(?:\*\*)?\[?\d{1,3}[\].)]?(?:\*\*)?\s+|\(?[a-h]\)\s+|\(\d{1,3}\)\s+)?"
    r"(?:\[[ xX~/-]\]\s+)?"  # "1. [x] **Izhikevich EM** (2003). …": a numbered checklist
)
_QUOTED_RE = re.compile(
    r"[\"“]\s*(?:\*\*|__)?\s*(?P<title>[^\"“”]{6,400}?)\s*[.,]?\s*(?:\*\*|__)?\s*[.,]?\s*[\"”]"
)
# 'Title' or ‘Title’ in single quotes, as British and Australian writers quote: never an
# apostrophe (a letter on its outer side) and at least two words.
_SINGLE_QUOTED_RE = re.compile(
    r"(?:‘|(?<![\w'])')\s*(?P<title>[^'‘’\n]{3,400}?\s[^'‘’\n]{2,400}?)\s*[.,]?\s*(?:’|'(?![\w']))"
)
_YEAR_BEFORE_TITLE_RE = re.compile(r"\s*\((?P<year>(?:19|20)\d{2})[a-z]?\)[\s.,:]*$")
_SENTENCE_END_RE = re.compile(r"(?<!\b[A-Z])\.\s+")
_KEY_RE = re.compile(r"^\[(?!\d{1,3}\])[^\[\]]{2,60}\](?!\()\s+(?=\S)")
# One author as bibliographies print them: "J. Bruna", "S. S. Schoenholz", "Yann LeCun",
# "H. van Hasselt"; then the list of them, then ". Title. Venue Year".
_NAME = (
    r"(?:[A-Z]\.(?:\s?-?[A-Z]\.)*\s|[A-Z][a-zà-ÿ'’\-]+\s(?:[A-Z]\.\s)?)+"
    r"(?:(?:van|von|de|der|den|di|da|du|le|la|del)\s)*[A-ZÀ-ÖØ-Þ][\w'’\-]+"
)
_DOTTED_RE = re.compile(
    rf"^(?P<authors>{_NAME}(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*){_NAME})*"
    r"(?:,?\s+et\s+al\.?)?)\.\s+(?P<title>[^.?!]{6,400}[.?!])\s+(?P<rest>\S.*)$"
)
_BOLD_FIRST_RE = re.compile(
    r"^(?P<mark>\*\*|__|\*|_)(?P<title>[^*_]{6,400}?)(?P=mark)\s*[-–—:,.]?\s+(?P<rest>\S.*)$"
)
_BOLD_RE = re.compile(r"(?:\*\*|__)(?P<title>[^*_]{6,400}?)[.,]?(?:\*\*|__)")
_LABEL_PREFIX_RE = re.compile(
    r"^(?:\*\*|__)?(?:paper|reading|article|citation|reference|ref|source)s?\s*:\s*(?:\*\*|__)?\s*"
    # A syllabus's badge, "**Optional** Pennington, Socher & Manning (EMNLP 2014). …"
    r"|^(?:\*\*|__)(?:paper|reading|required|optional|recommended|supplementary|skim"
    r"|background|core|extra|further reading)s?(?:\*\*|__)\s+",
    re.IGNORECASE,
)
_HELD_DOT = "\u2024"  # a full stop inside a title, kept out of the sentence splitting
_ABBREVIATION_RE = re.compile(r"\b(?:vs|e\.g|i\.e|cf|Jr|Sr|St|No|Vol)\.(?=\s)")
_VENUE_PHRASE_RE = re.compile(
    r"^(?:NeurIPS|NIPS|ICML|ICLR|CVPR|ICCV|ECCV|ACL|EMNLP|NAACL|AAAI|IJCAI|KDD|SOSP|OSDI)"
    r"\b.*\b(?:19|20)\d{2}\b",
)
_LINK_WORDS = frozenset({"paper", "pdf", "arxiv", "link", "doi", "code", "html", "abs", "here"})
_ITALIC_RE = re.compile(r"(?<![*\w])[*_](?P<title>[^*_]{6,400}?)[.,]?[*_](?![*\w])")
_ACM_RE = re.compile(
    r"^(?P<authors>[^()]{3,400}?)\.\s+(?P<year>(?:19|20)\d{2})[a-z]?\.\s+"
    r"(?P<title>[^.?!]{6,400}[.?!])(?=\s|$)(?P<rest>.*)$"
)
_APA_RE = re.compile(
    r"^(?P<authors>[^()]{3,400}?)\s*\((?P<year>(?:19|20)\d{2})[a-z]?\)[.,]?\s+(?:[–—-]\s+)?"
    r"(?P<title>.+?(?:\([^()]*\)[^.?!]*)?[.?!])[*_]*(?=\s|$)(?P<rest>.*)$"
)
# "**Wadler, P. (1989).** *Theorems for free!* …": the names and year set in bold.
_BOLD_LEAD_RE = re.compile(r"^(?:\*\*|__)([^*_]{3,300}\((?:19|20)\d{2}[a-z]?\)\.?)(?:\*\*|__)")
_ID_TOKEN_RE = re.compile(
    r"\b(?:arXiv\s*:?\s*\d{4}\.\d{4,5}\S*|arXiv\s*:\s*\S+|doi\s*:\s*10\.\S+|10\.\d{4,9}/\S+"
    r"|arxiv\.org/(?:abs|pdf)/\S+)",
    re.IGNORECASE,
)
_INITIALS_RE = re.compile(r"^(?:[A-Z]\.\s?-?)+$|^[A-Z]{1,3}$")
_EDITION_RE = re.compile(r"\s*\((?:\d+\w*\s+ed\.?|\w+ edition)\)\s*$", re.IGNORECASE)
_MAX_AUTHOR_WORDS = 60
_PARTICLES = frozenset({"van", "von", "de", "der", "den", "di", "da", "du", "le", "la", "del"})
_URL_RE = re.compile(r"<?https?://\S+>?")


# "(Bills et al. 2023 — not read)", "Bergen et al. … — haven't read it": a mention the
# person says they did not read is no paper of their collection.
_NOT_READ_RE = re.compile(
    r"\b(?:not|never|haven[’']?t|have not|didn[’']?t|did not|nobody (?:has )?|won[’']?t)\s+"
    r"(?:yet\s+|even\s+|really\s+|actually\s+)?read\b"
    # "– to read next week", "on my to-read pile": put off, so not read yet.
    r"|\bto read (?:next|later|soon|over the)\b|\bon (?:my|the) to[- ]read (?:list|pile)\b"
    # "Haven't started.", "still haven't", "didn't get to it": not read either.
    r"|\bhaven[’']?t (?:yet )?(?:started|begun|opened it)\b|\bstill haven[’']?t\b"
    r"|\bnot (?:yet )?started\b"
    # "maybe next term? the slots are full", "optional background reading, not a
    # session": a reading group's suggestion put off.
    r"|\bmaybe next (?:term|semester|time|year|round)\b|\bnot a session\b"
    # "What I meant to write about but didn't", "didn't get round to these": put off.
    r"|\b(?:meant|wanted|planned|hoped|intended) to (?:read|write|cover|blog|post)\b"
    r"[^.\n]{0,40}\b(?:didn[’']?t|did not|never did)\b"
    r"|\bdidn[’']?t get (?:a)?round to\b"
    # "Nothing read here yet — this is the queue": a page of papers put off.
    r"|\bnothing (?:\w+ ){0,2}read (?:\w+ )?yet\b|\bthis is the (?:reading )?queue\b"
    r"|\bdidn[’']?t get to (?:it|them|this)\b"
    # "None of these have notes yet — that's the point": a year's pile, not yet read.
    r"|\bnone of (?:these|them) (?:have|has) (?:any )?notes\b|\bno notes yet\b"
    # "I've never made it past section 3", "I wouldn't read both", "not vouching for it".
    r"|\bnever (?:made it past|got (?:past|through)|finished)\b|\bwouldn[’']?t read\b"
    r"|\bnot vouching\b|\bnobody presented\b|\bwas(?:n[’']t| not) presented\b"
    r"|\b(?:don[’']?t|do not|doesn[’']?t) count (?:this |it )?as read\b"
    # "Things I might read.": a page of maybes (org-roam's reading inbox).
    r"|^\W*(?:things|papers|stuff) (?:I|we) (?:might|may|could|want to) read\b"
    # "TODO 读。", "还没读", "待读": Chinese notes saying the same.
    r"|\btodo\s*读|待读|还没(?:有)?读|尚未阅读|未读"
    # "まだ読んでない!", "積読": Japanese notes saying the same.
    r"|まだ読んで(?:い)?ない|積読|読んでいない"
    # "Only read the abstract so far": seen, not read.
    r"|\b(?:only|just)\s+(?:read|skimmed|looked at)\s+(?:the\s+)?(?:abstract|intro)\b"
    r"|\bread\s+(?:only|just)\s+the\s+(?:abstract|intro)\b"
    # "Dill & MacCallum 2012, "…" (Science) — to read": a status after the citation.
    r"|[—–]\s*to[- ]read\s*$"
    # "GMTKN55 (Goerigk 2017) -- everyone cites it, should read": meant to, not yet.
    r"|[,;—–-]\s*(?:I\s+)?(?:should|need to|have to|gotta)\s+read(?:\s+(?:it|this))?\s*[.!]?\s*$",
    re.IGNORECASE,
)


# "Book: Huggins — Advanced Batteries", "Video: …", "Dataset — …": the note says what it is.
# The sentence says what it names: "it's a book, not on the reading list", "(a book)",
# "Wager's draft book, the chapter on AIPW", "Mixtape, Chapter 6".
SAYS_A_BOOK_RE = re.compile(
    r"\b(?:it['’]s|it is|this is|that['’]s) (?:a|an old|the) (?:book|textbook)\b"
    r"|\((?:an? )?(?:book|textbook)\b[^()]*\)|\((?:[^()]*[,;]\s*)?(?:a )?(?:book|textbook)\)"
    r"|\bdraft (?:book|textbook)\b|\bthe chapters? on\b"
    r"|\bch(?:apters?|s?\.)\s*\d",
    re.IGNORECASE,
)
# "(MIT Press, 2019)", "(Morgan & Claypool,\n2017)": a book's publisher and year.
# "(10th anniversary edition, Cambridge University Press, 2010)", "*…*, CUP 2007" too.
_PUBLISHED_BOOK_RE = re.compile(
    r"\(\s*(?:[^()]{0,60}[,;]\s*)?(?:[A-Z][\w.&' ]{0,40} University Press|MIT Press"
    r"|Morgan\s*(?:&|and)\s*Claypool"
    r"|O['’]Reilly(?: Media)?|Addison[- ]Wesley|Prentice[- ]Hall|No Starch(?: Press)?"
    r"|Manning(?: Publications)?|Packt|Chapman\s*(?:&|and)\s*Hall(?:/CRC)?|CRC Press|Basic Books"
    r"|Pearson|Penguin|W\. ?W\. Norton)\s*[,;]?\s*(?:19|20)\d{2}\s*\)"
    r"|[,;]\s*(?:CUP|OUP|[A-Z]\w+ University Press|MIT Press)\s*,?\s*(?:19|20)\d{2}\b"
)
_MEDIA_RE = re.compile(
    r"\b(?:on|at) youtube\b|[\"”]\s+(?:lectures?|videos?|playlist|podcast|course)\b"
    # "(blog post)", "(talk at CUSEC 2012, ~54 min)", "(my 2-page handout)": what it is.
    r"|\((?:an? |my )?(?:[\w-]+ )?(?:blog(?: post)?|talk|keynote|video|podcast|handout)\b[^()]*\)"
    r"|\bvideos?\s+(?:on|at)\s+(?:the\s+)?\w+",  # "… lectures (2018), video on the AEA site"
    re.IGNORECASE,
)
NOT_A_PAPER_LABEL_RE = re.compile(
    r"^\W*(?:book(?: review)?|textbook|video|podcast|talk(?: notes)?|course|dataset|tool"
    r"|software|blog(?: post)?)"
    r"\s*(?::|[—–-]\s)"
    # "35C3 talk: “A Christmas Carol …”", "Invited talk: …": a talk, by where it was given.
    r"|^\W*(?:[\w'’-]+\s+){1,2}(?:talk|keynote|lecture|video|podcast)\s*:"
    # A syllabus's badge: "**Lecture** [Subword tokenization](slides.pdf)", "**HW 2 due**".
    r"|^\W*(?:\*\*|__)\[?(?:lecture|slides|homework|hw|assignment|exam|quiz|project|video"
    r"|talk|book|textbook|course|dataset|software|tool|blog(?: post)?)\b[^*_]{0,20}(?:\*\*|__)",
    re.IGNORECASE,
)


# "Books", "Books + notes", "Blogs and podcasts": a label over things that are no papers.
_NOT_PAPER_KINDS = frozenset(
    {"book", "books", "textbook", "textbooks", "blog", "blogs", "video", "videos", "talk"}
    | {"talks", "podcast", "podcasts", "course", "courses", "lecture", "lectures", "tool"}
    | {"tools", "software", "dataset", "datasets", "data", "code", "library", "libraries"}
    | {"monograph", "monographs", "watch", "listen", "watching", "listening", "watched"}
    | {"website", "websites", "web", "newsletter", "newsletters", "posts", "tutorial"}
    | {"tutorials"}
    | {"leaderboard", "leaderboards"}
    | {"protocol", "protocols", "sop", "sops", "recipes"}  # a lab's methods, not papers
)
_NOT_PAPERS_RE = re.compile(
    # "Grey lit / policy": reports, guidelines and position pages, not papers.
    r"^\W*(?:(?:not|non)[- ](?:a\s)?papers?\b|gr[ae]y lit(?:erature)?\b)",
    re.IGNORECASE,
)
# "Books (not papers, but people ask)": the aside says it.
_NOT_PAPERS_ASIDE_RE = re.compile(r"\((?:not|non)[- ](?:a\s)?papers?\b", re.IGNORECASE)
_LABEL_FILLERS = frozenset(
    {"and", "notes", "misc", "other", "links", "resources", "my", "some", "to", "read", "list"}
    | {"use"}  # "Watch / use"
)


def names_non_papers(label: str) -> bool:
    if _NOT_PAPERS_RE.match(label) or _NOT_PAPERS_ASIDE_RE.search(label):
        return True
    if _KIND_THEN_CLAUSE_RE.match(label) and "paper" not in label.casefold():
        return True  # "**Books I cite for “standard” things**", "Software I cite"
    words = re.findall(r"[a-z]+", label.casefold())
    return any(w in _NOT_PAPER_KINDS for w in words) and all(
        w in _NOT_PAPER_KINDS or w in _LABEL_FILLERS for w in words
    )


_KIND_THEN_CLAUSE_RE = re.compile(
    r"^\W*(?:books|textbooks|videos|talks|courses|tools|software|blogs|podcasts|datasets"
    r"|libraries|tutorials|packages)\s+(?:i|we|you|that|which|to|for|worth)\b",
    re.IGNORECASE,
)


# A list under "To read" or "Backlog" names papers nobody has read yet. (A page or a
# section of a reading path called so is still imported: there it is the plan.)
_UNREAD_LABELS = frozenset(
    {"to read", "toread", "to-read", "backlog", "reading queue", "queue", "unread"}
    | {"want to read", "someday", "later", "maybe", "not yet read", "still to read"}
    | {"待读", "未读", "想读", "稍后读", "待读论文"}
    # Proposed for later, not read yet: a reading group's suggestion box.
    | {"suggestions", "paper suggestions", "suggested papers", "reading suggestions"}
    | {"suggestions box", "suggestion box"}
    | {"for a future semester", "for next semester", "next semester", "future reading"}
)


def names_unread(label: str) -> bool:
    """ "To read", "## to read (not started)", "Backlog:": a label over papers not read."""
    bare = _LABEL_DECORATION_RE.sub("", label.casefold()).strip(" :*_")
    # "Tentative list (not read yet)", "Next term (not started)": the aside says it.
    aside = _ASIDE_LABEL_RE.search(label)
    if bare in _UNREAD_LABELS or bool(aside and says_not_read(aside[0])):
        return True
    # "🅿️ Parking lot — maybe later, NOT part of the path": a short label that says so.
    return names_put_off(label)


def names_put_off(title: str) -> bool:
    """ "The to-read pile (winter edition)", "Parking lot": a page's title that says what
    it lists is put off (not the bare "To read" a tracker's page or lane is called)."""
    bare = _LABEL_DECORATION_RE.sub("", title.casefold()).strip(" :*_")
    return len(bare.split()) <= _MAX_LABEL_WORDS and bool(_PUT_OFF_LABEL_RE.search(bare))


_MAX_LABEL_WORDS = 12
_PUT_OFF_LABEL_RE = re.compile(
    r"\b(?:parking lot|maybe later|for later|someday(?:/maybe)?|not (?:yet )?part of the "
    r"(?:path|list|plan|syllabus|course)|to[- ]read (?:pile|list|queue|stack))\b"
)


_LABEL_DECORATION_RE = re.compile(r"^\s*#+\s*|\s*\([^()]*\)\s*:?\s*$")
_ASIDE_LABEL_RE = re.compile(r"\([^()]*\)")


def says_not_read(text: str) -> bool:
    return _not_read(text) is not None


def _not_read(text: str) -> re.Match[str] | None:
    """The words saying a paper is not read — not "a classic I had somehow never read in
    full" (until now: the post is the reading)."""
    for said in _NOT_READ_RE.finditer(text):
        if not _HAD_BEFORE_RE.search(text, 0, said.start()):
            return said
    return None


_HAD_BEFORE_RE = re.compile(r"\bhad\s+(?:\w+\s+)?$")


_LINK_OR_DOI_RE = re.compile(
    r"<?https?://\S+|\bdoi:\s*\S+|\barxiv:?\s*(?:\d{4}\.\d{4,5}|[a-z\-]+/\d{7})", re.IGNORECASE
)


def citation_says_not_read(text: str) -> bool:
    """Whether the citation itself is marked unread. Sentences after the one that ends
    it (by its link or DOI) are about something else: "… <doi>. Read for the figures;
    Snaith's perspective is cited a lot — haven't read it" read this paper."""
    said = _not_read(text)
    link = _LINK_OR_DOI_RE.search(text)
    if said is None or link is None:
        return said is not None
    end = re.compile(r"[.;!?]\s").search(text, link.end() - 1)
    return end is None or said.start() < end.end()


_LABEL_FREE_WORDS = 3
# "**Main:**", "Optional (classic):", "Required reading:": a reading's role in a session.
_ROLE_LABEL_RE = re.compile(
    r"^(?P<marker>\s*(?:[-*+]\s+|\d{1,3}[.)]\s+)?)(?:\*\*|__)?(?:main|optional|required|recommended|background|supplementa(?:ry|l)"
    r"|further|extra|core|primary|secondary|additional|suggested|must[- ]read|key"
    r"|paper\s+\d{1,2})"  # "**Paper 1:** Hu, …", "**Paper 2:** Dettmers, …"
    r"(?:\s+readings?)?(?:\s*\([^()\n]{1,30}\))?\s*:\s*(?:\*\*|__)?\s*(?=\S)",
    re.IGNORECASE,
)


# After a citation's quoted title: its punctuation, a venue, "In …", pages — not a verb.
_AFTER_TITLE_WORDS = frozenset({"in", "pp", "vol", "and", "arxiv", "preprint", "doi", "accepted"})


def _journal_before_volume(text: str, title: str) -> bool:
    """Whether the "title" is a journal followed by its volume and pages or article
    number ("*Scientific Reports* 9, 5233", "*Nature* 560: 494–498")."""
    if len(title.split()) > _JOURNAL_WORDS:
        return False
    after = re.escape(title) + r"[*_]*,?\s+\d{1,4}\s*(?:\(\d{1,4}\))?\s*[,:]\s*[eE]?\d{1,6}\b"
    return re.search(after, text) is not None


_JOURNAL_WORDS = 6


def _quoted_in_a_sentence(text: str, title: str) -> bool:
    """Whether the title is a word or two in quotes that a sentence runs on from."""
    if len(title.split()) > 3:
        return False
    match = re.search(r"[\"“]" + re.escape(title) + r"[\"”]\s+([a-z]+)", text)
    return match is not None and match[1] not in _AFTER_TITLE_WORDS


def read_citation(text: str) -> PaperRecord | None:
    """The paper a citation-shaped line names, or None for any other text."""
    unlabelled = _ROLE_LABEL_RE.sub(r"\g<marker>", text, count=1)
    if unlabelled == text:
        return _read_citation(text)
    # The label read as an author ("Main: Cengiz") is none. Without it a line may read as
    # a citation it was not: "**Background reading:** Furukawa et al. *Science* 2013" is
    # no paper titled "Science"; a title of a few words vouches for the reading.
    labelled, paper = _read_citation(text), _read_citation(unlabelled)
    if paper is not None and (
        labelled is not None or len(paper.title.split()) >= _LABEL_FREE_WORDS
    ):
        return paper
    return labelled


def _read_citation(text: str) -> PaperRecord | None:
    cited = _read_reference(text)[0]
    if cited is not None and not any(ch.isalpha() for ch in cited.title):
        return None  # "PMID: [30664697](…)": a label and a number, no title
    if cited is not None and _IN_VENUE_RE.match(cited.title):
        return None  # "Oki (1988), in *Proceedings of …*": who, when and where, no title
    if cited is not None and _VENUE_YEAR_RE.match(cited.title):
        return None  # "Ran Canetti. FOCS 2001. Full version: …": where and when, no title
    if cited is not None and is_author_year(cited.title):
        return None  # "**Kalisch & Williams (2009)** – MISSCARE Survey …": who and when
    if cited is not None and _ET_AL_TITLE_RE.match(cited.title):
        return None  # "Lee et al. (2012) + Kraft et al. (2015)": two papers' authors
    possessive = cited is not None and any(a.endswith(("'s", "’s")) for a in cited.authors)
    if possessive and not identifier_of(cited):
        return None  # 'Bjork's "desirable difficulties" is the umbrella term': a sentence
    if cited is not None and _BRACKETED_KEY_RE.match(cited.title):
        return None  # "**[SSBD]** Shalev-Shwartz & Ben-David, *Understanding …*": a book's key
    if cited is not None and not cited.authors and _PROSE_TITLE_RE.match(cited.title):
        return None  # "**Stacked event study**: one dataset per event with …": a gloss
    if cited is not None and _PROSE_TITLE_RE.match(cited.title) and _DID_RE.match(cited.title):
        return None  # "Then Steane (1996) found a 7-qubit code using …": who did what
    if cited is not None and speaks_as_writer(cited.title):
        return None  # "Yes, I'll be at FENS in July 2020": the writer, not a paper
    several = ";" in text and len(_SHORT_CITES_RE.findall(text)) >= 2
    if cited is not None and (several or SEVERAL_CITED_RE.search(text)):
        return None  # "**DiD** Goodman-Bacon (2021); Sun & Abraham (2021)": two works cited
    if cited is not None and _journal_before_volume(text, cited.title):
        return None  # "Traag, Waltman & van Eck, *Scientific Reports* 9, 5233 (2019)"
    if cited is not None and _quoted_in_a_sentence(text, cited.title):
        # 'Worry: "structure" does different jobs in …': a word in quotes, no title. In
        # 'MacDonald CJ, … (2011) Hippocampal "time cells" bridge the gap …' the quotes
        # are the title's own: read without them.
        words = cited.title
        unquoted = re.sub(r"[\"“”]" + re.escape(words) + r"[\"“”]", words, text)
        whole = _read_citation(unquoted) if unquoted != text else None
        if whole is not None:
            whole.title = whole.title.replace(words, f"“{words}”", 1)
        return whole
    if cited is not None and _EVENT_DATES_RE.search(cited.title):
        return None  # "ACL 2024, Bangkok, 11–16 August 2024": an event's place and days
    if cited is not None and _NEWS_VENUE_RE.match(strip_decoration(cited.venue)):
        return None  # '“Detailed New National Maps …” *New York Times* (The Upshot)': news
    if cited is not None and cited.title.count(")") > cited.title.count("("):
        return None  # "Dube, Lester & Reich (2010, REStat) county pairs": no title there
    if cited is not None and _reads_as_sentence(cited.venue):
        _second_sentence_of_title(cited, text)
    agu = _AGU_RE.search(text) if cited is not None else None
    if cited is not None and agu is not None and agu["title"].startswith(cited.title[:20]):
        cited.title, cited.venue = agu["title"].strip(), _venue(agu["journal"])
    if (
        cited is not None
        and cited.title.count("*") % 2
        and f"*{(head := cited.title.partition('*')[0].strip(' ,.'))}*" in text
        and not re.match(r"\W*\d", cited.title.partition("*")[2])  # "*Nature* 518, 529"
    ):
        # "Williams (1992), *Simple Statistical …*, Machine Learning 8": the emphasis
        # closing after the title ends it.
        cited.title = head
    if cited is not None and (quoted := _QUOTED_HEAD_RE.match(cited.title)):
        # '"Decomposition of … modelling", J' — the quotes end the title, a journal's
        # abbreviation ("J. Hydrol.") was cut at its first full stop.
        cited.title = quoted["title"].strip()
    if cited is not None and (linked := _LINKED_TITLE_RE.match(cited.title)):
        # 'Grover ’96, “[A fast quantum mechanical algorithm …](https://arxiv.org/…)”': the
        # quoted title is a link to the paper.
        cited.title = linked["title"].strip()
        add_link(cited, linked["url"])
    return cited


_BRACKETED_KEY_RE = re.compile(r"^\W*\[[^\[\]\s]{1,15}\]\W*$")
# A "title" that opens in lower case and runs on like a sentence: prose, not a title.
_PROSE_TITLE_RE = re.compile(r"^[a-z][a-z'’-]*(?:\s+\S+){8,}")
# A sentence's verb, where a title would begin: "found …", "showed that …", "proposes …".
_DID_RE = re.compile(
    r"^(?:[a-z]+ed|found|showed|shown|gave|made|took|proved|wrote|built|ran|did|says|said"
    r"|shows|finds|uses|gives|argues|proposes|introduces|describes"
    r"|is|are|was|were|has|have|had"  # "Gibson (1998) is a theory built on …"
    r"|and|or|but|for|with|to|in|on|as)\b"  # "… (1974) and Holland (1986) for where …"
)
# "Goodman-Bacon (2021);", "Sun & Abraham (2021)" — one of several short cites in a row.
_SHORT_CITES_RE = re.compile(r"[A-Z][\w'’\-]+\s+\((?:19|20)\d{2}[a-z]?\)")
# "Stringer et al. 2019 Science; Steinmetz et al. 2019 Nature": two papers, by who and when.
SEVERAL_CITED_RE = re.compile(r"\bet al\.?,?\s*(?:19|20)\d{2}\b[^;]*;[^;]*\bet al\b")
# A mark before a citation ("**★**", "⭐", "✅"): the person's, no part of it.
_MARK_LEAD_RE = re.compile(r"^(?:\*\*|__)?[★☆⭐✓✔✅❗‼🔥📌]+\ufe0f?(?:\*\*|__)?\s+")
# Newspapers and magazines: what they print is an article, not a paper.
_NEWS_VENUE_RE = re.compile(
    r"^\W*(?:the\s+)?(?:new york times|washington post|wall street journal|guardian"
    r"|financial times|economist|atlantic|new yorker|wired|vox|slate|bloomberg|los angeles times"
    # (not Scientific American: Weiser 1991, Hockett 1960 are cited as papers)
    r"|boston globe|quanta(?: magazine)?|bbc(?: news)?|npr|time magazine|forbes"
    r"|the conversation)\b",
    re.IGNORECASE,
)
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# "11–16 August 2024", "August 11-16, 2024", "Aug 11 – 16": a span of days, not a title.
_EVENT_DATES_RE = re.compile(
    rf"\b\d{{1,2}}\s*[–-]\s*\d{{1,2}}\s+{_MONTH}(?!\w)|\b{_MONTH}\s+\d{{1,2}}\s*[–-]\s*\d{{1,2}}\b"
)
_ET_AL_TITLE_RE = re.compile(r"^\W*[A-Z][\w'’\-]+(?:\s+(?:&|and)\s+[A-Z][\w'’\-]+)?\s+et al\.?\W*$")
_LINKED_TITLE_RE = re.compile(r"^\[(?P<title>[^\[\]]{8,})\]\((?P<url>[^()\s]+)\)$")
_IN_VENUE_RE = re.compile(r"^in\s+[*_]?[A-Z]")
# "FOCS 2001", "EUROCRYPT 2016", "CRYPTO '96", "NeurIPS 2020": a venue and its year.
_VENUE_YEAR_RE = re.compile(
    r"^[A-Z][A-Za-z]*[A-Z][A-Za-z]*(?:\s+[A-Z][\w&]*)?\s+['’]?(?:1[89]|20)?\d{2}"
    r"(?:\s*\([^()]*\))?$"
)
_QUOTED_HEAD_RE = re.compile(r'^["“](?P<title>[^"”]{8,})["”],?\s+\S')


# AGU's style: "Aki, K. (1967), Scaling law of seismic spectrum, J. Geophys. Res., 72(4),
# 1217-1231" — commas, not full stops, between the title, the journal and its volume.
_AGU_RE = re.compile(
    r"\((?:19|20)\d{2}[a-z]?\),\s+(?P<title>[^,]{8,300}?(?:,[^,]{1,80}?)??),\s+"
    r"(?P<journal>[A-Z][\w.&' ]{0,60}?),\s+\d{1,4}(?:\([\w\-–]{1,9}\))?,\s+\d"
)


def _reads_as_sentence(venue: str) -> bool:
    """A "venue" of many words, small ones among them, is the title's second sentence
    ("… (CD25). Breakdown of a single mechanism of self-tolerance causes …", "New
    evidence from Göbekli Tepe, south-eastern Turkey"), not a journal's name, whose small
    words are "of", "the", "and"."""
    words = [w.strip(",;:") for w in venue.split()]
    small = [w for w in words[1:] if w[:1].islower() and w not in _JOURNAL_FILLERS]
    return len(words) >= 6 and len(small) >= 2


_JOURNAL_FILLERS = frozenset({"of", "the", "and", "in", "for", "on", "de", "des", "du", "und"})


def _second_sentence_of_title(cited: PaperRecord, text: str) -> None:
    """Moves the "venue" into the title when a journal follows it: "… causes various
    autoimmune diseases. J Immunol 155:1151" (not "… Advances in neural information
    processing systems, 25", which is the venue)."""
    sentence = cited.venue.rstrip(". ")
    after = text[text.find(sentence) + len(sentence) :].lstrip(" .")
    journal = re.match(r"[*_]*(?P<name>[A-Z][^\d(;,*_]*?)[*_]*[\s,.]+\(?\d", after)
    if journal is None or _is_venue(sentence):
        return
    cited.title = f"{cited.title.rstrip('.')}. {sentence}"
    cited.venue = _venue(journal["name"])


def read_untitled_reference(text: str) -> PaperRecord | None:
    """A reference that names no title of its own, under a heading that does: "Simmons,
    Nelson & Simonsohn · *Psychological Science* 22(11), 1359–1366 (2011) · doi:…" gives
    its authors, year, journal and identifier, with the title left empty."""
    return _read_reference(text)[1]


# A species' name in italics inside a bold title: "**Clock Mutants of *Drosophila m.***".
_ITALIC_IN_BOLD_RE = re.compile(r"\*\*([^*]*?)\*([^*]+)\*([^*]*?)\*\*")
_EMPHASISED_ET_AL_RE = re.compile(r"(\*{1,2}|_{1,2})et al\.?\1(?:\.(?=\s))?")


def _read_reference(text: str) -> tuple[PaperRecord | None, PaperRecord | None]:
    """The paper a citation names, or else one whose only "title" was its journal."""
    if citation_says_not_read(text) or NOT_A_PAPER_LABEL_RE.match(
        _NUMBER_RE.sub("", text, count=1)
    ):
        return None, None  # "Book: *Monopsony in Motion* (Manning 2003)" says what it is
    if SAYS_A_BOOK_RE.search(text) or _MEDIA_RE.search(text) or _PUBLISHED_BOOK_RE.search(text):
        return None, None  # "… it's a book"; 'Stachniss, "SLAM course" lectures on YouTube'
    core = " ".join(_NUMBER_RE.sub("", _QUOTE_MARK_RE.sub("", text), count=1).split())
    core = _MARK_LEAD_RE.sub("", core, count=1)  # "**★** Solow, Robert M. 1956. …": a must-read
    core = _ABBREVIATION_RE.sub(lambda m: m[0].replace(".", _HELD_DOT), core)  # "vs." in titles
    core = _KEY_RE.sub("", core, count=1)  # "[Kipf & Welling 2017] T. N. Kipf, …"
    core = _LABEL_PREFIX_RE.sub("", core, count=1)  # "**Paper:** Jinek M, … (2012). …"
    core = _BOLD_LEAD_RE.sub(r"\1", core, count=1)
    core = _EMPHASISED_ET_AL_RE.sub("et al.", core)  # Nature's "Yaghi, O. M. *et al.* Title"
    core = _ITALIC_IN_BOLD_RE.sub(r"**\1\2\3**", core)  # "**Clock Mutants of *Drosophila***"
    paper, untitled = _read_core(core, core)
    unlinked = MARKDOWN_LINK_RE.sub(_venue_link_text, core)
    outside = MARKDOWN_LINK_RE.sub("", core)
    if paper is None and unlinked != core and len(outside.split()) >= _MIN_WORDS_OUTSIDE:
        # '"NISQ era and beyond" — [Quantum 2, 79 (2018)](https://…)': the venue and year
        # are a link's text; read them as text, the identifiers still from the links.
        paper, untitled = _read_core(unlinked, core)
    if paper is None:
        paper, untitled = _read_syllabus_style(core, untitled)
    return paper, untitled


# "(ACL 2016)", "(NeurIPS, 2017)": where and when, in the parentheses a year stands in.
_VENUE_YEAR_PARENS_RE = re.compile(
    r"\((?P<venue>[A-Z][\w&'’ -]{1,40}?),?\s+(?P<year>(?:19|20)\d{2})[a-z]?\)"
)


_LINK_THEN_COMMA_RE = re.compile(MARKDOWN_LINK_RE.pattern + r"(?P<comma>,(?=\s))?")


def _title_then_stop(link: re.Match[str]) -> str:
    """ "[Title](…), *Nature Communications* 13: 792": the comma after a title's link
    ends the title's sentence, as the full stop written for it does."""
    text = _title_link_text(link)
    return text if text != link[0] or not link["comma"] else f"{text},"


def _read_syllabus_style(
    core: str, untitled: PaperRecord | None
) -> tuple[PaperRecord | None, PaperRecord | None]:
    """A syllabus's "Sennrich, Haddow & Birch (ACL 2016). [Neural Machine Translation …](…)"
    or "Peters et al. (2018) [Deep Contextualized …](…)": names and year, then the title
    as a link to the paper."""
    venue = _VENUE_YEAR_PARENS_RE.search(core)
    if venue is not None and not _names_a_venue(venue["venue"]):
        venue = None  # "(Horne & Östberg 1976)": who and when, not where
    plain = _VENUE_YEAR_PARENS_RE.sub(r"(\g<year>)", core, count=1) if venue else core
    plain = _LINK_THEN_COMMA_RE.sub(_title_then_stop, plain)
    if plain == core:
        return None, untitled
    paper, untitled = _read_core(plain, core)
    if paper is not None and venue is not None and not paper.venue:
        paper.venue = _venue(venue["venue"])
    return paper, untitled


def _names_a_venue(text: str) -> bool:
    """ "ACL", "NeurIPS", "Neural Computation" — not "Horne & Östberg" or "Smith"."""
    if re.search(r"&|\band\b|\bet al\b", text):
        return False
    return bool(re.search(r"[A-Z]{2,}|[A-Z][a-z]+[A-Z]", text)) or len(text.split()) >= 2


def _title_link_text(link: re.Match[str]) -> str:
    """A link whose text is a title, as that title's sentence; any other link as it is."""
    text, url = link["text"].strip(), link["url"].strip("<>")
    web = url.startswith(("http://", "https://"))  # not a link to another note
    if link["image"] or not web or YEAR_RE.search(text) or not is_probably_title(text):
        return link[0]
    return text if text.endswith((".", "?", "!")) else f"{text}."


def _venue_link_text(link: re.Match[str]) -> str:
    """A link's text when it is where and when a paper appeared ("Quantum 2, 79 (2018)"),
    else the link as it is (a title's link, a comment mark)."""
    text = link["text"]
    dated = YEAR_RE.search(text) is not None and len(text) <= _VENUE_LINK_CHARS
    web = link["url"].strip("<>").startswith(("http://", "https://"))
    return text if dated and web and not link["image"] else link[0]


_VENUE_LINK_CHARS = 60
_MIN_WORDS_OUTSIDE = 3  # a title and a name at least; a link alone is a link to a page


def _read_core(core: str, linked: str) -> tuple[PaperRecord | None, PaperRecord | None]:
    untitled = None
    for reader in _READERS:
        paper = reader(core)
        if paper is None:
            continue
        add_identifiers(paper, linked)
        if not _names_a_journal(paper.title, core):
            return paper, None
        if untitled is None and paper.authors and paper.year:
            untitled = paper
            untitled.venue, untitled.title = strip_decoration(paper.title).strip(" ,."), ""
    return None, untitled


_QUOTE_MARK_RE = re.compile(r"^\s*(?:>\s?)+")  # a citation set off as a quote
# "*Psychological Science* 22(11), 1359–1366", "*Science*, 349(6251), aac4716": a
# journal, its volume and issue — what an APA or Nature reference sets in italics.
_VOLUME_RE = re.compile(
    r"^[*_]*[,.]?\s*[*_]*\d{1,4}[*_]*\s*(?:\(\d[\d–-]*\)|,\s*\d+[–-]\d+|:\s*e?\d+)"
)
_VOLUME_INSIDE_RE = re.compile(r"(?:[*_]+,?|,)\s*\d{1,4}\s*\(\d+\)")
# "Cell 2007;130(5):797–810", "Nature 477, 457–461", "Lancet Infect Dis 16: 161–68": a
# journal's name (a few words) then its volume and pages, and nothing else.
_JOURNAL_VOLUME_RE = re.compile(
    r"^(?:[A-Z][\w.&]*\s+){1,5}(?:(?:19|20)\d{2};\s*)?\d{1,4}(?:\s*\(\d+\))?"
    r"\s*[:,]\s*e?\d+(?:\s*[–-]\s*\d+)?\.?$"
)
# "**volume 34**, pages 184–191", "Vol. 337, Issue 6096": the volume, issue or pages
# that a journal's own citation line sets in bold — never a title.
_VOLUME_WORDS_RE = re.compile(
    r"^(?:vol(?:ume)?|issue|no|number|pages|pp)\.?\s*\d[\d\s,–-]*$", re.IGNORECASE
)
# "Wong F, Zheng EJ, Valeri JA, et al.": Vancouver's names, surname then initials.
_VANCOUVER_NAMES_RE = re.compile(r"^(?:[A-Z][\w'’\-]+\s[A-Z]{1,3}(?:-[A-Z])?,\s*){2,}")


def is_citation_remnant(title: str) -> bool:
    """A "title" that is what surrounds one in a citation: a journal's volume and pages
    ("Nature 477, 457–461") or the names before it ("Wong F, Zheng EJ, et al. …")."""
    bare = strip_decoration(title)
    return bool(
        _JOURNAL_VOLUME_RE.match(bare)
        or _VOLUME_WORDS_RE.match(bare)
        or _VANCOUVER_NAMES_RE.match(title)
    )


def _names_a_journal(title: str, core: str) -> bool:
    """Whether what a reader took for the title is the journal the paper appeared in
    ("Cell 2007;130(5):797–810", "Nature 477, 457–461"), or the names before it
    ("Wong F, Zheng EJ, Valeri JA, et al. Nature 626")."""
    if _VOLUME_INSIDE_RE.search(title) or _VANCOUVER_NAMES_RE.match(title):
        return True
    if is_citation_remnant(title):
        return True
    at = core.find(title)
    return at >= 0 and bool(_VOLUME_RE.match(core[at + len(title) :]))


def _quoted(core: str) -> PaperRecord | None:
    match = _QUOTED_RE.search(core) or _SINGLE_QUOTED_RE.search(core)
    if match is None:
        return None
    before, title, after = core[: match.start()], match["title"], core[match.end() :]
    year_before = _YEAR_BEFORE_TITLE_RE.search(before)
    if year_before:  # 'Roth, Sant'Anna and Poe (2023), "Title" — …': the year is before
        before, after = before[: year_before.start()], f"{after} ({year_before['year']})"
    paper = _assemble(before, title, after)
    who_when = _WHO_VENUE_YEAR_RE.match(before.strip(" -*+")) or _NICKNAME_CITED_RE.search(before)
    if paper is None and who_when and is_probably_title(title):
        # "Khandelwal et al. ICLR 2020 ‘Generalization through Memorization: …’"
        paper = _assemble(
            who_when["authors"], title, f"{who_when['venue'] or ''} {who_when['year']}"
        )
    if paper is None and not before.strip(" -*+"):
        # '"Title", Schick et al., 2023 — https://…': the authors come after the title.
        names = re.split(r"[,;]?\s*\(?(?:19|20)\d{2}", after.lstrip(" ,;—–-"), maxsplit=1)[0]
        names = re.sub(r"\s+et\s+al\.?\s*$", "", names.strip(" ,;"))
        paper = _assemble(names, title, after)
        if paper is not None:
            paper.venue = ""  # the text after the title held the authors, not a venue
    if paper is None and _ID_TOKEN_RE.search(core + " " + " ".join(_urls(core))):
        # 'Read "Title" (arXiv 2310.04406)': a quoted title with its identifier beside it.
        title = strip_decoration(title.strip().strip("*_").rstrip(".,").strip())
        paper = PaperRecord(title=title) if len(title.split()) >= 2 else None
    return paper


# Vancouver (medicine, biology): "Bray NL, Pimentel H, Pachter L. Title. *Nat
# Biotechnol.* 2016;34(5):525–527. doi:…" — family names with run-together initials.
# "Doudna JA", "Liu Y-Y" (hyphenated given names keep their hyphen).
# "Janeway CA Jr": a generation after the initials.
_VANCOUVER_NAME = (
    r"[A-ZÀ-Þ][\w'’\-]+(?:\s[A-ZÀ-Þ][\w'’\-]+)?\s[A-Z]{1,3}(?:-[A-Z]{1,2})?"
    r"(?:\s(?:Jr|Sr|II|III|IV)\b)?"
)
_VANCOUVER_NAME_RE = re.compile(_VANCOUVER_NAME)
_VANCOUVER_RE = re.compile(
    rf"^(?P<authors>{_VANCOUVER_NAME}(?:,\s{_VANCOUVER_NAME})*(?:,?\set\sal)?)"
    # "…, Durbin R; 1000 Genome Project Data Processing Subgroup.": a group after the names
    r"(?:;\s[^.;]{3,100})?"
    rf"(?:\.|(?<=Jr|Sr){_HELD_DOT})\s+"  # "…, Janeway CA Jr. Title": its dot held above
    r"(?P<title>[^.?!]{6,400}[.?!])(?:\*\*|__|\*|_)?\s+(?P<rest>\S.*)$"
)


def _vancouver(core: str) -> PaperRecord | None:
    match = _VANCOUVER_RE.match(MARKDOWN_LINK_RE.sub(lambda m: m["text"], core))
    if match is None:
        return None
    year = YEAR_RE.search(match["rest"])
    if year is None:
        return None
    # "Sterne JAC et al." as well as "Polack FP, Thomas SJ, et al."
    listed = re.sub(r",?\s+et\s+al$", "", match["authors"])
    names = [n.strip() for n in listed.split(",") if n.strip()]
    title, rest = _with_numbered_part(match["title"], match["rest"])
    title = strip_decoration(title.rstrip(".").strip("*_"))
    if (len(names) < 2 and "et al" not in match["authors"]) or _mostly_names(title):
        return None  # "James C. Corbett, Jeffrey Dean, …": initials of a full name
    authors = [_vancouver_name(n) for n in names]
    year = YEAR_RE.search(rest) or year
    venue = _venue(rest[: year.start()])
    return PaperRecord(title=title, authors=authors, year=int(year[1]), venue=venue)


# "… helper T cell clone. I. Definition according to …": a title in numbered parts.
_NUMBERED_PART_RE = re.compile(r"^(?:[IVX]{1,4}|Part\s+(?:[IVX]{1,4}|\d{1,2}))\.\s+(?=[A-Z])")


def _with_numbered_part(title: str, rest: str) -> tuple[str, str]:
    """The title with its numbered part ("… clone. I. Definition of …") and what follows."""
    part = _NUMBERED_PART_RE.match(rest)
    if part is None:
        return title, rest
    sentence = re.match(r"[^.?!]{6,300}[.?!]", rest[part.end() :])
    if sentence is None:
        return title, rest
    end = part.end() + sentence.end()
    return f"{title} {rest[:end]}", rest[end:].lstrip()


# "The SPRINT Research Group. A Randomized Trial of … N Engl J Med 2015;373:2103–16.",
# "ISIS-2 Collaborative Group. *Randomised trial of …: ISIS-2.* Lancet 1988;2:349–60.":
# a trial or consortium as the author, in the Vancouver style medicine cites in.
_COLLECTIVE_RE = re.compile(
    r"^(?P<group>(?:The\s)?[A-Z][\w\-/&()]*(?:\s[\w\-/&()]+){0,8}?\s"
    r"(?:Group|Investigators|Consortium|Collaboration|Committee|Trialists|Network|Team))"
    r"[.:]\s+(?P<cited>\S.*)$"
)


def _collective(core: str) -> PaperRecord | None:
    match = _COLLECTIVE_RE.match(MARKDOWN_LINK_RE.sub(lambda m: m["text"], core))
    if match is None:
        return None
    emphasised = _EMPHASISED_START_RE.match(match["cited"])
    if emphasised:
        title, rest = emphasised["title"], emphasised["rest"]
    else:
        title, _, rest = _SENTENCE_END_RE.sub("\0", match["cited"], count=1).partition("\0")
    title = strip_decoration(title.strip().rstrip("."))
    year = YEAR_RE.search(rest)
    if year is None or not is_probably_title(title):
        return None
    venue = _venue(rest[: year.start()].lstrip(" ."))
    return PaperRecord(title=title, authors=[match["group"]], year=int(year[1]), venue=venue)


def _vancouver_name(name: str) -> str:
    """ "Bray NL" → "NL Bray": the initials first, as the other readers give names."""
    generation = re.search(r"\s(?:Jr|Sr|II|III|IV)\b\.?$", name)
    # "Janeway CA Jr" → "CA Janeway Jr"; "Ivanov II" is Ivaylo I. Ivanov's initials.
    if generation is not None and len(name[: generation.start()].split()) >= 2:
        return f"{_vancouver_name(name[: generation.start()])}{generation[0].rstrip('.')}"
    family, initials = name.rsplit(" ", 1)
    return f"{initials} {family}"


def _mostly_names(text: str) -> bool:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    # A name has two or three words: "Empagliflozin, Cardiovascular Outcomes, and …" is a title.
    named = [p for p in parts if 2 <= len(p.split()) <= 3 and all(map(_starts_a_name, p.split()))]
    return len(parts) > 2 and len(named) >= 0.6 * len(parts)


_NICKNAMED_RE = re.compile(
    r"^(?:\*\*|__)(?P<nick>[^*_]{1,40}?)(?:\*\*|__)\s*[—–:-]\s+(?P<rest>\S.*)$"
)
_ET_AL_NAME_RE = re.compile(r"\b(?P<name>[A-Z][\w'’\-]+)\s+et\s+al\b")


_EMPHASIS_LEAD_RE = re.compile(r"^(?P<mark>\*|_)(?P<text>[^*_]+)(?P=mark)")


def _nicknamed(core: str) -> PaperRecord | None:
    """ "**GVP** — [Learning from Protein Structure …](…) (Jing et al., ICLR 2021)" or
    "**ESM-1b** — Biological structure … . Rives et al., *PNAS* 2021. [[paper]](…)": an
    awesome list's entry, a nickname in bold before the paper's own title."""
    match = _NICKNAMED_RE.match(core)
    if match is None or len(match["nick"].split()) > 4 or is_probably_title(match["nick"]):
        return None  # "**Reformer: The Efficient Transformer** - Authors": a bold title
    rest = match["rest"]
    byline = _EMPHASIS_LEAD_RE.match(rest)
    if byline is not None and names_only(byline["text"]):
        return None  # "**Deep Graph Infomax** - *Veličković, …, Hjelm*, ICLR": its authors
    for reader in (_vancouver, _quoted, _apa, _acm, _author_year_first, _bold):
        # "**Harmony** — Korsunsky I et al. Fast, sensitive … Nat Methods (2019).": a
        # whole citation follows the nickname, and its own reader knows its parts.
        paper = reader(rest)
        if paper is not None:
            return paper
    link = MARKDOWN_LINK_RE.match(rest)
    if link is not None and not link["image"] and not is_link_word(link["text"]):
        title, tail = visible_text(link["text"]), rest[link.end() :]
    else:
        title, _, tail = MARKDOWN_LINK_RE.sub("", rest).partition(". ")
    title = strip_decoration(title.strip().rstrip("."))
    named = _ET_AL_NAME_RE.search(tail)
    year = YEAR_RE.search(MARKDOWN_LINK_RE.sub("", tail))
    if not is_probably_title(title) or names_only(title) or not (named or year or link):
        return None
    paper = PaperRecord(title=title, year=int(year[1]) if year else None)
    paper.authors = [named["name"]] if named else []
    if link is not None and is_paper_url(link["url"].strip("<>")):
        add_link(paper, link["url"].strip("<>"))
    return paper


def _urls(text: str) -> list[str]:
    return [link.url for link in find_links(text) if is_paper_url(link.url)]


# How reading groups cite in a table cell: "Damas & Milner, Principal type-schemes for
# functional programs (POPL '82)", "*The essence of functional programming* — Wadler,
# POPL '92", "Featherweight Java (Igarashi, Pierce, Wadler — TOPLAS 2001)". The venue is
# an acronym and the year may be two digits: that is what sets them apart from prose.
_SURNAME = r"[A-ZÀ-Þ][\w'’]+(?:-[A-ZÀ-Þ][\w'’]+)?"
# "Silberzahn, Uhlmann, … Nosek": an ellipsis stands for the names left out.
_SURNAMES = rf"{_SURNAME}(?:\s*(?:,|&|\band\b)\s*(?:…\s*)?{_SURNAME})*(?:\s+et\s+al\.?)?"
# "Khandelwal et al. ICLR 2020", "Gao & Callan (2021)": who, where and when before a title.
_WHO_VENUE_YEAR_RE = re.compile(
    rf"^(?P<authors>{_SURNAMES})[,.]?\s+(?:(?P<venue>[A-Z][A-Za-z&]*[A-Z][A-Za-z&]*)\s+)?"
    r"\(?(?P<year>(?:19|20)\d{2})\)?[,:.—–-]?$"
)
# "The ambiguity paper (Piantadosi, Tily & Gibson, Cognition 2012) “The communicative …”":
# a nickname, then who, where and when in brackets, before the quoted title.
_NICKNAME_CITED_RE = re.compile(
    rf"\((?P<authors>{_SURNAMES}),\s*(?:(?P<venue>[A-Z][^(),]{{1,60}}?)\s+)?"
    r"(?P<year>(?:19|20)\d{2})\)\s*[:,—–-]?\s*$"
)
_ACRONYM_YEAR = r"(?P<venue>[A-Z][A-Za-z]*[A-Z][A-Za-z]*)\s*(?P<year>'\d{2}|(?:19|20)\d{2})"
_INFORMAL_RES = (
    re.compile(
        rf"^(?P<authors>{_SURNAMES}),\s+(?P<title>[^()]{{8,300}}?)(?:,\s*|\s*\(){_ACRONYM_YEAR}\)?\.?$"
    ),
    re.compile(
        rf"^[*_](?P<title>[^*_]{{8,300}})[*_]\s*[—–-]\s*(?P<authors>{_SURNAMES}),?\s+{_ACRONYM_YEAR}\.?$"
    ),
    re.compile(
        rf"^(?P<title>[^()]{{4,300}}?)\s*\((?P<authors>{_SURNAMES})\s*[—–,-]\s*{_ACRONYM_YEAR}\)\.?$"
    ),
)


# "**Karpicke & Blunt 2011, Science** — Retrieval Practice Produces …", "**Freeman et
# al. (2014) PNAS** Active learning …" or "Shute 2008 Focus on formative feedback (RER)":
# who and when first, as an outline or a to-read list jots a paper down, then the title.
# "N. Littlestone", "A. R. Calderbank & P. W. Shor": surnames after their initials.
_INITIALS = r"(?:[A-Z]\.\s?){1,3}\s*"
_INITIALED_SURNAMES = (
    rf"{_INITIALS}{_SURNAME}(?:\s*(?:,|&|\band\b)\s*{_INITIALS}{_SURNAME})*(?:\s+et\s+al\.?)?"
)
_AUTHOR_YEAR_FIRST_RE = re.compile(
    rf"^(?P<mark>\*\*|__)?(?P<authors>{_SURNAMES}|{_INITIALED_SURNAMES}),?\s+"
    # "(2018)", "2018" or, as a jotting names where too, "(ICML 2018)".
    r"(?:\((?P<venue0>[A-Z][\w.&]*(?:\s[A-Z][\w.&]*){0,2})\s+(?=(?:19|20)\d{2}[a-z]?\)))?"
    r"\(?(?P<year>(?:19|20)\d{2})[a-z]?\)?"
    r"(?:,?\s+(?P<venue>[A-Z][\w.&]*(?:\s[A-Z][\w.&]*){0,3}))??(?(mark)(?P=mark))"
    r"\s*[,—–:-]?\s+(?P<title>(?:\*\*|__|\*|_)?[A-Z][^\n]{6,400}?)"
    r"\s*(?:\((?P<venue2>[A-Z][\w .,&:–-]{1,40})\))?"
    r"(?P<tags>(?:\s+#[\w\-/]+)*)\s*$"
)


# After a title's full stop: its identifier, its address, or a journal with its volume.
_WHERE_OR_WHICH_RE = re.compile(
    r"^(?:(?i:doi|arxiv)\b|https?://|\{\{|\[|[A-Z][\w.&]*(?:\s[A-Z&][\w.&]*)*\.?\s+\d)"
)


def _author_year_first(core: str) -> PaperRecord | None:
    match = _AUTHOR_YEAR_FIRST_RE.match(core.strip())
    if match is None or (not match["mark"] and len(core.split()) > 30):
        return None
    title, venue_word = match["title"], ""
    emphasised = _EMPHASISED_START_RE.match(title)
    if emphasised:  # "Gu, Kelly & Xiu (2020) *Empirical Asset Pricing …*, Review of …"
        title, venue_word = emphasised["title"], _venue(emphasised["rest"].lstrip(" ,—–-"))
    else:
        title, venue_word = _title_after_venue(strip_decoration(title.strip(" .*_")))
    head, _, tail = title.partition(". ")
    if tail and _WHERE_OR_WHICH_RE.match(tail):
        # "Milner 1978 — A Theory of Type Polymorphism. doi:10.1016/…", "… 2020,
        # Backpropagation and the brain. Nat Rev Neurosci 21:335–346"
        title, venue_word = head, venue_word or _venue(tail)
    title = strip_decoration(title.strip(" .*_"))
    # Beside who, when and where, a short title is a title ("Building better batteries").
    stated_venue = match["venue0"] or match["venue"] or match["venue2"] or venue_word
    placed = bool(stated_venue) and len(title.split()) >= 2
    if not (is_probably_title(title) or placed) or _listed_names(title) or ". " in title:
        return None  # "Smith 2019 Showed it twice. Then …": a sentence, not a title
    authors = _surnames(match["authors"])
    return PaperRecord(
        title=title, authors=authors, year=int(match["year"]), venue=_venue(stated_venue)
    )


# Journals and venues a jotting names before the title, as a plain-text outline keeps
# "Freeman et al. (2014) PNAS Active learning …" once its bold is gone.
_LEADING_VENUE_RE = re.compile(
    r"^(?P<venue>PNAS|JAMA|NEJM|BMJ|PLOS(?: ONE)?|Nature|Science|Cell|Neuron|Lancet"
    r"|NeurIPS|NIPS|ICML|ICLR|CVPR|ICCV|ECCV|ACL|EMNLP|NAACL|AAAI|KDD)\b(?!:)\s*[—–-]?\s*"
)


def _title_after_venue(title: str) -> tuple[str, str]:
    """ "Science — Retrieval Practice …" → ("Retrieval Practice …", "Science"); a
    comment after a dash goes: "A statistical explanation of MaxEnt — [JC post](…)"."""
    venue = _LEADING_VENUE_RE.match(title)
    if venue and is_probably_title(title[venue.end() :]):
        return title[venue.end() :], venue["venue"]
    parts = re.split(r"\s+[—–]\s+", title, maxsplit=1)
    comment = len(parts) == 2 and (find_links(parts[1]) or len(parts[1].split()) <= 4)
    return (parts[0], "") if comment and is_probably_title(parts[0]) else (title, "")


def _informal(core: str) -> PaperRecord | None:
    for pattern in _INFORMAL_RES:
        match = pattern.match(core.strip())
        if match is None:
            continue
        title = strip_decoration(match["title"].strip(" ,.*_"))
        if names_only(title) or not title[:1].isupper():
            continue
        year = match["year"].lstrip("'")
        full = int(year) if len(year) == 4 else (2000 if int(year) < 40 else 1900) + int(year)
        authors = _surnames(match["authors"])
        return PaperRecord(title=title, authors=authors, year=full, venue=match["venue"])
    return None


# "Banerjee, Karlan & Zinman – Six Randomized Evaluations of Microcredit (2015). Notes…",
# "Attanasio, De Haas & Harmgart — The Impacts of … (2015) https://…": family names, a
# dash, the title, its year in brackets; then the person's notes or a link.
_PARTICLE_SURNAME = rf"(?:(?:[Dd]e|[Vv]an|[Vv]on|[Dd]i|[Dd]a|[Dd]el|[Ll]e|[Ll]a)\s)?{_SURNAME}"
_LOOSE_SURNAMES = (
    rf"{_PARTICLE_SURNAME}(?:\s*(?:,|&|\band\b)\s*{_PARTICLE_SURNAME})*(?:\s+et\s+al\.?)?"
)
_NAMES_DASH_TITLE_RE = re.compile(
    rf"^(?P<authors>(?:[A-Z][a-zß-ÿ]+\s)?{_LOOSE_SURNAMES})\s+(?:[–—]|-{{1,2}})\s+(?P<title>[^()|\[\]—–]{{8,300}}?)\s*"
    # "(1947)", or where and when: "(Ibis 89, 1947, parts I & II)"
    r"\((?:(?P<journal>[A-Z][\w.&' ]{1,60}?)\s\d{1,4},\s*)?(?P<year>(?:19|20)\d{2})(?:,[^()]*)?\)"
    r"(?:$|[.,;:]?\s+(?=\S)|\.$)"
)


# "Cantor, Chang, Knight & Vincent — Microstructural development in …, Materials Science
# and Engineering A 375–377 (2004) 213–218", "Miracle & Senkov, A critical review of …
# Acta Materialia 122 (2017) 448–511", "Gludovatz et al., A fracture-resistant … —
# https://www.science.org/doi/…": family names, the title, then the journal with its
# volume and (year), or the paper's own link.
_CLOSED_SURNAMES = (
    rf"{_PARTICLE_SURNAME}(?:\s*,\s*{_PARTICLE_SURNAME})*"
    rf"(?:,?\s*(?:&|\band\b)\s*{_PARTICLE_SURNAME}|\s+et\s+al\.?)"
)
_NAMES_THEN_TITLE_RE = re.compile(
    rf"^(?:(?P<listed>{_LOOSE_SURNAMES})\s+[—–-]\s+|(?P<closed>{_CLOSED_SURNAMES}),\s+)"
    r"(?P<title>[^—–()]{8,300}?)(?:[.,]\s+(?P<venue>[A-Z][^()—–]{1,80}?)\s+\d{1,4}(?:[–-]\d+)?"
    r"\s*\((?P<year>(?:1[89]|20)\d{2})\)|\s+[—–-]\s+(?P<url><?https?://\S+))"
)


# "Hildebrand et al. 1991 Geology 19: 867–871 — Chicxulub Crater: A possible …": who,
# when and where first, the title after a dash.
_CITED_THEN_TITLE_RE = re.compile(
    rf"^(?P<authors>{_LOOSE_SURNAMES}),?\s+\(?(?P<year>(?:1[89]|20)\d{{2}})\)?[,.]?\s+"
    r"(?P<venue>[A-Z][A-Za-z.&\s]{1,60}?)\s+\d{1,4}(?:\s*\(\d+\))?(?::\s*[\d–-]+)?"
    r"(?:[,.]?\s+[—–-]\s+(?P<title>[^—–]{8,300})$"
    # "Schulte et al. 2010, Science 327: 1214–1218. The Chicxulub Asteroid Impact …. 41
    # authors. doi:…": the title a sentence of its own after where it appeared.
    r"|\.\s+(?P<sentence>[A-Z][^.?!]{8,300}[.?!])(?:\s+\S.*)?$)"
)


_SENTENCE_OPENING_RE = re.compile(r"^(?:We|I|This|These|It|They|Our|My|Here)\b")


def _cited_then_title(core: str) -> PaperRecord | None:
    match = _CITED_THEN_TITLE_RE.match(core.strip())
    if match is None:
        return None
    title = strip_decoration((match["title"] or match["sentence"]).strip(" .*_"))
    if len(title.split()) < 2 or names_only(title):
        return None
    if match["sentence"] and (not is_probably_title(title) or _SENTENCE_OPENING_RE.match(title)):
        return None  # "… Nature 12: 3–4. We show that it works.": the notes begin
    return PaperRecord(
        title=title,
        authors=_surnames(match["authors"]),
        year=int(match["year"]),
        venue=_venue(match["venue"]),
    )


def _names_then_title(core: str) -> PaperRecord | None:
    match = _NAMES_THEN_TITLE_RE.match(core.strip())
    if match is None:
        return None
    title = strip_decoration(match["title"].strip(" .*_"))
    if len(title.split()) < 2 or names_only(title) or _listed_names(title):
        return None
    if re.search(r"[*_]|,\s*\d", title):
        return None  # "*Big Data's Disparate Impact*, 104 Calif": a law review's volume
    authors = _surnames(match["listed"] or match["closed"])
    if match["url"] is not None:
        if not is_paper_url(match["url"].strip("<>")):
            return None
        paper = PaperRecord(title=title, authors=authors)
        add_link(paper, match["url"].strip("<>"))
        return paper
    return PaperRecord(
        title=title, authors=authors, year=int(match["year"]), venue=_venue(match["venue"])
    )


def _names_dash_title(core: str) -> PaperRecord | None:
    match = _NAMES_DASH_TITLE_RE.match(core.strip())
    if match is None:
        return None
    # "… Rechargeable Lithium Batteries. J. Electrochem. Soc. 144, 1188 (1997)": the venue.
    title, _, venue = _SENTENCE_END_RE.sub("\0", match["title"], count=1).partition("\0")
    title = strip_decoration(title.strip(" .*_"))
    # A journal and volume beside the year vouch for a short title ("The significance of
    # clutch-size (Ibis 89, 1947)").
    vouched = is_probably_title(title) or (match["journal"] and len(title.split()) >= 3)
    if not vouched or _listed_names(title) or " - " in title:
        return None
    authors = _surnames(match["authors"])
    venue = venue or match["journal"] or ""
    return PaperRecord(title=title, authors=authors, year=int(match["year"]), venue=_venue(venue))


# ACS (chemistry): "Hori, Y.; Kikuchi, K.; Suzuki, S. Title. *Chem. Lett.* **1985**,
# *14*, 1695–1698." — "Family, I.;" names, the title, the italic journal, the bold year.
_ACS_NAME = r"[^\W\d][\w'’\- ]*?,\s(?:[A-Z]\.(?:\s?-?[A-Z]\.)*)"
_ACS_RE = re.compile(
    rf"^(?P<authors>{_ACS_NAME}(?:;\s{_ACS_NAME})*(?:;?\s(?:and\s)?{_ACS_NAME})?)\s+"
    # The title may be set in italics with its full stop inside: "_Title._ Nat. Mater."
    r"[*_]?(?P<title>[^*]{6,400}?)[.?!][*_]{0,2}\s+[*_]?(?P<venue>[^*_]{2,120}?)[*_]?,?\s+"
    r"(?:\*\*|__)?(?P<year>(?:19|20)\d{2})(?:\*\*|__)?"
)


# Nature's style: "Attia, P.M., Grover, A., Jin, N. et al. Title. Nature 578, 397–402
# (2020)." or "Tarascon, J.-M. & Armand, M. Title. Nature 414, 359–367 (2001)."
_NATURE_NAME = r"[A-ZÀ-Þ][\w'’\-]+,\s?(?:[A-Z]\.\s?(?:-?[A-Z]\.\s?)*)"
_NATURE_RE = re.compile(
    rf"^(?P<authors>{_NATURE_NAME}(?:,?\s*(?:&\s|and\s)?{_NATURE_NAME})*)\s*(?:et\sal\.\s*)?"
    r"(?P<title>[A-Z][^.?!]{5,400}[.?!])\s+(?P<rest>.*\((?P<year>(?:19|20)\d{2})\).*)$"
)


def _nature(core: str) -> PaperRecord | None:
    match = _NATURE_RE.match(MARKDOWN_LINK_RE.sub(lambda m: m["text"], core))
    if match is None:
        return None
    names = re.findall(_NATURE_NAME, match["authors"])
    authors = [f"{n.split(',', 1)[1].strip()} {n.split(',', 1)[0].strip()}" for n in names]
    venue = _venue(match["rest"][: match["rest"].rfind("(")])
    title = strip_decoration(match["title"].rstrip(".").strip())
    return PaperRecord(title=title, authors=authors, year=int(match["year"]), venue=venue)


def _acs(core: str) -> PaperRecord | None:
    match = _ACS_RE.match(core)
    if match is None:
        return None
    names = [n.strip() for n in re.split(r";\s(?:and\s)?|\sand\s", match["authors"])]
    if not all("," in name for name in names):
        return None  # "… and Ω" is no "Family, I." name: not this style after all
    authors = [f"{n.split(',', 1)[1].strip()} {n.split(',', 1)[0].strip()}" for n in names]
    title = strip_decoration(match["title"].strip())
    return PaperRecord(
        title=title, authors=authors, year=int(match["year"]), venue=match["venue"].strip(" .")
    )


def _bold(core: str) -> PaperRecord | None:
    candidates = [*_BOLD_RE.finditer(core), *_ITALIC_RE.finditer(core)]
    # Names set in bold ("**N. Kamaya, …, A. Mitsui** *A lithium …*") are no title.
    match = next((m for m in candidates if not _listed_names(m["title"])), None)
    if match is None or not core[: match.start()].strip():
        return None  # a bold line alone is a heading or emphasis, not a citation
    before, after = core[: match.start()], core[match.end() :]
    parts = _SENTENCE_END_RE.split(before.strip(), maxsplit=1)
    italic = match.re is _ITALIC_RE
    # "(2018) –" after "Camerer et al." is the year, not a title sentence.
    sentence = parts[1].strip(" .–—-") if len(parts) == 2 else ""
    words = len(re.findall(r"[^\W\d]{2,}", sentence))
    if italic and words >= 2 and _authors(parts[0]) and not sentence.startswith("("):
        # "Leslie Lamport. Paxos Made Simple. *ACM SIGACT News* 32(4), 2001": the title
        # is the sentence after the names, and the italics are where it appeared.
        return _assemble(parts[0], parts[1], f"{match['title']}. {after}")
    return _assemble(before, match["title"], after)


def _acm(core: str) -> PaperRecord | None:
    """ACM's reference format: "Leslie Lamport. 1978. Time, Clocks, and the Ordering of
    Events in a Distributed System. Commun. ACM 21, 7 (July 1978), 558–565. https://…"."""
    match = _ACM_RE.match(MARKDOWN_LINK_RE.sub(lambda m: m["text"], core))
    if match is None:
        return None
    paper = _assemble(match["authors"], match["title"], f"{match['rest']} ({match['year']})")
    if paper is not None:
        paper.year = int(match["year"])
    return paper


def _bold_first(core: str) -> PaperRecord | None:
    """ "**Title** - Authors. Venue 2020 [[paper]](…)": an awesome-list entry; or
    "*Title* — Sherwood, Webb, …, Zelinka. Rev. Geophys. 2020. doi:…" in italics."""
    match = _BOLD_FIRST_RE.match(core)
    if match is None or _listed_names(match["title"]):
        return None  # "**N. Kamaya, K. Homma, …** *A lithium superionic conductor.*"
    if match["title"].rstrip().endswith(":"):
        return None  # "**Background reading:** Furukawa et al. *Science* 2013": a label
    rest = match["rest"]
    # The names end at the first full stop that does not close an initial ("E. Peters"),
    # or at a dash or bracket before the venue ("… Niki Parmar — NeurIPS 2017").
    parts = _SENTENCE_END_RE.split(MARKDOWN_LINK_RE.sub("", rest), maxsplit=1)
    names, tail = parts[0], parts[1] if len(parts) > 1 else ""
    dashed = re.split(r"\s+[—–-]\s+|\s*\(", names, maxsplit=1)
    if len(dashed) > 1:
        names, tail = dashed[0], f"{dashed[1]} {tail}".strip()
    authors = _authors(names) if tail or YEAR_RE.search(rest) else []
    if not authors and YEAR_RE.search(rest):
        authors, tail = _names_before_venue(names, tail)
    has_paper_link = any(is_paper_url(link.url) for link in find_links(match["title"] + rest))
    year = YEAR_RE.search(MARKDOWN_LINK_RE.sub("", rest))
    if not (has_paper_link or (authors and year)):
        return None
    title, links = _unlinked(match["title"])
    paper = PaperRecord(title=title, authors=authors, year=int(year[1]) if year else None)
    for url in links:
        add_link(paper, url)
    venue_text = tail if tail else ""
    venue_year = YEAR_RE.search(venue_text)
    paper.venue = _venue(venue_text[: venue_year.start()] if venue_year else venue_text)
    return paper


# "Moggi, Notions of computation and monads. Inf. & Comp. 93(1), 1991.", "Pierce &
# Turner, Local type inference. TOPLAS 22(1), 2000": family names, a comma, the title.
_NAMES_COMMA_TITLE_RE = re.compile(
    rf"^(?P<authors>{_LOOSE_SURNAMES}),\s+(?P<title>[^.?!]{{8,300}}[?!]?)\.?\s+"
    r"(?P<rest>\S.*\b(?P<year>(?:19|20)\d{2})\b.*)$"
)


_NAMES_FIRST_RE = re.compile(
    rf"^(?P<authors>{_PARTICLE_SURNAME}(?:\s*(?:,|&|\band\b)\s*{_PARTICLE_SURNAME})*"
    r"(?:\s*(?:&|\band\b)\s*\S+|\s+et\s+al\.?)),\s+(?P<title>\S.*)$"
)


def read_names_then_title(text: str) -> PaperRecord | None:
    """ "Pierce & Turner, Local Type Inference" in a table's title cell: the names (two or
    more, or "et al.") and the title after them; None when the text opens otherwise."""
    match = _NAMES_FIRST_RE.match(text.strip())
    if match is None:
        return None
    title = re.sub(r"\s*\([^()]*\)\s*$", "", match["title"]).strip(" .")
    # After its authors, "Local Type Inference" is a title, short as it is.
    if len(title.split()) < 3 or title[:1].islower() or _listed_names(title):
        return None
    paper = PaperRecord(title=title, authors=_surnames(match["authors"]))
    add_identifiers(paper, text)  # "… (arXiv:1306.6032)"
    return paper


_SEPARATED_RE = re.compile(r"[·|•]|\b(?:19|20)\d{2}\b")


def _names_comma_title(core: str) -> PaperRecord | None:
    match = _NAMES_COMMA_TITLE_RE.match(core.strip())
    if match is None or not _WHERE_OR_WHICH_RE.match(match["rest"]):
        return None
    title = strip_decoration(match["title"].strip())
    # Before a venue with its volume and year, a short title is a title too.
    if len(title.split()) < 2 or title[:1].islower() or _listed_names(title):
        return None
    if _SEPARATED_RE.search(title) or re.search(r"(?:&|\band)$", title):
        return None  # "Ho, Jain, Abbeel · NeurIPS 2020", "Kasting, Whitmire & Reynolds 1993"
    venue = _venue(match["rest"][: match["rest"].find(match["year"])])
    authors = _surnames(match["authors"])
    return PaperRecord(title=title, authors=authors, year=int(match["year"]), venue=venue)


# Chicago author-date, as pandoc and Zotero render it: "Fu, Liang, C. L. Kane, and E. J.
# Mele. 2007. “Topological Insulators in Three Dimensions.” *Physical Review Letters* 98
# (10): 106803." or, for a book, "Bernevig, B. Andrei, and Taylor L. Hughes. 2013.
# *Topological Insulators and Topological Superconductors*. Princeton: …".
_AUTHOR_DATE_RE = re.compile(
    r"^(?P<authors>(?:\b[A-Z]\.|[^.“”\"]){2,400}?)\.\s+(?P<year>(?:19|20)\d{2})[a-z]?\.\s+"
    r"(?:[“\"](?P<quoted>[^”\"]{6,400}?)[.?!]?[”\"]|(?P<mark>[*_])(?P<set>[^*_]{6,400}?)(?P=mark))"
    r"\s*(?P<rest>.*)$"
)


def _uninverted(names: str) -> str:
    """ "Fu, Liang, C. L. Kane, and E. J. Mele" → "Liang Fu, C. L. Kane, and E. J. Mele":
    only the first author is written family name first."""
    family, _, rest = names.partition(", ")
    given, _, others = rest.partition(", ")
    if not given or given.startswith("and "):
        return names
    return f"{given} {family}" + (f", {others}" if others else "")


def _author_date(core: str) -> PaperRecord | None:
    match = _AUTHOR_DATE_RE.match(core.strip())
    if match is None:
        return None
    title = strip_decoration((match["quoted"] or match["set"] or "").strip().rstrip("."))
    authors = _authors(_uninverted(match["authors"])) if match["authors"].strip("—–- ") else []
    if not title or not (authors or match["authors"].startswith(("——", "--"))):
        return None  # "———. 2008. “…”": the same authors as the entry above
    venue = _venue(match["rest"].lstrip(". ")) if match["quoted"] else ""
    return PaperRecord(title=title, authors=authors, year=int(match["year"]), venue=venue)


# "Purely sequence-trained neural networks for ASR based on lattice-free MMI — Daniel
# Povey, Vijayaditya Peddinti, …, Sanjeev Khudanpur. Interspeech 2016.": the title, a
# dash, the names in full, then where and when.
_TITLE_DASH_RE = re.compile(r"^(?P<title>[^—–|]{10,300}?)\s+[—–]\s+(?P<rest>[A-ZÀ-Þ][^|]*)$")


def _title_dash_names(core: str) -> PaperRecord | None:
    match = _TITLE_DASH_RE.match(core.strip())
    if match is None:
        return None
    title = strip_decoration(match["title"].strip())
    if not is_probably_title(title) or _listed_names(title):
        return None
    names, _, tail = _SENTENCE_END_RE.sub("\0", match["rest"], count=1).partition("\0")
    year = YEAR_RE.search(tail)
    authors = _authors(names) if year else []
    if not authors:
        return None
    venue = _venue(tail[: year.start()]) if year else ""
    year_number = int(year[1]) if year else None
    return PaperRecord(title=title, authors=authors, year=year_number, venue=venue)


def _names_before_venue(text: str, tail: str) -> tuple[list[str], str]:
    """ "Kasper Hornbæk, Int. J. Human-Computer Studies 64" — names, then the venue after
    a comma: the longest run of leading parts that are names, and the rest."""
    parts = text.split(", ")
    for cut in range(len(parts) - 1, 0, -1):
        authors = _authors(", ".join(parts[:cut]))
        if authors:
            return authors, f"{', '.join(parts[cut:])} {tail}".strip()
    return [], tail


def _unlinked(title: str) -> tuple[str, list[str]]:
    """ "[Title](url)" set in bold: the title, and the link beside it."""
    links = [m["url"].strip("<>") for m in MARKDOWN_LINK_RE.finditer(title) if not m["image"]]
    text = MARKDOWN_LINK_RE.sub(lambda m: m["text"], title)
    return strip_decoration(text.strip().rstrip(".,:")), links


# "Levine, Finn, Darrell, Abbeel. Title. JMLR 2016." or "Kalashnikov et al. Title. …":
# family names alone, several or with "et al.", then the title sentence.
_SURNAMES_DOTTED_RE = re.compile(
    r"^(?P<authors>[A-ZÀ-Þ][\w'’\-]+(?:(?:,\s(?:and\s)?|,?\s&\s|\sand\s)[A-ZÀ-Þ][\w'’\-]+)+"
    r"|[A-ZÀ-Þ][\w'’\-]+\set\sal)"
    # "Hoffman, Kaufman, Halverson & Schrag 1998. A Neoproterozoic snowball Earth. …"
    r"(?:,?\s+\(?(?P<year>(?:19|20)\d{2})\)?)?"
    r"(?:\.|\s[—–])\s+(?P<title>[^.?!]{6,400}[.?!])\s+(?P<rest>\S.*)$"
)


def _dotted(core: str) -> PaperRecord | None:
    """ "T. N. Kipf, M. Welling. Semi-Supervised Classification with Graph Convolutional
    Networks. ICLR 2017. arXiv:1609.02907": names, a full stop, the title, the venue."""
    text = MARKDOWN_LINK_RE.sub(lambda m: m["text"], core)
    match = _DOTTED_RE.match(text) or _SURNAMES_DOTTED_RE.match(text)
    if match is None:
        return None
    title = match["title"].rstrip(".").strip()
    first = title.split()[0] if title.split() else ""
    if len(title.split()) < 2 or (first.isalpha() and first.islower()):
        return None  # "Cunningham et al. is the open-source version …": a sentence
    # "Hauser, Chomsky & Fitch. The Faculty of Language … ? Science 298 (5598): 1569–1579.":
    # a journal's volume and pages say where it appeared, even with no year written.
    where = _URL_RE.sub("", MARKDOWN_LINK_RE.sub("", match["rest"])).strip()
    dated = not _JOURNAL_VOLUME_RE.match(where)
    year = match.groupdict().get("year")
    leading = _LEADING_YEAR_RE.match(title)  # "Cepeda et al. 2006 Distributed practice …"
    if leading and not year:
        year, title = leading[0].strip(" ().,"), title[leading.end() :]
        if len(title.split()) < 2 or not title[:1].isalpha():
            return None  # "Zhang et al. 2014 (Prog. Mater. Sci. …": no title follows
    rest = f"{match['rest']} ({year})" if year else match["rest"]
    return _assemble(match["authors"], title, rest, need_year=dated and not year)


# "The Origin of Speech — Scientific American 203(3), Sept 1960, pp. 88–96": a title, a
# dash, then where it appeared (a volume and issue) and when.
_TITLE_DASH_VENUE_RE = re.compile(r"^(?P<title>[^—–]{8,300}?)\s+[—–]\s+(?P<rest>[A-Z].*)$")


def _title_dash_venue(core: str) -> PaperRecord | None:
    match = _TITLE_DASH_VENUE_RE.match(core.strip())
    if match is None:
        return None
    rest = _URL_RE.sub("", match["rest"])
    volume, year = _VOLUME_ISSUE_RE.search(rest), _PUBLISHED_YEAR_RE.search(rest)
    title = strip_decoration(match["title"].strip(" .*_"))
    # A short title ("The Origin of Speech") counts: the volume and year vouch for it.
    if volume is None or year is None or len(title.split()) < 2 or names_only(title):
        return None
    venue = rest[: volume.start()]
    if not venue.strip() or len(venue.split()) > _MAX_VENUE_WORDS:
        return None
    return PaperRecord(title=title, year=int(year[1]), venue=_venue(venue))


_MAX_VENUE_WORDS = 8


def _linked(core: str) -> PaperRecord | None:
    """ "Authors. [Title](url). Venue Year." — the title is the link's text."""
    for match in MARKDOWN_LINK_RE.finditer(core):
        if match["image"] or not core[: match.start()].strip().endswith((".", ",", ":")):
            continue
        if is_link_word(match["text"]):
            continue  # "[arXiv:1312.6114](…)" names where the paper is, not its title
        url = match["url"].strip("<>")
        # A paper's own link vouches for the entry when no year is written.
        paper = _assemble(
            core[: match.start()],
            match["text"],
            core[match.end() :],
            need_year=not is_paper_url(url),
        )
        if paper is not None:
            add_link(paper, match["url"].strip("<>"))
            return paper
    return None


def _apa(core: str) -> PaperRecord | None:
    match = _APA_RE.match(MARKDOWN_LINK_RE.sub(lambda m: m["text"], core))
    if match is None:
        return None
    title = _EDITION_RE.sub("", match["title"].rstrip(".").strip())
    paper = _assemble(match["authors"], title, f"{match['rest']} ({match['year']})")
    if paper is not None:
        paper.year = int(match["year"])
    return paper


def _assemble(before: str, title: str, after: str, *, need_year: bool = True) -> PaperRecord | None:
    title = strip_decoration(title.strip().strip("*_").rstrip(".,").strip()).replace(_HELD_DOT, ".")
    if _VENUE_PHRASE_RE.match(title) or _is_venue(title):
        return None  # "NeurIPS 2018 best paper", "Foundations and Trends in Databases 1(2), 2007"
    authors = _authors(before)
    tail = MARKDOWN_LINK_RE.sub("", after)
    year = YEAR_RE.search(tail) or _VENUE_SHORT_YEAR_RE.search(tail)
    if not title or not authors or (year is None and need_year):
        return None
    paper = PaperRecord(title=title, authors=authors, year=_full_year(year[1]) if year else None)
    paper.venue = _venue(tail[: year.start()] if year else tail)
    if year is not None and year.re is _VENUE_SHORT_YEAR_RE:
        paper.venue = year[0].split("'")[0].split("’")[0].strip()
    return paper


# "In *STOC '08*": a venue's acronym and the year's last two digits.
_VENUE_SHORT_YEAR_RE = re.compile(r"\b[A-Z][A-Za-z]*[A-Z][A-Za-z]*\s*['’](\d{2})\b")


def _full_year(digits: str) -> int:
    if len(digits) == 4:
        return int(digits)
    return (2000 if int(digits) < 40 else 1900) + int(digits)


def _authors(before: str) -> list[str]:
    text = MARKDOWN_LINK_RE.sub("", before).strip().strip("*_ ").rstrip(".,:")
    text = _TRAILING_ET_AL_RE.sub("", strip_decoration(text))  # "Hausfather et al., *Title*"
    words = text.split()
    if not words or len(words) > _MAX_AUTHOR_WORDS or not _starts_a_name(words[0]):
        return []
    parts = [part.strip() for part in re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", text)]
    parts = [
        part
        for part in parts
        if part and part.casefold() not in ("et al", "et al.") and part not in ("…", "...")
    ]
    # "Klein, Vianello, … Nosek": the names left out are no name, the last one is.
    parts = [part.removeprefix("…").removeprefix("...").strip() for part in parts]
    if all(_VANCOUVER_NAME_RE.fullmatch(part) for part in parts):
        return [_vancouver_name(part) for part in parts]  # "Hafemeister C, Satija R (2019)"
    if any(_INITIALS_RE.match(part) for part in parts[1::2]) and len(parts) > 1:
        # APA: "Mnih, V., Kavukcuoglu, K." — a family name, then its initials.
        pairs = zip(parts[::2], parts[1::2], strict=False)
        return [f"{first} {last}" for last, first in pairs]
    if len(parts) > 1 and all(len(part.split()) == 1 for part in parts):
        return parts  # "Wright and Felleisen", "Damas & Milner": family names alone
    full_names_follow = any(len(part.split()) > 1 for part in parts[2:])
    if full_names_follow and len(parts[0].split()) == 1 and len(parts[1].split()) <= 2:
        # MLA: "LeCun, Yann, Yoshua Bengio, and Geoffrey Hinton" — only the first inverted.
        parts = [f"{parts[1]} {parts[0]}", *parts[2:]]
    names = parse_authors(", ".join(parts)) if parts else []
    if not names or not all(_reads_like_a_name(name) for name in names):
        return []  # "Curvature in years 20–150 → *pattern effect*": prose before emphasis
    return names


_TRAILING_ET_AL_RE = re.compile(r",?\s+et\s+al\.?$")


def _reads_like_a_name(name: str) -> bool:
    words = name.split()
    return 0 < len(words) <= 5 and all(_starts_a_name(w) and not _DIGIT_RE.search(w) for w in words)


_DIGIT_RE = re.compile(r"\d")


def _starts_a_name(word: str) -> bool:
    return word[:1].isupper() or word.casefold() in _PARTICLES


def _venue(text: str) -> str:
    if re.match(r"[\s.,;]*[—–-]\s", text):
        return ""  # '"Title" — a good place to start': a comment, not where it appeared
    text = _URL_RE.sub("", _ID_TOKEN_RE.sub("", MARKDOWN_LINK_RE.sub("", text)))
    text = _first_sentence(text.strip())
    text = re.split(r"\s[—–]\s", text)[0]  # "*Nature* 13: 792 — (PN)": a comment follows
    text = re.sub(r"\b\d+(?:\.\d+)*(?:\s*[:(][\d\-–() ]*)?", "", text)
    # "*Quarterly Journal of Economics* 70 (1): 65–94" leaves "… Economics* (): –"
    return strip_decoration(text.strip(" .,;:()[]*–-")).strip(" .,;:()*_")[:200]


# "Rev. Geophys.", "Proc. Natl. Acad. Sci.", "J. Atmos. Sci.": a journal's abbreviated
# words end in full stops that do not end its name.
_ABBREVIATED_WORD_RE = re.compile(r"\b[A-Z][a-z]{0,6}$")
_WHOLE_JOURNAL_NAMES = frozenset(
    {"Cell", "Gut", "Blood", "Brain", "Heart", "Lung", "Nature", "Neuron", "Science", "Cancer"}
)


def _first_sentence(text: str) -> str:
    for stop in re.finditer(r"\.\s+", text):
        word = _ABBREVIATED_WORD_RE.search(text[: stop.start()])
        next_word = text[stop.end() : stop.end() + 1]
        if not word or word[0] in _WHOLE_JOURNAL_NAMES or not next_word.isupper():
            return text[: stop.start()]
    return text


def identifiers_in(text: str) -> set[tuple[str, str]]:
    """The (kind, value) of every arXiv id and DOI written in ``text``."""
    found = (identify(token.rstrip(".,;)")) for token in _ID_TOKEN_RE.findall(text))
    return {(i.kind, i.value) for i in found if i is not None and i.kind in ("arxiv", "doi")}


def add_identifiers(paper: PaperRecord, core: str) -> None:
    """The paper links, arXiv ids and DOIs written in ``core``, where the paper has none."""
    for link in find_links(core):
        if is_paper_url(link.url):
            add_link(paper, link.url)
    for token in _ID_TOKEN_RE.findall(core):
        identifier = identify(token.rstrip(".,;)"))
        if identifier is None:
            continue
        if identifier.kind == "arxiv" and not paper.arxiv_id:
            paper.arxiv_id = identifier.value
        elif identifier.kind == "doi" and not paper.doi:
            paper.doi = identifier.value


_SEGMENT_SPLIT_RE = re.compile(r"\s+[—–=·|]\s+|\s+-{1,3}\s+|(?<!\bal)(?<!\b[A-Z])\.\s+|;\s+")
_SET_APART_RE = re.compile(
    r"[\"“](?P<q>[^\"“”]{6,400})[\"”]|(?:\*\*|__)(?P<b>[^*_]{6,400}?)(?:\*\*|__)"
    r"|(?<![*\w])\*(?P<i>[^*]{6,400}?)\*(?![*\w])"
)
_BRACKETED_RE = re.compile(r"\s*[(\[][^()\[\]]*[)\]]")
_LEADING_YEAR_RE = re.compile(r"^\(?(?:19|20)\d{2}[a-z]?\)?[,:.]?\s+")


def read_identified_line(text: str) -> PaperRecord | None:
    """A line that gives a paper's identifier with its title and authors in no set order
    ("Schulman, Levine — Trust Region Policy Optimization (ICML 2015) [arxiv](…)",
    "Hessel et al., AAAI 2018 — 1710.02298"): the identifier, and the title when one of
    its parts reads like one ("" when none does: the heading above names it)."""
    if says_not_read(text):
        return None
    core = " ".join(_NUMBER_RE.sub("", text, count=1).split())
    paper = PaperRecord(title="")
    add_identifiers(paper, core)
    found = _BARE_ID_RE.search(core)
    bare = identify(found[1]) if found else None
    if bare is not None and bare.kind == "arxiv" and not paper.arxiv_id:
        paper.arxiv_id = bare.value
    if not (paper.arxiv_id or paper.doi or paper.openreview_id):
        return None
    year = YEAR_RE.search(_URL_RE.sub("", _ID_TOKEN_RE.sub("", core)))
    paper.year = int(year[1]) if year else None
    paper.title = title_part(_up_to_identifier(core))
    return paper


_NOTES_AFTER_WORDS = 12


def _up_to_identifier(core: str) -> str:
    """The citation part of a line: up to its link or identifier. Prose after that
    ("… [paper](…). 18 datasets, zero-shot. BM25 is …") is the person's notes, which
    hold no title; a short tail may ("arXiv 2112.09118 — Contriever: …")."""
    found = [m.end() for m in (MARKDOWN_LINK_RE.search(core), _ID_TOKEN_RE.search(core)) if m]
    if not found or len(core[min(found) :].split()) <= _NOTES_AFTER_WORDS:
        return core
    return core[: min(found)]


# "— 1710.02298" or "arXiv 1602.01783": a new-style arXiv id standing on its own.
_BARE_ID_RE = re.compile(
    r"(?:^|[\s(—–-])(?:arxiv\s*:?\s*)?(\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})"
    r"(?:v\d+)?(?=$|[\s).,;])",
    re.I,
)


_BARE_ID_TOKEN_RE = re.compile(r"\b(?:\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?\b")


def title_part(core: str) -> str:
    plain = MARKDOWN_LINK_RE.sub(
        lambda m: "" if m["image"] or is_link_word(m["text"]) else m["text"], core
    )
    plain = _BARE_ID_TOKEN_RE.sub("", _URL_RE.sub("", _ID_TOKEN_RE.sub("", plain)))
    for match in _SET_APART_RE.finditer(plain):
        title = strip_decoration((match["q"] or match["b"] or match["i"]).strip().rstrip(".,"))
        # Set apart beside an identifier, a short title is a title: "**Conformalized
        # Quantile Regression** — Romano, …, NeurIPS 2019 (arXiv 1905.03222)".
        words = [word for word in title.split() if len(word) >= 3 and word.isalpha()]
        if is_byline(title):
            continue  # "_Jason Wei, Xuezhi Wang, …, Denny Zhou — NeurIPS 2022_": who, not what
        if is_probably_title(title) or (len(words) >= 3 and not names_only(title)):
            return title
    for piece in _SEGMENT_SPLIT_RE.split(plain):
        if _is_venue(piece):
            continue  # "Foundations and Trends in Databases 1(2), 2007"
        # "Title, Mnih et al., ICML 2016" or "Haarnoja et al. 2018, Title": either side.
        for segment in _ET_AL_RE.split(_BRACKETED_RE.sub("", piece)):
            segment = _LEADING_YEAR_RE.sub("", segment.strip(" ,.:*_"))
            segment = _TRAILING_VENUE_YEAR_RE.sub("", segment)  # "…terrain, Sci. Robot. 2020"
            segment = strip_decoration(segment.strip(" ,.:*_"))
            if is_probably_title(segment) and not names_only(segment) and not _is_venue(segment):
                return segment
    return ""


_TRAILING_VENUE_YEAR_RE = re.compile(
    r",\s+[A-Z][\w.&'’]*(?:\s+[A-Z\d][\w.&'’]*){0,5},?\s+\(?(?:19|20)\d{2}\)?\s*$"
)
_ET_AL_RE = re.compile(r",?\s*(?:[A-Z][\w'’\-]+\s+){1,2}et\s+al\.?,?\s*(?:(?:19|20)\d{2}\b,?)?")
_VENUE_WORDS_RE = re.compile(
    r"\b(?:workshop|conference|proceedings|symposium|journal|transactions|letters)\b"
    r"|^(?:NeurIPS|NIPS|ICML|ICLR|CVPR|ICCV|ECCV|ACL|EMNLP|NAACL|AAAI|IJCAI|KDD|Nature|Science)\b",
    re.IGNORECASE,
)


def _is_venue(segment: str) -> bool:
    """ "NIPS Deep Learning Workshop 2013" or "JMLR 9:371–421": where the paper appeared,
    not its title."""
    if _VOLUME_PAGES_RE.search(segment) or (_ISSUE_RE.search(segment) and YEAR_RE.search(segment)):
        return True
    return bool(YEAR_RE.search(segment) and _VENUE_WORDS_RE.search(segment))


_ISSUE_RE = re.compile(r"\b\d+\(\d+\)")  # "1(2)": a volume and its issue
_VOLUME_PAGES_RE = re.compile(r"\b\d+(?:\(\d+\))?:\s?\d+(?:[–-]\d+)?\b")


def read_card(lines: list[str]) -> PaperRecord | None:
    """A paper set out over lines, as programmes and publication pages print one:
    "Title" / "Authors, …, et al." / "[arXiv](…) [code](…) [samples](…)". The first
    line is a title with no link; the links below are buttons (a word or two) and one of
    them goes to a paper."""
    if len(lines) < 2 or find_links(lines[0]) or read_labelled_fields(lines[:1]):
        return None  # "Authors: Juan Maldacena" / "DOI: …": fields, read as fields
    title = strip_decoration(_NUMBER_RE.sub("", lines[0].strip(), count=1).strip().strip("*_"))
    cited = _AUTHOR_YEAR_FIRST_RE.match(title)
    if cited:  # "Hattie & Timperley 2007 — The Power of Feedback"
        title = strip_decoration(cited["title"].strip(" .*_"))
    elif YEAR_RE.search(title):  # "Title — Kang Xu, Chem. Rev. 2004, 104, 4303–4418"
        title = title_part(title)  # "" for "Names. Venue 1(2), 2007.": no title there
    links = [link for line in lines[1:] for link in find_links(line)]
    identified = any(classify_url(link.url).kind in ("arxiv", "doi") for link in links)
    # Over its own DOI or arXiv link, a short title is a title ("The Power of Feedback").
    short = identified and len(title.split()) >= 2
    if not (is_probably_title(title) or short) or ("," in title and names_only(title)):
        return None  # ("Simple and Controllable Music Generation" is no pair of names)
    # A button says a word or two ("[arXiv]", "[code]"), or is the bare address.
    buttons = [link for link in links if len(link.text.strip("[]() ").split()) <= 2]
    if not links or len(buttons) < len(links) or not any(is_paper_url(b.url) for b in buttons):
        return None  # prose with links in it, or buttons that go to no paper
    paper = paper_from_link(title, buttons[0].url, [button.url for button in buttons[1:]])
    for line in lines[1:]:
        names = _ET_AL_TAIL_RE.sub("", line.strip()).strip(" .,")
        if not find_links(line) and names_only(names):
            paper.authors = parse_authors(names)
            break
    return paper


_NAMES_END_RE = re.compile(r"\s+[—–·|-]\s+|\s*\(|(?<!\b[A-Z])(?<!\bal)\.\s+|;\s+")


# A line that cannot end a field: a list of names or words going on ("Freeman GJ,",
# "Smith and"), and the lower-case words that may start a surname ("van der Waals").
# A line cut mid-list ("…, Freeman GJ,") or mid-phrase ("We will also talk about").
_GOES_ON_RE = re.compile(
    r"(?:[,;&]|\band|\bet|\b(?:about|of|the|a|an|to|with|for|from|by|in|on))\s*$"
)
_NAME_PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "di", "du", "le", "la", "dos"})


def _cites_on_its_own(line: str) -> bool:
    """A line that is a whole citation (names, year, title): no title of a layout."""
    # 'Corey, Bakshi, Shibata - "Highly enantioselective …"': names and a quoted title,
    # the journal and year on the next line.
    named = _NAMES_THEN_QUOTED_RE.match(line.strip())
    if named and names_only(named["names"]):
        return True
    cited = read_citation(line)
    return cited is not None and bool(cited.authors and cited.year and cited.title)


_NAMES_THEN_QUOTED_RE = re.compile(
    r"^(?P<names>[^\"“]{3,120}?)\s*[-—–:,]\s*[\"“][^\"“”]{8,}[\"”]\W*$"
)


def is_wrapped(lines: list[str]) -> bool:
    """Lines that are one sentence wrapped by the editor, not fields set one per line:
    a line ends in the middle of a list ("…, Freeman GJ,") or the next one carries on
    in lower case ("… during chronic" / "viral infection. Nature 439")."""
    for line, after in pairwise(lines):
        if _GOES_ON_RE.search(line.rstrip()):
            return True
        word = after.strip().split(" ", 1)[0].rstrip(".,;:")
        ended = line.rstrip().endswith((".", ":", "!", "?"))
        if word.isalpha() and word.islower() and word not in _NAME_PARTICLES and not ended:
            return True
    return False


_LIST_ITEM_START_RE = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s")
_LABELLED_LINE_RE = re.compile(r"^(?P<key>[A-Z][A-Za-z]{0,15}(?: [A-Za-z]{1,15})?)\s*:\s+\S")
_AUTHOR_LABEL_RE = re.compile(r"^(?:authors?|by|written by|with)$", re.IGNORECASE)


def read_title_over_authors(lines: list[str]) -> PaperRecord | None:
    """A title and its authors on lines of their own, either way up, then where it
    appeared: "Deep learning to represent subgrid processes in climate models" / "Rasp,
    Pritchard, Gentine — PNAS 2018 — arXiv:1806.04731", or "P. G. Bruce, S. A.
    Freunberger, …" / "Li–O2 and Li–S batteries … — Nature Materials 11 (2012)"."""
    if not 2 <= len(lines) <= 3 or any(find_links(line) for line in lines[:2]):
        return None
    if any(_LIST_ITEM_START_RE.match(line) for line in lines[1:2]):
        return None  # "**DiD with staggered timing**" over "- Goodman-Bacon (2021); …": a label
    if NOT_A_PAPER_LABEL_RE.match(lines[0].strip()):
        return None  # "35C3 talk: “A Christmas Carol …”" over who gave it: no paper
    if is_wrapped(lines) or _cites_on_its_own(lines[0]):
        return None  # one citation over lines: read whole, as a citation
    first, second = (strip_decoration(line.strip().strip("*_")) for line in lines[:2])
    labelled = _LABELLED_LINE_RE.match(second)
    if labelled and not _AUTHOR_LABEL_RE.match(labelled["key"]):
        return None  # "Instructor: Prof. H. Lindqvist" over "TA: Priya (Thu 4-5pm)": fields
    cited = _WHO_AND_WHEN_RE.match(first)
    journal = _VOLUME_INSIDE_RE.search(second)  # "*Psychological Science* 22(11), …"
    if cited and is_probably_title(second) and not journal and not second.endswith((".", ":", "!")):
        # "Kasting, Whitmire & Reynolds 1993 (Icarus 101)" over "Habitable Zones around …"
        authors = _surnames(cited["authors"])
        venue = _venue(cited["venue"] or "")
        return PaperRecord(second, authors, int(cited["year"]), venue)
    listed = _names_line(first)
    emphasised = _EMPHASISED_START_RE.match(lines[1].strip())
    if listed and not emphasised and _is_venue(second) and not _DASH_SPLIT_RE.search(second):
        return None  # the names, then "Science 2012; 337(6096): 816–821": no title here
    if listed:  # the names, then "Title — Venue Year" or "*Title.* Venue Year"
        title_line, _, tail = _DASH_SPLIT_RE.sub("\0", second, count=1).partition("\0")
        if emphasised:
            title_line, tail = emphasised["title"], emphasised["rest"]
        authors = listed
    elif _SET_APART_RE.search(second) or "#" in first:
        return None  # the second line sets its own title apart: it is the citation
    else:  # the title, then "Names — Venue Year" or the names alone
        title_line = first
        names, _, tail = _NAMES_END_RE.sub("\0", second, count=1).partition("\0")
        authors = _names_line(second) or _authors(names)
        tail = "" if authors and _names_line(second) else tail
        if not authors:  # "Wei-Ning Hsu et al., IEEE/ACM TASLP 2021"
            authors, tail = _names_before_venue(names, tail)
    title = _NUMBER_RE.sub("", title_line, count=1).strip().strip('*_"“”').rstrip(".")
    title = strip_decoration(title)
    set_apart = listed and emphasised and len(title.split()) >= 2  # "*A lithium conductor.*"
    named = _authors(title) and ("," in title or len(title.split()) <= 3)  # "Yann LeCun"
    if not (is_probably_title(title) or set_apart) or names_only(title) or named:
        return None
    if not authors:
        return None
    raw_tail = " ".join([tail, *lines[2:]])
    clean = _URL_RE.sub("", _ID_TOKEN_RE.sub("", MARKDOWN_LINK_RE.sub("", raw_tail)))
    clean = clean.strip().lstrip(" —–-(·")
    year = YEAR_RE.search(clean)
    paper = PaperRecord(title=title, authors=authors, year=int(year[1]) if year else None)
    add_identifiers(paper, raw_tail)
    paper.venue = _venue(clean[: year.start()] if year else clean)
    # A journal with its volume ("Geophys. Res. Lett., 31, L03205") places it as a year
    # would; one capitalised word before a bracket ("Summary (Engle): …") is no author.
    placed = year or identifier_of(paper) or (paper.venue and re.search(r"\d", clean))
    people = len(authors) > 1 or re.search(r"\b[A-Z]\.|\bet al\b", " ".join(lines[:2]))
    if not (placed and people):
        return None  # names alone under a line: a card's authors, read by ``read_card``
    return paper


_WHO_AND_WHEN_RE = re.compile(
    rf"^(?P<authors>{_SURNAMES}),?\s+\(?(?P<year>(?:19|20)\d{{2}})[a-z]?\)?"
    r"(?:,?\s*\(?(?P<venue>[A-Z][\w .&]{1,40}?)\)?)?[.,]?$"
)


def _surnames(names: str) -> list[str]:
    """ "Kirschner, Sweller & Clark", "Freeman et al.": the family names, in order."""
    parts = [a.strip() for a in re.split(r"\s*(?:,|&|\band\b)\s*", names) if a.strip()]
    stripped = [re.sub(r"\s+et\s+al\.?$", "", part).lstrip("… ") for part in parts]
    return [name for name in stripped if name.casefold().rstrip(".") != "et al"]


_EMPHASISED_START_RE = re.compile(r"^(?P<mark>\*\*|__|\*|_)(?P<title>.+?)(?P=mark)\s*(?P<rest>.*)$")


# "Job Creation and Job Destruction …, Review of Economic Studies 61(3): 397-415",
# '"A Contribution to the Empirics …", QJE 107(2): 407-437', "Endogenous Technological
# Change. JPE 98(5) part 2, S71-S102": a title, then the journal, volume and pages.
_TITLE_THEN_JOURNAL_RE = re.compile(
    r"^[“\"]?(?P<title>[^“”\"]{8,300}?)[”\"]?[.,]\s+"
    r"(?P<journal>[A-Z][\w.&\-]*(?:\s[\w.&\-]+){0,8}?)\s+\d{1,4}"
    # An issue ("34(4), 1944", "88(B12).", "98(5) part 2, S71-S102") or a page range
    # ("439:682-687"): not "Thursdays 12:15", a time.
    r"(?:\s*\([\w\-–]{1,9}\)(?:\s+part\s+\d)?(?:\s*[:,]\s*(?:pp?\.\s*)?[A-Z]?\d+\b|\.?\s*$)"
    r"|\s*[:,]\s*(?:pp?\.\s*)?[A-Z]?\d+\s*[-–]\s*[A-Z]?\d+\b)"
)


def read_title_then_journal(lines: list[str]) -> PaperRecord | None:
    """A title and where it appeared, with no names: under a heading that gives them
    ("Smets & Wouters 2007", "Read: Mortensen & Pissarides (1994)")."""
    text = strip_decoration(" ".join(line.strip() for line in lines))
    match = _TITLE_THEN_JOURNAL_RE.match(text)
    if match is None or len(lines) > 2:
        return None
    title, journal = match["title"].strip(" *_"), match["journal"]
    # A journal's initials, volume and pages vouch for a short title ("Frequency of
    # earthquakes in California. BSSA 34(4), 1944."), which alone would not read as one.
    vouched = is_probably_title(title) or journal.isupper() or _is_venue(journal)
    if len(title.split()) < 3 or not vouched or names_only(title) or _is_venue(title):
        return None
    if _DASH_SPLIT_RE.search(title):
        return None  # "Title — J Am Chem Soc 53(4), April 1931": another shape's
    first, stop, _ = title.partition(". ")
    if re.search(r"\bet\s+al\b", title) or (stop and (names_only(first) or _authors(first))):
        return None  # "van der Heijden MGA et al. Title. Nature 396": names lead, not a title
    paper = PaperRecord(title=title, venue=_venue(journal))
    add_identifiers(paper, text[match.end() :])
    return paper


# ADS's bibcode: "2005ApJ...633..560E", "2020A&A...641A...6P" (19 characters).
_BIBCODE_RE = re.compile(
    r"^(?P<year>(?:19|20)\d{2})[A-Za-z&.]{5}[\dA-Za-z.]{4}[A-Za-z.][\d.]{4}[A-Z]$"
)
# "GW150914 -- ", "Eisenstein et al. 2005 -- ": what the person calls it, before the title.
_NICKNAME_PREFIX_RE = re.compile(r"^[^\"“”]{1,50}?\s+(?:--|—|–)\s+(?=\S)")
_PARENTHESISED_YEAR_RE = re.compile(r"\((?:19|20)\d{2}[a-z]?\)")
_COLLABORATION_RE = re.compile(r"\bcollaboration\b|\bet al\b", re.IGNORECASE)


def read_title_block(lines: list[str]) -> PaperRecord | None:
    """A plain-text note's head: its title on a line or two, maybe after a nickname
    ("GW150914 -- "Observation of …""), then lines of facts only — who ("Riess, A. G.,
    …, et al."), where ("ApJ 633, 560") and identifiers (an arXiv id, a DOI, an ADS
    bibcode), one of them at least."""
    stripped = [line.strip() for line in lines[:8]]
    facts_at = next((i for i in range(1, len(stripped)) if _fact_line(stripped[i])), 0)
    if facts_at not in (1, 2) or any(find_links(line) for line in stripped[:facts_at]):
        return None
    if facts_at == 2 and stripped[0].endswith((".", '"', "”", ":", "?", "!", ",")):
        return None  # a title over a remark, or names running on: not one wrapped title
    if _PARENTHESISED_YEAR_RE.search(" ".join(stripped[:facts_at])):
        return None  # "Deutsch U (2002). Pericytes …": a citation wrapped, read whole
    title = " ".join(stripped[:facts_at])
    named = _NICKNAME_PREFIX_RE.sub("", title, count=1)
    title = strip_decoration(named.strip().strip('"“”').rstrip(".").strip())
    facts = stripped[facts_at:]
    identified = [i for line in facts for token in line.split() if (i := identify(token))]
    bibcode = next((m for line in facts for t in line.split() if (m := _BIBCODE_RE.match(t))), None)
    if not (identified or bibcode) or not is_probably_title(title) or _listed_names(title):
        return None
    if _is_venue(title) or read_citation(title) is not None:
        # "Whitfield Diffie, Martin E. Hellman. IEEE Trans. …, 1976": no title; "Kojima A,
        # …, Miyasaka T. *Organometal …*. J. Am. Chem. Soc. 2009": a citation, read whole
        return None
    paper = PaperRecord(title=title)
    for identifier in identified:
        if identifier.kind == "arxiv" and not paper.arxiv_id:
            paper.arxiv_id = identifier.value
        elif identifier.kind == "doi" and not paper.doi:
            paper.doi = identifier.value
    year = next((m for line in facts if _is_venue(line) and (m := YEAR_RE.search(line))), None)
    paper.year = int(year[1]) if year else int(bibcode["year"]) if bibcode else None
    names = [n for line in facts for n in re.findall(_NATURE_NAME, line)]
    paper.authors = [f"{n.split(',', 1)[1].strip()} {n.split(',', 1)[0].strip()}" for n in names]
    return paper


def _fact_line(line: str) -> bool:
    """A line of who, where or which: identifiers, a venue and volume, or names."""
    tokens = line.split()
    named = [t for t in tokens if identify(t) or _BIBCODE_RE.match(t)]
    rest = [t for t in tokens if t not in named]
    if named and len(rest) <= 6 and not any(re.fullmatch(r"[a-z]{4,}", t) for t in rest):
        return True  # "ApJ 633, 560    2005ApJ...633..560E    astro-ph/0501171"
    if _is_venue(line) and not is_probably_title(line):
        return True
    bare = re.sub(r"\([^()]*\)", "", line).strip(" ,.")
    return bool(_COLLABORATION_RE.search(line) and len(line.split()) <= 16) or (
        bool(bare) and _listed_names(bare)
    )


def read_title_over_venue(lines: list[str]) -> PaperRecord | None:
    """ "**Minimum Wages and Employment: … Comment**" / "AER 90(5): 1362–1396": a title
    set apart on its line, over where it appeared (a volume and pages, or a year)."""
    # "… / BBS 32(5): 429–448 / doi 10.1017/…": its identifier on a third line.
    identifier = identify(lines[2].strip()) if len(lines) == 3 else None
    if identifier is not None:
        lines = lines[:2]
    if len(lines) != 2 or not _is_venue(lines[1]) or is_wrapped(lines):
        return None
    if _cites_on_its_own(lines[0]):
        return None  # "Matzinger P. 1994. Title." over its journal: one citation, read whole
    emphasised = _EMPHASISED_START_RE.match(lines[0].strip())
    if emphasised is not None and not emphasised["rest"].strip():
        title = strip_decoration(emphasised["title"].strip().rstrip("."))
    elif _PLAIN_TITLE_RE.match(lines[0].strip()) and _VOLUME_ISSUE_RE.search(lines[1]):
        # A title written plain, no full stop, over "Language in Society 1(2), 1972": the
        # volume and issue under it make the pair a reference, not a sentence and a note.
        title = lines[0].strip()
    else:
        return None
    if not is_probably_title(title) or _listed_names(title):
        return None
    year = _PUBLISHED_YEAR_RE.search(lines[1])
    where = lines[1][: year.start()] if year else lines[1]
    volume = _VOLUME_ISSUE_RE.search(where) or re.search(r"\s\d", where)
    venue = _venue(where[: volume.start()] if volume else where)
    paper = PaperRecord(title=title, year=int(year[1]) if year else None, venue=venue)
    if identifier is not None and identifier.kind in ("doi", "arxiv"):
        setattr(paper, "doi" if identifier.kind == "doi" else "arxiv_id", identifier.value)
    return paper


# A year beside a journal's volume: older than YEAR_RE's, and never a page number of a
# range ("40(11): 2004–2021" is pages, not the year 2004).
_PUBLISHED_YEAR_RE = re.compile(r"(?<![\d:–-])(?<!:\s)(1[89]\d{2}|20\d{2})(?![\d–-])")
_PLAIN_TITLE_RE = re.compile(r"^[A-Z][^.!]{15,300}[^.!:;,]$")
_VOLUME_ISSUE_RE = re.compile(r"\b\d{1,4}\s?\(\d{1,4}[\d–-]*\)")
_DASH_SPLIT_RE = re.compile(r"\s+[—–]\s+|\s+-\s+")


def _names_line(line: str) -> list[str]:
    """ "Kristen A. Severson, Peter M. Attia, … Richard D. Braatz": a line of names only."""
    text = _ET_AL_TAIL_RE.sub("", line.replace("…", ",").replace("...", ",")).strip(" ,.")
    if not text or not names_only(text.replace(", ,", ",")):
        return []
    return _authors(text) if len(text.split(",")) > 1 else []


# "Sanyuan Chen, Chengyi Wang, et al.": the names a card prints before it gives up.
_ET_AL_TAIL_RE = re.compile(r",?\s*(?:et\s+al\.?|\.\.\.|…)\s*$")


def is_link_word(text: str) -> bool:
    """ "[pdf](…)", "[arXiv:1312.6114](…)": link text that says where, not which paper."""
    text = text.strip("[]() ")  # "[[arXiv]](…)", a button's text in brackets
    return text.casefold() in _LINK_WORDS or identify(text) is not None


def _listed_names(text: str) -> bool:
    """ "N. Kamaya, K. Homma, Y. Yamakawa": people, unlike "Information and Computation"."""
    return names_only(text) and ("," in text or bool(re.search(r"\b[A-Z]\.", text)))


def names_only(segment: str) -> bool:
    """ "Schulman, Levine, Moritz, Jordan, Abbeel": a list of names, not a title."""
    parts = [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", segment)]
    return len(parts) > 1 and all(
        0 < len(p.split()) <= 3 and all(_starts_a_name(w) for w in p.split()) for p in parts
    )


def read_byline(text: str) -> tuple[list[str], str, int | None] | None:
    """ "— Fowler, Mariantoni, Martinis, Cleland, PRA 86, 032324 (2012)", "— Arute et al.,
    Nature 574 (2019)": who wrote a paper, then where and when, after its title link.
    The authors, the venue and the year, or None when the text does not open with names."""
    tail = visible_text(text).strip().lstrip(" \t—–-:|,.")
    tail = _BARE_YEAR_RE.sub(r", \1", tail)  # "McClean et al. 2018"
    parts = [part.strip() for part in re.split(r",\s*(?:and\s+)?|\s*&\s*|\s+and\s+", tail)]
    names: list[str] = []
    for part in parts:
        bare = _TRAILING_ET_AL_RE.sub("", part).strip()
        if not (0 < len(bare.split()) <= 3 and all(_starts_a_name(w) for w in bare.split())):
            break
        names.append(bare)
        if bare != part:
            break  # "Arute et al.": the list ends there
    rest = ", ".join(parts[len(names) :])
    year = YEAR_RE.search(rest)
    if not names or (len(names) == len(parts) and not year):
        return None
    venue = strip_decoration(re.split(r"\s+\d|\s*\(", rest, maxsplit=1)[0].strip(" .,;"))
    return names, venue[:200], int(year[1]) if year else None


_BARE_YEAR_RE = re.compile(r"\s+((?:1[89]|20)\d{2})\b")


# In order: the first reader that sees its shape in a line reads it.
# The AMS's style (mathematics): "H. L. Montgomery, The pair correlation of zeros of the
# zeta function, Proc. Sympos. Pure Math. 24 (1973), 181–193" — initials first, then the
# title, the journal, its volume and the year in brackets ("Ann. of Math. (2) 167 (2008)").
_AMS_NAME = r"[A-Z]\.(?:\s?-?[A-Z]\.)*\s[A-ZÀ-Þ][\w'’\-]+(?:\s[A-ZÀ-Þ][\w'’\-]+)?"
_AMS_RE = re.compile(
    rf"^(?P<authors>{_AMS_NAME}(?:(?:,\s(?:and\s)?|\sand\s){_AMS_NAME})*),\s+"
    r"(?P<title>\S.{6,300}?)[,.]\s+(?P<journal>[A-Z][\w.&'’ ]{1,80}?)\s+(?:\(\d\)\s+)?"
    r"\d{1,4}\s+\((?P<year>(?:1[89]|20)\d{2})\)"
)


def _ams(core: str) -> PaperRecord | None:
    match = _AMS_RE.match(core)
    if match is None:
        return None
    names = re.split(r",\s(?:and\s)?|\sand\s", match["authors"])
    title = strip_decoration(match["title"].strip(" *_"))
    journal = match["journal"].strip(" ,.")  # "Ann. of Math.", whole
    return PaperRecord(title, [n.strip() for n in names], int(match["year"]), journal)


# "**J. Lee, J. Hwangbo, M. Hutter.** Learning quadrupedal … . *Science Robotics* 5(47),
# 2020.": the names in bold, then the title, then where and when.
_BOLD_NAMES_FIRST_RE = re.compile(
    r"^(?:\*\*|__)(?P<names>[^*_]{3,300}?)\.?(?:\*\*|__)\.?\s+(?P<rest>.+)$"
)


def _bold_names_first(core: str) -> PaperRecord | None:
    match = _BOLD_NAMES_FIRST_RE.match(core.strip())
    if match is None or not _listed_names(match["names"]):
        return None
    title, _, tail = _SENTENCE_END_RE.sub("\0", match["rest"], count=1).partition("\0")
    title = strip_decoration(title.strip(" .*_"))
    year = YEAR_RE.search(MARKDOWN_LINK_RE.sub("", tail))
    if year is None or not is_probably_title(title) or _listed_names(title):
        return None
    venue = strip_decoration(re.split(r"[,(\d]", MARKDOWN_LINK_RE.sub("", tail), maxsplit=1)[0])
    return PaperRecord(
        title=title, authors=_authors(match["names"]), year=int(year[1]), venue=_venue(venue)
    )


_READERS = (
    _author_date,
    _vancouver,
    _ams,
    _collective,
    _names_then_title,
    _cited_then_title,
    _names_dash_title,
    _nicknamed,
    _quoted,
    _linked,
    _apa,
    _acm,
    _bold_names_first,
    _bold_first,
    _acs,
    _nature,
    _bold,
    _dotted,
    _informal,
    _author_year_first,
    _title_dash_venue,
    _title_dash_names,
    _names_comma_title,
)
