"""One venue however it is written: on add, edit and import, in admin, and for the
venues a shelf already holds (``papershelf merge-venues``)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from papershelf.accounts.models import User
from papershelf.cli import main
from papershelf.papers.models import Paper, PaperConflict, Venue, VenueAlias
from papershelf.papers.services import PaperData, create_paper
from papershelf.papers.venues import merge_duplicate_venues
from papershelf.search import indexing
from papershelf.search.services import search

pytestmark = pytest.mark.django_db

# booktitle and journal fields as DBLP, Google Scholar and the ACL Anthology export them.
BIBTEX = r"""
@inproceedings{DBLP:conf/nips/BrownMRSKDNSSAA20,
  author    = {Tom B. Brown and Benjamin Mann and Nick Ryder},
  title     = {Language Models are Few-Shot Learners},
  booktitle = {Advances in Neural Information Processing Systems 33: Annual Conference
               on Neural Information Processing Systems 2020, NeurIPS 2020, December
               6-12, 2020, virtual},
  year      = {2020},
}

@inproceedings{he2016deep,
  title={Deep residual learning for image recognition},
  author={He, Kaiming and Zhang, Xiangyu and Ren, Shaoqing and Sun, Jian},
  booktitle={Proceedings of the IEEE conference on computer vision and pattern recognition},
  pages={770--778},
  year={2016}
}

@inproceedings{ioffe2015batch,
  title={Batch normalization: Accelerating deep network training by reducing internal covariate shift},
  author={Ioffe, Sergey and Szegedy, Christian},
  booktitle={International conference on machine learning},
  pages={448--456},
  year={2015},
  organization={PMLR}
}

@inproceedings{DBLP:conf/acl/LewisLGGMLSZ20,
  author    = {Mike Lewis and Yinhan Liu and Naman Goyal},
  title     = {{BART:} Denoising Sequence-to-Sequence Pre-training for Natural Language
               Generation, Translation, and Comprehension},
  booktitle = {Proceedings of the 58th Annual Meeting of the Association for Computational
               Linguistics, {ACL} 2020, Online, July 5-10, 2020},
  year      = {2020},
}

@inproceedings{wang-etal-2020-workshop,
  title     = {Sentence Embeddings for Low-Resource Dialects Studied Carefully},
  author    = {Wang, Li},
  booktitle = {Proceedings of the 58th Annual Meeting of the Association for Computational
               Linguistics: Student Research Workshop},
  year      = {2020},
}

