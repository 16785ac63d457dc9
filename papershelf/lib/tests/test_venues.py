"""Venue keys: every edition of a venue has one key; a workshop or Findings has its own.

The names are how DBLP, Semantic Scholar, Google Scholar, OpenReview and the venues'
own BibTeX write them (booktitle and journal fields as exported).
"""

from __future__ import annotations

import pytest

from papershelf.lib.venues import venue_key, venue_keys

# Each line: a name as written => its key.
ONE_KEY = """
NeurIPS => neurips
NIPS 2017 => nips
NeurIPS '24 => neurips
Advances in Neural Information Processing Systems 30 => advances in neural information processing systems
The Thirty-eighth Annual Conference on Neural Information Processing Systems => annual conference on neural information processing systems
The Thirty-ninth Annual Conference on Neural Information Processing Systems (NeurIPS 2025) => annual conference on neural information processing systems
Proceedings of the 37th International Conference on Machine Learning => international conference on machine learning
Proceedings of the Forty-first International Conference on Machine Learning => international conference on machine learning
International conference on machine learning => international conference on machine learning
Proceedings of the 58th Annual Meeting of the Association for Computational Linguistics => annual meeting of association for computational linguistics
Proceedings of the 54th Annual Meeting of the Association for Computational Linguistics (Volume 1: Long Papers) => annual meeting of association for computational linguistics
Proceedings of the 56th Annual Meeting of the Association for Computational Linguistics (Volume 2: Short Papers) => annual meeting of association for computational linguistics
Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR) => conference on computer vision and pattern recognition
Proceedings of the IEEE conference on computer vision and pattern recognition => conference on computer vision and pattern recognition
2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR) => conference on computer vision and pattern recognition
Proceedings of the Twenty-Eighth International Joint Conference on Artificial Intelligence => international joint conference on artificial intelligence
Proceedings of the 2019 Conference of the North American Chapter of the Association for Computational Linguistics: Human Language Technologies, Volume 1 (Long and Short Papers) => conference of north american chapter of association for computational linguistics human language technologies
Proceedings of the 26th ACM SIGKDD International Conference on Knowledge Discovery & Data Mining => sigkdd international conference on knowledge discovery and data mining
ICLR 2021 Poster => iclr
ICLR 2023 notable top 5% => iclr
Proc. Natl. Acad. Sci. USA => natl acad sci usa
"""  # noqa: E501

# DBLP puts the acronym, place and dates after the name; others a label before a colon.
SHORTER_READINGS = """
Proceedings of the 37th International Conference on Machine Learning, {ICML} 2020, 13-18 July 2020, Virtual Event => international conference on machine learning
9th International Conference on Learning Representations, {ICLR} 2021, Virtual Event, Austria, May 3-7, 2021 => international conference on learning representations
6th International Conference on Learning Representations, {ICLR} 2018, Vancouver, BC, Canada, April 30 - May 3, 2018, Conference Track Proceedings => international conference on learning representations
2020 {IEEE/CVF} Conference on Computer Vision and Pattern Recognition, {CVPR} 2020, Seattle, WA, USA, June 13-19, 2020 => conference on computer vision and pattern recognition
The Thirty-Fourth {AAAI} Conference on Artificial Intelligence, {AAAI} 2020, The Thirty-Second Innovative Applications of Artificial Intelligence Conference, {IAAI} 2020 => aaai conference on artificial intelligence
Proceedings of the 55th Annual Meeting of the Association for Computational Linguistics, ACL 2017, Vancouver, Canada, July 30 - August 4, Volume 1: Long Papers => annual meeting of association for computational linguistics
Proceedings of the Twenty-Ninth International Joint Conference on Artificial Intelligence, {IJCAI-20} => international joint conference on artificial intelligence
2020 {IEEE} International Conference on Acoustics, Speech and Signal Processing, {ICASSP} 2020, Barcelona, Spain, May 4-8, 2020 => international conference on acoustics speech and signal processing
{KDD} '20: The 26th {ACM} {SIGKDD} Conference on Knowledge Discovery and Data Mining, Virtual Event, CA, USA, August 23-27, 2020 => kdd
Advances in Neural Information Processing Systems 33: Annual Conference on Neural Information Processing Systems 2020, NeurIPS 2020, December 6-12, 2020, virtual => advances in neural information processing systems
"""  # noqa: E501

# Workshops, demonstrations, Findings, a rejected submission: never the main conference.
SIDE_EVENTS = """
{IEEE/CVF} Conference on Computer Vision and Pattern Recognition,{CVPR} 2024 - Workshops, Seattle, WA, United States, June 17-24, 2024
Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR) Workshops
IEEE Conference on Computer Vision and Pattern Recognition (CVPRW)
Proceedings of the 58th Annual Meeting of the Association for Computational Linguistics: Student Research Workshop
Proceedings of the 58th Annual Meeting of the Association for Computational Linguistics: System Demonstrations
NeurIPS 2020 Workshop: Deep Reinforcement Learning
Proceedings of the 37th International Conference on Machine Learning, Workshop on Uncertainty
Findings of the Association for Computational Linguistics: EMNLP 2020
Submitted to ICLR 2023
"""  # noqa: E501


def _lines(text: str) -> list[str]:
    return [line for line in text.strip().splitlines() if line]


def _pairs(text: str) -> list[tuple[str, str]]:
    return [(line.partition(" => ")[0], line.partition(" => ")[2]) for line in _lines(text)]


@pytest.mark.parametrize(("written", "key"), _pairs(ONE_KEY))
def test_a_venue_keeps_one_key_across_years_ordinals_and_volumes(written: str, key: str) -> None:
    assert venue_key(written) == key


@pytest.mark.parametrize(("written", "key"), _pairs(SHORTER_READINGS))
def test_a_shorter_reading_of_a_dblp_name_is_tried_too(written: str, key: str) -> None:
    assert key in venue_keys(written)


@pytest.mark.parametrize("written", _lines(SIDE_EVENTS))
def test_a_side_event_never_reads_as_the_main_conference(written: str) -> None:
    main = {
        "conference on computer vision and pattern recognition",
        "annual meeting of association for computational linguistics",
        "neurips",
        "international conference on machine learning",
        "emnlp",
        "iclr",
    }
    assert not main & set(venue_keys(written))


def test_findings_of_acl_is_not_acl() -> None:
    findings = venue_key("Findings of the Association for Computational Linguistics: ACL 2022")
    assert findings == "findings of association for computational linguistics acl"
    assert findings != venue_key("Association for Computational Linguistics")


def test_a_journal_named_after_its_publisher_keeps_the_name() -> None:
    assert venue_key("Proceedings of the IEEE") == "ieee"


def test_text_without_a_name_has_no_key() -> None:
    assert venue_keys("2020") == []
    assert venue_keys("") == []
