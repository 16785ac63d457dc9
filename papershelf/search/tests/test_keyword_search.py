from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from pytest_django.fixtures import Settings

from papershelf.accounts.models import User
from papershelf.papers.models import Paper
from papershelf.papers.services import PaperData, update_paper
from papershelf.search import indexing
from papershelf.search.keyword_index import KeywordIndex, _forget, get_tantivy_index
from papershelf.search.models import PendingKeywordUpdate, SearchDocument
from papershelf.search.semantic import process_pending
from papershelf.search.services import search
from papershelf.search.tests.conftest import (
    add_paper,
    add_summary,
    postgresql_only,
    sqlite_only,
    titles,
)

pytestmark = pytest.mark.django_db


def keyword(query: str) -> list[str]:
    return titles(search(query, mode="keyword"))


def test_it_finds_a_paper_by_a_word_of_its_title(shelf: dict[str, Paper]) -> None:
    assert keyword("lottery") == [shelf["lottery"].title]


def test_it_stems_words_so_normalize_finds_normalization(shelf: dict[str, Paper]) -> None:
    assert keyword("normalizing the inputs") == [shelf["bn"].title]


def test_it_finds_words_that_only_a_public_summary_contains(shelf: dict[str, Paper]) -> None:
    results = search("rewind learning rate after pruning", mode="keyword")
    assert titles(results)[0] == shelf["lottery"].title
    assert results.hits[0].matched_in == "summaries"
    assert "<mark>rewind</mark>" in results.hits[0].snippet_html


def test_it_never_surfaces_the_words_of_a_private_summary(shelf: dict[str, Paper]) -> None:
    assert keyword("zanzibar") == []


def test_it_searches_authors_with_au(shelf: dict[str, Paper]) -> None:
    assert keyword("au:ioffe") == [shelf["bn"].title]
    assert keyword("au:normalization") == []


def test_it_searches_a_title_phrase_with_ti(shelf: dict[str, Paper]) -> None:
    assert keyword('ti:"batch normalization"') == [shelf["bn"].title]
    assert keyword('ti:"normalization batch"') == []


def test_it_narrows_by_a_year_range(shelf: dict[str, Paper]) -> None:
    assert set(keyword("training year:2014..2015")) == {shelf["bn"].title, shelf["gan"].title}
    assert keyword("year:2019") == [shelf["lottery"].title]


def test_it_narrows_by_venue_and_topic(shelf: dict[str, Paper]) -> None:
    assert keyword("training venue:neurips") == [shelf["gan"].title]
    assert keyword("topic:gans") == [shelf["gan"].title]


def test_a_venue_typed_as_its_alias_finds_the_papers_of_that_venue(
    shelf: dict[str, Paper],
) -> None:
    assert keyword("training venue:nips") == [shelf["gan"].title]
    long_name = 'venue:"Advances in Neural Information Processing Systems"'
    assert keyword(long_name) == [shelf["gan"].title]
    assert shelf["gan"].title not in keyword("training -venue:nips")
    assert shelf["bn"].title in keyword("training -venue:nips")


def test_a_venue_alias_keeps_a_sentence_relaxed(shelf: dict[str, Paper]) -> None:
    assert keyword("adversarial nets that train venue:nips") == [shelf["gan"].title]


def test_it_excludes_words_with_a_minus(shelf: dict[str, Paper]) -> None:
    assert shelf["gan"].title not in keyword("training -adversarial")
    assert shelf["bn"].title in keyword("training -adversarial")
    assert shelf["gan"].title not in keyword("-adversarial")


def test_it_explains_a_bad_year_instead_of_failing(shelf: dict[str, Paper]) -> None:
    results = search("year:soon")
    assert results.hits == []
    assert "year:soon" in results.error


@pytest.mark.parametrize("odd", ['"', "((", "NOT", "AND OR", "*", "a:b:c", "-", 'ti:"', "^x"])
def test_it_survives_any_punctuation(shelf: dict[str, Paper], odd: str) -> None:
    results = search(odd, mode="keyword")
    assert results.error == "" or "year" in results.error


