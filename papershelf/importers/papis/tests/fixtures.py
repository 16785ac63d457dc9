"""A Papis library of an economist who reads astronomy on the side, in Papis' own shapes:
what ``papis add --from doi`` writes (author_list, citations, ref, files), what older
Papis wrote (``{given_name, surname}``), hand-written documents, a book and a thesis."""

from __future__ import annotations

from pathlib import Path

# ``papis add --from doi``: Crossref's fields, tags as a list, notes named by the field.
LUCAS = """\
abstract: We study the investment of a competitive industry under uncertain demand.
author: Lucas, Robert E. and Prescott, Edward C.
author_list:
- affiliation: []
  family: Lucas
  given: Robert E.
- affiliation: []
  family: Prescott
  given: Edward C.
citations: []
doi: 10.2307/1909415
files:
- investment-under-uncertainty-lucas-robert-e-and-prescott-edward-c.pdf
issue: '5'
journal: Econometrica
language: en
notes: lucas-notes.md
pages: '659'
papis_id: 3f9a1c0e2b7d4e5f8a6b1c2d3e4f5a6b
publisher: JSTOR
ref: Lucas1971Investment
tags:
- investment
- rational-expectations
time-added: 2023-02-11-10:14:02
title: Investment under Uncertainty
type: article
url: https://doi.org/10.2307/1909415
volume: '39'
year: 1971
"""

LUCAS_NOTES = """\
# Notes

Competitive equilibrium solves a planner's problem: maximise
$E \\sum_t \\beta^t (S(q_t) - c(x_t))$ over investment paths.

- Prices follow a rational-expectations law of motion.
"""

# Older Papis: ``{given_name, surname}`` and tags as one space-separated string.
KYDLAND = """\
author: Kydland, Finn E. and Prescott, Edward C.
author_list:
- {given_name: Finn E., surname: Kydland}
- {given_name: Edward C., surname: Prescott}
doi: 10.2307/1913386
files: [time-to-build.pdf]
journal: Econometrica
ref: Kydland1982Time
tags: business-cycles rational-expectations
title: Time to Build and Aggregate Fluctuations
type: article
year: '1982'
"""

# From arXiv: the eprint, a preprint's type; Papis' default notes.tex beside it.
RIESS = """\
author: Riess, Adam G. and Filippenko, Alexei V. and Challis, Peter
author_list:
- {family: Riess, given: Adam G.}
- {family: Filippenko, given: Alexei V.}
- {family: Challis, given: Peter}
eprint: astro-ph/9805201
journal: The Astronomical Journal
papis_id: 9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f
ref: Riess1998Observational
tags: [cosmology, supernovae]
time-added: 2024-05-03-18:40:11
title: Observational Evidence from Supernovae for an Accelerating Universe and a
  Cosmological Constant
type: article
year: 1998
"""

RIESS_NOTES = """\
\\section{Result}
Type Ia distances at $z \\approx 0.5$ are about 10--15\\% farther than an open,
$\\Lambda = 0$ universe allows: $\\Omega_\\Lambda > 0$ at high confidence.
"""

# The same paper added twice (once from the DOI, once by hand): one paper.
LUCAS_AGAIN = """\
author: Robert E. Lucas and Edward C. Prescott
doi: https://doi.org/10.2307/1909415
title: Investment Under Uncertainty
year: 1971
tags: [investment]
"""

# Crossref returned no title: the DOI keeps the document.
UNTITLED = """\
author: ''
doi: 10.1016/j.actamat.2016.07.019
files: [document.pdf]
papis_id: 0a1b2c3d4e5f60718293a4b5c6d7e8f9
title: ''
type: article
"""

# A conference paper with its notes in Org, unicode in the names, a comma-separated tag.
ZHANG = """\
author: Zhang, Wěi and Møller, Søren
booktitle: Proceedings of the International Conference on Solid-State Ionics
doi: 10.1016/j.ssi.2019.01.001
notes: notes.org
ref: Zhang2019Grain
tags: solid electrolytes, grain boundaries
title: Grain-Boundary Conductivity in Garnet Electrolytes
type: inproceedings
year: 2019
"""

ZHANG_NOTES = """\
#+TITLE: Zhang 2019
* Findings
Grain boundaries dominate the resistance below 100 °C.
"""

WEINBERG_BOOK = """\
author: Weinberg, Steven
isbn: '9780198526827'
publisher: Oxford University Press
ref: Weinberg2008Cosmology
tags: [cosmology]
title: Cosmology
type: book
year: 2008
"""

OWN_THESIS = """\
author: Doe, Jane
school: University of Bonn
title: Essays on Investment Dynamics
type: phdthesis
year: 2021
"""

DATASET = """\
author: Planck Collaboration
doi: 10.5270/esa-ya7sxmg
title: Planck 2018 cosmic microwave background maps
type: dataset
year: 2018
"""

# Neither a title nor an identifier: a PDF dropped into the library by hand.
NOTHING = """\
files: [scan-0042.pdf]
papis_id: 5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e
time-added: 2022-09-01-08:00:00
"""

BROKEN = """\
author: Sargent, Thomas J.
title: Rational Expectations and the Theory of Economic Policy
tags: [macro
year: 1976
"""

PAPIS_CONFIG = """\
[economics]
dir = ~/Documents/economics
notes-name = notes.md
"""


def write_library(root: Path, documents: dict[str, dict[str, str]]) -> Path:
    """A library folder: a sub-folder per document, each with its files by name."""
    for folder, files in documents.items():
        for name, text in files.items():
            path = root / folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return root
