"""LaTeX projects imported end to end: a thesis, reading notes, lecture notes and a
journal club's Beamer decks, each beside the bibliography its citations point into."""

from __future__ import annotations

from pathlib import Path

import pytest

from papershelf.accounts.models import User
from papershelf.importers.latex.document import read_tex
from papershelf.importers.latex.parse import parse
from papershelf.importers.records import ParseError
from papershelf.importers.services import ImportOptions, ImportReport, import_paths
from papershelf.papers.models import Paper
from papershelf.summaries.models import Summary

REFS_BIB = r"""@inproceedings{vaswani2017attention,
  title = {Attention Is All You Need},
  author = {Vaswani, Ashish and Shazeer, Noam and Parmar, Niki},
  booktitle = {Advances in Neural Information Processing Systems}, year = {2017},
  eprint = {1706.03762}, archivePrefix = {arXiv}
}
@inproceedings{devlin2019bert,
  title = {{BERT}: Pre-training of Deep Bidirectional Transformers for Language Understanding},
  author = {Devlin, Jacob and Chang, Ming-Wei and Lee, Kenton and Toutanova, Kristina},
  booktitle = {NAACL}, year = {2019}, doi = {10.18653/v1/N19-1423}
}
@inproceedings{ioffe2015batch,
  title = {Batch Normalization: Accelerating Deep Network Training by Reducing Internal
           Covariate Shift},
  author = {Ioffe, Sergey and Szegedy, Christian},
  booktitle = {ICML}, year = {2015}, eprint = {1502.03167}, archivePrefix = {arXiv}
}
@article{ba2016layer,
  title = {Layer Normalization},
  author = {Ba, Jimmy Lei and Kiros, Jamie Ryan and Hinton, Geoffrey E.},
  journal = {arXiv preprint arXiv:1607.06450}, year = {2016}
}
"""
# A thesis as LaTeX templates lay one out: main.tex includes the chapters, which cite
# keys of refs.bib in their prose.
THESIS_MAIN = r"""\documentclass[12pt]{report}
\input{preamble}
\title{Sequence Models for Clinical Text}
\author{Alex Green}
\begin{document}
\maketitle
\tableofcontents
\include{chapters/introduction}
\include{chapters/literature}
\bibliographystyle{plainnat}
\bibliography{refs}
\end{document}
"""
THESIS_PREAMBLE = r"""\usepackage[utf8]{inputenc}
\usepackage{natbib}
\usepackage{amsmath,amssymb}
\newcommand{\R}{\mathbb{R}}
"""
LITERATURE = r"""\chapter{Literature review}\label{ch:lit}

\section{Self-attention}
Recurrent encoders gave way to self-attention \citep{vaswani2017attention}, and
pre-training on unlabelled text followed \citep{devlin2019bert}; both are now the
default for clinical notes.

\section{Normalisation}
Deep networks train faster with batch statistics \citep{ioffe2015batch}, or with
statistics over the features of one example \citep{ba2016layer}:
\[ \hat{x} = \frac{x - \mu}{\sigma} \]
"""
INTRODUCTION = r"""\chapter{Introduction}
Clinical text is long and noisy \citep[see][]{devlin2019bert}.
"""

# Reading notes: a section per paper, named by its key or by "Authors Year: Title".
READING = r"""\documentclass{article}
\usepackage[backend=biber]{biblatex}
\addbibresource{refs.bib}
\title{Reading notes: normalisation and attention}
\begin{document}
\maketitle

\section{\citetitle{ioffe2015batch}}
\readon{March 2024}
Normalise each activation over the mini-batch, then scale and shift:
$y = \gamma \hat{x} + \beta$. Worse with small batches.

\section{Layer norm}
\textbf{Ref:} \fullcite{ba2016layer}

Statistics over the features of one example: no dependence on the batch.

\section{He et al. 2016: Deep Residual Learning for Image Recognition}
He, K., Zhang, X., Ren, S., \& Sun, J. (2016). Deep Residual Learning for Image
Recognition. \emph{CVPR}, 770--778. \url{https://doi.org/10.1109/CVPR.2016.90}

Identity shortcuts let 152 layers train.

\printbibliography
\end{document}
"""

