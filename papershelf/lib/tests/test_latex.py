from __future__ import annotations

from hypothesis import given

from papershelf.lib.latex import decode_latex, latex_to_text
from papershelf.lib.tests.latex_strategies import LATEX_SETTINGS, latex_like_text
from papershelf.lib.titles import normalise_title, plain_title, title_variants


def test_a_link_reads_as_its_text_and_its_address() -> None:
    text = latex_to_text(r"see \href{https://arxiv.org/abs/1607.06450}{the paper}")
    assert text == "see the paper <https://arxiv.org/abs/1607.06450>"


def test_accents_decode_inside_and_outside_braces() -> None:
    assert latex_to_text(r"I{\~n}igo M{\"u}ller Gar\c{c}on Stra{\ss}e Sj{\o}berg") == (
        "Iñigo Müller Garçon Straße Sjøberg"
    )


def test_latex_the_decoder_cannot_read_is_kept_as_written_with_the_reason() -> None:
    decoded = decode_latex(r"a link without its text: \href{https://example.org}")
    assert decoded.text == r"a link without its text: \href{https://example.org}"
    assert decoded.error


def test_a_title_with_a_broken_link_still_has_a_plain_form_and_a_key() -> None:
    title = r"Layer Normalization \href{https://arxiv.org/abs/1607.06450}"
    assert plain_title(title).startswith("Layer Normalization ")
    assert normalise_title(title).startswith("layernormalization")


@LATEX_SETTINGS
@given(latex_like_text)
def test_decoding_never_fails_whatever_the_latex(text: str) -> None:
    assert isinstance(latex_to_text(text), str)
    assert isinstance(plain_title(text), str)
    assert isinstance(title_variants(text), set)
