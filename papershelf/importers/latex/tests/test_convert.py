"""LaTeX becomes the Markdown the notes reader and the summary renderer know."""

from __future__ import annotations

from pathlib import Path

import pytest

from papershelf.importers.latex.document import read_tex
from papershelf.importers.latex.parse import parse
from papershelf.importers.records import ParseError
from papershelf.importers.registry import detect


def markdown(source: str, path: str = "notes.tex") -> str:
    return read_tex(source, path).markdown


def body(source: str) -> str:
    return markdown("\\begin{document}\n" + source + "\n\\end{document}\n")


def test_the_documents_title_and_subtitle_head_its_sections_and_paragraphs() -> None:
    source = r"""\documentclass{article}
\title{Reading notes}
\author{Ana Silva}
\date{\today}
\begin{document}
\maketitle
\section{Grassland experiments}
\subsection*{Cedar Creek}
\paragraph{Design.} 147 plots.
\end{document}
"""
    assert markdown(source) == (
        "# Reading notes\n\n## Grassland experiments\n\n### Cedar Creek\n\n"
        "#### Design.\n\n147 plots.\n"
    )


def test_the_note_takers_name_and_the_date_are_not_written_as_the_papers() -> None:
    source = "\\title{Notes}\\author{Ana Silva \\and Jonas Berg}\\date{March 2023}\nText.\n"
    document = read_tex(source, "notes.tex")
    assert document.markdown == "# Notes\n\nText.\n"
    assert (document.author, document.date) == ("Ana Silva , Jonas Berg", "March 2023")


def test_fonts_links_quotes_dashes_and_accents_become_markdown_and_characters() -> None:
    source = (
        "\\emph{More} \\textbf{species}, {\\bfseries bold} and {\\em it}; \\texttt{x_1}.\n\n"
        "``Quoted'' -- ranges 1--2 --- and Sch{\\\"o}nbrunn, {\\'e}t\\'e, \\c{c}a, "
        'na\\"{\\i}ve.\n\n'
        "\\url{https://example.org/a%20b}, "
        "\\href{https://doi.org/10.1038/379718a0}{the paper}.\\\\\n"
        "50\\% of \\$3 \\& more~words\\ldots\n"
    )
    assert body(source) == (
        "*More* **species**, **bold** and *it*; `x_1`.\n\n"
        "“Quoted” – ranges 1–2 — and Schönbrunn, été, ça, naïve.\n\n"
        "<https://example.org/a%20b>, [the paper](https://doi.org/10.1038/379718a0).\n"
        "50% of \\$3 & more words…\n"
    )


def test_comments_go_but_a_percent_sign_in_a_url_or_verbatim_text_stays() -> None:
    source = (
        "Kept % dropped\n"
        "% a whole line of comment joins the lines around it, as in TeX\n"
        "words \\verb|a%b| and \\url{http://x.org/%7E}.\n"
    )
    assert body(source) == "Kept words `a%b` and <http://x.org/%7E>.\n"


def test_citations_become_pandoc_citations_with_their_notes() -> None:
    source = (
        "As \\citet{tilman1996} show \\citep[see][p.~719]{tilman1996,hector1999}.\n\n"
        "\\textcite{loreau2001}, \\parencite*{isbell2015}, \\autocite[p. 3]{yachi1999}.\n\n"
        "\\citeauthor{hooper2005} (\\citeyear{hooper2005}) and \\cites[p. 2]{a2020}{b2021}.\n\n"
        "\\fullcite{cardinale2012}\\footcite{naeem1994}\\nocite{*}\n"
    )
    assert body(source) == (
        "As [@tilman1996] show [see @tilman1996; @hector1999, p. 719].\n\n"
        "[@loreau2001], [@isbell2015], [@yachi1999, p. 3].\n\n"
        "[@hooper2005] and [@a2020, p. 2; @b2021].\n\n"
        "[@cardinale2012][@naeem1994]\n"
    )


def test_math_stays_tex_inline_and_on_lines_of_its_own_when_displayed() -> None:
    source = (
        "Cover $y = a \\log S$ and \\(x^2\\).\n"
        "\\[ \\sum_i p_i = 1 \\]\n"
        "\\begin{equation}\\label{eq:ne}\n"
        "  \\Delta Y = N \\bar{\\Delta RY} \\bar{M}\n\\end{equation}\n"
        "\\begin{align*}\n a &= b \\\\\n c &= d \\nonumber\n\\end{align*}\n"
    )
    assert body(source) == (
        "Cover $y = a \\log S$ and $x^2$.\n\n"
        "$$\n\\sum_i p_i = 1\n$$\n\n"
        "$$\n\\Delta Y = N \\bar{\\Delta RY} \\bar{M}\n$$\n\n"
        "$$\n\\begin{aligned}\na &= b \\\\\nc &= d\n\\end{aligned}\n$$\n"
    )