@inproceedings{kim-etal-2020-findings,
  title     = {Findings About Retrieval Augmented Question Answering Models},
  author    = {Kim, Min},
  booktitle = {Findings of the Association for Computational Linguistics: EMNLP 2020},
  year      = {2020},
}
"""  # noqa: E501


NEURIPS_LONG = "Advances in Neural Information Processing Systems"
ICML_LONG = "Proceedings of the 32nd International Conference on Machine Learning"

# Each line: a venue as written => the venue the shelf files it under.
LONG_NAMES = """
Proceedings of the 37th International Conference on Machine Learning => ICML
Proceedings of the 37th International Conference on Machine Learning, {ICML} 2020, 13-18 July 2020, Virtual Event => ICML
The Thirty-Fourth AAAI Conference on Artificial Intelligence => AAAI
Proceedings of the 58th Annual Meeting of the Association for Computational Linguistics => ACL
Proceedings of the 54th Annual Meeting of the Association for Computational Linguistics (Volume 1: Long Papers) => ACL
IEEE/CVF Conference on Computer Vision and Pattern Recognition => CVPR
Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition => CVPR
2017 IEEE International Conference on Computer Vision (ICCV) => ICCV
Computer Vision – ECCV 2020: 16th European Conference => ECCV
9th International Conference on Learning Representations, ICLR 2021, Virtual Event, Austria, May 3-7, 2021 => ICLR
ICLR 2021 Oral => ICLR
Proceedings of the 2020 Conference on Empirical Methods in Natural Language Processing (EMNLP) => EMNLP
Proceedings of the 2019 Conference of the North American Chapter of the Association for Computational Linguistics: Human Language Technologies, Volume 1 (Long and Short Papers) => NAACL
Proceedings of the Twenty-Ninth International Joint Conference on Artificial Intelligence, IJCAI-20 => IJCAI
KDD '20: The 26th ACM SIGKDD Conference on Knowledge Discovery and Data Mining, Virtual Event, CA, USA, August 23-27, 2020 => KDD
Proceedings of the 43rd International ACM SIGIR Conference on Research and Development in Information Retrieval => SIGIR
Proceedings of The Web Conference 2020 => WWW
J. Mach. Learn. Res. => JMLR
IEEE Transactions on Pattern Analysis and Machine Intelligence => TPAMI
Transactions of the Association for Computational Linguistics => TACL
Proceedings of the National Academy of Sciences => PNAS
nature => Nature
CoRR => arXiv
"""  # noqa: E501

# Side events of a main conference: each stays a venue of its own.
WORKSHOPS = """
Proceedings of the 58th Annual Meeting of the Association for Computational Linguistics: Student Research Workshop
IEEE/CVF Conference on Computer Vision and Pattern Recognition Workshops, CVPR Workshops 2020, Seattle, WA, USA, June 14-19, 2020
NeurIPS 2020 Workshop on Deep Reinforcement Learning
Proceedings of the 2020 Conference on Empirical Methods in Natural Language Processing: System Demonstrations
"""  # noqa: E501


def _lines(text: str) -> list[str]:
    return [line for line in text.strip().splitlines() if line]


def _pairs(text: str) -> list[tuple[str, str]]:
    return [(line.partition(" => ")[0], line.partition(" => ")[2]) for line in _lines(text)]


def add(title: str, venue: str, year: int | None = 2020) -> Paper:
    return create_paper(PaperData(title, ["A. Author"], venue, year))


def venue_of(paper: Paper) -> str:
    paper.refresh_from_db()
    return paper.venue.name if paper.venue else ""


def test_neurips_and_its_long_name_are_one_venue() -> None:
    short = add("Denoising Diffusion Probabilistic Models", "NeurIPS")
    long = add("Language Models are Few-Shot Learners", NEURIPS_LONG)
    old = add("Attention Is All You Need", "NIPS 2017")

    assert venue_of(short) == venue_of(long) == venue_of(old) == "NeurIPS"
    assert Venue.objects.get().papers.count() == 3


@pytest.mark.parametrize(("written", "venue"), _pairs(LONG_NAMES))
def test_proceedings_names_land_on_the_short_venue(written: str, venue: str) -> None:
    assert venue_of(add("A Paper Whose Venue Is Written Out", written)) == venue


@pytest.mark.parametrize("written", _lines(WORKSHOPS))
def test_a_workshop_stays_a_venue_of_its_own(written: str) -> None:
    main = add("A Paper at the Main Conference", written.split(":")[0].split(" Workshop")[0])
    side = add("A Paper at the Side Event", written)
    assert venue_of(side) == written
    assert venue_of(side) != venue_of(main)


def test_findings_of_acl_is_its_own_venue() -> None:
    acl = "Association for Computational Linguistics"
    findings = add("Findings Paper", f"Findings of the {acl}: ACL 2022")
    main = add("Main Paper", f"Proceedings of the 60th Annual Meeting of the {acl}")
    assert (venue_of(findings), venue_of(main)) == ("Findings of ACL", "ACL")


def test_the_paper_form_files_a_long_name_under_the_short_venue(alice_client: Client) -> None:
    long = "Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition"
    form = {"title": "Deep Residual Learning", "authors": "Kaiming He", "venue": long}
    alice_client.post(reverse("papers-new"), form)
    paper = Paper.objects.get()
    assert venue_of(paper) == "CVPR"

    edited = {**form, "venue": "ICCV 2017"}
    alice_client.post(reverse("papers-edit", args=[paper.pk]), edited)
    assert venue_of(paper) == "ICCV"


def test_importing_bibtex_with_long_names_lands_on_the_short_venues(alice_client: Client) -> None:
    upload = SimpleUploadedFile("refs.bib", BIBTEX.encode(), content_type="application/x-bibtex")
    staged = alice_client.post(
        reverse("importers-start"), {"files": upload, "format": "auto", "visibility": "public"}
    )
    assert staged.status_code == 200
    alice_client.post(reverse("importers-confirm"))

    # Each paper by the first word of its title.
    venues = {
        title.split()[0]: venue
        for title, venue in Paper.objects.values_list("title", "venue__name")
    }
    assert venues["Language"] == "NeurIPS"
    assert venues["Deep"] == "CVPR"
    assert venues["Batch"] == "ICML"
    assert venues["BART:"] == "ACL"
    # The Student Research Workshop and Findings keep venues of their own.
    assert venues["Sentence"].endswith("Computational Linguistics: Student Research Workshop")
    assert venues["Findings"] == "Findings of EMNLP"


def test_a_long_name_on_import_is_no_conflict_with_the_short_one(
    alice: User, alice_client: Client
) -> None:
    paper = create_paper(
        PaperData("Language Models are Few-Shot Learners", ["Tom B. Brown"], "NeurIPS", 2020)
    )
    upload = SimpleUploadedFile("refs.bib", BIBTEX.encode(), content_type="application/x-bibtex")
    alice_client.post(reverse("importers-start"), {"files": upload, "format": "auto"})
    alice_client.post(reverse("importers-confirm"))
    assert venue_of(paper) == "NeurIPS"
    assert not PaperConflict.objects.filter(paper=paper, field="venue").exists()


def _old_shelf() -> dict[str, Paper]:
    """Venues as a shelf from before the alias table stored them: one per spelling."""
    made = {}
    for title, name in [
        ("Attention Is All You Need", "NIPS"),
        ("Language Models are Few-Shot Learners", NEURIPS_LONG),
        ("Denoising Diffusion Probabilistic Models", "NeurIPS"),
        ("Batch Normalization", ICML_LONG),
        ("A Workshop Paper", "ICML 2020 Workshop on Uncertainty"),
    ]:
        paper = add(title, "")
        venue, _ = Venue.objects.get_or_create(name=name, defaults={"slug": name[:40].lower()})
        Paper.objects.filter(pk=paper.pk).update(venue=venue)
        made[title] = paper
    return made


def test_merging_venues_brings_an_old_shelf_under_the_alias_table() -> None:
    papers = _old_shelf()
    indexing.refresh_all_documents()  # the search index knows the old names
    before = [hit.paper.title for hit in search("venue:neurips", mode="keyword").hits]
    assert before == ["Denoising Diffusion Probabilistic Models"]

    merges = merge_duplicate_venues()

    assert {(m.name, m.into) for m in merges} == {
        ("NIPS", "NeurIPS"),
        (NEURIPS_LONG, "NeurIPS"),
        (ICML_LONG, "ICML"),
    }
    assert sorted(Venue.objects.values_list("name", flat=True)) == [
        "ICML", "ICML 2020 Workshop on Uncertainty", "NeurIPS",
    ]  # fmt: skip
    assert Venue.objects.get(name="NeurIPS").papers.count() == 3
    assert venue_of(papers["Batch Normalization"]) == "ICML"  # renamed: there was no ICML yet
    assert Venue.objects.get(name="ICML").slug == "icml"
    # The search index follows: venue:neurips finds the papers that were under NIPS.
    found = {hit.paper.title for hit in search("venue:neurips", mode="keyword").hits}
    assert found == {
        "Attention Is All You Need",
        "Language Models are Few-Shot Learners",
        "Denoising Diffusion Probabilistic Models",
    }


def test_merge_venues_on_the_command_line_says_what_it_would_do_first() -> None:
    _old_shelf()

    dry = CliRunner().invoke(main, ["merge-venues", "--dry-run"], catch_exceptions=False)
    assert "NIPS (1 papers) merged into NeurIPS" in dry.output
    assert "3 venue(s) would be brought under" in dry.output
    assert Venue.objects.filter(name="NIPS").exists()

    done = CliRunner().invoke(main, ["merge-venues"], catch_exceptions=False)
    assert done.exit_code == 0 and "3 venue(s) brought under" in done.output
    assert not Venue.objects.filter(name="NIPS").exists()
    again = CliRunner().invoke(main, ["merge-venues"], catch_exceptions=False)
    assert "0 venue(s)" in again.output


def test_an_admin_adds_an_alias_and_new_papers_follow_it(admin_client_: Client) -> None:
    response = admin_client_.post(
        reverse("admin:papers_venuealias_add"),
        {"name": "Conference on Lifelong Learning Agents", "canonical": "CoLLAs"},
    )
    assert response.status_code == 302
    written = "Proceedings of the 2nd Conference on Lifelong Learning Agents"
    assert venue_of(add("Continual Paper", written)) == "CoLLAs"
    # The short name became an alias of itself, so its own editions find it too.
    assert venue_of(add("Another Continual Paper", "CoLLAs 2023")) == "CoLLAs"


def test_an_alias_that_another_already_covers_is_refused_in_admin(admin_client_: Client) -> None:
    response = admin_client_.post(
        reverse("admin:papers_venuealias_add"),
        {"name": "Proceedings of the 40th International Conference on Machine Learning",
         "canonical": "Not ICML"},
    )  # fmt: skip
    assert response.status_code == 200
    assert "already stands for ICML" in response.content.decode()
    assert not VenueAlias.objects.filter(canonical="Not ICML").exists()


def test_the_admin_action_merges_the_venues_the_selected_aliases_name(
    admin_client_: Client,
) -> None:
    _old_shelf()
    nips = VenueAlias.objects.get(name="NIPS")
    admin_client_.post(
        reverse("admin:papers_venuealias_changelist"),
        {"action": "merge_venues", "_selected_action": [nips.pk]},
    )
    names = set(Venue.objects.values_list("name", flat=True))
    assert "NIPS" not in names
    # Only what the selected alias names: the other spellings wait for their own.
    assert NEURIPS_LONG in names


def test_renaming_a_venue_in_admin_keeps_its_aliases_pointing_at_it(
    admin_client_: Client,
) -> None:
    venue = add("Attention Is All You Need", "NeurIPS").venue
    assert venue is not None
    admin_client_.post(
        reverse("admin:papers_venue_change", args=[venue.pk]),
        {"name": "NeurIPS (conference)", "slug": venue.slug},
    )
    later = add("Language Models are Few-Shot Learners", NEURIPS_LONG)
    assert venue_of(later) == "NeurIPS (conference)"
    assert Venue.objects.count() == 1