def test_it_counts_facets_by_year_venue_and_topic(shelf: dict[str, Paper]) -> None:
    results = search("training", mode="keyword")
    years = {f.value: f.count for f in results.facets["year"]}
    assert years == {"2014": 1, "2015": 1, "2016": 1, "2019": 1}  # "trained" is "train"
    venue = next(f for f in results.facets["venue"] if f.value == "NeurIPS")
    assert venue.query == 'training venue:"NeurIPS"'
    assert {f.value for f in results.facets["topic"]} == {"GANs", "Normalization"}
    assert keyword(venue.query) == [shelf["gan"].title]


def test_it_sees_a_paper_edit_at_once(shelf: dict[str, Paper]) -> None:
    update_paper(shelf["resnet"], PaperData(title="Deep Residual Quokka Learning"))
    assert keyword("quokka") == ["Deep Residual Quokka Learning"]
    assert keyword("au:kaiming") == []


def test_it_forgets_a_deleted_paper(shelf: dict[str, Paper]) -> None:
    shelf["gan"].delete()
    assert keyword("adversarial") == []


def test_it_follows_topics_added_and_removed(shelf: dict[str, Paper]) -> None:
    topic = shelf["gan"].topics.get()
    topic.papers.add(shelf["resnet"])
    assert shelf["resnet"].title in keyword("topic:gans")
    shelf["resnet"].topics.clear()
    assert shelf["resnet"].title not in keyword("topic:gans")
    topic.name = "Adversarial Games"
    topic.save()
    assert keyword("topic:games") == [shelf["gan"].title]


def test_it_hides_a_summary_made_private_and_shows_one_made_public(
    shelf: dict[str, Paper],
) -> None:
    summary = shelf["lottery"].summaries.get()
    summary.visibility = "private"
    summary.save()
    assert keyword("rewind") == []
    secret = shelf["resnet"].summaries.get()
    secret.visibility = "public"
    secret.save()
    assert keyword("zanzibar") == [shelf["resnet"].title]


def test_a_sentence_no_paper_holds_word_for_word_still_ranks_the_closest(
    shelf: dict[str, Paper],
) -> None:
    # No paper has "mode collapse"; the GAN paper has most of the other words.
    assert keyword("training a generator and a discriminator without mode collapse")[0] == (
        shelf["gan"].title
    )


def test_an_older_paper_is_ranked_by_relevance_not_by_age(shelf: dict[str, Paper]) -> None:
    # Newer papers that only mention the words must not push the best match out of reach.
    for i in range(30):
        add_paper(f"Unrelated study {i}", abstract="We mention normalization once in passing.")
    assert keyword("batch normalization")[0] == shelf["bn"].title


def test_a_rare_word_outranks_a_word_every_paper_holds(shelf: dict[str, Paper]) -> None:
    assert keyword("training pruning")[0] == shelf["lottery"].title
    assert set(keyword("deep networks")[:2]) == {shelf["bn"].title, shelf["resnet"].title}


def test_with_only_common_words_papers_matching_in_the_title_come_first(
    shelf: dict[str, Paper],
) -> None:
    results = keyword("training networks")
    assert results[0] == shelf["bn"].title
    assert set(results) == {paper.title for paper in shelf.values()}


def _papers_shuffling_the_words_of(title: str, count: int = 12) -> None:
    """Short papers holding every word of ``title`` in another order."""
    words = title.split()
    for i in range(count):
        shuffled = words[i % len(words) :] + words[: i % len(words)]
        add_paper(f"{' '.join(reversed(shuffled))} {i}", abstract=" ".join(shuffled))


def test_a_whole_title_finds_its_paper_first_however_long_its_notes(alice: User) -> None:
    # A long summary makes a paper's document long, and BM25 discounts long documents:
    # the words in the title's order must still put the paper first.
    resnet = add_paper("Deep Residual Learning for Image Recognition", year=2016)
    add_summary(resnet, alice, " ".join(["Residual blocks ease optimisation."] * 300))
    _papers_shuffling_the_words_of("deep residual learning image recognition")
    assert keyword("Deep Residual Learning for Image Recognition")[0] == resnet.title
    assert keyword("deep residual learning")[0] == resnet.title


