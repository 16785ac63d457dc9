"""``papershelf publish``: a static website of the shelf's public content.

The site is rendered with Django templates into bytes, page by page, and written
incrementally (``writer``): a second run rewrites only what changed. Summaries are
already rendered and sanitised (``Summary.body_html``); their math is typeset in the
reader's browser by the vendored KaTeX and the app's own ``math.js``, both copied along.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from django.conf import settings

from papershelf.context_processors import katex_static_dir
from papershelf.publish.content import Choice, Content, PublishError, select_content
from papershelf.publish.pages import SiteBuilder
from papershelf.publish.themes import get_theme
from papershelf.publish.writer import Source, WriteReport, check_folder, write_site

__all__ = ["Choice", "PublishError", "PublishOptions", "PublishReport", "publish_site"]

STATIC = Path(__file__).resolve().parents[1] / "static"
OWN_ASSETS = Path(__file__).resolve().parent / "static" / "publish"


class Progress(Protocol):
    def start(self, total: int, label: str) -> None: ...

    def advance(self, amount: int = 1) -> None: ...


@dataclass
class PublishOptions:
    out: Path
    choice: Choice = field(default_factory=Choice)
    theme: str = "shelf"
    title: str = ""
    base_url: str = ""  # for the sitemap and feed ids; links stay relative


@dataclass
class PublishReport:
    pages: int
    papers: int
    summaries: int
    lists: int
    files: WriteReport
    missing_images: int

    def lines(self) -> list[str]:
        lines = [
            f"{self.pages} pages: {self.papers} papers, {self.summaries} summaries, "
            f"{self.lists} reading lists",
            f"files: {self.files.written} written, {self.files.unchanged} unchanged, "
            f"{self.files.removed} removed",
        ]
        if self.missing_images:
            lines.append(
                f"{self.missing_images} images the shelf does not hold are shown as their text"
            )
        return lines


def publish_site(options: PublishOptions, progress: Progress | None = None) -> PublishReport:
    theme = get_theme(options.theme)  # before any work: a typo costs nothing
    check_folder(options.out)
    content = select_content(options.choice)
    title = options.title or _default_title(options, content)
    builder = SiteBuilder(content, theme, title, options.base_url.rstrip("/"))
    planned = builder.plan()
    if progress:
        progress.start(len(planned), "Rendering pages")
    files: dict[str, Source] = {}
    for path, page in planned.items():
        files[path] = builder.render(path, page)
        if progress:
            progress.advance(1)
    files.update(builder.extra_files(list(planned)))
    files.update(_assets())
    files.update(builder.site.media)
    if progress:
        progress.start(len(files), "Writing files")
    written = write_site(options.out, files, progress.advance if progress else None)
    return PublishReport(
        pages=sum(1 for name in files if name.endswith(".html")),
        papers=len(content.papers),
        summaries=len(content.all_summaries),
        lists=len(content.lists),
        files=written,
        missing_images=builder.site.missing_images,
    )


def _default_title(options: PublishOptions, content: Content) -> str:
    choice = options.choice
    if choice.list_ids and len(content.lists) == 1:
        return content.lists[0].title
    if len(choice.topics) == 1 and len(content.topics) == 1:
        return content.topics[0].name
    if choice.user is not None:
        return f"{choice.user.username}'s papers"
    return str(settings.SITE_NAME)


def _assets() -> dict[str, Source]:
    """KaTeX (its licence and fonts too), the app's math and code styles, the site's own."""
    files: dict[str, Source] = {}
    katex = STATIC / katex_static_dir()
    for source in sorted(katex.rglob("*")):
        if source.is_file():
            files[f"assets/katex/{katex.name}/{source.relative_to(katex).as_posix()}"] = source
    files["assets/math.js"] = STATIC / "papershelf" / "math.js"
    files["assets/pygments.css"] = STATIC / "papershelf" / "pygments.css"
    for source in sorted(OWN_ASSETS.iterdir()):
        files[f"assets/{source.name}"] = source
    return files
