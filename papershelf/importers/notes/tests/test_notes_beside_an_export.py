"""Session notes beside a PubMed export name its records by PubMed id or by who and when."""

from __future__ import annotations

from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper
from papershelf.summaries.models import Summary

EXPORT = """\
PMID- 32014114
DP  - 2020 Feb 29
TI  - Nowcasting and forecasting the potential domestic and international spread of the
      2019-nCoV outbreak originating in Wuhan, China: a modelling study.
LID - 10.1016/S0140-6736(20)30260-9 [doi]
FAU - Wu, Joseph T
AU  - Wu JT
FAU - Leung, Kathy
AU  - Leung K
JT  - Lancet (London, England)

PMID- 27095747
DP  - 2016 Apr 15
TI  - Using Big Data to Emulate a Target Trial When a Randomized Trial Is Not Available.
LID - 10.1093/aje/kwv254 [doi]
FAU - Hernán, Miguel A
AU  - Hernán MA
FAU - Robins, James M
AU  - Robins JM
JT  - American journal of epidemiology

PMID- 32234805
DP  - 2020 May 1
TI  - The effect of travel restrictions on the spread of the 2019 novel coronavirus
      (COVID-19) outbreak.
LID - 10.1126/science.aba9757 [doi]
FAU - Chinazzi, Matteo
AU  - Chinazzi M
JT  - Science (New York, N.Y.)
"""

SESSION = """\
# JC session 1 -- 2 April 2020

## Paper 1: Wu, Leung & Leung, Lancet 2020 (PMID 32014114)
- back-calculates the size of the epidemic from exported cases

## 2. Hernan MA, Robins JM. Using big data to emulate a target trial... AJE 2016
- write down the trial you would run, then emulate it

## Paper 3: Chinazzi et al. (Vespignani group), Science -- travel restrictions
- the travel ban delayed the epidemic by days, not weeks
"""


def test_session_notes_are_the_summaries_of_the_export_records_they_name(
    tmp_path: Path, alice: User
) -> None:
    (tmp_path / "exports").mkdir()
    (tmp_path / "exports" / "pubmed-jc.nbib").write_text(EXPORT, encoding="utf-8")
    (tmp_path / "session-1.md").write_text(SESSION, encoding="utf-8")
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert Paper.objects.count() == 3  # no paper named after a heading
    noted = {summary.paper.doi: summary.body for summary in Summary.objects.select_related("paper")}
    assert "exported cases" in noted["10.1016/s0140-6736(20)30260-9"]  # by PubMed id
    assert "emulate it" in noted["10.1093/aje/kwv254"]  # by who (accents aside) and when
    assert "by days" in noted["10.1126/science.aba9757"]  # by who alone: one Chinazzi
