"""A Blogger blog copied as text, a Dendron vault, notes beside a Pandoc bibliography and
other shapes of heldout30, each written afresh in the shape of real ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from papershelf.accounts.models import User
from papershelf.importers.containers.textblog import read_text_blog
from papershelf.importers.notes.citations import read_citation, says_not_read
from papershelf.importers.notes.parse import parse
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.lib.titles import is_probably_title
from papershelf.papers.models import Paper

BLOGGER = """\
The Engram Files
Notes on memory and the hippocampus.

Monday, March 4, 2019
Pattern separation in the dentate gyrus: the morphing box experiment

Rats explored a box morphed from a square to a circle.

Results
Dentate gyrus: even small changes in shape changed the population pattern.

Leutgeb JK, Leutgeb S, Moser MB, Moser EI (2007) Pattern separation in the dentate gyrus and CA3 of the hippocampus. Science 315:961–966. doi:10.1126/science.1135801

Posted by Dr. M. Keane at 6:20 PM No comments: Email ThisBlogThis!Share to Twitter
Labels: dentate gyrus, hippocampus
Grid cells, fourteen years on

Place cells were found in 1971. Then the Mosers looked upstream.

Why it's a big deal
It's a metric, and it is generated internally.

Hafting, T., Fyhn, M., Molden, S., Moser, M.-B., & Moser, E. I. (2005). Microstructure of a spatial map in the entorhinal cortex. Nature, 436(7052), 801–806. https://doi.org/10.1038/nature03721

Posted by Dr. M. Keane at 9:15 AM 4 comments: Email ThisBlogThis!Share to Twitter
Labels: grid cells, hippocampus
Saturday, March 2, 2019
H.M., sixty years later

The patient everyone knows by his initials.

Scoville, W. B., & Milner, B. (1957). Loss of recent memory after bilateral hippocampal lesions. Journal of Neurology, Neurosurgery, and Psychiatry, 20(1), 11–21. https://doi.org/10.1136/jnnp.20.1.11

Posted by Dr. M. Keane at 7:40 PM 2 comments: Email ThisBlogThis!Share to Twitter
Labels: amnesia, history
Friday, March 1, 2019
New year, new posting schedule

1. Comments are moderated now.
2. Yes, I'll be at FENS in July 2020. No, I haven't booked anything yet.

