"""A book of notes (mdBook, Quarto, Jupyter Book): its chapters, in order, are sections."""

from __future__ import annotations

from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper
from papershelf.readinglists.models import ReadingList


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _outline(reading_list: ReadingList) -> list[str]:
    items = reading_list.items.select_related("paper").order_by("position")
    return [f"## {i.heading}" if i.paper is None else i.paper.title for i in items]


MDBOOK = {
    "book.toml": '[book]\ntitle = "Error correction notes"\nsrc = "src"\n',
    "src/SUMMARY.md": (
        "# Summary\n\n[Introduction](intro.md)\n\n# Foundations\n\n"
        "- [Shor's code](shor.md)\n- [Stabilizers](stabilizer.md)\n\n"
        "# Topological codes\n\n- [Toric code](toric.md)\n- [Decoders]()\n\n---\n\n"
        "[Reading queue](queue.md)\n"
    ),
    "src/intro.md": "# Introduction\n\nWhy I keep these notes.\n",
    "src/shor.md": (
        "# Shor's code\n\n**Scheme for reducing decoherence in quantum computer memory** — "
        "P. W. Shor, *Phys. Rev. A* **52**, R2493 (1995). doi:10.1103/PhysRevA.52.R2493\n\n"
        "## Summary\n\nNine qubits.\n"
    ),
    "src/stabilizer.md": (
        "# Stabilizers\n\n## Calderbank–Shor\n\n**Good quantum error-correcting codes exist** — "
        "A. R. Calderbank, P. W. Shor, *Phys. Rev. A* **54**, 1098 (1996). "
        "doi:10.1103/PhysRevA.54.1098\n\nCSS.\n\n## Steane\n\n"
        "**Error correcting codes in quantum theory** — A. M. Steane, *Phys. Rev. Lett.* "
        "**77**, 793 (1996). doi:10.1103/PhysRevLett.77.793\n\nSeven qubits.\n"
    ),
    "src/toric.md": (
        "# Toric code\n\n**Fault-tolerant quantum computation by anyons** — A. Yu. Kitaev, "
        "*Annals of Physics* **303**, 2 (2003). arXiv:quant-ph/9707021\n\nAnyons.\n"
    ),
    "src/queue.md": "# Reading queue\n\n- [ ] Nielsen & Chuang ch. 10\n",
}


def test_an_mdbook_summary_makes_each_chapter_a_section_under_its_part(
    tmp_path: Path, alice: User
) -> None:
    _write(tmp_path, MDBOOK)
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    reading_list = ReadingList.objects.get(title="Error correction notes")
    outline = _outline(reading_list)
    # A chapter holding two papers holds both, in its order; the draft "Decoders" and the
    # chapters naming no paper (the introduction, the queue) give no section.
    shor, css, steane, kitaev = (
        "Scheme for reducing decoherence in quantum computer memory",
        "Good quantum error-correcting codes exist",
        "Error correcting codes in quantum theory",
        "Fault-tolerant quantum computation by anyons",
    )
    assert [line for line in outline if not line.startswith("##")] == [shor, css, steane, kitaev]
    assert outline.index(shor) < outline.index(css) < outline.index(kitaev)
    headings = [line for line in outline if line.startswith("##")]
    assert any("Shor's code" in h for h in headings)
    assert any("Stabilizers" in h for h in headings)
    assert any("Toric code" in h for h in headings)
    assert not any("Decoders" in h or "Introduction" in h for h in headings)


