"""Titles Web of Science keeps in capitals, in title case a reader can take in.

Older records have their titles, and most records their journal, in capitals: "THE
FORMATION OF SOLITONS IN PLASMAS", "JOURNAL OF THE AMERICAN CHEMICAL SOCIETY". Words
that stay as written: acronyms we know, words without a vowel ("HPLC", "NMR"), words
glued to a number ("CO2", "3D"), roman numerals and whole words in parentheses
("(IROS)"). Text with any small letter is as its authors wrote it and stays so.
"""

from __future__ import annotations

import re

_LETTERS_RE = re.compile(r"[^\W\d_]+")
_VOWEL_RE = re.compile(r"[AEIOUYÀ-ÖØ-Ý]")
_ROMAN_RE = re.compile(r"^(?:X{1,3}|X{0,3}(?:IX|IV|VI{0,3}|I{1,3}))$")
_SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on"}
    | {"or", "over", "per", "the", "to", "upon", "versus", "via", "vs", "with", "within"}
)
# Acronyms with a vowel, which the no-vowel rule would lower: common in science titles.
_ACRONYMS = frozenset(
    {"DNA", "RNA", "MRNA", "ATP", "HIV", "AIDS", "USA", "UK", "EU", "IEEE", "ACM", "SIAM"}
    | {"PLOS", "BMC", "BMJ", "JAMA", "EEG", "ECG", "ERP", "MRI", "FMRI", "GABA", "NASA"}
    | {"COVID", "SARS", "MERS", "OECD", "UNESCO", "IUCN", "GIS", "SEM", "TEM", "AFM"}
    | {"IOP", "AIP", "SPIE", "ASME", "AIAA", "ACS", "RSC", "IFAC", "IEICE", "AI", "UAV"}
)
_OPENS_A_PHRASE = (":", "?", "!", ". ", " - ", "—")


def readable_case(text: str) -> str:
    """``text`` in title case when it is all capitals; any other text as it is."""
    if not _is_all_capitals(text):
        return text
    cased: list[str] = []
    end = 0
    for run in _LETTERS_RE.finditer(text):
        before = text[end : run.start()]
        opens = not cased or any(mark in before for mark in _OPENS_A_PHRASE)
        cased += [before, _cased_run(text, run, opens)]
        end = run.end()
    return "".join([*cased, text[end:]])


def _is_all_capitals(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return len(letters) > 1 and all(char.isupper() for char in letters)


def _cased_run(text: str, run: re.Match[str], opens: bool) -> str:
    """One run of letters: kept, lowered or capitalised, by the words around it."""
    word = run[0]
    before = text[run.start() - 1] if run.start() else " "
    after = text[run.end()] if run.end() < len(text) else " "
    if _stays(word, before, after):
        return word
    if before == "'" or (not opens and word.casefold() in _SMALL_WORDS):
        return word.casefold()  # "DARWIN'S" is Darwin's; "OF", "THE" are small words
    return word[:1] + word[1:].casefold()


def _stays(word: str, before: str, after: str) -> bool:
    glued_to_number = before.isdigit() or after.isdigit()
    in_parentheses = before == "(" and after == ")"
    acronym = word in _ACRONYMS or not _VOWEL_RE.search(word) or bool(_ROMAN_RE.match(word))
    return glued_to_number or in_parentheses or (acronym and len(word) > 1) or word == "I"
