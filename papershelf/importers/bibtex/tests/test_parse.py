from __future__ import annotations

import pytest

from papershelf.importers.bibtex.parse import parse
from papershelf.importers.records import PaperRecord, ParseError

# Real-world shapes: DBLP export (with @string and crossref), Google Scholar export,
# Zotero Better BibTeX export with biblatex fields.
DBLP = r"""@string{nips = "Advances in Neural Information Processing Systems"}

@inproceedings{DBLP:conf/nips/VaswaniSPUJGKP17,
  author    = {Ashish Vaswani and
               Noam Shazeer and
               Niki Parmar and
               Jakob Uszkoreit and
               Llion Jones and
               Aidan N. Gomez and
               Lukasz Kaiser and
               Illia Polosukhin},
  title     = {Attention is {All} you Need},
  booktitle = nips,
  pages     = {5998--6008},
  year      = {2017},
  url       = {https://proceedings.neurips.cc/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html},
  biburl    = {https://dblp.org/rec/conf/nips/VaswaniSPUJGKP17.bib},
  bibsource = {dblp computer science bibliography, https://dblp.org}
}

@article{DBLP:journals/corr/BahdanauCB14,
  author     = {Dzmitry Bahdanau and Kyunghyun Cho and Yoshua Bengio},
  title      = {Neural Machine Translation by Jointly Learning to Align and Translate},
  journal    = {CoRR},
  volume     = {abs/1409.0473},
  year       = {2014},
  eprinttype = {arXiv},
  eprint     = {1409.0473},
}
"""

SCHOLAR = r"""@article{devlin2018bert,
  title={Bert: Pre-training of deep bidirectional transformers for language understanding},
  author={Devlin, Jacob and Chang, Ming-Wei and Lee, Kenton and Toutanova, Kristina},
  journal={arXiv preprint arXiv:1810.04805},
  year={2018}
}

@article{krizhevsky2017imagenet,
  title={ImageNet classification with deep convolutional neural networks},
  author={Krizhevsky, Alex and Sutskever, Ilya and Hinton, Geoffrey E},
  journal={Communications of the ACM},
  volume={60},
  number={6},
  pages={84--90},
  year={2017},
  publisher={AcM New York, NY, USA}
}
"""


def _only_paper(text: str) -> PaperRecord:
    document = parse(text, "refs.bib")
    assert len(document.entries) == 1
    paper = document.entries[0].paper
    assert paper is not None
    return paper


def test_it_reads_a_dblp_export_with_string_macros() -> None:
    document = parse(DBLP, "dblp.bib")
    assert document.format == "bibtex"
    assert [entry.line for entry in document.entries] == [3, 21]
    vaswani, bahdanau = (entry.paper for entry in document.entries)
    assert vaswani is not None and bahdanau is not None
    assert vaswani.title == "Attention is All you Need"
    assert vaswani.authors[0] == "Ashish Vaswani"
    assert vaswani.authors[-1] == "Illia Polosukhin"
    assert len(vaswani.authors) == 8
    assert vaswani.venue == "Advances in Neural Information Processing Systems"
    assert vaswani.year == 2017
    assert vaswani.entry_type == "inproceedings"
    assert vaswani.bibtex_key == "DBLP:conf/nips/VaswaniSPUJGKP17"
    assert vaswani.dblp_key == "conf/nips/VaswaniSPUJGKP17"
    assert vaswani.url.startswith("https://proceedings.neurips.cc/paper/2017/")
    assert bahdanau.arxiv_id == "1409.0473"
    assert bahdanau.venue == "CoRR"


def test_it_finds_the_arxiv_id_in_a_google_scholar_journal_field() -> None:
    document = parse(SCHOLAR, "scholar.bib")
    bert, alexnet = (entry.paper for entry in document.entries)
    assert bert is not None and alexnet is not None
    assert bert.arxiv_id == "1810.04805"
    assert bert.venue == "arXiv"
    assert bert.authors == ["Jacob Devlin", "Ming-Wei Chang", "Kenton Lee", "Kristina Toutanova"]
    assert alexnet.arxiv_id == ""
    assert alexnet.venue == "Communications of the ACM"
    assert alexnet.authors[2] == "Geoffrey E Hinton"


