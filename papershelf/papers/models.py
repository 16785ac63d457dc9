from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.text import slugify

from papershelf.lib.titles import is_probably_title, normalise_title, title_variants
from papershelf.lib.venues import venue_key
from papershelf.links import url

# Newest first, papers of unknown year last: PostgreSQL would put them first in a
# descending sort (SQLite puts them last), so every listing by year says where.
NEWEST_FIRST = (F("year").desc(nulls_last=True), "title")


class Venue(models.Model):
    name = models.CharField(max_length=300, unique=True)
    slug = models.SlugField(max_length=300, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return url("papers-venue", self.slug)


class VenueAlias(models.Model):
    """Another way bibliographies write a venue: "NIPS" or "Advances in Neural Information
    Processing Systems" for NeurIPS.

    Matched by key (``lib.venues``), so one alias covers every year, ordinal, volume and
    "Proceedings of the" form of the name. A plain name rather than a link to a Venue:
    the table knows venues before any paper on the shelf is from them.
    """

    name = models.CharField(
        max_length=300,
        help_text="A name papers arrive with, e.g. “Advances in Neural Information Processing"
        " Systems”. Years, ordinals and “Proceedings of the” need no alias of their own.",
    )
    key = models.CharField(max_length=300, unique=True, editable=False)
    canonical = models.CharField(
        "venue",
        max_length=300,
        help_text="The venue's name on this shelf, e.g. NeurIPS.",
    )

    class Meta:
        ordering = ["canonical", "name"]
        verbose_name_plural = "venue aliases"

    def __str__(self) -> str:
        return f"{self.name} → {self.canonical}"

    def save(self, *args: object, **kwargs: object) -> None:
        self.key = venue_key(self.name)
        super().save(*args, **kwargs)  # type: ignore[arg-type]
        # The short name is an alias of itself, so "NeurIPS 2020" finds NeurIPS too.
        own_key = venue_key(self.canonical)
        if own_key and not VenueAlias.objects.filter(key=own_key).exists():
            VenueAlias.objects.create(name=self.canonical, canonical=self.canonical)

    def clean(self) -> None:
        self.key = venue_key(self.name)
        if not self.key:
            raise ValidationError({"name": "This names no venue once years and numbers go."})
        other = VenueAlias.objects.filter(key=self.key).exclude(pk=self.pk).first()
        if other is not None:
            message = (
                f"“{other.name}” already stands for {other.canonical}"
                " (the same name once years and numbers go)."
            )
            raise ValidationError({"name": message})


class Author(models.Model):
    name = models.CharField(max_length=300)
    # One person however the sources spell the case or accents of their name.
    key = models.CharField(max_length=300, unique=True)
    slug = models.SlugField(max_length=300, unique=True)

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["name"], name="author_name")]  # the authors page

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return url("papers-author", self.slug)


class Paper(models.Model):
    title = models.CharField(max_length=1000)
    normalised_title = models.CharField(max_length=1000, db_index=True, editable=False)
    authors: models.ManyToManyField[Author, PaperAuthor] = models.ManyToManyField(
        Author, through="PaperAuthor", related_name="papers"
    )
    venue = models.ForeignKey(
        Venue, null=True, blank=True, on_delete=models.SET_NULL, related_name="papers"
    )
    year = models.PositiveSmallIntegerField(null=True, blank=True, db_index=True)
    abstract = models.TextField(blank=True)

    arxiv_id = models.CharField("arXiv id", max_length=40, blank=True, db_index=True)
    arxiv_version = models.PositiveSmallIntegerField(null=True, blank=True)
    doi = models.CharField("DOI", max_length=300, blank=True, db_index=True)
    bibtex_key = models.CharField("BibTeX key", max_length=300, blank=True)
    dblp_key = models.CharField("DBLP key", max_length=300, blank=True)
    openreview_id = models.CharField("OpenReview id", max_length=100, blank=True, db_index=True)

    pdf_url = models.URLField("PDF", max_length=1000, blank=True)
    code_url = models.URLField("code", max_length=1000, blank=True)
    project_url = models.URLField("project page", max_length=1000, blank=True)
    url = models.URLField("other link", max_length=1000, blank=True)

    organisations = models.JSONField(default=list, blank=True)
    keywords = models.JSONField(default=list, blank=True)
    figure = models.ImageField(upload_to="figures/%Y/", blank=True)

    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    view_count = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = list(NEWEST_FIRST)
        # Each listing walks an index in its own order and stops after a page (issue 10):
        # the home page's "most read", the newest papers, a year's and a venue's papers.
        indexes = [
            models.Index(fields=["view_count"], name="paper_view_count"),
            models.Index(fields=["created_at"], name="paper_created"),
            models.Index(fields=["year", "title"], name="paper_year_title"),
            models.Index(fields=["venue", "year", "title"], name="paper_venue_year_title"),
        ]
        constraints = [
            # One paper per identifier: the base of de-duplication on import.
            models.UniqueConstraint(
                fields=["arxiv_id"], condition=~Q(arxiv_id=""), name="unique_arxiv_id"
            ),
            models.UniqueConstraint(fields=["doi"], condition=~Q(doi=""), name="unique_doi"),
            models.UniqueConstraint(
                fields=["openreview_id"],
                condition=~Q(openreview_id=""),
                name="unique_openreview_id",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: object, **kwargs: object) -> None:
        key = normalise_title(self.title)
        adding = self._state.adding
        title_changed = adding or key != self.normalised_title
        self.normalised_title = key
        super().save(*args, **kwargs)  # type: ignore[arg-type]
        if title_changed:
            self.refresh_title_keys(new=adding)

    def get_absolute_url(self) -> str:
        return url("papers-detail", self.pk, slugify(self.title)[:80] or "paper")

    def refresh_title_keys(self, new: bool = False) -> None:
        """Store the keys other sources may use for this title (see ``lib.titles``).

        Keys of former titles are kept, so a source using an old name still finds it.
        """
        # A short heading ("Attention") must never be a key another paper can meet.
        if not is_probably_title(self.title):
            return
        keys = title_variants(self.title)
        if not new:
            keys -= set(self.title_keys.values_list("key", flat=True))
        TitleKey.objects.bulk_create([TitleKey(paper=self, key=k) for k in sorted(keys)])

    def ordered_authors(self) -> list[Author]:
        return [link.author for link in self.author_links.all()]


class PaperAuthor(models.Model):
    paper = models.ForeignKey(Paper, on_delete=models.CASCADE, related_name="author_links")
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="paper_links")
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["paper", "position"], name="unique_author_position")
        ]

    def __str__(self) -> str:
        return f"{self.author} ({self.position + 1})"


class TitleKey(models.Model):
    """A normalised form of a paper's title, for recognising it in another source."""

    paper = models.ForeignKey(Paper, on_delete=models.CASCADE, related_name="title_keys")
    key = models.CharField(max_length=1000, db_index=True)

    def __str__(self) -> str:
        return self.key


class PaperConflict(models.Model):
    """Two sources disagree about a fact; the paper keeps its value and this remembers the other."""

    paper = models.ForeignKey(Paper, on_delete=models.CASCADE, related_name="conflicts")
    field = models.CharField(max_length=50)
    kept = models.TextField()
    other = models.TextField()
    source = models.CharField(
        max_length=500, blank=True, help_text="Where the other value came from."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["field", "created_at"]
        constraints = [
            models.UniqueConstraint(fields=["paper", "field", "other"], name="unique_conflict")
        ]

    def __str__(self) -> str:
        return f"{self.field}: {self.kept!r} vs {self.other!r}"
