"""A JabRef library that marks what was read: read (and skimmed) entries are papers with
their comments as notes and their groups as topics; the rest is not read."""

from __future__ import annotations

from papershelf.importers.bibtex.parse import parse

LIBRARY = """\
% Encoding: UTF-8

@Article{Sharpless2002,
  author     = {Rostovtsev, Vsevolod V. and Green, Luke G. and Fokin, Valery V. and \
Sharpless, K. Barry},
  title      = {A Stepwise Huisgen Cycloaddition Process},
  journal    = {Angewandte Chemie International Edition},
  year       = {2002},
  doi        = {10.1002/1521-3773(20020715)41:14<2596::AID-ANIE2596>3.0.CO;2-4},
  comment    = {Cu(I) makes it regioselective: only the 1,4-triazole.},
  groups     = {CuAAC, Quals},
  readstatus = {read},
}

@Article{Meldal2008,
  author     = {Meldal, Morten and Torn{\\o}e, Christian Wenzel},
  title      = {Cu-Catalyzed Azide--Alkyne Cycloaddition},
  journal    = {Chemical Reviews},
  year       = {2008},
  comment    = {Skimmed the mechanism section; don't count this as read.},
  groups     = {CuAAC},
  readstatus = {skimmed},
}

@Article{Agard2004,
  author     = {Agard, Nicholas J. and Prescher, Jennifer A. and Bertozzi, Carolyn R.},
  title      = {A Strain-Promoted [3+2] Azide--Alkyne Cycloaddition for Covalent \
Modification of Biomolecules in Living Systems},
  journal    = {Journal of the American Chemical Society},
  year       = {2004},
  comment    = {Cyclooctyne strain replaces copper: no toxicity in cells.},
  groups     = {SPAAC, Quals},
  readstatus = {skimmed},
}

@Article{Devaraj2018,
  author = {Devaraj, Neal K.},
  title  = {The Future of Bioorthogonal Chemistry},
  journal = {ACS Central Science},
  year   = {2018},
  groups = {To read},
}

@Book{Hermanson2013,
  author     = {Hermanson, Greg T.},
  title      = {Bioconjugate Techniques},
  year       = {2013},
  readstatus = {read},
}

@Comment{jabref-meta: databaseType:biblatex;}
"""


def test_entries_marked_read_are_papers_with_their_comments_and_groups() -> None:
    document = parse(LIBRARY, "quals.bib")

    titles = [e.paper.title for e in document.entries if e.paper]
    assert titles == [
        "A Stepwise Huisgen Cycloaddition Process",
        "A Strain-Promoted [3+2] Azide–Alkyne Cycloaddition for Covalent Modification of "
        "Biomolecules in Living Systems",
    ]
    first = document.entries[0]
    assert first.summary is not None and "only the 1,4-triazole" in first.summary.markdown
    assert document.entry_topics[0] == ["CuAAC", "Quals"]
    reasons = " | ".join(w.message for w in document.warnings)
    assert "does not count as read" in reasons and "no read status" in reasons
    assert "book entry" in reasons


def test_a_library_with_no_read_status_is_kept_whole_with_its_notes() -> None:
    plain = LIBRARY.replace("readstatus", "priority")
    document = parse(plain, "refs.bib")
    assert len(document.entries) == 5
    assert document.entries[0].summary is not None