def test_it_reads_eprint_with_archive_prefix_and_version() -> None:
    paper = _only_paper(
        "@misc{v, title={Attention Is All You Need}, eprint={1706.03762v5},"
        " archivePrefix={arXiv}, primaryClass={cs.CL}}"
    )
    assert (paper.arxiv_id, paper.arxiv_version) == ("1706.03762", 5)
    assert paper.entry_type == "misc"


def test_it_ignores_an_eprint_from_another_archive() -> None:
    paper = _only_paper(
        "@misc{h, title={A Paper on Something}, eprint={1706.03762}, archivePrefix={HAL}}"
    )
    assert paper.arxiv_id == ""


@pytest.mark.parametrize(
    ("fields", "arxiv_id"),
    [
        ("arxiv={1706.03762}", "1706.03762"),
        ("url={https://arxiv.org/abs/1706.03762v2}", "1706.03762"),
        ("url={https://arxiv.org/pdf/1706.03762.pdf}", "1706.03762"),
        ("note={arXiv:1706.03762}", "1706.03762"),
        (r"howpublished={\url{https://arxiv.org/abs/1706.03762}}", "1706.03762"),
        ("doi={10.48550/arXiv.1706.03762}", "1706.03762"),
    ],
)
def test_it_finds_arxiv_ids_wherever_exporters_put_them(fields: str, arxiv_id: str) -> None:
    paper = _only_paper(f"@misc{{k, title={{Attention Is All You Need}}, {fields}}}")
    assert paper.arxiv_id == arxiv_id


def test_the_arxiv_doi_does_not_take_the_place_of_a_publisher_doi() -> None:
    paper = _only_paper("@misc{k, title={T}, doi={10.48550/arXiv.1706.03762}}")
    assert paper.doi == ""


def test_it_normalises_dois_and_sorts_links() -> None:
    paper = _only_paper(
        "@article{k, title={ImageNet Classification}, doi={https://doi.org/10.1145/3065386},"
        " url={https://github.com/akrizhevsky/cuda-convnet2},"
        " pdf={https://example.org/files/alexnet}}"
    )
    assert paper.doi == "10.1145/3065386"
    assert paper.code_url == "https://github.com/akrizhevsky/cuda-convnet2"
    assert paper.pdf_url == "https://example.org/files/alexnet"
    assert paper.url == ""


def test_it_keeps_percent_signs_in_urls() -> None:
    paper = _only_paper("@misc{k, title={T}, url={https://example.org/a%20b?x=1&y=2}}")
    assert paper.url == "https://example.org/a%20b?x=1&y=2"


def test_it_finds_openreview_ids_in_urls() -> None:
    paper = _only_paper(
        "@inproceedings{k, title={An Image is Worth 16x16 Words}, booktitle={ICLR},"
        " url={https://openreview.net/forum?id=YicbFdNTTy}}"
    )
    assert paper.openreview_id == "YicbFdNTTy"


def test_it_decodes_latex_accents_in_titles_and_names() -> None:
    paper = _only_paper(
        r"""@book{k,
          title = {Learning with Kernels: {S}upport {V}ector {M}achines, {\"U}ber -- na\"{\i}ve},
          author = {Sch{\"o}lkopf, Bernhard and Smola, Alexander J. and Gau{\ss}, Carl and
                    Ca\~{n}ete, Jos\'{e} and Erd\H{o}s, Paul},
          publisher = {MIT Press}, year = {2002}}"""
    )
    assert paper.title == "Learning with Kernels: Support Vector Machines, Über – naïve"
    assert paper.authors == [
        "Bernhard Schölkopf",
        "Alexander J. Smola",
        "Carl Gauß",
        "José Cañete",
        "Paul Erdős",
    ]


