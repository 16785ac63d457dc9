"""Related papers and topic suggestions, each with the reason a person would ask for."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from django.core.cache import cache
from django.db.models import Count

from papershelf.accounts.models import User
from papershelf.lib.markdown import plain_text
from papershelf.papers.models import Paper
from papershelf.readinglists.models import ReadingList, ReadingListItem
from papershelf.readinglists.services import listed_lists
from papershelf.search.embedding import get_embedder
from papershelf.search.links import papers_linked_from, papers_linking_to
from papershelf.search.models import Embedding, EmbeddingKind, RejectedSuggestion
from papershelf.search.semantic import neighbour_rows, paper_vector, visible_hits
from papershelf.search.vectors import vector_from_bytes
from papershelf.topics.models import Topic
from papershelf.topics.services import tag_paper

# Below this cosine similarity two MiniLM texts are rarely about the same thing.
MIN_SIMILARITY = 0.35
TOPIC_BONUS = 0.15
LIST_BONUS = 0.2
# Someone chose to link one paper from their summary of another: a strong hint.
LINK_BONUS = 0.3
# A topic learns from its papers once it has this many with vectors.
CLASSIFIER_MIN_PAPERS = 5
ZERO_SHOT_THRESHOLD = 0.4
CLASSIFIER_THRESHOLD = 0.5
MAX_NEGATIVES = 400
# A paper's neighbours by meaning move only as papers are added or re-embedded: found
# again every ten minutes, not on every visit (an exact search over 100,000 vectors
# was 11 ms of a 70 ms paper page). Visibility is checked on every visit.
NEIGHBOURS_SECONDS = 600


@dataclass
class Related:
    paper: Paper
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)


def _add(found: dict[int, Related], paper_id: int, score: float, reason: str) -> None:
    related = found.setdefault(paper_id, Related(paper=None))  # type: ignore[arg-type]
    related.score += score
    if reason not in related.reasons:
        related.reasons.append(reason)


def _by_meaning(paper: Paper, found: dict[int, Related]) -> None:
    vector = paper_vector(paper.pk)
    if vector is None:
        return  # not embedded yet: topics and lists still answer
    # The key holds the vector: a paper embedded again finds its neighbours again.
    digest = hashlib.blake2b(vector.tobytes(), digest_size=8).hexdigest()
    # The graph, not brute force: "related" needs good neighbours, not provably the best
    # ones, and an exact search over 100,000 vectors was a third of a paper page's time.
    rows = cache.get_or_set(
        f"related-{paper.pk}-{digest}",
        lambda: neighbour_rows(vector, 20, exact=False),
        NEIGHBOURS_SECONDS,
    )
    for hit in visible_hits(rows, 20, exclude=paper.pk):  # type: ignore[arg-type]
        if hit.similarity >= MIN_SIMILARITY:
            reason = "similar abstract" if hit.kind == EmbeddingKind.PAPER else "similar summary"
            _add(found, hit.paper_id, hit.similarity, reason)


def _by_topics(paper: Paper, found: dict[int, Related], limit: int) -> None:
    """A bonus per shared topic: for the papers already found, and for the ``limit``
    papers sharing the most topics (counted by the database, not row by row here)."""
    names = {topic.pk: topic.name for topic in paper.topics.all()}  # prefetched by the page
    if not names:
        return
    members = Topic.papers.through.objects.filter(topic_id__in=names).exclude(paper_id=paper.pk)
    most = (
        members.values("paper_id")
        .annotate(shared=Count("topic_id"))
        .order_by("-shared", "-paper_id")
        .values_list("paper_id", flat=True)[:limit]
    )
    candidates = {*found, *most}
    for paper_id, topic_id in members.filter(paper_id__in=candidates).values_list(
        "paper_id", "topic_id"
    ):
        _add(found, paper_id, TOPIC_BONUS, f"shares topic {names[topic_id]}")


def _by_lists(
    paper: Paper, user: User | None, found: dict[int, Related], lists: Iterable[ReadingList] | None
) -> None:
    if lists is None:
        lists = listed_lists(user).filter(items__paper=paper)
    titles = {each.pk: each.title for each in lists}
    items = (
        ReadingListItem.objects.filter(reading_list_id__in=titles, paper__isnull=False)
        .exclude(paper=paper)
        .values_list("paper_id", "reading_list_id")[:2000]
    )
    for paper_id, list_id in items:
        _add(found, paper_id, LIST_BONUS, f"in the same reading list “{titles[list_id]}”")


def _by_links(paper: Paper, found: dict[int, Related]) -> None:
    for paper_id in papers_linked_from(paper):
        _add(found, paper_id, LINK_BONUS, "linked from a summary")
    for paper_id in papers_linking_to(paper):
        _add(found, paper_id, LINK_BONUS, "links here from its summary")


def related_papers(
    paper: Paper, user: User | None, limit: int = 8, lists: Iterable[ReadingList] | None = None
) -> list[Related]:
    """Nearest by meaning, plus shared topics, reading lists the user may see and links
    between public summaries. ``lists``: those the user may see that hold the paper, when
    the caller has them already."""
    found: dict[int, Related] = {}
    _by_meaning(paper, found)
    _by_topics(paper, found, limit)
    _by_lists(paper, user, found, lists)
    _by_links(paper, found)
    best = sorted(found.items(), key=lambda item: -item[1].score)[:limit]
    papers = Paper.objects.select_related("venue").in_bulk([pk for pk, _ in best])
    result = []
    for pk, related in best:
        if pk in papers:
            related.paper = papers[pk]
            result.append(related)
    return result


# --- Topic suggestions -----------------------------------------------------------------


@dataclass
class TopicSuggestion:
    topic: Topic
    score: float
    reason: str


@lru_cache(maxsize=512)
def _topic_vector(text: str) -> np.ndarray:
    return get_embedder().embed_one(text)


def topic_text(topic: Topic) -> str:
    return f"{topic.name}. {plain_text(topic.description)}".strip()


def train_logistic_regression(
    positives: np.ndarray, negatives: np.ndarray, steps: int = 300, l2: float = 1e-3
) -> tuple[np.ndarray, float]:
    """A linear classifier (weights, bias) by gradient descent, classes weighted evenly."""
    x = np.vstack([positives, negatives]).astype(np.float64)
    y = np.concatenate([np.ones(len(positives)), np.zeros(len(negatives))])
    weight = np.where(y == 1, 0.5 / len(positives), 0.5 / max(len(negatives), 1))
    w, b = np.zeros(x.shape[1]), 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        error = (p - y) * weight
        w -= 4.0 * (x.T @ error + l2 * w)
        b -= 4.0 * float(error.sum())
    return w, b


@dataclass
class _TopicModel:
    weights: tuple[np.ndarray, float] | None
    topic: tuple[int, object]  # pk and creation time: a pk can come back after a rollback
    papers: int  # the topic's papers when it was trained
    rejections: int
    trained: float  # time.time(): compared across processes


# One model per topic, kept in each process and in the shared cache. A paper page asked
# for them on every visit and retrained a topic whenever anyone tagged a paper: under
# load that was a sixth of the web processes' time. A model now learns from at most
# MAX_POSITIVES of the topic's papers (the most recently tagged) and is kept while the
# topic has grown or shrunk by less than RETRAIN_GROWTH, or for RETRAIN_SECONDS whatever
# happens; a rejection of one of its suggestions retrains it at once (the rejected paper
# becomes a counter-example).
_topic_models: dict[int, _TopicModel] = {}
MAX_POSITIVES = 400
RETRAIN_GROWTH = 0.1
RETRAIN_SECONDS = 900


def _vectors_of(paper_ids: list[int]) -> np.ndarray:
    rows = Embedding.objects.filter(paper_id__in=paper_ids, kind=EmbeddingKind.PAPER)
    return np.array([vector_from_bytes(v) for v in rows.values_list("vector", flat=True)])


def _is_fresh(model: _TopicModel, topic: Topic, papers: int, rejections: int) -> bool:
    if model.topic != (topic.pk, topic.created_at) or model.rejections != rejections:
        return False
    if model.papers == papers:
        return True
    grown = abs(papers - model.papers) / max(model.papers, 1)
    return grown < RETRAIN_GROWTH and time.time() - model.trained < RETRAIN_SECONDS


def _classifier(topic: Topic, papers: int, rejections: int) -> tuple[np.ndarray, float] | None:
    """The topic's classifier (weights, bias), or None while it has too few papers."""
    cached = _topic_models.get(topic.pk)
    if cached is None or not _is_fresh(cached, topic, papers, rejections):
        cached = cache.get(f"topic-model-{topic.pk}")  # another process may have trained it
    if cached is not None and _is_fresh(cached, topic, papers, rejections):
        _topic_models[topic.pk] = cached
        return cached.weights
    tagged = Topic.papers.through.objects.filter(topic=topic).order_by("-pk")
    positive_ids = list(tagged.values_list("paper_id", flat=True)[:MAX_POSITIVES])
    rejected = list(
        RejectedSuggestion.objects.filter(topic=topic).values_list("paper_id", flat=True)
    )
    weights = _train_topic(positive_ids, rejected)
    model = _TopicModel(weights, (topic.pk, topic.created_at), papers, rejections, time.time())
    _topic_models[topic.pk] = model
    cache.set(f"topic-model-{topic.pk}", model, RETRAIN_SECONDS)
    return weights