QUARTO = {
    "_quarto.yml": (
        'project:\n  type: book\nbook:\n  title: "Applied micro"\n  chapters:\n'
        '    - index.qmd\n    - part: "Designs"\n      chapters:\n'
        "        - chapters/01-iv.qmd\n        # - chapters/02-draft.qmd\n"
        "        - chapters/03-did.qmd\n    - references.qmd\nbibliography: references.bib\n"
    ),
    "index.qmd": "# Preface {.unnumbered}\n\nMy notes for the course.\n",
    "references.qmd": "# References {.unnumbered}\n\n::: {#refs}\n:::\n",
    "chapters/01-iv.qmd": (
        "# Instrumental Variables {#sec-iv}\n\nReadings: MHE ch. 4 [@angrist2009], "
        "@imbens1994 and @angrist1991.\n\nThe Wald estimator, see @eq-wald.\n"
    ),
    "chapters/02-draft.qmd": "# Synthetic control\n\nTo write: @abadie2010.\n",
    "chapters/03-did.qmd": (
        "# Difference-in-Differences {#sec-did}\n\nClustering [@bertrand2004]; staggered "
        "timing [@goodman2021]. Slides: [@lecture05].\n"
    ),
    "references.bib": (
        "@book{angrist2009,\n  title = {Mostly Harmless Econometrics},\n"
        '  author = {Angrist, Joshua D. and Pischke, J{\\"o}rn-Steffen},\n  year = {2009},\n'
        "  publisher = {Princeton University Press}\n}\n\n"
        "@article{imbens1994,\n  title = {Identification and Estimation of Local Average "
        "Treatment Effects},\n  author = {Imbens, Guido W. and Angrist, Joshua D.},\n"
        "  journal = {Econometrica},\n  year = {1994},\n  doi = {10.2307/2951620}\n}\n\n"
        "@article{angrist1991,\n  title = {Does Compulsory School Attendance Affect Schooling "
        "and Earnings?},\n  author = {Angrist, Joshua D. and Krueger, Alan B.},\n"
        "  journal = {The Quarterly Journal of Economics},\n  year = {1991},\n"
        "  doi = {10.2307/2937954}\n}\n\n"
        "@article{bertrand2004,\n  title = {How Much Should We Trust Differences-In-Differences "
        "Estimates?},\n  author = {Bertrand, Marianne and Duflo, Esther and Mullainathan, "
        "Sendhil},\n  journal = {The Quarterly Journal of Economics},\n  year = {2004},\n"
        "  doi = {10.1162/003355304772839588}\n}\n\n"
        "@article{goodman2021,\n  title = {Difference-in-Differences with Variation in "
        "Treatment Timing},\n  author = {Goodman-Bacon, Andrew},\n"
        "  journal = {Journal of Econometrics},\n  year = {2021},\n"
        "  doi = {10.1016/j.jeconom.2021.03.014}\n}\n\n"
        "@article{abadie2010,\n  title = {Synthetic Control Methods for Comparative Case "
        "Studies},\n  author = {Abadie, Alberto and Diamond, Alexis and Hainmueller, Jens},\n"
        "  journal = {JASA},\n  year = {2010},\n  doi = {10.1198/jasa.2009.ap08746}\n}\n\n"
        "@unpublished{lecture05,\n  title = {Lecture 5: Regression Discontinuity},\n"
        "  author = {Halvorsen, Ingrid},\n  note = {Lecture slides},\n  year = {2024}\n}\n"
    ),
}


def test_a_quarto_books_chapters_hold_the_papers_they_cite_by_key_in_order(
    tmp_path: Path, alice: User
) -> None:
    _write(tmp_path, QUARTO)
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    titles = set(Paper.objects.values_list("title", flat=True))
    # Chapter titles are no papers; neither are the textbook and the lecture's slides.
    assert "Instrumental Variables" not in titles
    assert "Mostly Harmless Econometrics" not in titles
    assert "Lecture 5: Regression Discontinuity" not in titles
    [reading_list] = ReadingList.objects.all()
    assert reading_list.title == "Applied micro"
    outline = _outline(reading_list)
    papers = [line for line in outline if not line.startswith("##")]
    assert papers == [
        "Identification and Estimation of Local Average Treatment Effects",
        "Does Compulsory School Attendance Affect Schooling and Earnings?",
        "How Much Should We Trust Differences-In-Differences Estimates?",
        "Difference-in-Differences with Variation in Treatment Timing",
    ]
    headings = [line for line in outline if line.startswith("##")]
    iv = next(i for i, h in enumerate(headings) if "Instrumental Variables" in h)
    did = next(i for i, h in enumerate(headings) if "Difference-in-Differences" in h)
    assert iv < did
    assert not any("Synthetic control" in h for h in headings)  # commented out of the book


def test_a_jupyter_book_of_one_chapter_per_paper_keeps_its_parts_as_sections(
    tmp_path: Path, alice: User
) -> None:
    _write(
        tmp_path,
        {
            "_toc.yml": (
                "format: jb-book\nroot: intro\nparts:\n  - caption: Variational inference\n"
                "    chapters:\n      - file: notes/vae\n  - caption: Flows\n    chapters:\n"
                "      - file: notes/realnvp\n      - file: notes/glow\n"
            ),
            "intro.md": "# About\n\nMy notes.\n",
            "notes/vae.md": (
                "# Auto-Encoding Variational Bayes\n\nKingma & Welling, ICLR 2014. "
                "[arXiv:1312.6114](https://arxiv.org/abs/1312.6114)\n\nThe ELBO.\n"
            ),
            "notes/realnvp.md": (
                "# Density estimation using Real NVP\n\nDinh et al., ICLR 2017. "
                "[arXiv:1605.08803](https://arxiv.org/abs/1605.08803)\n\nCoupling layers.\n"
            ),
            "notes/glow.md": (
                "# Glow: Generative Flow with Invertible 1x1 Convolutions\n\nKingma & "
                "Dhariwal, NeurIPS 2018. [arXiv:1807.03039](https://arxiv.org/abs/1807.03039)\n"
            ),
        },
    )
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    [reading_list] = ReadingList.objects.all()
    # A chapter whose title is its paper's is no section of its own: the parts are.
    assert _outline(reading_list) == [
        "## Variational inference",
        "Auto-Encoding Variational Bayes",
        "## Flows",
        "Density estimation using Real NVP",
        "Glow: Generative Flow with Invertible 1x1 Convolutions",
    ]