Posted by Dr. M. Keane at 8:00 AM No comments: Email ThisBlogThis!Share to Twitter
Labels: housekeeping
Older Posts Home
"""  # noqa: E501


def _blog(tmp_path: Path) -> Path:
    page = tmp_path / "engram files.txt"
    page.write_text(BLOGGER, encoding="utf-8")
    return page


def test_blogger_posts_are_split_under_their_date_headers_and_after_each_footer(
    tmp_path: Path,
) -> None:
    names = [name for name, _ in read_text_blog(_blog(tmp_path))]
    assert [n.removesuffix(".md") for n in names] == [
        "Pattern separation in the dentate gyrus the morphing box experiment",
        "Grid cells, fourteen years on",  # the same day's second post: no header of its own
        "H.M., sixty years later",
        "New year, new posting schedule",
    ]


def test_a_post_that_ends_on_its_papers_citation_is_the_notes_on_that_paper(
    tmp_path: Path, alice: User
) -> None:
    import_paths([_blog(tmp_path)], ImportOptions(user=alice, fetch_metadata=False))
    assert set(Paper.objects.values_list("doi", flat=True)) == {
        "10.1126/science.1135801",
        "10.1038/nature03721",
        "10.1136/jnnp.20.1.11",
    }  # and no paper named after the housekeeping post
    hafting = Paper.objects.get(doi="10.1038/nature03721")
    assert hafting.title == "Microstructure of a spatial map in the entorhinal cortex"
    assert "hippocampus" in {t.name.casefold() for t in hafting.topics.all()}  # a shared label


def test_a_post_citing_its_papers_as_it_goes_keeps_them_in_their_places(tmp_path: Path) -> None:
    page = tmp_path / "readout.txt"
    page.write_text(
        "The Readout\n\nTwo ways to build V1\nPosted on November 22, 2020 by km\n\n"
        "Paper 1: Olshausen & Field (1996)\n\nBruno A. Olshausen and David J. Field. "
        "Emergence of simple-cell receptive field properties by learning a sparse code for "
        "natural images. Nature 381, 607–609 (1996). doi:10.1038/381607a0\n\nSparse codes.\n\n"
        "Paper 2: Yamins et al. (2014)\n\nDaniel L. K. Yamins and James J. DiCarlo. "
        "Performance-optimized hierarchical models predict neural responses in higher visual "
        "cortex. PNAS 111(23): 8619–8624 (2014). doi:10.1073/pnas.1403112111\n\nGoal-driven.\n\n"
        "Continue reading →\n\nLTP, where it all started\nPosted on September 13, 2020 by km\n\n"
        "Bliss and Lømo.\n",
        encoding="utf-8",
    )
    [(_, first), _] = read_text_blog(page)
    assert first.index("Paper 1:") < first.index("Olshausen and David J. Field")
    assert "**Papers:**" not in first  # not gathered at the top as if it ended the post


def test_the_writer_saying_where_they_will_be_is_no_citation() -> None:
    assert read_citation("Yes, I'll be at FENS in July 2020. No, I haven't booked yet.") is None


def _dendron(tmp_path: Path, notes: dict[str, str]) -> Path:
    (tmp_path / "dendron.yml").write_text("version: 5\nworkspace:\n  vaults: []\n")
    folder = tmp_path / "notes"
    folder.mkdir()
    for name, body in notes.items():
        (folder / name).write_text(body, encoding="utf-8")
    return tmp_path


def _front(title: str, desc: str) -> str:
    return f"---\nid: x1\ntitle: {title}\ndesc: {desc}\nupdated: 1707390044911\n---\n\n"


def test_a_dendron_vaults_hierarchies_say_which_notes_are_papers(
    tmp_path: Path, alice: User
) -> None:
    vault = _dendron(
        tmp_path,
        {
            "paper.2021.clip.md": _front(
                "Clip", "Learning Transferable Visual Models From Natural Language Supervision"
            )
            + "## Paper\n- **Authors**: Radford, Kim, Hallacy (OpenAI)\n"
            "- **Venue / year**: ICML 2021\n- **Links**: [arXiv](https://arxiv.org/abs/2103.00020)\n",
            "paper.2017.mask-rcnn.md": _front("Mask Rcnn", "He, Gkioxari, Dollár, Girshick")
            + "## Paper\n- **Title**: Mask R-CNN\n- **Links**: [arXiv](https://arxiv.org/abs/1703.06870)\n",
            "sw.timm.md": _front("Timm", "pytorch-image-models (Ross Wightman) — library")
            + "https://github.com/huggingface/pytorch-image-models\n",
            "templates.paper.md": _front("Paper", "Paper") + "- **Title**: \n- **Authors**: \n",
            "blog.lilian-weng.contrastive.md": _front("Contrastive", "blog post, Lilian Weng")
            + "Contrastive Representation Learning, a survey post.\n",
            "reading.queue.md": _front("Queue", "maybe later — NOT read")
            + "- MAE https://arxiv.org/abs/2111.06377\n",
        },
    )
    import_paths([vault], ImportOptions(user=alice, fetch_metadata=False))
    assert dict(Paper.objects.values_list("arxiv_id", "title")) == {
        "2103.00020": "Learning Transferable Visual Models From Natural Language Supervision",
        "1703.06870": "Mask R-CNN",  # not the names its desc holds
    }


BIB = """\
@article{crooks1999mesopredator,
  title = {Mesopredator Release and Avifaunal Extinctions in a Fragmented System},
  author = {Crooks, Kevin R. and Soul{\\'e}, Michael E.},
  year = {1999}, journal = {Nature}, volume = {400}, doi = {10.1038/23028}
}
@article{prugh2009rise,
  title = {The Rise of the Mesopredator},
  author = {Prugh, Laura R. and Stoner, Chantal J.},
  year = {2009}, journal = {BioScience}, volume = {59}, doi = {10.1525/bio.2009.59.9.8}
}
@article{ripple2014status,
  title = {Status and Ecological Effects of the World's Largest Carnivores},
  author = {Ripple, William J. and Estes, James A.},
  year = {2014}, journal = {Science}, volume = {343}, doi = {10.1126/science.1241484}
}
"""


def test_notes_beside_a_bibliography_name_their_paper_by_nocite_and_syntheses_name_none(
    tmp_path: Path, alice: User
) -> None:
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    (tmp_path / "2019-predator-release.md").write_text(
        '---\ntitle: "JC 14 Mar 2019 — mesopredator release"\nnocite: |\n'
        "  @crooks1999mesopredator\n---\n\nCoastal sage scrub fragments in San Diego.\n",
        encoding="utf-8",
    )
    (tmp_path / "mesopredators.md").write_text(
        "---\ntitle: Mesopredators & trophic downgrading — synthesis\n---\n\n"
        "Release happens when top predators go [@prugh2009rise; @ripple2014status].\n"
        "The classic case is coastal sage scrub [@crooks1999mesopredator].\n",
        encoding="utf-8",
    )
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    titles = set(Paper.objects.values_list("title", flat=True))
    assert "Mesopredators & trophic downgrading — synthesis" not in titles
    assert "JC 14 Mar 2019 — mesopredator release" not in titles
    crooks = Paper.objects.get(doi="10.1038/23028")
    assert crooks.summaries.filter(body__contains="Coastal sage scrub").exists()


def test_a_must_read_star_before_a_citation_is_no_part_of_it() -> None:
    paper = read_citation(
        "**★** Solow, Robert M. 1956. “A Contribution to the Theory of Economic Growth.” "
        "*Quarterly Journal of Economics* 70 (1): 65–94."
    )
    assert paper is not None and paper.title == "A Contribution to the Theory of Economic Growth"
    assert paper.venue == "Quarterly Journal of Economics"  # no emphasis mark left over


@pytest.mark.parametrize(
    "text",
    [
        "- Athey & Imbens, *Machine Learning and Econometrics* — AEA continuing education "
        "lectures (2018), video on the AEA site.",
        "Then Gibson (1998) is a theory built on carefully constructed, hard sentences; "
        "Demberg & Keller ask what survives in newspaper text.",
    ],
)
def test_a_video_and_a_sentence_about_a_paper_are_no_citations(text: str) -> None:
    assert read_citation(text) is None


def test_a_classs_parts_are_no_titles() -> None:
    assert not is_probably_title("Warm-up: classic instruments")
    assert not is_probably_title("Exercise 2: compute LATE by hand")


def test_a_note_tagged_as_a_talk_names_no_paper() -> None:
    note = (
        "---\ntags: talk\nevent: MRS Fall Meeting 2023\n---\n# MRS Fall 2023 — SRO symposium\n\n"
        '## Invited talk — M. Okafor: "Is chemical SRO in CrCoNi real? Revisiting the evidence"\n'
        "- diffuse intensity can come from planar defects\n"
    )
    assert [e for e in parse(note, "Talks/2023-11-28 MRS.md").entries if e.paper] == []


def test_having_never_read_a_paper_until_now_is_reading_it() -> None:
    assert not says_not_read("A classic I had somehow never read in full.")
    assert says_not_read("I have never read it, only the abstract.")
