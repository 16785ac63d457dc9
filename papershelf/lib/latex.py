"""LaTeX to readable text, for titles, names and notes that people write in LaTeX.

pylatexenc decodes almost everything, but odd input crashes it: in 2.x ``\\href``
has a text rule but no argument rule, so ``\\href{a}{b}`` raised IndexError and
took a whole import (or a form) down with it. We teach it the argument rules it
lacks and, because input is arbitrary, fall back to the text as written whenever
the decoder fails: a title with a stray macro is better than no paper.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import NamedTuple

from pylatexenc import latexwalker, macrospec
from pylatexenc.latex2text import LatexNodes2Text

logger = logging.getLogger(__name__)

# Macros latex2text knows how to print but latexwalker does not know the arguments of.
_MISSING_ARGUMENT_RULES = (macrospec.MacroSpec("href", "{{"),)


class DecodedLatex(NamedTuple):
    text: str
    error: str = ""  # why the decoder gave up; ``text`` is then the input as written


def latex_to_text(value: str) -> str:
    """Readable text for ``value``; never raises (see ``decode_latex``)."""
    return decode_latex(value).text


@lru_cache(maxsize=4096)  # venues, author names and titles repeat across a bibliography
def decode_latex(value: str) -> DecodedLatex:
    """Decode ``value``; on any decoder failure keep it as written and say why."""
    try:
        return DecodedLatex(str(_converter().latex_to_text(value, latex_context=_context())))
    except Exception as error:  # pylatexenc fails in many ways on odd input; any is a fallback
        reason = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        logger.warning("could not decode LaTeX %r (%s); kept it as written", value[:200], reason)
        return DecodedLatex(value, reason)


@lru_cache(maxsize=1)
def _converter() -> LatexNodes2Text:
    return LatexNodes2Text()


@lru_cache(maxsize=1)
def _context() -> macrospec.LatexContextDb:
    context = latexwalker.get_default_latex_context_db()
    context.add_context_category("papershelf", macros=list(_MISSING_ARGUMENT_RULES), prepend=True)
    return context
