from __future__ import annotations

from pathlib import Path

import pytest

from papershelf.importers.ids.fetch import (
    FetchError,
    HttpPolicy,
    Intervals,
    MetadataClient,
    OfflineError,
    enrich,
    enrich_document,
)
from papershelf.importers.ids.parse import parse
from papershelf.importers.ids.tests.conftest import (
    FAST,
    NO_PAUSES,
    RecordedService,
    Reply,
    endpoints_at,
    fixture_text,
)
from papershelf.importers.records import PaperRecord

ARXIV = "/api/query"
ALEXNET = "/works/10.1145/3065386"
VIT = "/notes"


def _serve_everything(service: RecordedService) -> None:
    service.reply(ARXIV, Reply(fixture_text("arxiv_1706.03762_1409.0473.xml")))
    service.reply(ALEXNET, Reply(fixture_text("crossref_10.1145_3065386.json")))
    service.reply(VIT, Reply(fixture_text("openreview_YicbFdNTTy.json")))


def test_it_fetches_many_arxiv_ids_in_one_request(
    service: RecordedService, client: MetadataClient
) -> None:
    _serve_everything(service)
    records = client.fetch_arxiv(["1706.03762", "https://arxiv.org/abs/1409.0473v2"])
    assert records["1706.03762"].title == "Attention Is All You Need"
    assert records["1409.0473"].authors == ["Dzmitry Bahdanau", "Kyunghyun Cho", "Yoshua Bengio"]
    [request] = service.requests
    assert request.query["id_list"] == ["1706.03762,1409.0473"]
    assert request.query["max_results"] == ["2"]


def test_it_names_papershelf_in_the_user_agent(service: RecordedService, tmp_path: Path) -> None:
    _serve_everything(service)
    client = MetadataClient(
        tmp_path, endpoints=endpoints_at(service.url), intervals=NO_PAUSES, contact="me@lab.org"
    )
    client.fetch_crossref("10.1145/3065386")
    [request] = service.requests
    assert request.headers["User-Agent"].startswith("Papershelf/")
    assert "mailto:me@lab.org" in request.headers["User-Agent"]
    assert request.query["mailto"] == ["me@lab.org"]


def test_it_splits_long_arxiv_lists_into_batches(
    service: RecordedService, client: MetadataClient
) -> None:
    service.reply(ARXIV, Reply(fixture_text("arxiv_empty.xml")))
    assert client.fetch_arxiv([f"2501.{number:05d}" for number in range(1, 52)]) == {}
    assert [len(seen.query["id_list"][0].split(",")) for seen in service.requests] == [50, 1]


def test_a_second_lookup_is_answered_from_the_cache_without_a_request(
    service: RecordedService, tmp_path: Path
) -> None:
    _serve_everything(service)

    def new_client() -> MetadataClient:
        return MetadataClient(
            tmp_path, endpoints=endpoints_at(service.url), intervals=NO_PAUSES, policy=FAST
        )

    first = new_client()
    first.fetch_arxiv(["1706.03762", "1409.0473"])
    first.fetch_crossref("10.1145/3065386")
    first.fetch_openreview("YicbFdNTTy")
    assert len(service.requests) == 3

    later = new_client()  # a later import, in a new process: only the directory is shared
    assert later.fetch_arxiv(["1409.0473"])["1409.0473"].year == 2014
    alexnet = later.fetch_crossref("https://doi.org/10.1145/3065386")
    assert alexnet is not None and alexnet.venue == "Communications of the ACM"
    vit = later.fetch_openreview("YicbFdNTTy")
    assert vit is not None and vit.venue == "ICLR 2021 Oral"
    assert len(service.requests) == 3


def test_a_corrupt_cache_file_is_fetched_again(
    service: RecordedService, client: MetadataClient, tmp_path: Path
) -> None:
    _serve_everything(service)
    client.fetch_crossref("10.1145/3065386")
    [cached] = (tmp_path / "cache" / "crossref").glob("*.json")
    cached.write_text('{"title": "half a fi', encoding="utf-8")
    assert client.fetch_crossref("10.1145/3065386") is not None
    assert len(service.requests) == 2


def test_it_retries_after_a_server_error(service: RecordedService, client: MetadataClient) -> None:
    service.reply(
        ALEXNET,
        Reply("Service Unavailable", status=503),
        Reply(fixture_text("crossref_10.1145_3065386.json")),
    )
    alexnet = client.fetch_crossref("10.1145/3065386")
    assert alexnet is not None and alexnet.authors[0] == "Alex Krizhevsky"
    assert len(service.requests) == 2


