"""Download buttons: on the paper, list, topic and search pages and the settings page."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.test import Client

from papershelf.papers.models import Paper
from papershelf.readinglists.models import ReadingList
from papershelf.topics.models import Topic

pytestmark = pytest.mark.django_db


def test_the_paper_list_and_topic_pages_offer_downloads_that_work(
    shelf: list[Paper], alice_client: Client
) -> None:
    topic = Topic.objects.get(name="Deep learning")
    reading_list = ReadingList.objects.get()
    for page, query in [
        (shelf[0].get_absolute_url(), f"paper={shelf[0].pk}"),
        (reading_list.get_absolute_url(), f"list={reading_list.pk}"),
        (topic.get_absolute_url(), f"topic={topic.slug}"),
        ("/settings/tokens/", ""),
    ]:
        html = alice_client.get(page).content.decode()
        assert f'href="/export/bibtex/{"?" + query if query else ""}"' in html, page
    bib = alice_client.get(f"/export/bibtex/?paper={shelf[0].pk}")
    assert bib["Content-Disposition"] == 'attachment; filename="papershelf.bib"'
    assert b"vaswani2017attention" in bib.content


def test_the_whole_shelf_zip_holds_only_what_the_reader_may_see(
    shelf: list[Paper], client: Client
) -> None:
    archive = zipfile.ZipFile(io.BytesIO(client.get("/export/markdown/").content))
    texts = "".join(
        archive.read(name).decode() for name in archive.namelist() if name.endswith(".md")
    )
    assert "Self-attention" in texts
    assert "My private notes" not in texts and "Bob's secret" not in texts
