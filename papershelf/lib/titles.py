"""Compare paper titles the way a reader would, ignoring case, accents and punctuation.

Titles are the last resort for recognising one paper in two sources (identifiers
come first), so these helpers lean towards *not* matching: a short heading such as
"Attention" must never merge two papers.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from papershelf.lib.latex import latex_to_text

_LATEX_SIGNS = ("\\", "$")
_WORD_RE = re.compile(r"[^\W_]+")  # runs of letters and digits, any script
_TRAILING_ANNOTATION_RE = re.compile(r"\s*[(\[][^()\[\]]*[)\]]\s*$")
_LEADING_THE_RE = re.compile(r"^\s*the\s+", re.IGNORECASE)
_TRAILING_THE_RE = re.compile(r",\s*the\s*$", re.IGNORECASE)  # catalogue style: "Title, The"
_ACRONYM_PREFIX_MAX_WORDS = 3
# Letters NFKD leaves whole, so "Łukasz" and "Lukasz" would be two people.
_UNDECOMPOSABLE = str.maketrans(
    {"Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "ß": "ss", "Æ": "AE",
     "æ": "ae", "Œ": "OE", "œ": "oe", "ı": "i", "Þ": "Th", "þ": "th"}
)  # fmt: skip

# Words that carry no meaning on their own; a title needs enough of the others.
_FILLER_WORDS = frozenset(
    {"a", "an", "the", "of", "and", "or", "for", "in", "on", "to", "with", "by", "at", "from"}
    | {"as", "is", "are", "be", "via"}
)
_MIN_MEANINGFUL_WORDS = 4
_MIN_MEANINGFUL_WORDS_WITH_COLON = 3
_MAX_TITLE_LENGTH = 300  # longer text is a sentence or a paragraph, not a title


def plain_title(title: str) -> str:
    """The title as readable text: LaTeX decoded, braces gone, whitespace collapsed."""
    if any(sign in title for sign in _LATEX_SIGNS):
        title = latex_to_text(title)  # falls back to the title as written
    title = title.replace("{", "").replace("}", "")
    return " ".join(title.split())


def folded(text: str) -> str:
    """Case and accents gone: "Candès" → "candes", "Hernán" as a citation spells it."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def title_words(title: str) -> list[str]:
    """Casefolded words without accents; hyphens and punctuation separate words."""
    plain = plain_title(title)
    if plain.isascii():  # most titles: nothing to decompose, and this is an import's hot loop
        return _WORD_RE.findall(plain.casefold())
    decomposed = unicodedata.normalize("NFKD", plain.translate(_UNDECOMPOSABLE))
    unaccented = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _WORD_RE.findall(unaccented.casefold())


def normalise_title(title: str) -> str:
    """A comparison key: casefolded letters and digits only, no spaces.

    Dropping the spaces too makes "Auto-Encoding", "Auto Encoding" and
    "Autoencoding" the same key, which is how authors and venues actually vary.
    """
    return "".join(title_words(title))


def title_variants(title: str) -> set[str]:
    return set(_title_variants(title))


@lru_cache(maxsize=65536)
def _title_variants(title: str) -> frozenset[str]:
    """Keys under which this title may appear elsewhere.

    Besides the full key: without a short acronym prefix ("CLIP: …"), without a
    trailing annotation ("… (GPT-3)") and without a leading or catalogue-style
    trailing "The". A variant that is no longer a probable title is left out.
    """
    forms = {plain_title(title)}
    for strip in (_strip_acronym_prefix, _strip_trailing_annotation, _strip_the):
        forms |= {stripped for form in forms if (stripped := strip(form))}
    variants = {normalise_title(title)}
    variants |= {normalise_title(form) for form in forms if is_probably_title(form)}
    variants.discard("")
    return frozenset(variants)


def _strip_acronym_prefix(title: str) -> str | None:
    prefix, colon, rest = title.partition(":")
    if not colon or len(title_words(prefix)) > _ACRONYM_PREFIX_MAX_WORDS:
        return None
    return rest.strip() or None


def _strip_trailing_annotation(title: str) -> str | None:
    stripped = _TRAILING_ANNOTATION_RE.sub("", title)
    return stripped if stripped != title and stripped else None


def _strip_the(title: str) -> str | None:
    stripped = _TRAILING_THE_RE.sub("", _LEADING_THE_RE.sub("", title))
    return stripped if stripped != title and stripped else None


