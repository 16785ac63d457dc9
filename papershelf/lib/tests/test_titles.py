from __future__ import annotations

import pytest

from papershelf.lib.titles import (
    is_probably_title,
    normalise_title,
    plain_title,
    short_title_key,
    title_variants,
)


def test_it_ignores_case_punctuation_and_spacing() -> None:
    key = normalise_title("Attention Is All You Need")
    assert normalise_title("attention is all you need.") == key
    assert normalise_title("  Attention   is all YOU need!  ") == key


def test_it_treats_hyphenated_spaced_and_joined_words_as_equal() -> None:
    key = normalise_title("Auto-Encoding Variational Bayes")
    assert normalise_title("Auto Encoding Variational Bayes") == key
    assert normalise_title("Autoencoding variational Bayes") == key
    assert normalise_title("Auto–Encoding Variational Bayes") == key  # en dash


def test_it_removes_accents_and_latex_markup() -> None:
    assert normalise_title(r"Learning with Kernels by Sch{\"o}lkopf") == normalise_title(
        "Learning with kernels by Scholkopf"
    )
    assert normalise_title(r"{BERT}: Pre-training of Deep {Bidirectional} Transformers") == (
        normalise_title("BERT: Pre-training of deep bidirectional transformers")
    )
    assert normalise_title("Café naïve résumé") == "cafenaiveresume"


def test_it_keeps_letters_of_other_scripts() -> None:
    assert normalise_title("深度学习 综述") == "深度学习综述"


def test_plain_title_decodes_latex_and_drops_braces() -> None:
    assert plain_title(r"{G}raph {N}eural   {N}etworks for {\"u}") == "Graph Neural Networks for ü"
    assert plain_title("No markup here") == "No markup here"


def test_variants_include_the_title_without_its_acronym_prefix() -> None:
    variants = title_variants("CLIP: Learning Transferable Visual Models From Natural Language")
    assert normalise_title("Learning Transferable Visual Models From Natural Language") in variants
    assert normalise_title("CLIP: Learning Transferable Visual Models From Natural Language") in (
        variants
    )


def test_variants_include_the_title_without_a_trailing_annotation() -> None:
    variants = title_variants("Language Models are Few-Shot Learners (GPT-3)")
    assert normalise_title("Language Models are Few-Shot Learners") in variants


def test_variants_include_the_title_without_a_leading_or_catalogue_the() -> None:
    assert normalise_title("Annotated Transformer Explained Line By Line") in title_variants(
        "The Annotated Transformer Explained Line by Line"
    )
    assert normalise_title("Annotated Transformer Explained Line By Line") in title_variants(
        "Annotated Transformer Explained Line by Line, The"
    )


def test_variants_never_shrink_to_a_short_heading() -> None:
    variants = title_variants("Adam: A Method")
    assert variants == {normalise_title("Adam: A Method")}
    assert normalise_title("A Survey") not in title_variants("ViT: A Survey")


@pytest.mark.parametrize(
    "heading", ["Attention", "Transformer", "GAN", "Image Transformers", "The Transformer", ""]
)
def test_short_headings_are_not_titles(heading: str) -> None:
    assert not is_probably_title(heading)


@pytest.mark.parametrize(
    "citation",
    ["Macosko et al. 2015", "Kirschner, Sweller & Clark 2006", "Bony et al. (2015)", "Hansen 1981"],
)
def test_who_and_when_is_a_citation_not_a_title(citation: str) -> None:
    assert not is_probably_title(citation)


@pytest.mark.parametrize(
    "title",
    [
        "Attention Is All You Need",
        "Neural Machine Translation by Jointly Learning to Align and Translate",
        "Adam: A Method for Stochastic Optimization",
        "BERT: Pre-training of Deep Bidirectional Transformers",
        "Auto-Encoding Variational Bayes",
        "Deep Residual Learning for Image Recognition",
    ],
)
def test_real_paper_titles_are_titles(title: str) -> None:
    assert is_probably_title(title)


def test_urls_and_paragraphs_are_not_titles() -> None:
    assert not is_probably_title("https://arxiv.org/abs/1706.03762 is the paper we read")
    assert not is_probably_title("word " * 80)


def test_short_titles_have_a_key_that_ignores_case_and_latex() -> None:
    assert short_title_key("Layer normalization") == "layernormalization"
    assert short_title_key("{L}ayer {N}ormalization") == "layernormalization"
    assert short_title_key("Dropout") == "dropout"


@pytest.mark.parametrize(
    "text", ["Attention Is All You Need", "", "The", "https://arxiv.org/abs/1607.06450"]
)
def test_real_titles_and_non_titles_have_no_short_title_key(text: str) -> None:
    assert short_title_key(text) == ""


@pytest.mark.parametrize(
    "heading",
    [
        "Why I still start with BLAST",
        "What I'm doing in my own work",
        "Welcome to the lab wiki",
        "Group meeting 2024-02-15",
    ],
)
def test_a_heading_in_the_first_person_or_naming_a_meeting_is_no_papers_title(heading: str) -> None:
    assert not is_probably_title(heading)


@pytest.mark.parametrize(
    "title",
    [
        "Do As I Can, Not As I Say: Grounding Language in Robotic Affordances",
        "Lower bounds for finding stationary points I",
    ],
)
def test_a_roman_one_or_a_quoted_i_keeps_a_title(title: str) -> None:
    assert is_probably_title(title)


@pytest.mark.parametrize(
    "heading",
    [
        "Welcome Mei-Ling and Jordan to the lab!",
        "Field day 2023 recap: strip trials and the new sprayer",
        "Field diary: planting week at the North Farm",
        "How-to: running APSIM Next Gen on the lab server",
        "Journal club is back for spring 2023",
        "README for new students -- read this before the reading list",
        "Click here to edit markdown :wave:",
    ],
)
def test_a_lab_blogs_news_and_a_folders_readme_are_not_titles(heading: str) -> None:
    assert not is_probably_title(heading)


def test_a_paper_titled_how_to_without_a_colon_is_still_a_title() -> None:
    assert is_probably_title("How to Backdoor Federated Learning")