def test_hybrid_search_keeps_first_the_paper_whose_title_holds_the_words(alice: User) -> None:
    # "exploring limits transfer": the title's words without its small ones.
    t5 = add_paper("Exploring the Limits of Transfer Learning with a Unified Transformer")
    _papers_shuffling_the_words_of("exploring limits transfer learning transformer", count=6)
    process_pending()
    assert titles(search("exploring limits transfer", mode="hybrid"))[0] == t5.title


def test_stop_words_do_not_decide_the_ranking(shelf: dict[str, Paper]) -> None:
    # Only stop words besides "adversarial": the GAN paper, not the one with most "the".
    assert keyword("the of the adversarial and the")[0] == shelf["gan"].title


def test_common_words_still_honour_exclusions_and_years(shelf: dict[str, Paper]) -> None:
    assert keyword("networks -training") == []
    assert set(keyword("training year:2015..2016")) == {shelf["bn"].title, shelf["resnet"].title}
    assert keyword("training au:ioffe") == [shelf["bn"].title]


def test_type_ahead_finds_a_title_from_a_word_typed_half_way(shelf: dict[str, Paper]) -> None:
    from papershelf.search.services import typeahead

    # The main index stores "learning" stemmed as "learn": "learnin" must still match.
    assert [s.title for s in typeahead("learnin")] == [shelf["resnet"].title]
    assert [s.title for s in typeahead("resid")] == [shelf["resnet"].title]
    assert [s.title for s in typeahead("au:ioff")] == [shelf["bn"].title]
    assert typeahead("zzz") == []


def test_type_ahead_follows_a_renamed_title(shelf: dict[str, Paper]) -> None:
    from papershelf.search.services import typeahead

    paper = shelf["gan"]
    update_paper(paper, PaperData(title="Generative Adversarial Nets", year=2014))
    assert [s.title for s in typeahead("nets")] == ["Generative Adversarial Nets"]
    assert typeahead("networks adversarial") == []


@sqlite_only
def test_the_keyword_index_takes_changes_in_through_its_outbox(shelf: dict[str, Paper]) -> None:
    from papershelf.search.models import PendingKeywordUpdate

    update_paper(shelf["gan"], PaperData(title="Generative Adversarial Quokkas"))
    indexing.flush_pending()
    # Written with the document, in its transaction: a crash now leaves it for the next sync.
    assert PendingKeywordUpdate.objects.filter(paper_id=shelf["gan"].pk).exists()
    assert keyword("quokkas") == ["Generative Adversarial Quokkas"]
    assert not PendingKeywordUpdate.objects.exists()


@sqlite_only
def test_a_change_reaches_keyword_search_once_it_has_waited_the_refresh_interval(
    shelf: dict[str, Paper], settings: Settings
) -> None:
    settings.SEARCH_REFRESH_SECONDS = 1.0
    get_tantivy_index().sync()
    update_paper(shelf["gan"], PaperData(title="Generative Adversarial Quokkas"))
    update_paper(shelf["resnet"], PaperData(title="Deep Residual Quokka Learning"))
    indexing.flush_pending()
    # Just written: no commit for them yet, neither by the save nor by a search.
    assert keyword("quokkas") == []
    waiting = PendingKeywordUpdate.objects.values_list("paper_id", flat=True)
    assert {shelf["gan"].pk, shelf["resnet"].pk} <= set(waiting)
    # One of them has waited a second: the next search applies both, in one commit.
    a_second_ago = timezone.now() - timedelta(seconds=1.5)
    PendingKeywordUpdate.objects.filter(paper_id=shelf["gan"].pk).update(queued_at=a_second_ago)
    assert sorted(keyword("quokka")) == [
        "Deep Residual Quokka Learning",
        "Generative Adversarial Quokkas",
    ]
    assert not PendingKeywordUpdate.objects.exists()


@sqlite_only
def test_a_sync_that_waited_for_another_process_commits_nothing_it_already_applied(
    shelf: dict[str, Paper],
) -> None:
    first = get_tantivy_index()
    first.sync()
    other = KeywordIndex(first.root)  # another process's handle on the same index
    update_paper(shelf["gan"], PaperData(title="Generative Adversarial Quokkas"))
    indexing.flush_pending()
    meta = next(first.root.glob("*/meta.json"))
    before = meta.stat().st_mtime_ns
    # ``other`` read the outbox, then waited for the writer while ``first`` committed.
    first._apply([shelf["gan"].pk], set())
    committed = meta.stat().st_mtime_ns
    assert committed != before
    _forget(list(PendingKeywordUpdate.objects.values_list("paper_id", "queued_at")))
    other._apply([shelf["gan"].pk], set())
    assert meta.stat().st_mtime_ns == committed  # no second commit of the same rows
    assert keyword("quokkas") == ["Generative Adversarial Quokkas"]