_SURNAME = r"(?:(?:van|von|de|der|di|da|le|la|del)\s)*[A-ZÀ-Þ][\w'’]+(?:-[A-ZÀ-Þ][\w'’]+)?"
_AUTHOR_YEAR_RE = re.compile(
    rf"^{_SURNAME}(?:\s*(?:,|&|\band\b)\s*{_SURNAME})*(?:,?\s+et\s+al\.?)?,?\s+"
    r"\(?(?:19|20)\d{2}[a-z]?\)?\.?$"
)


# A day as diaries head it: "Tuesday, 01/09/24", "Mon 15 January 2024", "2024-01-15 Mon".
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"
_DATE_RE = re.compile(
    rf"^\W*(?:{_WEEKDAY}[,\s]+)?(?:\d{{1,4}}[-/.]\d{{1,2}}[-/.]\d{{1,4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:\s+\d{{4}})?|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?"
    rf"(?:,?\s+\d{{4}})?)(?:[,\s]+{_WEEKDAY})?\W*$",
    re.IGNORECASE,
)


_PLAN_ARROW_RE = re.compile(r"\s(?:→|⇒|->)\s")
_MEETING_RE = re.compile(
    r"\b(?:group|lab|team|weekly|committee|supervisor|advisor|project)\s+meeting\b"
    r"|\bmeeting\s+(?:notes|minutes)\b"
    # "RG schedule — Fall 2023", "Journal club schedule": the sessions' plan.
    r"|\b(?:reading group|journal club|seminar|class|course|RG|JC|session)s?\s+schedule\b"
    # "NLP reading group, week 2", "Journal club — session 5": one meeting of the group.
    r"|\b(?:reading group|journal club|RG|JC)\W+(?:week|session|meeting)\s+\d{1,3}\b",
    re.IGNORECASE,
)
_COURSE_PART_RE = re.compile(
    r"^(?:week|lecture|lesson|module|unit|class|day)\s+\d{1,3}\s*(?:[:.—–]|-\s)"
    # "Warm-up: classic instruments", "Exercise 2: compute LATE by hand": a class's part
    r"|^(?:warm[- ]?up|exercise|problem|question|quiz|homework|hw|practice|worked example)"
    r"s?\s*\d{0,2}\s*:",
    re.IGNORECASE,
)
# A trip's or a release's post: "ICFP 2023 in Seattle: logistics and a to-see list",
# "NeurIPS 2023 trip report", "tinyml 0.3 released".
_ERRAND_RE = re.compile(
    r"\blogistics\b|\btrip (?:report|notes)\b|\btravel (?:notes|report|plans)\b"
    r"|^readme\b"  # "README for new students -- read this first": a folder's own notes
    # A lab blog's news: "Welcome Mei-Ling and Jordan!", "Field day 2023 recap", "Field
    # diary: V6 and sidedress N", "How-to: running APSIM", "Journal club is back".
    r"|^welcome\b|\brecap\b|^how[- ]to\s*:|\bdiary\b|\bis back\b|\bdouble[- ]header\b"
    # "Click here to edit markdown :wave:": an app's starter note, with its emoji's code
    r"|\s:[a-z][a-z_+-]+:?\s*$"
    r"|^\S+\s+v?\d+(?:\.\d+)+\s+(?:is\s+)?(?:released|out)\b"
    # "JC Thu 14 Mar", "RG Wed 3 May (last one this term)": a session's date.
    r"|^(?:JC|RG|journal club|reading group|session)\s+(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*"
    r"\.?,?\s+\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,}"
    # "Then whatever we’re reading this term": the writer speaking, no paper's title.
    r"|^then\s",
    re.IGNORECASE,
)
# "Why I still start with BLAST", "What I'm doing in my own work", "Welcome to the lab
# wiki": the writer speaking of themselves, which titles of papers do not ("Do As I Can"
# and "Part I" do not read so).
_FIRST_PERSON_RE = re.compile(
    r"\b(?:I['’](?:m|ve|d|ll)|[Ww]e['’](?:re|ve|ll|d)|[Mm]y)\b|^[Ww]elcome to\b"
    r"|\bI (?:[a-z]+ly )?(?:still|keep|think|like|use|used|am|was|have|had|want|need|found"
    r"|learned|wrote|will|would|should|started|start|read|tried|send|give|do|did)\b"
)


def is_author_year(text: str) -> bool:
    """ "Macosko et al. 2015", "Kalisch & Williams (2009)": a citation, never a title."""
    return bool(_AUTHOR_YEAR_RE.match(plain_title(text)))