# Lecture notes: sections of a course, math, papers cited in passing.
LECTURE = r"""\documentclass{article}
\title{Deep Learning, Lecture 4}
\author{Yu Chen}
\begin{document}
\maketitle
\section{Optimisation}
Gradient descent: $\theta_{t+1} = \theta_t - \eta \nabla L(\theta_t)$.
\begin{theorem}
For convex $L$-smooth $f$ and $\eta = 1/L$,
$f(\theta_t) - f^\star \le L\|\theta_0 - \theta^\star\|^2/2t$.
\end{theorem}
\section{Normalisation layers}
Batch norm \cite{ioffe2015batch} and layer norm \cite{ba2016layer} differ in the axis.
\end{document}
"""

# A journal club: a folder per session, a Beamer deck in each, one bibliography.
DECK_PAPER_FRAME = r"""\documentclass{beamer}
\input{../preamble}
\title{Journal club, 12 February}
\author{Ana Silva}
\begin{document}
\begin{frame}\titlepage\end{frame}
\begin{frame}{The paper}
  \fullcite{vaswani2017attention}
\end{frame}
\begin{frame}{Architecture}
  \begin{itemize}
    \item<2-> Encoder and decoder of 6 layers each
    \item<3-> Scaled dot-product attention:
      \[ \mathrm{softmax}(QK^\top/\sqrt{d_k})V \]
  \end{itemize}
\end{frame}
\begin{frame}{Discussion}
  Do we still need recurrence? See also \cite{devlin2019bert}.
\end{frame}
\end{document}
"""
DECK_TITLE_AND_AUTHORS = r"""\documentclass{beamer}
\title{\textbf{BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding}}
\subtitle{Devlin et al., NAACL 2019}
\author{Jonas Berg}
\date{11 March 2024}
\begin{document}
\maketitle
\begin{frame}{Why this paper}
  Masked language modelling. Link: \url{https://arxiv.org/abs/1810.04805}
\end{frame}
\begin{frame}{Pre-training}
  15\% of the tokens are masked; next-sentence prediction as a second task.
\end{frame}
\end{document}
"""
DECK_TWO_PAPERS = r"""\documentclass{beamer}
\title{Normalisation, twice}
\begin{document}
\section{\citet{ioffe2015batch}}
\begin{frame}{Batch norm}
  Mini-batch statistics; a different model at test time.
\end{frame}
\section{\citet{ba2016layer}}
\begin{frame}{Layer norm}
  Per-example statistics; the same at training and test time.
\end{frame}
\section{Discussion}
\begin{frame}{Which one for transformers?}
  Layer norm, almost always.
\end{frame}
\end{document}
"""
DECK_HAND_TYPED = r"""\documentclass{beamer}
\title{Journal club}
\begin{document}
\begin{frame}{Paper}
  Srivastava, N., Hinton, G., Krizhevsky, A., Sutskever, I., \& Salakhutdinov, R. (2014).
  Dropout: A Simple Way to Prevent Neural Networks from Overfitting.
  \emph{Journal of Machine Learning Research}, 15, 1929--1958.
  \url{https://jmlr.org/papers/v15/srivastava14a.html}
\end{frame}
\begin{frame}{Idea}
  Drop units at random while training; scale the weights at test time.
\end{frame}
\end{document}
"""
DECK_NO_PAPER = r"""\documentclass{beamer}
\title{Lab meeting}
\begin{document}
\begin{frame}{Agenda}
  \begin{itemize}\item Cluster quota \item Conference travel\end{itemize}
\end{frame}
\end{document}
"""
JC_PREAMBLE = r"""\usetheme{metropolis}
\usepackage[style=authoryear,backend=biber]{biblatex}
\addbibresource{../refs.bib}
\setbeamertemplate{navigation symbols}{}
"""


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _import(root: Path, user: User) -> ImportReport:
    return import_paths([root], ImportOptions(user=user, fetch_metadata=False))


def _outcomes(report: ImportReport) -> dict[str, str]:
    return {outcome.name: outcome.status for outcome in report.files}