def test_it_reads_every_author_name_form() -> None:
    paper = _only_paper(
        r"""@article{k, title={T},
          author = {Ludwig van Beethoven and de la Fontaine, Jr., Jean and
                    {van der Maaten}, Laurens and {World Health Organization} and
                    {OpenAI} and Yann LeCun and others}}"""
    )
    assert paper.authors == [
        "Ludwig van Beethoven",
        "Jean de la Fontaine Jr.",
        "Laurens van der Maaten",
        "World Health Organization",
        "OpenAI",
        "Yann LeCun",
    ]


def test_it_takes_the_year_from_year_or_biblatex_date() -> None:
    assert _only_paper("@article{k, title={T}, year={2017a}}").year == 2017
    assert _only_paper("@article{k, title={T}, date={2019-06-12}}").year == 2019
    assert _only_paper("@article{k, title={T}, year={forthcoming}}").year is None


def test_it_splits_keywords_on_commas_and_semicolons() -> None:
    paper = _only_paper(
        "@article{k, title={T}, keywords={transformers; attention, NLP,, attention}}"
    )
    assert paper.keywords == ["transformers", "attention", "NLP"]


def test_it_keeps_abstract_and_note_with_bare_percent_signs() -> None:
    paper = _only_paper(
        "@article{k, title={T}, abstract={We improve BLEU by 2% over\n  the best model.},"
        " note={Oral, top 5% \\& spotlight}}"
    )
    assert paper.abstract == "We improve BLEU by 2% over the best model."
    assert paper.note == "Oral, top 5% & spotlight"


def test_it_reads_biblatex_journaltitle_and_field_names_in_any_case() -> None:
    paper = _only_paper("@Article{k, Title={Deep Learning}, JournalTitle={Nature}, YEAR=2015}")
    assert (paper.title, paper.venue, paper.year, paper.entry_type) == (
        "Deep Learning",
        "Nature",
        2015,
        "article",
    )


def test_it_inherits_venue_and_year_through_crossref_and_skips_the_proceedings() -> None:
    document = parse(
        r"""@inproceedings{DBLP:conf/iclr/DosovitskiyB0WZ21,
          author = {Alexey Dosovitskiy and Lucas Beyer},
          title = {An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale},
          crossref = {DBLP:conf/iclr/2021}}
        @proceedings{DBLP:conf/iclr/2021,
          title = {9th International Conference on Learning Representations, {ICLR} 2021},
          publisher = {OpenReview.net}, year = {2021}}""",
        "dblp.bib",
    )
    assert len(document.entries) == 1
    paper = document.entries[0].paper
    assert paper is not None
    assert paper.venue == "9th International Conference on Learning Representations, ICLR 2021"
    assert paper.year == 2021


_ENTRY_TYPES = (
    "article book inbook incollection inproceedings conference manual mastersthesis"
    " phdthesis techreport misc unpublished online thesis report dataset software"
)


@pytest.mark.parametrize("entry_type", _ENTRY_TYPES.split())
def test_it_reads_every_entry_type(entry_type: str) -> None:
    paper = _only_paper(f"@{entry_type}{{k, title={{A Title}}, year=2020}}")
    assert (paper.entry_type, paper.title) == (entry_type, "A Title")


def test_it_reads_the_school_of_a_thesis_as_venue() -> None:
    assert _only_paper("@phdthesis{k, title={T}, school={MIT}}").venue == "MIT"


def test_it_skips_comments_preambles_and_text_between_entries() -> None:
    document = parse(
        "% exported 2024\n@comment{jabref-meta: databaseType:bibtex;}\n"
        '@preamble{ "\\newcommand{\\noop}[1]{}" }\nsome stray text\n'
        "@misc{a, title={One}}\n",
        "refs.bib",
    )
    assert [entry.line for entry in document.entries] == [5]


