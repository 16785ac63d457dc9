"""A blog copied from the browser as text, whose posts each carry a byline: one note per
post (title, date, filing in front matter), the blog's categories as topics."""

from __future__ import annotations

from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers.containers.textblog import looks_like_text_blog, read_text_blog
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper
from papershelf.topics.models import Topic

# A page of a (made-up) soil-science blog, as select-all and copy leaves it.
PAGE = """\
Root Matters
notes on papers about roots and the soil around them
Home
About

Categories

Rhizosphere: microbes and chemistry at the root surface
Water: uptake, hydraulics and drought
Misc: everything else

Mycorrhizal networks, revisited
Posted on June 2, 2023 by tlee

Simard SW, Perry DA, Jones MD, Myrold DD, Durall DM, Molina R. Net transfer of carbon between ectomycorrhizal tree species in the field. Nature. 1997;388:579-582.

The famous labelling experiment: carbon moved from birch to fir through the fungus.

What they measured

Isotope ratios in seedlings shaded and unshaded, over a season.

Continue reading →

Share this:
Twitter
Posted in Rhizosphere | Tagged fungi | 4 Comments
Moving the blog
Posted on May 14, 2023 by tlee

The old host shuts down next month, so the archive moves here. Links may break for a while.

Share this:
Twitter
Posted in Misc | Leave a comment
Root hydraulics: two papers
Posted on April 1, 2023 by tlee

Paper 1

Steudle E. (2000). Water uptake by roots: effects of water deficit. Journal of Experimental Botany 51, 1531–1542.

Composite transport: water takes the apoplast or the cell-to-cell path, whichever is open.

Paper 2

Carminati A., Vetterlein D. (2013). Plasticity of rhizosphere hydraulic properties as a key for efficient utilization of scarce resources. Annals of Botany 112, 277–290.

Mucilage keeps the rhizosphere wet as the bulk soil dries.

What I meant to write about but didn't

Zarebanadkouhi M, et al. (2016). "Rhizosphere hydraulic properties", Plant and Soil 404. Next month.

Continue reading →

Posted in Water | Tagged fungi, mucilage | 2 Comments
Archives
March 2023
"""  # noqa: E501


def _page(tmp_path: Path) -> Path:
    path = tmp_path / "Root Matters - page 1.txt"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_a_page_with_a_byline_under_every_post_title_is_a_text_blog(tmp_path: Path) -> None:
    assert looks_like_text_blog(_page(tmp_path))
    plain = tmp_path / "notes.txt"
    plain.write_text("Attention Is All You Need\nPosted in 2017\n\nRead it twice.\n")
    assert not looks_like_text_blog(plain)


def test_each_post_is_a_note_with_its_title_date_and_filing_and_without_the_furniture(
    tmp_path: Path,
) -> None:
    members = dict(read_text_blog(_page(tmp_path)))
    first = members["Mycorrhizal networks, revisited.md"]
    assert "title: Mycorrhizal networks, revisited" in first
    assert "date: June 2, 2023" in first
    assert "categories:\n- Rhizosphere" in first and "tags:\n- fungi" in first
    assert "### What they measured" in first  # a plain sub-heading line becomes one again
    assert "Continue reading" not in first and "Share this" not in first
    assert "Twitter" not in first and "Archives" not in members["Root hydraulics two papers.md"]


def test_the_papers_are_the_ones_the_posts_cite_and_the_categories_are_topics(
    tmp_path: Path, alice: User
) -> None:
    import_paths([_page(tmp_path)], ImportOptions(user=alice, fetch_metadata=False))
    assert set(Paper.objects.values_list("title", flat=True)) == {
        "Net transfer of carbon between ectomycorrhizal tree species in the field",
        "Water uptake by roots: effects of water deficit",
        "Plasticity of rhizosphere hydraulic properties as a key for efficient utilization "
        "of scarce resources",
    }
    simard = Paper.objects.get(title__startswith="Net transfer")
    assert simard.year == 1997 and simard.topics.filter(name="Rhizosphere").exists()
    assert Topic.objects.get(name="Rhizosphere").description.startswith("microbes")
