from __future__ import annotations

from pathlib import Path

import pytest

from papershelf.importers.medline.names import full_name, short_name
from papershelf.importers.medline.parse import parse
from papershelf.importers.medline.tests.fixtures import (
    ANTI_VEGF,
    CLUSTER_STATISTICS,
    CORONAVIRUS,
    DOUBLE_HELIX,
    ERRATUM,
    INTERACTION_MAP,
    LIMO_EEG,
    nbib,
    pubmed_txt,
)
from papershelf.importers.records import PaperRecord, ParseError
from papershelf.importers.registry import detect

EXPORT = nbib(CORONAVIRUS, DOUBLE_HELIX, ANTI_VEGF, INTERACTION_MAP, ERRATUM)


def _papers(text: str) -> list[PaperRecord]:
    return [entry.paper for entry in parse(text, "pubmed.nbib").entries if entry.paper]


def _one(record: str) -> PaperRecord:
    [paper] = _papers(pubmed_txt(record))
    return paper


def test_it_reads_a_citation_manager_export_with_bom_and_crlf() -> None:
    document = parse(EXPORT, "pubmed.nbib")
    assert document.format == "medline"
    assert [entry.line for entry in document.entries] == [2, 58, 86, 103, 121]
    assert [paper.title for paper in _papers(EXPORT)] == [
        "A Novel Coronavirus from Patients with Pneumonia in China, 2019",
        "Molecular structure of nucleic acids; a structure for deoxyribose nucleic acid",
        "Impact of anti-VEGF therapy on the cellular microenvironment in retinal angiogenesis",
        "A SARS-CoV-2-Human Protein-Protein Interaction Map Reveals Drug Targets and "
        "Potential Drug-Repurposing",
    ]


def test_a_journal_article_gets_its_doi_pubmed_page_journal_and_year() -> None:
    paper = _one(CORONAVIRUS)
    assert paper.doi == "10.1056/nejmoa2001017"
    assert paper.url == "https://pubmed.ncbi.nlm.nih.gov/31978945/"
    assert (paper.venue, paper.year, paper.entry_type) == (
        "The New England journal of medicine",
        2020,
        "article",
    )
    assert paper.abstract.startswith("Our own words for a test: a cluster of pneumonia cases")
    assert "\n" not in paper.abstract and "  " not in paper.abstract


def test_full_names_and_the_group_stand_in_the_bylines_order() -> None:
    assert _one(CORONAVIRUS).authors == [
        "Na Zhu",
        "Dingyu Zhang",
        "Wenling Wang",
        "China Novel Coronavirus Investigating and Research Team",
        "Wenjie Tan",
    ]


def test_dois_and_pmids_of_comments_on_the_paper_are_not_its_own() -> None:
    paper = _one(CORONAVIRUS)
    assert paper.doi != "10.1056/nejme2001126" and "31978944" not in paper.url


def test_mesh_headings_become_keywords_without_their_qualifiers() -> None:
    assert _one(CORONAVIRUS).keywords == [
        "Betacoronavirus",
        "China",
        "Coronavirus Infections",
        "Humans",
        "Pneumonia, Viral",
    ]


def test_an_old_record_in_capitals_reads_as_names_and_its_doi_comes_from_the_source() -> None:
    paper = _one(DOUBLE_HELIX)
    assert paper.authors == ["J. D. Watson", "F. H. Crick"]
    assert (paper.year, paper.venue, paper.doi) == (1953, "Nature", "10.1038/171737a0")


def test_a_translated_title_loses_pubmeds_brackets() -> None:
    paper = _one(ANTI_VEGF)
    assert paper.title.startswith("Impact of anti-VEGF therapy")
    assert (paper.authors, paper.year, paper.doi) == (["Shintaro Nakao"], 2014, "")


def test_a_preprint_keeps_its_doi_and_is_filed_under_its_server() -> None:
    paper = _one(INTERACTION_MAP)
    assert (paper.doi, paper.venue, paper.entry_type) == (
        "10.1101/2020.03.22.002386",
        "bioRxiv",
        "misc",
    )


def test_an_arxiv_preprint_in_pubmed_gets_its_arxiv_id() -> None:
    record = (
        "PMID- 32550253\nDP  - 2020 Jun 3\nTI  - A made-up preprint title for a test.\n"
        "PG  - arXiv:2006.02313v1\nPT  - Preprint\nTA  - ArXiv\nJT  - ArXiv\n"
        "SO  - ArXiv [Preprint]. 2020 Jun 3:arXiv:2006.02313v1.\n"
    )
    paper = _one(record)
    assert (paper.arxiv_id, paper.arxiv_version, paper.doi) == ("2006.02313", 1, "")


def test_an_erratum_is_reported_and_left_out() -> None:
    document = parse(EXPORT, "pubmed.nbib")
    assert document.entries[-1].paper is None
    assert [str(w) for w in document.warnings] == [
        "pubmed.nbib:121: record is an erratum, not a paper: skipped"
    ]