@sqlite_only
def test_a_search_with_nothing_waiting_does_not_queue_behind_a_commit(
    shelf: dict[str, Paper],
) -> None:
    index = get_tantivy_index()
    index.sync()
    results: list[int] = []
    index._lock.acquire()  # another thread of this process is committing
    try:
        searcher = threading.Thread(target=lambda: results.append(index.sync()))
        searcher.start()
        searcher.join(timeout=5)
        assert results == [0]
    finally:
        index._lock.release()


@postgresql_only
def test_on_postgresql_a_change_is_indexed_in_its_own_transaction_without_an_outbox(
    shelf: dict[str, Paper],
) -> None:
    from papershelf.search.models import PendingKeywordUpdate

    update_paper(shelf["gan"], PaperData(title="Generative Adversarial Quokkas"))
    indexing.flush_pending()
    # The trigger wrote the tsvector with the document: nothing waits for a sync.
    assert not PendingKeywordUpdate.objects.exists()
    assert keyword("quokkas") == ["Generative Adversarial Quokkas"]


def test_a_rolled_back_change_leaves_the_keyword_index(shelf: dict[str, Paper]) -> None:
    title = shelf["gan"].title
    assert keyword("adversarial") == [title]
    with pytest.raises(RuntimeError), transaction.atomic():
        update_paper(shelf["gan"], PaperData(title="Generative Adversarial Quokkas"))
        assert keyword("quokkas") == ["Generative Adversarial Quokkas"]
        raise RuntimeError("the import failed")
    assert keyword("quokkas") == []
    assert keyword("adversarial") == [title]


def test_a_field_clause_matches_that_field_and_no_other(shelf: dict[str, Paper]) -> None:
    # "framework" is in two abstracts; "ICML" is a venue; "Normalization" a topic and a title.
    assert set(keyword("abs:framework")) == {shelf["gan"].title, shelf["resnet"].title}
    assert keyword("venue:framework") == []
    assert keyword("topic:framework") == []
    assert keyword("venue:icml") == [shelf["bn"].title]
    assert keyword("abs:icml") == []
    assert keyword("topic:normalization") == [shelf["bn"].title]
    assert keyword("ti:normalization -topic:normalization") == []


def test_a_phrase_never_runs_from_one_field_into_the_next(shelf: dict[str, Paper]) -> None:
    # The title ends "Image Recognition" and the authors begin "Kaiming He".
    assert keyword('"image recognition"') == [shelf["resnet"].title]
    assert keyword('"recognition kaiming"') == []


def test_a_prefix_matches_words_as_stemmed_and_as_typed(shelf: dict[str, Paper]) -> None:
    assert keyword("adversar*") == [shelf["gan"].title]
    assert keyword("lotter*") == [shelf["lottery"].title]  # the stem is "lotteri"
    assert keyword("au:szeged*") == [shelf["bn"].title]
    assert keyword("zzyzx*") == []


def test_accents_are_folded_in_papers_and_queries() -> None:
    add_paper("Incompleteness", authors=["Kurt Gödel"], abstract="Über formal unentscheidbare.")
    assert keyword("au:godel") == ["Incompleteness"]
    assert keyword("gödel") == ["Incompleteness"]
    assert keyword("uber") == ["Incompleteness"]


def test_a_snippet_escapes_the_text_it_shows() -> None:
    add_paper("Markup", abstract="Beware <script>alert(1)</script> of the quokka & co.")
    hit = search("quokka", mode="keyword").hits[0]
    assert "<script>" not in hit.snippet_html
    assert "&lt;script&gt;" in hit.snippet_html
    assert "<mark>quokka</mark>" in hit.snippet_html


