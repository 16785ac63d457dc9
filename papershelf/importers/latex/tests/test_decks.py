"""What names the paper a Beamer deck presents, read from the deck alone."""

from __future__ import annotations

from papershelf.importers.latex.parse import parse


def deck(preamble: str, frames: str) -> str:
    return (
        f"\\documentclass{{beamer}}\n{preamble}\n\\begin{{document}}\n{frames}\n\\end{{document}}\n"
    )


def named(source: str) -> list[tuple[str, str, str]]:
    """(cited key, paper title, evidence) of each paper the deck names."""
    document = parse(source, "jc/slides.tex")
    return [(e.cites, e.paper.title if e.paper else "", e.evidence) for e in document.entries]


def test_a_key_cited_in_the_subtitle_names_the_paper_whatever_the_frames_cite() -> None:
    source = deck(
        "\\title{Journal club}\\subtitle{\\citeauthor{hector1999} (\\citeyear{hector1999})}",
        "\\begin{frame}{Design}Eight sites \\cite{loreau2001}, \\cite{loreau2001}.\\end{frame}",
    )
    assert named(source) == [("hector1999", "", "cites hector1999 in its title")]


def test_the_deck_title_alone_is_the_sessions_name_not_a_paper() -> None:
    source = deck(
        "\\title{Why does fertilisation kill diversity?}",
        "\\begin{frame}{Experiment}Light added to the understory.\\end{frame}",
    )
    document = parse(source, "jc/slides.tex")
    assert document.entries == []
    assert document.warnings[0].message.startswith("a Beamer deck that names no paper")


def test_a_title_over_its_authors_and_year_names_the_paper_with_its_identifier() -> None:
    source = deck(
        "\\title{\\textbf{Attention Is All You Need}}\n"
        "\\subtitle{\\textit{Vaswani et al., NeurIPS 2017}}",
        "{\\begin{frame}[plain]\n  {\\Huge Attention Is All You Need}\\\\\n"
        "  {\\small arXiv:1706.03762}\n"
        "\\end{frame}\n}\n\\begin{frame}{Highlights}{What you will get}\n  Self-attention.\n"
        "\\end{frame}",
    )
    paper = parse(source, "jc/slides.tex").entries[0].paper
    assert paper is not None
    assert (paper.title, paper.authors, paper.year, paper.venue, paper.arxiv_id) == (
        "Attention Is All You Need",
        ["Vaswani"],
        2017,
        "NeurIPS",
        "1706.03762",
    )


def test_authors_and_year_in_the_title_and_the_papers_title_below_name_it_too() -> None:
    source = deck(
        "\\title{Tilman, Wedin \\& Knops (1996)}\n"
        "\\subtitle{Productivity and sustainability influenced by biodiversity in grassland "
        "ecosystems}",
        "\\begin{frame}{Design}147 plots.\\end{frame}",
    )
    document = parse(source, "jc/slides.tex")
    paper = document.entries[0].paper
    assert paper is not None
    assert (paper.title, paper.authors, paper.year) == (
        "Productivity and sustainability influenced by biodiversity in grassland ecosystems",
        ["Tilman", "Wedin", "Knops"],
        1996,
    )


def test_a_papers_frame_citing_two_keys_gives_each_its_frames() -> None:
    source = deck(
        "\\title{Is local biodiversity declining?}",
        "\\begin{frame}{Papers}\\begin{enumerate}\\item \\fullcite{vellend2013}\n"
        "\\item \\fullcite{dornelas2014}\\end{enumerate}\\end{frame}\n"
        "\\begin{frame}{Vellend et al.}168 studies.\\end{frame}\n"
        "\\begin{frame}{Dornelas et al.}100 time series.\\end{frame}\n"
        "\\begin{frame}{Discussion}Richness or turnover?\\end{frame}",
    )
    document = parse(source, "jc/slides.tex")
    summaries = {e.cites: e.summary.markdown for e in document.entries if e.summary}
    assert set(summaries) == {"vellend2013", "dornelas2014"}
    assert "168 studies." in summaries["vellend2013"]
    assert "Richness or turnover?" in summaries["vellend2013"]
    assert summaries["dornelas2014"] == "## Dornelas et al.\n\n100 time series."


def test_a_paper_frame_with_a_companion_reference_names_both() -> None:
    source = deck(
        "\\title{Cedar Creek}",
        "\\begin{frame}{The paper}\n\\fullcite{tilman1996}\n\\vfill\n"
        "Plus the follow-up: Tilman, Reich, Knops, Wedin, Mielke \\& Lehman (2001) "
        "``Diversity and productivity in a long-term grassland experiment'', "
        "\\emph{Science} 294:843--845.\n\\end{frame}",
    )
    assert [(key, title) for key, title, _ in named(source)] == [
        ("tilman1996", ""),
        ("", "Diversity and productivity in a long-term grassland experiment"),
    ]


def test_a_reference_the_first_frame_opens_with_names_the_paper() -> None:
    source = deck(
        "\\title{JC}",
        "\\begin{frame}{Today}\nHooper, D. U., Chapin, F. S., Ewel, J. J. (2005). "
        "Effects of biodiversity on ecosystem functioning: a consensus of current knowledge. "
        "\\emph{Ecological Monographs} 75: 3--35. doi: 10.1890/04-0922\n\\end{frame}\n"
        "\\begin{frame}{Certain}Traits matter.\\end{frame}",
    )
    document = parse(source, "jc/slides.tex")
    paper = document.entries[0].paper
    assert paper is not None
    assert (paper.doi, paper.year, paper.authors[0]) == ("10.1890/04-0922", 2005, "D. U. Hooper")
    assert document.entries[0].evidence == "the reference its first frame opens with"


def test_the_key_cited_on_most_frames_names_the_paper_when_nothing_else_does() -> None:
    source = deck(
        "\\title{Reading group}",
        "\\begin{frame}{Setup}As in \\textcite{isbell2015}.\\end{frame}\n"
        "\\begin{frame}{Results}Resistance \\parencite{isbell2015}, not resilience "
        "\\parencite{tilman2006}.\\end{frame}",
    )
    assert named(source) == [("isbell2015", "", "cites isbell2015 on more frames than any other")]


def test_a_subtitle_that_reads_like_a_title_names_the_paper_last() -> None:
    source = deck(
        "\\title{Journal club, week 3}\n"
        "\\subtitle{Competition for light causes plant biodiversity loss after eutrophication}",
        "\\begin{frame}{Experiment}Glasshouse.\\end{frame}",
    )
    assert named(source) == [
        (
            "",
            "Competition for light causes plant biodiversity loss after eutrophication",
            "the deck's subtitle",
        )
    ]


def test_two_keys_in_the_title_or_a_papers_frame_title_name_the_decks_papers() -> None:
    two = deck("\\title{\\citet{ioffe2015batch} vs.\\ \\citet{ba2016layer}}", "Text.")
    assert [key for key, _, _ in named(two)] == ["ioffe2015batch", "ba2016layer"]
    titled = deck(
        "\\title{Journal club}",
        "\\begin{frame}{Paper: \\citetitle{vaswani2017attention}}\\bibentry{x}\\end{frame}",
    )
    assert [key for key, _, _ in named(titled)] == ["vaswani2017attention", "x"]
