"""Random LaTeX-ish text for property tests of every place that decodes LaTeX.

Built from the pieces real bibliographies and pasted titles contain, so Hypothesis
spends its examples on macros, accents, math and stray braces rather than on noise.
"""

from __future__ import annotations

from hypothesis import settings
from hypothesis import strategies as st

# Fast enough for every CI run; deadline off because the first decode warms caches;
# no example database, so a run leaves no files behind (failures print their example).
LATEX_SETTINGS = settings(max_examples=200, deadline=None, database=None)

_PIECES = (
    r"\href{https://arxiv.org/abs/1607.06450}{the paper}", r"\href{a}{b}", r"\href{x}", r"\href",
    r"\url{https://example.org/a%20b}", r"\url", r"\~n", r"\~{n}", r"{\~n}", r"I{\~n}igo",
    r"{\"o}", r"\"{u}", r"\'e", r"{\'e}", r"\c{c}", r"\c c", r"{\ss}", r"{\o}", r"\O", r"\L",
    "$", "$x^2$", r"$\alpha$", "%", r"\%", r"\\", "\\", "{", "}", "{}", "&", r"\&", "~", "--",
    "``", "''", r"\textbf{", r"\emph{x}", r"\begin{itemize}", r"\end{x}", r"\verb|a|", r"\(",
    r"\[", "#", "^", "_", " and ", ", ", '"', "\n", r"\newcommand", r"\def\x{", r"\unknown{a}",
)  # fmt: skip
_WORDS = st.text(alphabet=st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=6)

latex_like_text = st.lists(st.one_of(st.sampled_from(_PIECES), _WORDS), max_size=10).map("".join)
