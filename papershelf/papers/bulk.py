"""Creating many papers at once, for imports: a handful of queries per thousand papers.

``Paper.save`` keeps title keys and authors one paper at a time; a 10,000-entry
BibTeX file would spend minutes there. This does the same work in batches.
"""

from __future__ import annotations

from django.utils.text import slugify

from papershelf.lib.titles import is_probably_title, normalise_title, title_variants
from papershelf.papers.models import Author, Paper, PaperAuthor, TitleKey, Venue
from papershelf.papers.signals import papers_created

BATCH = 500


def _existing_by(model: type[Author] | type[Venue], field: str, values: list[str]) -> dict:
    found = {}
    for i in range(0, len(values), BATCH):
        for obj in model.objects.filter(**{f"{field}__in": values[i : i + BATCH]}):
            found[getattr(obj, field)] = obj
    return found


def _free_slugs(model: type[Author] | type[Venue], names: list[str]) -> list[str]:
    """Slugs for new rows that clash neither with the table nor with each other."""
    bases = [slugify(name)[:280] or "x" for name in names]
    taken = set(
        model.objects.filter(slug__in=set(bases)).values_list("slug", flat=True)
    )  # the common case; rare longer clashes are checked one by one below
    slugs = []
    for base in bases:
        slug, n = base, 1
        while slug in taken or (n > 1 and model.objects.filter(slug=slug).exists()):
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        slugs.append(slug)
    return slugs


def authors_by_key(names: list[str]) -> dict[str, Author]:
    """Every named author, created where missing, by normalised key."""
    from papershelf.papers.services import author_key

    wanted: dict[str, str] = {}
    for name in names:
        clean = " ".join(name.split())
        if clean:
            wanted.setdefault(author_key(clean), clean)
    found = _existing_by(Author, "key", sorted(wanted))
    missing = [(key, wanted[key]) for key in wanted if key not in found]
    slugs = _free_slugs(Author, [name for _, name in missing])
    created = Author.objects.bulk_create(
        [
            Author(name=name, key=key, slug=slug)
            for (key, name), slug in zip(missing, slugs, strict=True)
        ],
        batch_size=BATCH,
    )
    found.update({author.key: author for author in created})
    return found


def _keys(paper: Paper) -> set[str]:
    titles = [paper.title, *getattr(paper, "former_titles", [])]
    return {k for title in titles if is_probably_title(title) for k in title_variants(title)}


def create_papers(papers: list[Paper], authors: list[list[str]]) -> None:
    """Insert unsaved papers with their ordered authors and title keys; pks are set."""
    from papershelf.papers.services import author_key

    for paper in papers:
        paper.normalised_title = normalise_title(paper.title)
    Paper.objects.bulk_create(papers, batch_size=BATCH)
    TitleKey.objects.bulk_create(
        [TitleKey(paper=paper, key=key) for paper in papers for key in sorted(_keys(paper))],
        batch_size=BATCH,
    )
    by_key = authors_by_key([name for names in authors for name in names])
    links = []
    for paper, names in zip(papers, authors, strict=True):
        keys = [author_key(" ".join(n.split())) for n in names if n.strip()]
        links += [
            PaperAuthor(paper=paper, author=by_key[key], position=i) for i, key in enumerate(keys)
        ]
    PaperAuthor.objects.bulk_create(links, batch_size=BATCH)
    papers_created.send(sender=Paper, pks=[paper.pk for paper in papers])
