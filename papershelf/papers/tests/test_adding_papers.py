"""Adding a paper by hand through the form: every field, and the errors a user can make."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image
from pytest_django.fixtures import Settings

from papershelf.papers.models import Author, Paper, Venue


def tiny_png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (3, 2), "orange").save(buffer, format="PNG")
    return SimpleUploadedFile("key-figure.png", buffer.getvalue(), content_type="image/png")


@pytest.fixture
def media_root(settings: Settings) -> Path:
    # test_settings already puts MEDIA_ROOT in a throw-away directory; the media URL
    # route binds it when the URLconf loads, so it is not overridden per test.
    return Path(settings.MEDIA_ROOT)


def full_form() -> dict[str, object]:
    return {
        "title": "  Attention   Is All\nYou Need ",
        "authors": "Ashish Vaswani\n  Noam Shazeer\n\nNiki Parmar\nJakob Uszkoreit",
        "venue": "NeurIPS",
        "year": "2017",
        "abstract": "The dominant sequence transduction models are based on recurrence.",
        "arxiv": "https://arxiv.org/abs/1706.03762v5",
        "doi": "https://doi.org/10.5555/3295222.3295349",
        "bibtex_key": "vaswani2017attention",
        "dblp_key": "DBLP:conf/nips/VaswaniSPUJGKP17",
        "openreview": "https://openreview.net/forum?id=BJJsrmfCZ&noteId=abc",
        "pdf_url": "https://papers.nips.cc/paper/7181-attention.pdf",
        "code_url": "github.com/tensorflow/tensor2tensor",
        "project_url": "https://example.org/transformer",
        "url": "https://example.org/blog",
        "organisations": "Google Brain, Google Research; University of Toronto",
        "keywords": "attention, transformers",
    }


def test_it_adds_a_paper_with_every_field_from_the_form(
    alice_client: Client, media_root: Path
) -> None:
    response = alice_client.post(reverse("papers-new"), {**full_form(), "figure": tiny_png()})

    paper = Paper.objects.get()
    assert response.status_code == 302
    assert response["Location"] == paper.get_absolute_url()
    assert paper.title == "Attention Is All You Need"
    assert [a.name for a in paper.ordered_authors()] == [
        "Ashish Vaswani",
        "Noam Shazeer",
        "Niki Parmar",
        "Jakob Uszkoreit",
    ]
    assert paper.venue is not None and paper.venue.name == "NeurIPS"
    assert paper.year == 2017
    assert paper.abstract.startswith("The dominant sequence")
    assert (paper.arxiv_id, paper.arxiv_version) == ("1706.03762", 5)
    assert paper.doi == "10.5555/3295222.3295349"
    assert paper.bibtex_key == "vaswani2017attention"
    assert paper.dblp_key == "DBLP:conf/nips/VaswaniSPUJGKP17"
    assert paper.openreview_id == "BJJsrmfCZ"
    assert paper.pdf_url == "https://papers.nips.cc/paper/7181-attention.pdf"
    assert paper.code_url == "https://github.com/tensorflow/tensor2tensor"
    assert paper.project_url == "https://example.org/transformer"
    assert paper.url == "https://example.org/blog"
    assert paper.organisations == ["Google Brain", "Google Research", "University of Toronto"]
    assert paper.keywords == ["attention", "transformers"]
    assert paper.added_by is not None and paper.added_by.username == "alice"
    assert paper.figure.name.endswith(".png")
    assert (media_root / paper.figure.name).read_bytes().startswith(b"\x89PNG")


def test_the_new_paper_page_shows_what_was_entered(alice_client: Client, media_root: Path) -> None:
    alice_client.post(reverse("papers-new"), {**full_form(), "figure": tiny_png()})
    paper = Paper.objects.get()

    page = alice_client.get(paper.get_absolute_url()).content.decode()

    assert "Attention Is All You Need" in page
    assert page.index("Ashish Vaswani") < page.index("Noam Shazeer") < page.index("Niki Parmar")
    assert "Google Brain, Google Research, University of Toronto" in page
    assert "attention, transformers" in page
    assert f'src="{paper.figure.url}"' in page
    figure = alice_client.get(paper.figure.url)
    assert figure.status_code == 200
    assert b"".join(figure.streaming_content).startswith(b"\x89PNG")  # type: ignore[attr-defined]


def test_a_bare_arxiv_id_with_a_version_is_split_into_id_and_version(alice_client: Client) -> None:
    alice_client.post(reverse("papers-new"), {"title": "ResNet", "arxiv": "arXiv:1512.03385v1"})
    assert Paper.objects.values_list("arxiv_id", "arxiv_version").get() == ("1512.03385", 1)


def test_a_title_alone_is_enough(alice_client: Client) -> None:
    response = alice_client.post(reverse("papers-new"), {"title": "A workshop note"})
    assert response.status_code == 302
    paper = Paper.objects.get()
    assert (paper.venue, paper.year, paper.ordered_authors()) == (None, None, [])


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("arxiv", "not an arxiv id", "not an arXiv id"),
        ("arxiv", "https://example.org/abs/1706.03762", "not an arXiv id"),
        ("doi", "11.1234/nope", "not a DOI"),
        ("openreview", "https://example.org/forum?id=abc", "not an OpenReview id"),
        ("year", "17", "greater than or equal to 1600"),
    ],
)
def test_a_bad_identifier_shows_a_form_error_and_creates_nothing(
    alice_client: Client, field: str, value: str, message: str
) -> None:
    response = alice_client.post(reverse("papers-new"), {"title": "X", "venue": "V", field: value})

    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert message in response.content.decode()
    assert not Paper.objects.exists()
    assert not Venue.objects.exists()


def test_a_second_paper_with_the_same_arxiv_id_is_refused_with_a_readable_error(
    alice_client: Client, paper: Paper
) -> None:
    response = alice_client.post(
        reverse("papers-new"),
        {"title": "Attention (again)", "arxiv": "https://arxiv.org/pdf/1706.03762v7"},
    )

    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["arxiv"])
    assert "“Attention Is All You Need” on this shelf already has the arXiv id 1706.03762" in errors
    assert Paper.objects.count() == 1


def test_a_second_paper_with_the_same_doi_is_refused(alice_client: Client) -> None:
    alice_client.post(reverse("papers-new"), {"title": "LeNet", "doi": "10.1109/5.726791"})
    response = alice_client.post(
        reverse("papers-new"), {"title": "LeNet copy", "doi": "https://doi.org/10.1109/5.726791"}
    )
    errors = " ".join(response.context["form"].errors["doi"])
    assert "already has the DOI 10.1109/5.726791" in errors
    assert Paper.objects.count() == 1


def test_a_too_long_openreview_id_is_a_form_error_not_a_server_error(alice_client: Client) -> None:
    long_link = "https://openreview.net/forum?id=" + "a" * 150
    response = alice_client.post(reverse("papers-new"), {"title": "X", "openreview": long_link})
    assert response.status_code == 200
    assert response.context["form"].errors["openreview"]
    assert not Paper.objects.exists()
    assert not Author.objects.exists()


def test_a_visitor_is_sent_to_log_in_before_adding_a_paper(client: Client, db: None) -> None:
    url = reverse("papers-new")
    for response in (client.get(url), client.post(url, {"title": "Sneaky"})):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts-login") + "?next=")
    assert not Paper.objects.exists()


def test_a_javascript_link_is_refused(alice_client: Client) -> None:
    response = alice_client.post(
        reverse("papers-new"), {"title": "X", "code_url": "javascript:alert(1)"}
    )
    assert response.context["form"].errors["code_url"]
    assert not Paper.objects.exists()


def test_a_figure_that_is_not_an_image_is_refused(alice_client: Client) -> None:
    fake = SimpleUploadedFile("figure.png", b"#!/bin/sh\nrm -rf /\n", content_type="image/png")
    response = alice_client.post(reverse("papers-new"), {"title": "X", "figure": fake})
    assert response.context["form"].errors["figure"]
    assert not Paper.objects.exists()


def test_a_new_figure_replaces_the_old_one_on_edit(alice_client: Client, media_root: Path) -> None:
    alice_client.post(reverse("papers-new"), {"title": "X", "figure": tiny_png()})
    paper = Paper.objects.get()
    first = paper.figure.name
    alice_client.post(reverse("papers-edit", args=[paper.pk]), {"title": "X", "figure": tiny_png()})
    paper.refresh_from_db()
    assert paper.figure.name != first
    assert (media_root / paper.figure.name).exists()