def test_lists_nest_and_description_items_keep_their_labels() -> None:
    source = r"""\begin{itemize}
  \item<2-> First
  \begin{enumerate}
    \item one
    \item two
  \end{enumerate}
  \item Second
\end{itemize}
\begin{description}
  \item[Design] 147 plots
  \item[Response:] cover
\end{description}"""
    assert body(source) == (
        "- First\n\n  1. one\n  2. two\n- Second\n\n"
        "- **Design**: 147 plots\n- **Response**: cover\n"
    )


def test_code_figures_footnotes_tables_and_theorems_keep_their_content() -> None:
    source = r"""\begin{lstlisting}[language=R]
x <- lm(y ~ S) # 100% sure
\end{lstlisting}
\begin{minted}{python}
print("hi")
\end{minted}
\begin{figure}[h]
  \centering
  \includegraphics[width=.5\linewidth]{fig/cover.png}
  \caption{Cover against richness}
\end{figure}
Plots\footnote{At Cedar Creek.} were burned.
\begin{tabular}{lr}
\toprule
Site & Plots \\ \midrule
Cedar Creek & 147 \\
\bottomrule
\end{tabular}
\begin{theorem}[Saturation]
Cover saturates.
\end{theorem}
\begin{tikzpicture}\draw (0,0) -- (1,1);\end{tikzpicture}"""
    assert body(source) == (
        "```r\nx <- lm(y ~ S) # 100% sure\n```\n\n"
        '```python\nprint("hi")\n```\n\n'
        "![](fig/cover.png)\n*Cover against richness*\n\n"
        "Plots[^1] were burned.\n\n"
        "| Site | Plots |\n| --- | --- |\n| Cedar Creek | 147 |\n\n"
        "**Theorem (Saturation).**\nCover saturates.\n\n"
        "[^1]: At Cedar Creek.\n"
    )


def test_beamer_frames_blocks_and_overlays_become_headings_and_text() -> None:
    source = r"""\documentclass{beamer}
\title{Journal club}
\begin{document}
\begin{frame}\titlepage\end{frame}
\section{Background}
\begin{frame}[fragile]{Design}{Cedar Creek}
  \begin{block}{Treatments}
    0--24 species \pause more \only<2>{later} \alert{here}
  \end{block}
\end{frame}
\begin{frame}
  \frametitle{Results}
  Cover rises.
\end{frame}
\end{document}"""
    assert markdown(source) == (
        "# Journal club\n\n## Background\n\n### Design\n*Cedar Creek*\n\n"
        "**Treatments**\n\n0–24 species more later **here**\n\n### Results\n\nCover rises.\n"
    )


def test_a_command_of_the_note_takers_own_keeps_its_words_on_a_line_of_their_own() -> None:
    source = (
        "\\readon{Oct 2022}\n\\textbf{Ref:} \\fullcite{tibshirani1996}\n"
        "\\lecture[x]{3}{Fri 25 Feb}{Rings}\n\\rule{1pt}{2cm}\n"
    )
    assert body(source) == "Oct 2022\n**Ref:** [@tibshirani1996]\nFri 25 Feb — Rings\n"


def test_a_preamble_of_settings_and_definitions_has_no_notes_and_is_no_error() -> None:
    source = r"""\usepackage[utf8]{inputenc}
\usepackage[backend=biber]{biblatex}
\addbibresource{refs.bib}
\newcommand{\R}{\mathbb{R}}
\renewcommand{\vec}[1]{\boldsymbol{#1}}
\def\norm#1{\left\|#1\right\|}
\newtheorem{thm}{Theorem}[section]
\setbeamertemplate{navigation symbols}{}
\definecolor{primary}{HTML}{1E3A8A}
"""
    parsed = parse(source, "preamble.tex")
    assert parsed.entries == []
    assert markdown(source) == "\n"
    assert "settings, macros or \\input lines only" in parsed.warnings[0].message


@pytest.mark.parametrize(
    ("source", "line", "what"),
    [
        ("\\begin{document}\nA \\textbf{never closed\nB\n\\end{document}\n", 2, "a brace"),
        ("Text\n\n\\begin{itemize}\n\\item one\n", 3, "\\begin{itemize}"),
        ("One $x + y\nand more\n", 1, "math opened with $"),
        ("\\begin{document}\nText\n", 1, "\\begin{document}"),
    ],
)
def test_an_unclosed_brace_environment_or_math_is_an_error_at_its_line(
    source: str, line: int, what: str
) -> None:
    with pytest.raises(ParseError) as raised:
        parse(source, "notes/bad.tex")
    assert (raised.value.path, raised.value.line) == ("notes/bad.tex", line)
    assert raised.value.message == f"{what} opened here is never closed"


def test_a_tex_file_is_read_as_latex() -> None:
    assert detect(Path("notes/slides.tex"), "\\documentclass{beamer}\n").name == "latex"
