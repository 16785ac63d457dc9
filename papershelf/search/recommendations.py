"""“For you”: papers near the ones a reader wrote about or keeps, each with its reason.

What the shelf knows of a reader's interests: the papers they summarised and the papers
in their own reading lists (positives), and the papers they dismissed from this list
(negatives). Candidates are the neighbours of the positives in the vector index — one
batched query, never a scan of every vector — scored by how close they come to a
positive. With enough examples of both kinds a small logistic regression, trained on
the reader's own positives and negatives, reranks the candidates as well.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from papershelf.accounts.models import User
from papershelf.papers.models import Paper
from papershelf.readinglists.models import ReadingListItem
from papershelf.search.discovery import train_logistic_regression
from papershelf.search.models import DismissedRecommendation, Embedding, EmbeddingKind
from papershelf.search.vectors import get_index, vector_from_bytes
from papershelf.summaries.models import Summary

# The most recent ones: each costs an index query, and tastes drift.
MAX_POSITIVES = 40
MAX_NEGATIVES = 200
NEIGHBOURS = 20  # per positive
# The classifier reranks only this many of the closest: each costs a vector to read.
MAX_CANDIDATES = 200
# Below this a MiniLM neighbour is rarely about the same thing (as for related papers).
MIN_SIMILARITY = 0.35
CLASSIFIER_MIN_POSITIVES = 5
CLASSIFIER_MIN_NEGATIVES = 1
CLASSIFIER_WEIGHT = 0.5  # of the score; the rest is similarity
MAX_REASONS = 2
# A second paper of the reader's is named only when it is about as close as the first.
REASON_MARGIN = 0.05


@dataclass(frozen=True)
class Because:
    """A paper of the reader's that a recommendation resembles, and how it is theirs."""

    paper_id: int
    title: str
    list_title: str = ""  # empty: the reader summarised it

    @property
    def via(self) -> str:
        return "list" if self.list_title else "summary"

    def reason(self) -> str:
        if self.list_title:
            return f"similar to “{self.title}” in your list “{self.list_title}”"
        return f"similar to “{self.title}” which you summarised"


@dataclass
class Recommendation:
    paper: Paper
    score: float
    similarity: float
    because: list[Because] = field(default_factory=list)

    @property
    def reasons(self) -> list[str]:
        return [b.reason() for b in self.because]


@dataclass
class ForYou:
    recommendations: list[Recommendation]
    positives: int  # papers the reader summarised or listed
    embedded: int  # of those, how many have a vector yet
    dismissed: int
    learned: bool  # whether the classifier took part


def _positives(user: User) -> dict[int, Because]:
    """The reader's papers, newest first; a summary is the stronger reason, so it wins."""
    found: dict[int, Because] = {}
    summaries = Summary.objects.filter(author=user).order_by("-updated_at")
    for paper_id, title in summaries.values_list("paper_id", "paper__title")[:MAX_POSITIVES]:
        found.setdefault(paper_id, Because(paper_id, title))
    items = ReadingListItem.objects.filter(reading_list__owner=user, paper__isnull=False)
    rows = items.order_by("-pk").values_list("paper_id", "paper__title", "reading_list__title")
    for paper_id, title, list_title in rows[:MAX_POSITIVES]:
        found.setdefault(paper_id, Because(paper_id, title, list_title))
    return found


def _paper_vectors(paper_ids: list[int]) -> dict[int, np.ndarray]:
    rows = Embedding.objects.filter(paper_id__in=paper_ids, kind=EmbeddingKind.PAPER)
    return {pk: vector_from_bytes(v) for pk, v in rows.values_list("paper_id", "vector")}


def _already_known(user: User, paper_ids: list[int]) -> set[int]:
    """Of these papers, those the reader summarised, listed or dismissed (at any age)."""
    summarised = Summary.objects.filter(author=user, paper_id__in=paper_ids)
    listed = ReadingListItem.objects.filter(reading_list__owner=user, paper_id__in=paper_ids)
    dismissed = DismissedRecommendation.objects.filter(user=user, paper_id__in=paper_ids)
    return {
        *summarised.values_list("paper_id", flat=True),
        *listed.values_list("paper_id", flat=True),
        *dismissed.values_list("paper_id", flat=True),
    }


@dataclass
class _Candidate:
    similarity: float = 0.0
    support: dict[int, float] = field(default_factory=dict)  # positive → best similarity


def _candidates(
    positives: dict[int, Because], vectors: dict[int, np.ndarray]
) -> dict[int, _Candidate]:
    """Neighbours of every positive, best similarity first, each with who it is near."""
    owners = list(vectors)
    neighbours = get_index().search_many(np.stack([vectors[p] for p in owners]), NEIGHBOURS)
    keys = {n.key for found in neighbours for n in found if n.similarity >= MIN_SIMILARITY}
    paper_of = dict(Embedding.objects.filter(pk__in=keys).values_list("pk", "paper_id"))
    candidates: dict[int, _Candidate] = {}
    for owner, found in zip(owners, neighbours, strict=True):
        for neighbour in found:
            paper_id = paper_of.get(neighbour.key)
            if paper_id is None or paper_id in positives:
                continue  # too far, a stale key, or one of the reader's own papers
            candidate = candidates.setdefault(paper_id, _Candidate())
            if neighbour.similarity > candidate.support.get(owner, -1.0):
                candidate.support[owner] = neighbour.similarity
            candidate.similarity = max(candidate.similarity, neighbour.similarity)
    return candidates