@sqlite_only
def test_facets_are_counted_from_their_own_index_without_reading_the_documents(
    shelf: dict[str, Paper],
) -> None:
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # statistics that say the table is tiny
    with CaptureQueriesContext(connection) as queries:
        results = search("normalization OR adversarial", mode="keyword")
    assert {f.value for f in results.facets["year"]}
    sql = next(q["sql"] for q in queries.captured_queries if "d.year, d.venue" in q["sql"])
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql)
        plan = [row[3] for row in cursor.fetchall()]
    assert "SEARCH d USING COVERING INDEX search_doc_facets (paper_id=?)" in plan


@sqlite_only
@pytest.mark.parametrize("limit", [5, 40, 1000])
def test_a_title_phrase_ranked_apart_from_its_words_ranks_as_one_search_does(
    limit: int,
) -> None:
    # Papers holding the words in the title's order behind long abstracts (the bag of
    # words alone ranks them low), short papers holding them in another order: more
    # papers hold the phrase than a small limit keeps, so every cut is crossed.
    from papershelf.search.backends.tantivy_backend import (
        _ranked_with_phrase,
        _scored,
        bag_and_phrase,
        build_query,
    )
    from papershelf.search.query import parse

    filler = " ".join(f"word{n}" for n in range(150))
    for i in range(30):
        add_paper(f"Graph attention networks for molecules {i}", abstract=f"{filler} {i}")
        add_paper(f"Networks attention graph {i}", abstract="molecules graph " * (i % 5 + 1))
        add_paper(f"Attention on graph networks {i}", abstract="attention " * (i % 3 + 1))
    indexing.flush_pending()  # searchable now, as a search would make them
    index = get_tantivy_index()
    index.sync()
    searcher = index.searcher()
    for raw in ("graph attention networks", "graph attention", "attention networks molecules"):
        query = parse(raw)
        split = bag_and_phrase(query)
        assert split is not None
        one = _scored(searcher, build_query(query), limit)
        ranked = _ranked_with_phrase(searcher, *split, limit)
        assert len(ranked) == min(limit, 90) and set(ranked) == set(one)  # the same papers…
        assert [one[pk] for pk in ranked] == list(one.values())  # …in the order of their scores
    # The phrase decides: the bag of words alone puts another order first.
    bag = bag_and_phrase(parse("graph attention networks"))
    assert bag is not None
    best = next(iter(_scored(searcher, bag[0], 5)))
    assert not SearchDocument.objects.get(pk=best).title.startswith("Graph attention networks")
    assert keyword("graph attention networks")[0].startswith("Graph attention networks")


def test_a_quoted_phrase_finds_its_words_side_by_side_and_in_order() -> None:
    add_paper("Graph attention networks", abstract="Masked self-attention over neighbours.")
    add_paper("Attention for graph networks", abstract="Graph pooling with attention.")
    add_paper("Networks of words", abstract="We study graph attention in language.")
    assert set(keyword('"graph attention"')) == {
        "Graph attention networks",
        "Networks of words",  # the pair in its abstract
    }
    assert keyword('"attention graph"') == []
    assert keyword('"graph networks"') == ["Attention for graph networks"]
    assert keyword('"graph attention networks"') == ["Graph attention networks"]
    assert keyword('"attention in language"') == ["Networks of words"]


def test_a_quoted_pair_ranks_the_paper_holding_it_in_its_title_first() -> None:
    add_paper("A study of pooling", abstract="Graph attention, as a baseline, and more.")
    add_paper("Graph attention for molecules", abstract="Molecules as graphs.")
    assert keyword('"graph attention"') == ["Graph attention for molecules", "A study of pooling"]


@sqlite_only
def test_an_index_built_by_an_older_papershelf_is_built_again_when_opened(
    shelf: dict[str, Paper],
) -> None:
    from papershelf.search.keyword_index import SCHEMA_VERSION, keyword_root

    old = get_tantivy_index()
    old.sync()
    root = keyword_root()
    generation = (root / "CURRENT").read_text()
    (root / generation / "papershelf-schema").unlink()  # as indexes before word pairs were
    keyword_index = KeywordIndex(root)  # another process, started after the upgrade
    keyword_index.warm_up()
    rebuilt = (root / "CURRENT").read_text()
    assert rebuilt != generation
    assert (root / rebuilt / "papershelf-schema").read_text() == SCHEMA_VERSION
    assert keyword('"image recognition"') == [shelf["resnet"].title]  # from its word pairs
