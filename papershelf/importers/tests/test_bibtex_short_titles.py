"""Short titles ("Layer normalization", "Dropout") are one paper only with the same
first author and year; a bare heading such as "Attention" never merges anything."""

from __future__ import annotations

from pathlib import Path

import pytest

from papershelf.accounts.models import User
from papershelf.papers.models import Paper
from papershelf.papers.services import PaperData, create_paper

pytestmark = pytest.mark.django_db

# The same paper from Google Scholar and from a hand-cut DBLP entry (no arXiv id), plus
# two unrelated papers called "Attention" and a short title by its authors a year later.
BIBLIOGRAPHY = r"""
@article{ba2016layer,
  title={Layer normalization},
  author={Ba, Jimmy Lei and Kiros, Jamie Ryan and Hinton, Geoffrey E},
  journal={arXiv preprint arXiv:1607.06450},
  year={2016}
}

@article{DBLP:journals/corr/BaKH16,
  author    = {Lei Jimmy Ba and
               Jamie Ryan Kiros and
               Geoffrey E. Hinton},
  title     = {Layer Normalization},
  journal   = {CoRR},
  year      = {2016}
}

@inproceedings{ba2016layer-workshop,
  title={Layer Normalization},
  author={Ba, Jimmy},
  booktitle={Deep Learning Symposium},
  year={2017}
}

@misc{attention-a,
  title={Attention},
  author={Lindsay, Grace W.},
  year={2020}
}

@misc{attention-b,
  title={Attention},
  author={Bundesen, Claus},
  year={2020}
}

@misc{attention-c,
  title={Attention},
  year={2020}
}
"""

DROPOUT_FROM_SCHOLAR = r"""
@article{srivastava2014dropout,
  title={Dropout: a simple way to prevent neural networks from overfitting},
  author={Srivastava, Nitish and Hinton, Geoffrey and Krizhevsky, Alex},
  journal={The journal of machine learning research},
  year={2014}
}

@article{srivastava2014short,
  title={{D}ropout},
  author={Srivastava, Nitish and Hinton, Geoffrey},
  journal={JMLR},
  volume={15},
  year={2014}
}

@article{other2014dropout,
  title={Dropout},
  author={Wager, Stefan},
  year={2014}
}
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_short_title_listed_twice_by_the_same_authors_in_one_file_is_one_paper(
    tmp_path: Path, run_import
) -> None:
    report = run_import(_write(tmp_path, "refs.bib", BIBLIOGRAPHY))

    layer_norms = Paper.objects.filter(normalised_title="layernormalization").order_by("year")
    assert [(p.year, p.arxiv_id) for p in layer_norms] == [(2016, "1607.06450"), (2017, "")]
    assert [a.name for a in layer_norms[0].ordered_authors()] == [
        "Jimmy Lei Ba",
        "Jamie Ryan Kiros",
        "Geoffrey E Hinton",
    ]
    merged = [action for action in report.actions if action.kind == "merged"]
    assert [action.detail for action in merged] == [
        "same title, first author and year as “Layer normalization”"
    ]


def test_short_headings_by_different_or_unknown_authors_stay_apart(
    tmp_path: Path, run_import
) -> None:
    run_import(_write(tmp_path, "refs.bib", BIBLIOGRAPHY))

    attentions = Paper.objects.filter(title="Attention")
    assert attentions.count() == 3
    assert sorted(p.bibtex_key for p in attentions) == ["attention-a", "attention-b", "attention-c"]


def test_a_short_title_merges_with_the_paper_already_on_the_shelf(
    tmp_path: Path, run_import, alice: User
) -> None:
    shelved = create_paper(
        PaperData(title="Dropout", authors=["Nitish Srivastava", "Geoffrey Hinton"], year=2014),
        added_by=alice,
    )

    report = run_import(_write(tmp_path, "dropout.bib", DROPOUT_FROM_SCHOLAR))

    dropouts = Paper.objects.filter(normalised_title="dropout")
    assert dropouts.count() == 2  # Srivastava's (the shelf's) and Wager's
    shelved.refresh_from_db()
    assert shelved.bibtex_key == "srivastava2014short"
    assert shelved.venue is not None and shelved.venue.name == "JMLR"
    assert report.count("created") == 2 and report.count("merged") == 1


def test_the_same_short_title_and_author_with_other_arxiv_ids_are_two_papers(
    tmp_path: Path, run_import
) -> None:
    text = r"""
@misc{a, title={Layer normalization}, author={Ba, Jimmy}, year={2016}, eprint={1607.06450}}
@misc{b, title={Layer normalization}, author={Ba, Jimmy}, year={2016}, eprint={1607.06451}}
"""
    run_import(_write(tmp_path, "refs.bib", text))

    assert Paper.objects.filter(normalised_title="layernormalization").count() == 2


def test_importing_the_bibliography_again_changes_nothing(tmp_path: Path, run_import) -> None:
    path = _write(tmp_path, "refs.bib", BIBLIOGRAPHY)
    run_import(path)
    before = sorted(Paper.objects.values_list("pk", "title", "year", "arxiv_id"))

    report = run_import(path)

    assert sorted(Paper.objects.values_list("pk", "title", "year", "arxiv_id")) == before
    assert report.count("created") == 0 and report.count("merged") == 0