# Training is cheap but not free; the same reader with the same examples reuses it.
_classifiers: OrderedDict[str, tuple[np.ndarray, float]] = OrderedDict()
_CACHED_CLASSIFIERS = 256


def _classifier(
    user: User, positives: dict[int, np.ndarray], negatives: dict[int, np.ndarray]
) -> tuple[np.ndarray, float] | None:
    if len(positives) < CLASSIFIER_MIN_POSITIVES or len(negatives) < CLASSIFIER_MIN_NEGATIVES:
        return None
    examples = repr((user.pk, sorted(positives), sorted(negatives)))
    key = hashlib.sha256(examples.encode()).hexdigest()
    if key in _classifiers:
        _classifiers.move_to_end(key)
        return _classifiers[key]
    model = train_logistic_regression(
        np.stack(list(positives.values())), np.stack(list(negatives.values()))
    )
    _classifiers[key] = model
    if len(_classifiers) > _CACHED_CLASSIFIERS:
        _classifiers.popitem(last=False)
    return model


def _because(candidate: _Candidate, positives: dict[int, Because]) -> list[Because]:
    nearest = sorted(candidate.support, key=lambda p: -candidate.support[p])[:MAX_REASONS]
    close = candidate.similarity - REASON_MARGIN
    return [positives[p] for p in nearest if candidate.support[p] >= close]


def recommend(user: User, limit: int = 20) -> ForYou:
    """Papers for this reader, best first, each with the papers of theirs it resembles."""
    positives = _positives(user)
    dismissed = list(
        DismissedRecommendation.objects.filter(user=user)
        .order_by("-created_at")
        .values_list("paper_id", flat=True)[:MAX_NEGATIVES]
    )
    vectors = _paper_vectors([*positives, *dismissed])
    positive_vectors = {p: vectors[p] for p in positives if p in vectors}
    result = ForYou([], len(positives), len(positive_vectors), len(dismissed), learned=False)
    if not positive_vectors:
        return result
    candidates = _candidates(positives, positive_vectors)
    for paper_id in _already_known(user, list(candidates)):
        candidates.pop(paper_id, None)
    closest = sorted(candidates, key=lambda pk: -candidates[pk].similarity)[:MAX_CANDIDATES]
    scores = {paper_id: candidates[paper_id].similarity for paper_id in closest}
    # Dismissed once, summarised or listed since: it is the reader's, so a positive.
    negative_vectors = {p: vectors[p] for p in dismissed if p in vectors and p not in positives}
    model = _classifier(user, positive_vectors, negative_vectors)
    if model is not None and candidates:
        result.learned = True
        _rerank(scores, model)
    best = sorted(scores, key=lambda pk: -scores[pk])[:limit]
    papers = (
        Paper.objects.select_related("venue").prefetch_related("author_links__author").in_bulk(best)
    )
    for paper_id in best:
        if paper_id not in papers:
            continue  # deleted since the index saw it
        candidate = candidates[paper_id]
        because = _because(candidate, positives)
        result.recommendations.append(
            Recommendation(papers[paper_id], scores[paper_id], candidate.similarity, because)
        )
    return result


def _rerank(scores: dict[int, float], model: tuple[np.ndarray, float]) -> None:
    """Blend in the classifier's probability that the reader wants each candidate."""
    w, b = model
    vectors = _paper_vectors(list(scores))
    for paper_id, score in scores.items():
        vector = vectors.get(paper_id)
        # Found through a summary passage alone, a paper may not have its own vector yet.
        probability = 0.5 if vector is None else float(1.0 / (1.0 + np.exp(-(vector @ w + b))))
        scores[paper_id] = (1 - CLASSIFIER_WEIGHT) * score + CLASSIFIER_WEIGHT * probability


def dismiss(user: User, paper: Paper) -> None:
    DismissedRecommendation.objects.get_or_create(user=user, paper=paper)


def as_dict(for_you: ForYou, absolute: Callable[[str], str] = str) -> dict[str, object]:
    """The JSON shape of the page (``/for-you.json``)."""
    return {
        "ok": True,
        "positives": for_you.positives,
        "embedded": for_you.embedded,
        "dismissed": for_you.dismissed,
        "learned": for_you.learned,
        "results": [
            {
                "id": r.paper.pk,
                "title": r.paper.title,
                "url": absolute(r.paper.get_absolute_url()),
                "authors": [a.name for a in r.paper.ordered_authors()],
                "year": r.paper.year,
                "venue": r.paper.venue.name if r.paper.venue else None,
                "score": round(r.score, 6),
                "similarity": round(r.similarity, 6),
                "reasons": r.reasons,
                "because": [
                    {
                        "id": b.paper_id,
                        "title": b.title,
                        "via": b.via,
                        "list": b.list_title or None,
                    }
                    for b in r.because
                ],
            }
            for r in for_you.recommendations
        ],
    }


def follow_merge(keep: Paper, remove: Paper) -> None:
    """A paper dismissed under either of two merged records stays dismissed."""
    already = DismissedRecommendation.objects.filter(paper=keep).values("user")
    DismissedRecommendation.objects.filter(paper=remove).exclude(user__in=already).update(
        paper=keep
    )