def test_it_warns_about_duplicate_keys_and_keeps_both_entries() -> None:
    document = parse("@misc{a, title={One}}\n@misc{a, title={Two}}\n", "refs.bib")
    assert [entry.paper.title for entry in document.entries if entry.paper] == ["One", "Two"]
    assert [(warning.line, warning.message) for warning in document.warnings] == [
        (2, "Duplicate entry key 'a'")
    ]


def test_an_entry_without_title_or_identifier_is_reported_not_imported() -> None:
    document = parse("@misc{empty, author={Someone}}\n", "refs.bib")
    assert document.entries[0].paper is None
    assert str(document.warnings[0]) == "refs.bib:1: entry 'empty' has no title"


def test_an_entry_without_title_but_with_an_identifier_is_kept() -> None:
    paper = _only_paper("@misc{k, eprint={1706.03762}, archivePrefix={arXiv}}")
    assert (paper.title, paper.arxiv_id) == ("", "1706.03762")


def test_unbalanced_braces_raise_an_error_naming_the_file_and_the_entry_line() -> None:
    text = (
        "@misc{fine, title={Fine}}\n\n"
        "@article{broken,\n  title = {Unbalanced {braces},\n  year = 2019\n}\n\n"
        "@misc{after, title={After}}\n"
    )
    with pytest.raises(ParseError) as raised:
        parse(text, "refs.bib")
    assert (raised.value.path, raised.value.line) == ("refs.bib", 3)
    assert str(raised.value).startswith("refs.bib:3: cannot read entry '@article{broken'")


def test_a_file_cut_off_mid_entry_raises_at_that_entry() -> None:
    with pytest.raises(ParseError) as raised:
        parse("@misc{a, title={A}}\n@misc{b, title={B\n", "refs.bib")
    assert raised.value.line == 2
    assert "end of file" in raised.value.message


@pytest.mark.parametrize("text", ["", "   \n", "just some text, no entries", "@comment{x}"])
def test_a_file_without_entries_raises_no_entries(text: str) -> None:
    with pytest.raises(ParseError, match="no entries"):
        parse(text, "empty.bib")


def test_it_resolves_string_concatenation() -> None:
    paper = _only_paper(
        '@string{proc = "Proceedings of the "}\n'
        '@inproceedings{k, title = "Part one" # " and two", booktitle = proc # {{ICML} 2020},'
        " note = {C# is kept as written}}"
    )
    assert paper.title == "Part one and two"
    assert paper.venue == "Proceedings of the ICML 2020"
    assert paper.note == "C# is kept as written"


def test_a_dangling_and_in_an_author_list_is_ignored() -> None:
    assert _only_paper("@misc{k, title={T}, author={Doe, Jane and}}").authors == ["Jane Doe"]


def test_an_entry_without_a_key_does_not_borrow_from_itself() -> None:
    assert _only_paper("@misc{, title={No key}}").venue == ""


def test_it_takes_the_dblp_key_from_biburl_when_the_key_is_the_users_own() -> None:
    paper = _only_paper(
        "@inproceedings{vaswani2017, title={Attention is All you Need},"
        " biburl={https://dblp.org/rec/conf/nips/VaswaniSPUJGKP17.bib}}"
    )
    assert (paper.bibtex_key, paper.dblp_key) == ("vaswani2017", "conf/nips/VaswaniSPUJGKP17")


def test_a_howpublished_url_becomes_the_papers_link() -> None:
    paper = _only_paper(
        r"@misc{k, title={The Illustrated Transformer},"
        r" howpublished={\url{https://jalammar.github.io/illustrated-transformer/}}}"
    )
    assert paper.url == "https://jalammar.github.io/illustrated-transformer/"