# A site template's or a diary's own posts: "First Blog Post", "Hello world", "Log: …".
_OWN_POST_RE = re.compile(
    r"^(?:(?:my\s+)?first\s+(?:blog\s+)?post|hello,?\s+world|welcome\b|log\s*:"
    # "Tutorial: linear probing …", "How-to: centred vs. non-centred …", "2023 in papers"
    r"|(?:tutorial|how[- ]to|til)\s*:|(?:19|20)\d{2}\s+in\s+(?:review|papers|reading)\b)",
    re.IGNORECASE,
)


def is_own_title(text: str) -> bool:
    """A post's or note's title that speaks of itself — the writer, a day, a meeting, a
    course's part, an errand, a template's first post — as no paper's title does. (A
    short title, "On the mechanics of economic development", is not one.)"""
    text = plain_title(text)
    own = (_FIRST_PERSON_RE, _MEETING_RE, _ERRAND_RE, _OWN_POST_RE)
    return bool(_DATE_RE.match(text) or _COURSE_PART_RE.match(text)) or any(
        pattern.search(text) for pattern in own
    )


def speaks_as_writer(text: str) -> bool:
    """ "Yes, I'll be at FENS", "whatever we’re reading": the writer speaking."""
    return bool(_FIRST_PERSON_RE.search(text))


_TEMPLATE_VARIABLE_RE = re.compile(r"\{\{\s*[\w.]+\s*\}\}")


@lru_cache(maxsize=65536)
def is_probably_title(text: str) -> bool:
    """True for text that reads like a paper title, False for a short heading.

    "Attention", "GAN" or "Image Transformers" name a paper only to someone who
    already knows it; matching on them would merge unrelated papers. Some real
    titles are that short too ("Layer Normalization"): they never match on title
    alone, which is the safe mistake, only with their first author and year (see
    ``short_title_key``).
    """
    if _TEMPLATE_VARIABLE_RE.search(text):
        return False  # "{{ course }}: Machine Learning ({{ term }})": a template's blanks
    text = plain_title(text)
    if not text or len(text) > _MAX_TITLE_LENGTH or "://" in text:
        return False
    if _AUTHOR_YEAR_RE.match(text):
        return False  # "Macosko et al. 2015", "Kirschner, Sweller & Clark (2006)": a citation
    if _DATE_RE.match(text):
        return False  # "Tuesday, 01/09/24", "2024-01-09 Wed": a diary's day
    if _PLAN_ARROW_RE.search(text):
        return False  # "Identity theory → Place, Smart": a plan's theme and its papers
    if _FIRST_PERSON_RE.search(text):
        return False  # "Why I still start with BLAST": a post's or note's own heading
    if _MEETING_RE.search(text):
        return False  # "Group meeting 2024-02-15", "Lab meeting notes": a diary's entry
    if _COURSE_PART_RE.match(text):
        return False  # "Week 3: Causal graphs", "Lecture 12 — 2SLS": a course's part
    if _ERRAND_RE.search(text):
        return False  # "ICFP 2023 in Seattle: logistics …", "tinyml 0.3 released": news
    meaningful = [word for word in title_words(text) if word not in _FILLER_WORDS]
    if len(meaningful) >= _MIN_MEANINGFUL_WORDS:
        return True
    prefix, colon, rest = text.partition(":")
    return bool(
        colon
        and title_words(prefix)
        and title_words(rest)
        and len(meaningful) >= _MIN_MEANINGFUL_WORDS_WITH_COLON
    )


def short_title_key(text: str) -> str:
    """The key of a title too short to name a paper by itself, or "" for any other text.

    "Layer Normalization" and "Dropout" are real titles, but so is a heading like
    "Attention": such a key identifies a paper only together with its first author
    and year (``papers.identity``). Real titles ("Attention Is All You Need") and
    what is no title at all (a URL, a paragraph, only filler words) get "".
    """
    plain = plain_title(text)
    if not plain or len(plain) > _MAX_TITLE_LENGTH or "://" in plain or is_probably_title(plain):
        return ""
    if all(word in _FILLER_WORDS for word in title_words(plain)):
        return ""
    return normalise_title(plain)


_NICKNAME_TOKEN_RE = re.compile(r"^(?:\w*\d\w*|[A-Z]\w*[A-Z]\w*)$")


def is_nickname(text: str) -> bool:
    """ "VQ VAE 2", "GPT-3", "AlphaGo", "DQN": what people call a paper or its model.
    Every word is an acronym, carries a digit or is a CamelCase name; "Offline RL",
    "Glossary" or "Policy gradients" name a topic or a section instead."""
    words = [w for w in re.split(r"[\s\-/]+", text.strip()) if w]
    return 0 < len(words) <= 4 and all(_NICKNAME_TOKEN_RE.match(w) for w in words)
