"""Title searches on arXiv and Crossref over real HTTP, and when a match is certain."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from papershelf.importers.ids.fetch import FetchError, HttpPolicy, MetadataClient
from papershelf.importers.ids.responses import records_from_crossref_search
from papershelf.importers.ids.tests.conftest import (
    NO_PAUSES,
    RecordedService,
    Reply,
    endpoints_at,
    fixture_text,
)
from papershelf.importers.ids.titles import TitleLookups, certain_match, titles_agree
from papershelf.importers.records import Entry, PaperRecord, ParsedDocument

ARXIV = "/api/query"
CROSSREF = "/works"
ATTENTION_FEED = "arxiv_search_ti_attention_is_all_you_need.xml"
NO_ARXIV_MATCH = "arxiv_search_ti_imagenet_classification.xml"
IMAGENET_WORKS = "crossref_search_imagenet_classification.json"
ALEXNET_TITLE = "ImageNet Classification with Deep Convolutional Neural Networks"


def _document(*records: PaperRecord) -> ParsedDocument:
    entries = [Entry(paper=record, line=3 + 2 * n) for n, record in enumerate(records)]
    return ParsedDocument(path="notes.md", format="notes", entries=entries)


def _messages(document: ParsedDocument) -> list[str]:
    return [str(warning) for warning in document.warnings]


def test_an_arxiv_title_search_asks_for_the_words_as_one_title_phrase(
    service: RecordedService, client: MetadataClient
) -> None:
    service.reply(ARXIV, Reply(fixture_text(ATTENTION_FEED)))
    found = client.search_title("arxiv", "Attention Is All You Need!")
    assert [record.arxiv_id for record in found] == ["1706.03762", "2010.13154"]
    [request] = service.requests
    assert request.query["search_query"] == ['ti:"attention is all you need"']
    assert request.query["max_results"] == ["5"]


def test_a_crossref_title_search_is_a_bibliographic_query_for_five_rows(
    service: RecordedService, client: MetadataClient
) -> None:
    service.reply(CROSSREF, Reply(fixture_text(IMAGENET_WORKS)))
    found = client.search_title("crossref", ALEXNET_TITLE)
    assert [record.doi for record in found] == [
        "10.1145/3065386",
        "10.1109/cvpr.2016.90",
        "10.1109/cvpr.2015.7298594",
    ]
    [request] = service.requests
    assert request.query["query.bibliographic"] == [ALEXNET_TITLE]
    assert request.query["rows"] == ["5"]


def test_it_reads_venue_year_and_authors_of_every_work_in_a_crossref_search() -> None:
    records = records_from_crossref_search(json.loads(fixture_text(IMAGENET_WORKS)))
    alexnet, resnet, _ = records
    assert (alexnet.venue, alexnet.year) == ("Communications of the ACM", 2017)
    assert resnet.authors == ["Kaiming He", "Xiangyu Zhang", "Shaoqing Ren", "Jian Sun"]
    assert resnet.venue == "2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)"
    assert resnet.entry_type == "inproceedings"


def test_a_title_only_paper_is_confirmed_and_filled_from_arxiv(
    service: RecordedService, client: MetadataClient
) -> None:
    service.reply(ARXIV, Reply(fixture_text(ATTENTION_FEED)))
    record = PaperRecord(title="Attention is all you need", authors=["A. Vaswani"])
    document = _document(record)
    TitleLookups(client, budget=10).confirm_document(document)
    assert (record.arxiv_id, record.year, record.venue) == ("1706.03762", 2017, "arXiv")
    assert record.title == "Attention is all you need"  # as the note wrote it
    assert record.authors == ["A. Vaswani"]  # what the note said stays
    assert document.warnings == []
    assert document.entries[0].evidence == "title confirmed by arXiv"
    assert service.requests_to(CROSSREF) == []  # arXiv was certain: Crossref is not asked


def test_a_paper_not_on_arxiv_is_confirmed_by_crossref(
    service: RecordedService, client: MetadataClient
) -> None:
    service.reply(ARXIV, Reply(fixture_text(NO_ARXIV_MATCH)))
    service.reply(CROSSREF, Reply(fixture_text(IMAGENET_WORKS)))
    record = PaperRecord(title=ALEXNET_TITLE, authors=["Geoffrey Hinton"])
    TitleLookups(client, budget=10).confirm_document(_document(record))
    assert record.doi == "10.1145/3065386"
    assert (record.year, record.venue) == (2017, "Communications of the ACM")


def test_a_near_miss_title_is_not_taken(service: RecordedService, client: MetadataClient) -> None:
    service.reply(ARXIV, Reply(fixture_text(ATTENTION_FEED)))
    service.reply(CROSSREF, Reply(fixture_text(IMAGENET_WORKS)))
    record = PaperRecord(title="Attention Is All You Need in Speech")
    document = _document(record)
    TitleLookups(client, budget=10).confirm_document(document)
    assert (record.arxiv_id, record.doi, record.year) == ("", "", None)
    assert _messages(document) == [
        "notes.md:3: “Attention Is All You Need in Speech” is not confirmed by any catalogue; "
        "kept as written"
    ]


def test_a_stated_year_that_contradicts_blocks_the_match(
    service: RecordedService, client: MetadataClient
) -> None:
    # The 2012 NeurIPS paper; Crossref holds only its 2017 reprint in CACM.
    service.reply(ARXIV, Reply(fixture_text(NO_ARXIV_MATCH)))
    service.reply(CROSSREF, Reply(fixture_text(IMAGENET_WORKS)))
    record = PaperRecord(title=ALEXNET_TITLE, year=2012)
    document = _document(record)
    TitleLookups(client, budget=10).confirm_document(document)
    assert (record.doi, record.year, record.venue) == ("", 2012, "")
    assert "is not confirmed by any catalogue" in _messages(document)[0]


def test_stated_authors_that_contradict_block_the_match(
    service: RecordedService, client: MetadataClient
) -> None:
    service.reply(ARXIV, Reply(fixture_text(ATTENTION_FEED)))
    service.reply(CROSSREF, Reply(fixture_text(IMAGENET_WORKS)))
    record = PaperRecord(title="Attention Is All You Need", authors=["Dzmitry Bahdanau"])
    TitleLookups(client, budget=10).confirm_document(_document(record))
    assert record.arxiv_id == ""


def test_a_year_one_off_from_the_preprint_does_not_contradict() -> None:
    candidate = PaperRecord(title="Attention Is All You Need", year=2017, arxiv_id="1706.03762")
    assert certain_match(PaperRecord(title="Attention is all you need", year=2018), [candidate])


def test_two_papers_with_the_one_title_are_not_a_certain_match() -> None:
    first = PaperRecord(title="Deep Learning", authors=["Yann LeCun"], year=2015, doi="10.1/a")
    second = PaperRecord(title="Deep learning", authors=["Yann LeCun"], year=2015, doi="10.1/b")
    note = PaperRecord(title="Deep Learning", authors=["LeCun"], year=2015)
    assert certain_match(note, [first, second]) is None


def test_titles_agree_without_an_acronym_prefix_but_not_with_more_words() -> None:
    clip = "Learning Transferable Visual Models From Natural Language Supervision"
    assert titles_agree(f"CLIP: {clip}", clip)
    assert titles_agree("Attention is all you need.", "Attention Is All You Need")
    assert not titles_agree("Attention Is All You Need", "Attention is All You Need in Speech")


def test_offline_a_title_only_paper_is_kept_with_a_warning_and_nothing_is_asked(
    service: RecordedService,
) -> None:
    record = PaperRecord(title=ALEXNET_TITLE, year=2012)
    document = _document(PaperRecord(title="x", arxiv_id="1706.03762"), record)
    TitleLookups(None, budget=10).confirm_document(document)
    assert _messages(document) == [
        f"notes.md:5: “{ALEXNET_TITLE}” is not confirmed by any catalogue; kept as written"
    ]
    assert document.entries[1].evidence == "not confirmed by any catalogue"
    assert service.requests == []


def test_a_server_error_leaves_the_paper_unconfirmed_and_stops_asking_that_service(
    service: RecordedService, client: MetadataClient
) -> None:
    service.reply(ARXIV, Reply("Service Unavailable", status=503))
    service.reply(CROSSREF, Reply(fixture_text(IMAGENET_WORKS)))
    attention = PaperRecord(title="Attention Is All You Need")
    alexnet = PaperRecord(title=ALEXNET_TITLE)
    document = _document(attention, alexnet)
    TitleLookups(client, budget=10).confirm_document(document)
    assert attention.arxiv_id == "" and alexnet.doi == "10.1145/3065386"
    [warning] = _messages(document)
    assert warning.startswith("notes.md:3: “Attention Is All You Need” is not confirmed")
    assert "arXiv: " in warning and "503" in warning
    assert len(service.requests_to(ARXIV)) == 3  # the first search and its retries, no more


def test_a_timeout_leaves_the_paper_unconfirmed(service: RecordedService, tmp_path: Path) -> None:
    service.reply(ARXIV, Reply(fixture_text(ATTENTION_FEED), delay=0.5))
    service.reply(CROSSREF, Reply(fixture_text(IMAGENET_WORKS), delay=0.5))
    impatient = HttpPolicy(timeout=0.1, retries=0, backoff=0.01)
    client = MetadataClient(
        tmp_path, endpoints=endpoints_at(service.url), intervals=NO_PAUSES, policy=impatient
    )
    record = PaperRecord(title="Attention Is All You Need")
    document = _document(record)
    TitleLookups(client, budget=10).confirm_document(document)
    assert record.arxiv_id == ""
    assert "timed out" in _messages(document)[0]


def test_a_search_answered_once_is_answered_from_the_cache_next_time(
    service: RecordedService, tmp_path: Path
) -> None:
    service.reply(ARXIV, Reply(fixture_text(NO_ARXIV_MATCH)))
    service.reply(CROSSREF, Reply(fixture_text(IMAGENET_WORKS)))

    def confirmed_doi() -> str:
        client = MetadataClient(tmp_path, endpoints=endpoints_at(service.url), intervals=NO_PAUSES)
        record = PaperRecord(title=ALEXNET_TITLE)
        TitleLookups(client, budget=10).confirm_document(_document(record))
        return record.doi

    assert confirmed_doi() == "10.1145/3065386"
    assert len(service.requests) == 2  # arXiv found nothing, Crossref found it
    assert confirmed_doi() == "10.1145/3065386"
    assert len(service.requests) == 2  # "nothing on arXiv" is remembered too


def test_it_stops_searching_when_the_runs_lookups_are_spent(
    service: RecordedService, client: MetadataClient
) -> None:
    service.reply(ARXIV, Reply(fixture_text(NO_ARXIV_MATCH)))
    service.reply(CROSSREF, Reply(fixture_text(IMAGENET_WORKS)))
    records = [PaperRecord(title=f"{ALEXNET_TITLE} part {n}") for n in range(3)]
    document = _document(*records)
    TitleLookups(client, budget=3).confirm_document(document)
    assert len(service.requests) == 3
    messages = _messages(document)
    assert sum("PAPERSHELF_IMPORT_TITLE_LOOKUPS" in message for message in messages) == 1
    assert sum("is not confirmed by any catalogue" in message for message in messages) == 3


def test_a_short_heading_is_not_searched_without_author_and_year(
    service: RecordedService, client: MetadataClient
) -> None:
    document = _document(PaperRecord(title="Attention"))
    TitleLookups(client, budget=10).confirm_document(document)
    assert service.requests == []
    assert "“Attention” is not confirmed" in _messages(document)[0]


def test_an_unknown_service_is_a_programming_error(client: MetadataClient) -> None:
    with pytest.raises(ValueError, match="no title search"):
        client.search_title("dblp", "Attention Is All You Need")


def test_a_crossref_answer_that_is_not_a_work_list_is_a_fetch_error(
    service: RecordedService, client: MetadataClient
) -> None:
    service.reply(CROSSREF, Reply(fixture_text("crossref_10.1145_3065386.json")))
    with pytest.raises(FetchError, match="list of works"):
        client.search_title("crossref", ALEXNET_TITLE)
