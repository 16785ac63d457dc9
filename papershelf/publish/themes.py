"""Layouts of the published site's home page: the kinds of page people already publish.

Every theme writes the same pages (papers, years, venues, topics, authors, lists, feed,
search); a theme chooses the home page and how summaries sit on list pages.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Theme:
    name: str
    description: str
    home_template: str
    # A reading path shows each summary in full where it stands in the list.
    full_summaries_in_lists: bool = False


THEMES = {
    theme.name: theme
    for theme in [
        Theme("shelf", "recent summaries, reading lists and topics", "publish/home_shelf.html"),
        Theme(
            "bookmarks",
            "a bookmark page grouped by year, with figure and summary per paper",
            "publish/home_bookmarks.html",
        ),
        Theme(
            "blog",
            "a blog of summaries under categories (topics) with their descriptions",
            "publish/home_blog.html",
        ),
        Theme(
            "path",
            "a reading path with a table of contents and each summary in place",
            "publish/home_path.html",
            full_summaries_in_lists=True,
        ),
        Theme(
            "course",
            "course notes by module and lesson, with the lessons' notes and readings",
            "publish/home_course.html",
        ),
    ]
}


def get_theme(name: str) -> Theme:
    if name not in THEMES:
        raise ValueError(f"unknown theme {name!r}; use one of {', '.join(THEMES)}")
    return THEMES[name]
