"""Authors as databases write them, in reading order: "Pernet, Cyril R" is Cyril R Pernet.

Shared by the MEDLINE and Web of Science readers. Both write "Surname, Given" in full
(MEDLINE's FAU, Web of Science's AF) and a short form with initials only (MEDLINE's
AU "Pernet CR", Web of Science's AU "Pernet, CR"), the only form older records have;
old records write names in capitals too ("WATSON, J D" is J. D. Watson).
"""

from __future__ import annotations

import re

_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "2nd", "3rd"})
_INITIALS_RE = re.compile(r"^[A-Z]{1,4}$")  # "CR", "CYS": initials run together
_LETTERS_RE = re.compile(r"[^\W\d_]+")


def full_name(name: str) -> str:
    """ "Surname, Given" (MEDLINE's FAU, Web of Science's AF and AU) in reading order."""
    surname, comma, given = (" ".join(name.split())).partition(",")
    if not comma:
        return surname  # a group, or a one-word name ("Confucius")
    words = given.split()
    suffix = words.pop() if words and words[-1].rstrip(".").casefold() in _SUFFIXES else ""
    return _join(_given(" ".join(words)), surname, suffix)


def short_name(name: str) -> str:
    """MEDLINE's AU, "Surname Initials" ("Pernet CR", "Jenkins FA Jr"), in reading order."""
    words = name.split()
    suffix = words.pop() if len(words) > 2 and words[-1].casefold() in _SUFFIXES else ""
    if len(words) < 2 or not _INITIALS_RE.match(words[-1]):
        return " ".join([*words, suffix]).strip()
    initials = words.pop()
    return _join(_given(initials), " ".join(words), suffix)


def _join(given: str, surname: str, suffix: str) -> str:
    return " ".join(part for part in (given, _cased_surname(surname.strip()), suffix) if part)


def _given(given: str) -> str:
    """Initials run together ("CR", "C R") get their stops: "C. R."; names stay as written,
    but for an old record's capitals ("JOHN J" is John J)."""
    letters = given.replace(" ", "")
    if _INITIALS_RE.match(letters):
        return " ".join(f"{letter}." for letter in letters)
    return _cased(given)


def _cased_surname(surname: str) -> str:
    """ "BAILEY" (an old record's capitals) as Bailey, "O'BRIEN" as O'Brien."""
    return _cased(surname) if len(surname) > 1 else surname


def _cased(name: str) -> str:
    if not name.isupper():
        return name
    return _LETTERS_RE.sub(lambda run: run[0][:1] + run[0][1:].casefold(), name)