# A conference workshop list as ACL Anthology and Google Scholar export it: accents in
# braces, the tilde one among them, in the middle of an author list.
ACCENTED_AUTHORS = r"""@inproceedings{semeval-sts,
  title = {Shared Task on Sentence Similarity: Multilingual and Cross-lingual Focused Evaluation},
  author = {Cer, Daniel and Lopez-Gazpio, I{\~n}igo and Specia, Lucia},
  booktitle = {Proceedings of the Workshop on Semantic Evaluation},
  year = {2017}
}
"""


def test_a_braced_tilde_accent_keeps_the_next_author_a_separate_person() -> None:
    paper = _only_paper(ACCENTED_AUTHORS)
    assert paper.authors == ["Daniel Cer", "Iñigo Lopez-Gazpio", "Lucia Specia"]


@pytest.mark.parametrize(
    ("written", "reads"),
    [
        (r"I{\~n}igo", "Iñigo"),
        (r"I\~{n}igo", "Iñigo"),
        (r"I\~nigo", "Iñigo"),
        (r"{\~N}u{\~n}ez", "Ñuñez"),
        (r"Ren{\'e}", "René"),
        (r"Ren\'{e}", "René"),
        (r"J{\"u}rgen", "Jürgen"),
        (r"Fran{\c{c}}ois", "François"),
        (r"Fran\c{c}ois", "François"),
        (r"Strau{\ss}", "Strauß"),
        (r"Bj{\o}rn", "Bjørn"),
        (r"{\O}ystein", "Øystein"),
    ],
)
def test_accents_in_any_brace_form_keep_authors_apart(written: str, reads: str) -> None:
    paper = _only_paper(
        f"@article{{k, title={{T}}, author={{Moreno, {written} and Specia, Lucia}}, year={{2020}}}}"
    )
    assert paper.authors == [f"{reads} Moreno", "Lucia Specia"]


@pytest.mark.parametrize(
    "fields",
    [
        "journal = {Ar{X}iv:1607.06450}",  # hand-kept, capitals protected
        "journal = {arXiv preprint arXiv:1607.06450}",  # Google Scholar
        "journal = {arXiv:1607.06450 [cs, stat]}",  # Zotero
        "journal = {ArXiv}, volume = {abs/1607.06450}",  # Semantic Scholar
        "journal = {CoRR}, volume = {abs/1607.06450}",  # DBLP without eprint
        "eprint = {1607.06450}, archivePrefix = {arXiv}, primaryClass = {stat.ML}",
        "eprint = {1607.06450}, archivePrefix = {ar{X}iv}",
        "eprint = {1607.06450}, eprinttype = {arxiv}",  # BibLaTeX
        "note = {arXiv: 1607.06450}",  # Zotero
        r"note = {arXiv: \href{https://arxiv.org/abs/1607.06450}{1607.06450}. preprint}",
        "number = {arXiv:1607.06450}, institution = {arXiv}",  # Zotero preprint as report
        "url = {https://arxiv.org/abs/1607.06450v2}",
        "howpublished = {arXiv preprint arXiv:1607.06450}",
        r"howpublished = {\url{http://arxiv.org/abs/1607.06450}}",
    ],
)
def test_it_finds_the_arxiv_id_in_every_shape_real_bibliographies_use(fields: str) -> None:
    paper = _only_paper(
        "@article{ba2016layer, title = {Layer normalization},"
        f" author = {{Ba, Jimmy Lei and Kiros, Jamie Ryan}}, year = {{2016}}, {fields}}}"
    )
    assert paper.arxiv_id == "1607.06450"


def test_a_corr_volume_that_is_no_arxiv_id_gives_none() -> None:
    paper = _only_paper("@article{k, title={T}, journal={CoRR}, volume={abs/cs-0112}}")
    assert paper.arxiv_id == ""


def test_a_journals_article_number_in_front_of_the_title_is_left_out() -> None:
    text = (
        "@article{arrhenius1896xxxi, title={XXXI. On the influence of carbonic acid in the air "
        "upon the temperature of the ground}, author={Arrhenius, Svante}, year={1896}}"
    )
    assert _only_paper(text).title.startswith("On the influence of carbonic acid")
