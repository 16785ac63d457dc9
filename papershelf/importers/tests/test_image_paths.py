"""A note's images are read only from inside what was imported: its folder, the folder
that was imported, or the zip. Nothing else on the host is ever copied into the shelf."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from papershelf.summaries.models import Attachment, Summary

pytestmark = pytest.mark.django_db


def png(colour: str = "red") -> bytes:
    picture = io.BytesIO()
    Image.new("RGB", (4, 4), colour).save(picture, format="PNG")
    return picture.getvalue()


def note(image: str) -> str:
    """A notes document about one paper whose summary shows one image (on line 8)."""
    return (
        "# Papers\n\n# ResNet\n\n📜 [Deep Residual Learning for Image Recognition]"
        f"(https://arxiv.org/abs/1512.03385)\n\nThe block:\n![Residual block]({image})\n\n"
        "Learn $F(x) = H(x) - x$.\n"
    )


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """An image elsewhere on the host that no import may pick up."""
    folder = tmp_path / "home" / "someone"
    folder.mkdir(parents=True)
    path = folder / "secret.png"
    path.write_bytes(png("blue"))
    return path


def write_note(folder: Path, image: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "notes.md"
    path.write_text(note(image))
    return path


def warnings_about(report: object, image: str) -> list[str]:
    return [str(w) for w in report.warnings if image in w.message]  # type: ignore[attr-defined]


def test_an_uploaded_note_cannot_copy_a_host_file_by_climbing_out_with_dots(
    alice_client: Client, secret: Path
) -> None:
    climb = "../" * 12 + str(secret).lstrip("/")
    upload = SimpleUploadedFile("notes.md", note(climb).encode())
    form = {"files": upload, "format": "auto", "visibility": "private"}

    alice_client.post(reverse("importers-start"), form)
    alice_client.post(reverse("importers-confirm"))

    assert Summary.objects.count() == 1
    assert not Attachment.objects.exists()


def test_an_image_outside_the_imported_file_s_folder_is_refused_with_file_and_line(
    tmp_path: Path, run_import, secret: Path
) -> None:
    image = "../home/someone/secret.png"
    report = run_import(write_note(tmp_path / "export", "../" + image))

    assert not Attachment.objects.exists()
    assert warnings_about(report, image) == [
        f"notes.md:8: image ../{image} is outside the imported folder; not read"
    ]


def test_an_absolute_image_path_is_refused_with_a_warning(
    tmp_path: Path, run_import, secret: Path
) -> None:
    report = run_import(write_note(tmp_path / "export", str(secret)))

    assert not Attachment.objects.exists()
    assert warnings_about(report, str(secret)) == [
        f"notes.md:8: image {secret} is an absolute path; only files in the export are read"
    ]


def test_a_symlink_in_the_export_that_points_out_of_it_is_refused(
    tmp_path: Path, run_import, secret: Path
) -> None:
    export = tmp_path / "export"
    (export / "images").mkdir(parents=True)
    (export / "images" / "innocent.png").symlink_to(secret)
    report = run_import(write_note(export, "images/innocent.png"))

    assert not Attachment.objects.exists()
    assert warnings_about(report, "images/innocent.png")


def test_a_note_in_a_subfolder_may_use_an_image_elsewhere_in_the_imported_folder(
    tmp_path: Path, run_import
) -> None:
    export = tmp_path / "export"
    (export / "images").mkdir(parents=True)
    (export / "images" / "block.png").write_bytes(png())
    write_note(export / "notes", "../images/block.png")

    report = run_import(export)

    assert report.attachments == 1
    assert Attachment.objects.get().name == "../images/block.png"


def test_a_zip_cannot_reach_beside_itself_for_an_image(tmp_path: Path, run_import) -> None:
    (tmp_path / "beside.png").write_bytes(png("blue"))
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("notes.md", note("../beside.png"))

    report = run_import(archive)

    assert not Attachment.objects.exists()
    assert warnings_about(report, "../beside.png")


@pytest.mark.parametrize(
    "image", ["images/block.png?raw=true", "images/block.png#zoom", "images/my%20block.png"]
)
def test_image_refs_with_a_query_a_fragment_or_an_escaped_space_find_their_file(
    tmp_path: Path, run_import, image: str
) -> None:
    export = tmp_path / "export"
    (export / "images").mkdir(parents=True)
    (export / "images" / "block.png").write_bytes(png())
    (export / "images" / "my block.png").write_bytes(png())

    report = run_import(write_note(export, image))

    assert report.attachments == 1
    attachment = Attachment.objects.get()
    summary = Summary.objects.get()
    assert attachment.name == image
    assert f'src="{attachment.url()}"' in summary.body_html
