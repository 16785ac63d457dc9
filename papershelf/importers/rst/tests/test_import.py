"""A Sphinx reading-notes site imported end to end: pages become papers, build files do not."""

from __future__ import annotations

from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers.records import PaperRecord
from papershelf.importers.registry import detect
from papershelf.importers.rst.parse import parse
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper

# A page per area with a section per paper, as Sphinx notes sites write them: fields
# under the heading, a nickname heading with a Title field, a citation the text cites.
SYSTEMS_PAGE = """\
Systems
=======

.. contents:: On this page
   :local:

Papers from the systems reading group,
in the order we read them.

MapReduce: Simplified Data Processing on Large Clusters
-------------------------------------------------------

:Authors: Jeffrey Dean, Sanjay Ghemawat
:Venue: OSDI 2004
:Link: :doi:`10.1145/1327452.1327492`

Map, shuffle, reduce. Stragglers get **backup tasks**.

ZooKeeper
---------

:Title: ZooKeeper: Wait-free Coordination for Internet-scale Systems
:Authors: Patrick Hunt, Mahadev Konar, Flavio Junqueira, Benjamin Reed
:Link: `USENIX <https://www.usenix.org/legacy/event/atc10/tech/full_papers/Hunt.pdf>`_

Wait-free znodes, FIFO client order.

Byzantine generals
------------------

Lamport, Shostak and Pease [LSP82]_ — agreement with traitors needs 3m+1 generals.

.. [LSP82] Leslie Lamport, Robert Shostak, Marshall Pease. The Byzantine Generals
   Problem. ACM TOPLAS 4(3), 1982. :doi:`10.1145/357172.357176`
"""

INDEX = """\
My notes
========

.. toctree::
   :maxdepth: 2

   systems
"""


def test_a_sphinx_notes_site_imports_its_papers_and_skips_the_build_files(
    tmp_path: Path, alice: User
) -> None:
    source = tmp_path / "source"
    source.mkdir()
    (source / "systems.rst").write_text(SYSTEMS_PAGE, encoding="utf-8")
    (source / "index.rst").write_text(INDEX, encoding="utf-8")
    (source / "conf.py").write_text('project = "notes"\nextensions = []\n', encoding="utf-8")
    (tmp_path / "requirements.txt").write_text("sphinx>=7.2\nfuro\n", encoding="utf-8")
    (tmp_path / "Makefile").write_text("html:\n\tsphinx-build source build\n", encoding="utf-8")

    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))

    papers = {paper.title: paper for paper in Paper.objects.all()}
    assert set(papers) == {
        "MapReduce: Simplified Data Processing on Large Clusters",
        "ZooKeeper: Wait-free Coordination for Internet-scale Systems",
        "The Byzantine Generals Problem",
    }
    assert papers["MapReduce: Simplified Data Processing on Large Clusters"].doi == (
        "10.1145/1327452.1327492"
    )
    assert papers["The Byzantine Generals Problem"].doi == "10.1145/357172.357176"


def test_an_rst_file_is_read_as_rst_and_its_warnings_point_at_rst_lines() -> None:
    assert detect(Path("systems.rst"), SYSTEMS_PAGE).name == "rst"
    document = parse(SYSTEMS_PAGE, "systems.rst")
    assert document.format == "rst"
    assert {warning.path for warning in document.warnings} == {"systems.rst"}
    # The introduction stands on lines 7–8 of the page, before the first paper.
    assert [str(warning) for warning in document.warnings] == [
        "systems.rst:7: ignored the introduction before the first paper (lines 7–8)"
    ]


def test_each_section_of_a_page_names_its_own_paper() -> None:
    papers = [e.paper for e in parse(SYSTEMS_PAGE, "systems.rst").entries]
    assert [p.authors[0] for p in papers if isinstance(p, PaperRecord)] == [
        "Jeffrey Dean",
        "Patrick Hunt",
        "Leslie Lamport",
    ]