def test_a_thesis_imports_its_bibliography_and_no_paper_from_its_chapters(
    tmp_path: Path, alice: User
) -> None:
    _write(
        tmp_path,
        {
            "main.tex": THESIS_MAIN,
            "preamble.tex": THESIS_PREAMBLE,
            "chapters/introduction.tex": INTRODUCTION,
            "chapters/literature.tex": LITERATURE,
            "refs.bib": REFS_BIB,
        },
    )
    report = _import(tmp_path, alice)

    assert set(Paper.objects.values_list("title", flat=True)) == {
        "Attention Is All You Need",
        "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding",
        "Batch Normalization: Accelerating Deep Network Training by Reducing Internal "
        "Covariate Shift",
        "Layer Normalization",
    }
    assert not Summary.objects.exists()
    assert _outcomes(report) == {
        "chapters/introduction.tex": "skipped",
        "chapters/literature.tex": "skipped",
        "main.tex": "skipped",
        "preamble.tex": "skipped",
        "refs.bib": "imported",
    }


def test_sections_that_cite_or_reference_their_paper_become_its_notes(
    tmp_path: Path, alice: User
) -> None:
    _write(tmp_path, {"reading.tex": READING, "refs.bib": REFS_BIB})
    _import(tmp_path, alice)

    notes = {s.paper.title: s.body for s in Summary.objects.select_related("paper")}
    batch = next(title for title in notes if title.startswith("Batch Normalization"))
    assert notes[batch].startswith("March 2024\nNormalise each activation over the mini-batch")
    assert "$y = \\gamma \\hat{x} + \\beta$" in notes[batch]
    assert "no dependence on the batch" in notes["Layer Normalization"]
    resnet = Paper.objects.get(doi="10.1109/cvpr.2016.90")
    assert resnet.title == "Deep Residual Learning for Image Recognition"
    assert "Identity shortcuts let 152 layers train." in resnet.summaries.get().body


def test_lecture_notes_of_several_sections_name_no_paper(tmp_path: Path, alice: User) -> None:
    _write(tmp_path, {"lectures/04-optimisation.tex": LECTURE, "refs.bib": REFS_BIB})
    report = _import(tmp_path, alice)

    assert not Summary.objects.exists()
    assert _outcomes(report)["lectures/04-optimisation.tex"] == "skipped"


def test_a_journal_clubs_decks_are_the_notes_on_the_papers_they_present(
    tmp_path: Path, alice: User
) -> None:
    _write(
        tmp_path,
        {
            "2024-02-attention/slides.tex": DECK_PAPER_FRAME,
            "2024-03-bert/slides.tex": DECK_TITLE_AND_AUTHORS,
            "2024-04-normalisation/slides.tex": DECK_TWO_PAPERS,
            "2024-05-dropout/slides.tex": DECK_HAND_TYPED,
            "2024-06-lab/slides.tex": DECK_NO_PAPER,
            "preamble.tex": JC_PREAMBLE,
            "refs.bib": REFS_BIB,
        },
    )
    report = _import(tmp_path, alice)

    notes = {s.paper.title: s.body for s in Summary.objects.select_related("paper")}
    assert set(notes) == {
        "Attention Is All You Need",
        "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding",
        "Batch Normalization: Accelerating Deep Network Training by Reducing Internal "
        "Covariate Shift",
        "Layer Normalization",
        "Dropout: A Simple Way to Prevent Neural Networks from Overfitting",
    }
    # A frame's title is a heading of the notes, never a paper; overlays are gone.
    assert (
        "## Architecture\n\n- Encoder and decoder of 6 layers each"
        in (notes["Attention Is All You Need"])
    )
    bert = Paper.objects.get(arxiv_id="1810.04805")
    assert (bert.year, bert.summaries.get().body) == (
        2019,
        "## Why this paper\n\nMasked language modelling. Link: <https://arxiv.org/abs/1810.04805>"
        "\n\n## Pre-training\n\n15% of the tokens are masked; next-sentence prediction as a "
        "second task.",
    )
    # Two sections, two papers; the discussion after them goes with the last.
    assert "Per-example statistics" in notes["Layer Normalization"]
    assert "Which one for transformers?" in notes["Layer Normalization"]
    assert "Per-example" not in next(b for t, b in notes.items() if t.startswith("Batch"))
    dropout = Paper.objects.get(title__startswith="Dropout")
    authors = [author.name for author in dropout.ordered_authors()][:2]
    assert (dropout.year, authors) == (2014, ["N. Srivastava", "G. Hinton"])
    assert _outcomes(report)["2024-06-lab/slides.tex"] == "skipped"
    assert _outcomes(report)["preamble.tex"] == "skipped"