def test_it_waits_as_long_as_retry_after_asks(
    service: RecordedService, client: MetadataClient
) -> None:
    service.reply(
        ALEXNET,
        Reply("Too Many Requests", status=429, headers={"Retry-After": "1"}),
        Reply(fixture_text("crossref_10.1145_3065386.json")),
    )
    assert client.fetch_crossref("10.1145/3065386") is not None
    first, second = service.requests
    assert second.at - first.at >= 0.95


def test_it_gives_up_after_the_configured_retries(
    service: RecordedService, client: MetadataClient
) -> None:
    service.reply(ARXIV, Reply("Bad Gateway", status=502))
    with pytest.raises(FetchError, match="HTTP 502"):
        client.fetch_arxiv(["1706.03762"])
    assert len(service.requests) == 1 + FAST.retries


def test_a_client_error_is_not_retried(service: RecordedService, client: MetadataClient) -> None:
    service.reply(ARXIV, Reply("Bad Request", status=400))
    with pytest.raises(FetchError, match="refused the request"):
        client.fetch_arxiv(["1706.03762"])
    assert len(service.requests) == 1


def test_it_waits_the_minimum_interval_between_calls_to_one_host(
    service: RecordedService, tmp_path: Path
) -> None:
    _serve_everything(service)
    client = MetadataClient(
        tmp_path,
        endpoints=endpoints_at(service.url),
        intervals=Intervals(arxiv=0.5, crossref=0.0, openreview=0.0),
        policy=FAST,
    )
    client.fetch_arxiv(["1706.03762"])
    client.fetch_arxiv(["1409.0473"])
    first, second = service.requests
    assert second.at - first.at >= 0.45


def test_unknown_papers_are_none_or_absent(
    service: RecordedService, client: MetadataClient
) -> None:
    service.reply(ARXIV, Reply(fixture_text("arxiv_empty.xml")))
    service.reply(VIT, Reply('{"notes": [], "count": 0}'))
    assert client.fetch_arxiv(["2501.99999"]) == {}
    assert client.fetch_crossref("10.1145/0000000") is None  # the server answers 404
    assert client.fetch_openreview("NoSuchNote") is None


def test_a_throttled_plain_text_answer_is_a_fetch_error(
    service: RecordedService, client: MetadataClient
) -> None:
    service.reply(ARXIV, Reply("Rate exceeded."))
    with pytest.raises(FetchError, match="Atom XML"):
        client.fetch_arxiv(["1706.03762"])


def test_a_slow_service_times_out(service: RecordedService, tmp_path: Path) -> None:
    service.reply(ALEXNET, Reply(fixture_text("crossref_10.1145_3065386.json"), delay=1.5))
    client = MetadataClient(
        tmp_path,
        endpoints=endpoints_at(service.url),
        intervals=NO_PAUSES,
        policy=HttpPolicy(timeout=0.2, retries=1, backoff=0.01),
    )
    with pytest.raises(FetchError, match=r"timed out after 0\.2 s") as raised:
        client.fetch_crossref("10.1145/3065386")
    assert not isinstance(raised.value, OfflineError)
    assert len(service.requests) == 2  # one try and one retry, each cut off by the timeout


def test_a_refused_connection_is_reported_as_offline(refused_url: str, tmp_path: Path) -> None:
    client = MetadataClient(
        tmp_path, endpoints=endpoints_at(refused_url), intervals=NO_PAUSES, policy=FAST
    )
    with pytest.raises(OfflineError, match=r"offline: cannot reach 127\.0\.0\.1"):
        client.fetch_crossref("10.1145/3065386")
    assert client.offline
    with pytest.raises(OfflineError):
        client.fetch_arxiv(["1706.03762"])  # once offline, it says so without trying again


def _identifier_records() -> list[PaperRecord]:
    return [
        PaperRecord(title="", arxiv_id="1706.03762", arxiv_version=5),
        PaperRecord(title="", arxiv_id="1409.0473"),
        PaperRecord(title="", doi="10.1145/3065386"),
        PaperRecord(title="", openreview_id="YicbFdNTTy"),
    ]


def test_enrich_fills_records_in_place_from_every_service(
    service: RecordedService, client: MetadataClient
) -> None:
    _serve_everything(service)
    records = _identifier_records()
    warnings = enrich(records, None, client=client)
    assert warnings == []
    assert [record.title for record in records] == [
        "Attention Is All You Need",
        "Neural Machine Translation by Jointly Learning to Align and Translate",
        "ImageNet classification with deep convolutional neural networks",
        "An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale",
    ]
    assert records[0].arxiv_version == 5  # the version the list asked for is kept
    assert records[2].venue == "Communications of the ACM"
    assert records[3].code_url == "https://github.com/google-research/vision_transformer"
    assert len(service.requests_to(ARXIV)) == 1