def _train_topic(positive_ids: list[int], rejected: list[int]) -> tuple[np.ndarray, float] | None:
    positives = _vectors_of(positive_ids)
    if len(positives) < CLASSIFIER_MIN_PAPERS:
        return None
    # Negatives are papers people filed under other topics: a paper with no topic yet is
    # unlabelled (it is what we suggest for), not a counter-example.
    others = (
        Topic.papers.through.objects.exclude(paper_id__in=positive_ids)
        .values_list("paper_id", flat=True)
        .distinct()[:MAX_NEGATIVES]
    )
    negatives = _vectors_of([*others, *rejected])
    if not len(negatives):
        return None
    return train_logistic_regression(positives, negatives)


def suggest_topics(paper: Paper, limit: int = 3) -> list[TopicSuggestion]:
    """Topics for a paper that has none yet, not counting ones someone rejected."""
    if paper.topics.exists():
        return []
    vector = paper_vector(paper.pk)
    if vector is None:
        return []
    rejected = RejectedSuggestion.objects.filter(paper=paper).values_list("topic_id", flat=True)
    topics = Topic.objects.exclude(pk__in=list(rejected)).annotate(count=Count("papers"))
    rejections = dict(
        RejectedSuggestion.objects.values_list("topic_id").annotate(n=Count("pk")).order_by()
    )
    suggestions = []
    for topic in topics:
        model = None
        if topic.count >= CLASSIFIER_MIN_PAPERS:
            model = _classifier(topic, topic.count, rejections.get(topic.pk, 0))
        if model is not None:
            w, b = model
            score = float(1.0 / (1.0 + np.exp(-(vector @ w + b))))
            if score >= CLASSIFIER_THRESHOLD:
                reason = f"like the {topic.count} papers in {topic.name}"
                suggestions.append(TopicSuggestion(topic, score, reason))
            continue
        score = float(vector @ _topic_vector(topic_text(topic)))
        if score >= ZERO_SHOT_THRESHOLD:
            reason = f"matches the description of {topic.name}"
            suggestions.append(TopicSuggestion(topic, score, reason))
    return sorted(suggestions, key=lambda s: -s.score)[:limit]


def accept_suggestion(paper: Paper, topic: Topic) -> None:
    tag_paper(paper, topic)
    RejectedSuggestion.objects.filter(paper=paper, topic=topic).delete()


def reject_suggestion(paper: Paper, topic: Topic, user: User | None) -> None:
    RejectedSuggestion.objects.get_or_create(
        paper=paper, topic=topic, defaults={"rejected_by": user}
    )
