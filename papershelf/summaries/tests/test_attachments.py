"""A summary's images are as visible as the summary: never a public file under the name
they came with, always a content-hash name behind the summary's own address."""

from __future__ import annotations

import hashlib
import io

import pytest
from django.core.files.storage import default_storage
from django.test import Client
from PIL import Image

from papershelf.accounts.models import User
from papershelf.papers.models import Paper
from papershelf.summaries.models import Attachment, Summary
from papershelf.summaries.services import SummaryData, attach_image, create_summary, update_summary


def png(colour: str = "red") -> bytes:
    picture = io.BytesIO()
    Image.new("RGB", (4, 4), colour).save(picture, format="PNG")
    return picture.getvalue()


def illustrated(paper: Paper, author: User, visibility: str) -> tuple[Summary, Attachment]:
    summary = create_summary(
        paper, author, SummaryData("The block:\n\n![block](img/secret%20plan.png)", "", visibility)
    )
    attachment = attach_image(summary, "img/secret%20plan.png", png(), "secret plan.png")
    summary.refresh_from_db()
    return summary, attachment


def test_an_attachment_is_stored_under_the_hash_of_its_bytes(alice: User, paper: Paper) -> None:
    _, attachment = illustrated(paper, alice, "public")

    digest = hashlib.sha256(png()).hexdigest()
    assert attachment.file.name == f"attachments/{digest}.png"
    assert "secret" not in attachment.file.name


def test_the_summary_shows_its_image_from_its_own_address(
    client: Client, alice: User, paper: Paper
) -> None:
    summary, attachment = illustrated(paper, alice, "public")

    url = f"/summaries/{summary.pk}/files/{attachment.filename}"
    assert f'src="{url}"' in client.get(summary.get_absolute_url()).content.decode()
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == png()  # type: ignore[attr-defined]
    assert response["Content-Type"] == "image/png"


def test_a_private_attachment_answers_404_to_bob_and_a_visitor_but_not_to_alice(
    alice_client: Client, bob_client: Client, client: Client, alice: User, paper: Paper
) -> None:
    summary, attachment = illustrated(paper, alice, "private")
    url = f"/summaries/{summary.pk}/files/{attachment.filename}"

    assert alice_client.get(url).status_code == 200
    assert bob_client.get(url).status_code == 404
    assert client.get(url).status_code == 404


def test_attachments_are_not_public_files_under_media(
    client: Client, alice: User, paper: Paper
) -> None:
    _, attachment = illustrated(paper, alice, "private")

    assert client.get(f"/media/{attachment.file.name}").status_code == 404
    # Climbing out of the public figures folder is refused too (400: a suspicious path).
    assert client.get(f"/media/figures/../{attachment.file.name}").status_code in (400, 404)


def test_an_unlisted_summarys_image_opens_by_its_link_only(
    client: Client, alice: User, paper: Paper
) -> None:
    summary, attachment = illustrated(paper, alice, "unlisted")
    shared = f"/s/{summary.share_token}/files/{attachment.filename}"

    assert f'src="{shared}"' in client.get(summary.get_absolute_url()).content.decode()
    assert client.get(shared).status_code == 200
    assert client.get(f"/summaries/{summary.pk}/files/{attachment.filename}").status_code == 404


def test_an_image_of_one_summary_is_not_served_through_another(
    client: Client, alice: User, bob: User, paper: Paper
) -> None:
    _, private = illustrated(paper, alice, "private")
    bobs = create_summary(paper, bob, SummaryData("Nothing to see.", "", "public"))

    assert client.get(f"/summaries/{bobs.pk}/files/{private.filename}").status_code == 404


def test_making_a_summary_private_takes_its_images_away_from_others(
    bob_client: Client, alice: User, paper: Paper
) -> None:
    summary, attachment = illustrated(paper, alice, "public")
    url = f"/summaries/{summary.pk}/files/{attachment.filename}"
    assert bob_client.get(url).status_code == 200

    update_summary(summary, SummaryData(summary.body, "", "private"), alice)

    assert bob_client.get(url).status_code == 404


def test_switching_to_unlisted_points_the_images_at_the_share_link(
    alice: User, paper: Paper
) -> None:
    summary, attachment = illustrated(paper, alice, "public")

    update_summary(summary, SummaryData(summary.body, "", "unlisted"), alice)

    summary.refresh_from_db()
    assert f'src="/s/{summary.share_token}/files/{attachment.filename}"' in summary.body_html


def test_the_same_picture_in_two_summaries_is_stored_once(
    alice: User, bob: User, paper: Paper
) -> None:
    _, first = illustrated(paper, alice, "public")
    _, second = illustrated(paper, bob, "private")

    assert first.file.name == second.file.name
    assert default_storage.exists(first.file.name)


def test_a_file_that_is_no_picture_is_not_kept(alice: User, paper: Paper) -> None:
    from django.core.exceptions import ValidationError

    summary = create_summary(paper, alice, SummaryData("![x](x.png)"))
    with pytest.raises(ValidationError):
        attach_image(summary, "x.png", b"<script>alert(1)</script>", "x.png")
    assert not summary.attachments.exists()


def test_an_attachment_stored_before_under_its_own_name_is_moved_to_its_hash_and_still_shows(
    client: Client, alice: User, paper: Paper
) -> None:
    import importlib

    from django.apps import apps
    from django.core.files.base import ContentFile

    migration = importlib.import_module(
        "papershelf.summaries.migrations.0003_share_token_and_private_attachments"
    )
    summary = create_summary(paper, alice, SummaryData("![b](secret.png)", "", "public"))
    old_name = default_storage.save("attachments/2026/secret.png", ContentFile(png()))
    Attachment.objects.create(summary=summary, name="secret.png", file=old_name)
    Summary.objects.filter(pk=summary.pk).update(body_html=f'<img src="/media/{old_name}">')

    migration.move_attachments_to_hash_names(apps, None)

    attachment = Attachment.objects.get()
    summary.refresh_from_db()
    assert attachment.file.name == f"attachments/{hashlib.sha256(png()).hexdigest()}.png"
    assert not default_storage.exists(old_name)
    assert f'src="{attachment.url()}"' in summary.body_html
    assert client.get(attachment.url()).status_code == 200