def test_enrich_keeps_what_the_source_already_said(
    service: RecordedService, client: MetadataClient
) -> None:
    _serve_everything(service)
    record = PaperRecord(title="Attention!", arxiv_id="1706.03762", keywords=["transformers"])
    enrich([record], None, client=client)
    assert (record.title, record.keywords) == ("Attention!", ["transformers"])
    assert record.year == 2017


def test_enrich_prefers_a_journal_from_crossref_to_the_arxiv_placeholder(
    service: RecordedService, client: MetadataClient
) -> None:
    service.reply(ARXIV, Reply(fixture_text("arxiv_1706.03762_1409.0473.xml")))
    service.reply(ALEXNET, Reply(fixture_text("crossref_10.1145_3065386.json")))
    record = PaperRecord(title="", arxiv_id="1706.03762", doi="10.1145/3065386")
    enrich([record], None, client=client)
    assert (record.venue, record.entry_type) == ("Communications of the ACM", "article")


def test_enrich_offline_keeps_the_records_and_warns_for_each(
    refused_url: str, tmp_path: Path
) -> None:
    client = MetadataClient(
        tmp_path, endpoints=endpoints_at(refused_url), intervals=NO_PAUSES, policy=FAST
    )
    records = _identifier_records()
    warnings = enrich(records, tmp_path, client=client)
    assert [record.title for record in records] == ["", "", "", ""]
    assert records[0].arxiv_id == "1706.03762"
    assert len(warnings) == 4
    assert warnings[0].message.startswith(
        "arXiv 1706.03762: metadata could not be fetched (offline"
    )
    assert warnings[2].message.startswith("DOI 10.1145/3065386: metadata could not be fetched")


def test_enrich_offline_still_uses_the_cache(
    service: RecordedService, refused_url: str, tmp_path: Path
) -> None:
    _serve_everything(service)
    online = MetadataClient(tmp_path, endpoints=endpoints_at(service.url), intervals=NO_PAUSES)
    online.fetch_arxiv(["1706.03762"])
    offline = MetadataClient(
        tmp_path, endpoints=endpoints_at(refused_url), intervals=NO_PAUSES, policy=FAST
    )
    cached, uncached = (
        PaperRecord(title="", arxiv_id="1706.03762"),
        PaperRecord(title="", arxiv_id="1409.0473"),
    )
    warnings = enrich([cached, uncached], tmp_path, client=offline)
    assert cached.title == "Attention Is All You Need"
    assert uncached.title == ""
    assert [warning.message.split(":")[0] for warning in warnings] == ["arXiv 1409.0473"]


def test_enrich_raises_when_offline_is_not_acceptable(refused_url: str, tmp_path: Path) -> None:
    client = MetadataClient(
        tmp_path, endpoints=endpoints_at(refused_url), intervals=NO_PAUSES, policy=FAST
    )
    with pytest.raises(OfflineError):
        enrich(_identifier_records(), tmp_path, offline_ok=False, client=client)


def test_enrich_warns_about_papers_the_services_do_not_know(
    service: RecordedService, client: MetadataClient
) -> None:
    service.reply(ARXIV, Reply(fixture_text("arxiv_empty.xml")))
    records = [
        PaperRecord(title="", arxiv_id="2501.99999"),
        PaperRecord(title="", doi="10.1000/unknown"),
        PaperRecord(title="", doi="not-a-doi"),
    ]
    warnings = enrich(records, None, client=client)
    assert [warning.message for warning in warnings] == [
        "arXiv 2501.99999: not found on arXiv",
        "DOI 10.1000/unknown: not found on Crossref",
        "DOI not-a-doi: not a DOI: 'not-a-doi'",
    ]


def test_enrich_document_names_the_lines_of_the_list(
    service: RecordedService, client: MetadataClient
) -> None:
    service.reply(ARXIV, Reply(fixture_text("arxiv_1706.03762_1409.0473.xml")))
    document = parse("# reading group\n1706.03762\n\n10.1145/0000000\n", "reading.txt")
    warnings = enrich_document(document, None, client=client)
    assert [str(warning) for warning in warnings] == [
        "reading.txt:4: DOI 10.1145/0000000: not found on Crossref"
    ]
    assert document.warnings == warnings
    assert document.entries[0].paper is not None
    assert document.entries[0].paper.title == "Attention Is All You Need"