def test_a_bookshelf_chapter_has_its_book_as_venue_and_no_editors_as_authors() -> None:
    record = (
        "PMID- 20301608\nSTAT- Publisher\nDP  - 1993\nTI  - Alpha-Thalassemia.\n"
        "BTI - GeneReviews(R)\nFED - Adam, Margaret P\nED  - Adam MP\n"
        "FAU - Tamary, Hannah\nAU  - Tamary H\nLA  - eng\nPT  - Review\n"
        "PT  - Book Chapter\nPB  - University of Washington, Seattle\n"
        "LID - NBK1435 [bookaccession]\n"
    )
    paper = _one(record)
    assert (paper.title, paper.venue, paper.entry_type) == (
        "Alpha-Thalassemia",
        "GeneReviews(R)",
        "incollection",
    )
    assert paper.authors == ["Hannah Tamary"]


def test_nlm_journal_titles_lose_what_only_tells_journals_apart() -> None:
    record = (
        "PMID- 1\nTI  - Some title of a paper.\nTA  - Science\nJT  - Science (New York, N.Y.)\n"
    )
    assert _one(record).venue == "Science"


def test_a_title_ending_in_an_abbreviation_keeps_its_stop() -> None:
    record = "PMID- 1\nTI  - Health care spending in the U.S.\nJT  - Health affairs\n"
    assert _one(record).title == "Health care spending in the U.S."


def test_an_author_keyword_two_records_share_becomes_a_topic_of_both() -> None:
    document = parse(pubmed_txt(LIMO_EEG, CLUSTER_STATISTICS), "pubmed-eeg.txt")
    # "Humans" is a check tag, "Electroencephalography/*methods" indexing with a qualifier.
    assert [topic.name for topic in document.topics] == ["ERP"]
    assert document.entry_topics == {0: ["ERP"], 1: ["ERP"]}
    limo = document.entries[0].paper
    assert limo is not None and limo.keywords == [
        "Electroencephalography",
        "Humans",
        "Linear Models",
        "ERP",
        "Hierarchical linear model",
    ]


def test_initials_get_their_stops_whether_run_together_or_not() -> None:
    cluster = parse(pubmed_txt(CLUSTER_STATISTICS), "p.txt").entries[0].paper
    assert cluster is not None and cluster.authors == ["C. R. Pernet", "T. E. Nichols"]


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("Pernet CR", "C. R. Pernet"),
        ("Jenkins FA Jr", "F. A. Jenkins Jr"),
        ("GARTLER SM", "S. M. Gartler"),
        ("van der Berg AB", "A. B. van der Berg"),
        ("Confucius", "Confucius"),
    ],
)
def test_a_short_name_of_a_record_without_full_names_is_in_reading_order(
    written: str, read: str
) -> None:
    assert short_name(written) == read


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("Woyach, Jennifer A", "Jennifer A Woyach"),
        ("Jenkins, Frank A Jr", "Frank A Jenkins Jr"),
        ("O'BRIEN, M", "M. O'Brien"),
        ("HOPFIELD, JOHN J", "John J Hopfield"),
        ("Rodriguez-Malave, Norma I", "Norma I Rodriguez-Malave"),
    ],
)
def test_a_full_name_is_in_reading_order(written: str, read: str) -> None:
    assert full_name(written) == read


def test_an_old_record_with_short_names_only_reads_them() -> None:
    record = "PMID- 2\nTI  - An old paper.\nAU  - Pernet CR\nAU  - Chauveau N\n"
    assert _one(record).authors == ["C. R. Pernet", "N. Chauveau"]


def test_a_record_without_a_title_is_reported_not_imported() -> None:
    document = parse("PMID- 3\nTI  - [Not Available].\nAU  - Doe J\n", "p.txt")
    assert document.entries[0].paper is None
    assert str(document.warnings[0]) == "p.txt:1: record has no title"


def test_a_line_that_is_no_medline_names_its_line() -> None:
    text = "PMID- 1\nTI  - One.\n\nPMID- 2\nTI  - Two.\nthis line is not MEDLINE\n"
    with pytest.raises(ParseError, match="not a MEDLINE line") as raised:
        parse(text, "p.txt")
    assert (raised.value.path, raised.value.line) == ("p.txt", 6)


def test_a_record_cut_in_two_by_a_blank_line_names_where_the_rest_begins() -> None:
    with pytest.raises(ParseError, match="must start with 'PMID- '") as raised:
        parse("PMID- 1\nTI  - One.\n\nAU  - Doe J\n", "p.txt")
    assert raised.value.line == 4


def test_an_indented_line_outside_a_record_is_an_error() -> None:
    with pytest.raises(ParseError, match="outside a record") as raised:
        parse("\n      continued text\nPMID- 1\n", "p.txt")
    assert raised.value.line == 2


@pytest.mark.parametrize("text", ["", "\r\n\r\n", "\ufeff"])
def test_an_empty_file_raises_no_entries(text: str) -> None:
    with pytest.raises(ParseError, match="no entries"):
        parse(text, "p.nbib")


def test_a_pubmed_txt_is_recognised_by_its_first_field_and_a_note_is_not() -> None:
    assert detect(Path("pubmed-eeg-set.txt"), pubmed_txt(LIMO_EEG)).name == "medline"
    assert detect(Path("citations.nbib"), EXPORT).name == "medline"
    note = "PMID- is what PubMed calls its ids.\n\nI read three papers today.\n"
    assert detect(Path("today.txt"), note).name != "medline"