def test_a_deck_citing_a_key_no_bibliography_has_is_reported(tmp_path: Path, alice: User) -> None:
    _write(tmp_path, {"slides.tex": DECK_PAPER_FRAME, "other.tex": DECK_NO_PAPER})
    report = _import(tmp_path, alice)

    assert not Paper.objects.exists()
    messages = [str(warning) for warning in report.warnings]
    assert "slides.tex:7: cites vaswani2017attention, which no bibliography of this import has" in (
        messages
    )


def test_a_broken_file_of_a_folder_fails_at_its_line_and_the_rest_imports(
    tmp_path: Path, alice: User
) -> None:
    broken = "\\documentclass{article}\n\\begin{document}\n\\section{Oops\nText.\n\\end{document}\n"
    _write(tmp_path, {"broken.tex": broken, "reading.tex": READING, "refs.bib": REFS_BIB})
    report = _import(tmp_path, alice)

    failed = {
        outcome.name: outcome.detail for outcome in report.files if outcome.status == "failed"
    }
    assert failed == {"broken.tex": "broken.tex:3: a brace opened here is never closed"}
    assert Summary.objects.count() == 3


def test_a_tex_file_named_alone_that_names_no_paper_says_why(tmp_path: Path, alice: User) -> None:
    _write(tmp_path, {"04-optimisation.tex": LECTURE})
    with pytest.raises(ParseError, match="found no papers in this latex document"):
        import_paths([tmp_path / "04-optimisation.tex"], ImportOptions(user=alice))


def test_sections_titled_by_authors_year_and_title_give_all_three() -> None:
    log = (
        "\\title{Reading log}\n\\begin{document}\n"
        "\\section{He et al. 2016: Deep Residual Learning for Image Recognition}\nShortcuts.\n"
        "\\section{Srivastava et al. (2014) Dropout: A Simple Way to Prevent Neural Networks "
        "from Overfitting}\nDrop units.\n\\end{document}\n"
    )
    papers = [entry.paper for entry in parse(log, "log.tex").entries]
    assert [(p.title, p.authors, p.year) for p in papers if p] == [
        ("Deep Residual Learning for Image Recognition", ["He"], 2016),
        ("Dropout: A Simple Way to Prevent Neural Networks from Overfitting", ["Srivastava"], 2014),
    ]


def test_a_chapter_or_a_schedule_whose_headings_only_read_like_titles_names_no_paper() -> None:
    chapter = (
        "\\chapter{Literature review}\n\\section{The Foundations of Typed Functional Languages}\n"
        "Type systems \\cite{pierce2002}.\n"
        "\\section{Practical Polymorphism and the Rank-N Gap}\nHindley-Milner \\cite{damas1982}.\n"
    )
    schedule = (
        "\\title{Plant Ecology JC -- schedule}\n\\begin{document}\n\\maketitle\n"
        "Thursdays 16:00, room B.2.14.\n\\end{document}\n"
    )
    for source, path in ((chapter, "chapters/02-review.tex"), (schedule, "schedule.tex")):
        parsed = parse(source, path)
        assert parsed.entries == []
        assert parsed.warnings[0].message.startswith("names no paper")


def test_a_reference_list_typed_by_hand_stands_under_its_own_heading() -> None:
    source = (
        "\\title{Survey}\n\\begin{document}\n\\section{Attention}\nSelf-attention \\cite{v}.\n"
        "\\begin{thebibliography}{9}\n\\bibitem{v} A. Vaswani. Attention Is All You Need. "
        "NeurIPS, 2017.\n\\end{thebibliography}\n\\end{document}\n"
    )
    assert read_tex(source, "survey.tex").markdown.endswith(
        "## References\n\n- A. Vaswani. Attention Is All You Need. NeurIPS, 2017.\n"
    )


def test_importing_the_journal_club_again_changes_nothing(tmp_path: Path, alice: User) -> None:
    _write(
        tmp_path,
        {
            "2024-02-attention/slides.tex": DECK_PAPER_FRAME,
            "2024-04-normalisation/slides.tex": DECK_TWO_PAPERS,
            "refs.bib": REFS_BIB,
        },
    )
    first = _import(tmp_path, alice)
    again = _import(tmp_path, alice)

    assert first.summaries_created == 3
    assert (again.summaries_created, again.summaries_updated, again.summaries_unchanged) == (
        0,
        0,
        3,
    )
    assert again.count("created") == 0
