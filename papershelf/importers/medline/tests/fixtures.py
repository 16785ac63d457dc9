"""MEDLINE records in the shapes PubMed exports them, with our own abstracts.

The .nbib PubMed's "Send to > Citation manager" writes (Windows line ends, a blank line
first); the .txt of "Save > PubMed format" (Unix line ends). Titles, authors and
identifiers are the real papers'.
"""

from __future__ import annotations

# 2020: FAU beside each AU, a group (CN) among the authors, comments on the paper
# (CIN) naming other papers' DOIs and PMIDs, MeSH headings with qualifiers.
CORONAVIRUS = """\
PMID- 31978945
OWN - NLM
STAT- MEDLINE
DCOM- 20200305
LR  - 20240110
IS  - 1533-4406 (Electronic)
IS  - 0028-4793 (Print)
IS  - 0028-4793 (Linking)
VI  - 382
IP  - 8
DP  - 2020 Feb 20
TI  - A Novel Coronavirus from Patients with Pneumonia in China, 2019.
PG  - 727-733
LID - 10.1056/NEJMoa2001017 [doi]
AB  - Our own words for a test: a cluster of pneumonia cases of unknown cause led to
      samples from the lower airways, in which a betacoronavirus not seen before was
      found, sequenced and grown in airway cells.
FAU - Zhu, Na
AU  - Zhu N
AD  - MHC Key Laboratory of Biosafety, National Institute for Viral Disease Control and
      Prevention, China CDC, Beijing, China.
FAU - Zhang, Dingyu
AU  - Zhang D
FAU - Wang, Wenling
AU  - Wang W
CN  - China Novel Coronavirus Investigating and Research Team
FAU - Tan, Wenjie
AU  - Tan W
LA  - eng
PT  - Journal Article
PT  - Research Support, Non-U.S. Gov't
DEP - 20200124
PL  - United States
TA  - N Engl J Med
JT  - The New England journal of medicine
JID - 0255562
SB  - IM
CIN - N Engl J Med. 2020 Feb 20;382(8):760-762. doi: 10.1056/NEJMe2001126. PMID:
      31978944
CIN - J Med Virol. 2020 May;92(5):461-463. doi: 10.1002/jmv.25711. PMID: 32073161
MH  - Betacoronavirus/genetics/*isolation & purification/ultrastructure
MH  - China/epidemiology
MH  - Coronavirus Infections/*diagnosis/epidemiology/virology
MH  - Humans
MH  - *Pneumonia, Viral/diagnosis/epidemiology/virology
PMC - PMC7092803
EDAT- 2020/01/25 06:00
MHDA- 2020/03/07 06:00
CRDT- 2020/01/25 06:00
PHST- 2020/01/25 06:00 [pubmed]
AID - NJ202002203820808 [pii]
AID - 10.1056/NEJMoa2001017 [doi]
PST - ppublish
SO  - N Engl J Med. 2020 Feb 20;382(8):727-733. doi: 10.1056/NEJMoa2001017. Epub 2020
      Jan 24.
"""

# 1953: a record keyed in before PubMed had full names, in capitals.
DOUBLE_HELIX = """\
PMID- 13054692
OWN - NLM
STAT- OLDMEDLINE
DCOM- 20030501
LR  - 20190726
IS  - 0028-0836 (Print)
IS  - 0028-0836 (Linking)
VI  - 171
IP  - 4356
DP  - 1953 Apr 25
TI  - Molecular structure of nucleic acids; a structure for deoxyribose nucleic acid.
PG  - 737-8
FAU - WATSON, J D
AU  - WATSON JD
FAU - CRICK, F H
AU  - CRICK FH
LA  - eng
PT  - Journal Article
PL  - England
TA  - Nature
JT  - Nature
JID - 0410462
SB  - OM
MH  - *Nucleic Acids
OID - CLML: 5324:25035:45
EDAT- 1953/04/25
SO  - Nature. 1953 Apr 25;171(4356):737-8. doi: 10.1038/171737a0.
"""

# 2014: an article in Japanese; PubMed brackets the English title it gives it.
ANTI_VEGF = """\
PMID- 25543385
OWN - NLM
STAT- MEDLINE
DP  - 2014 Nov
TI  - [Impact of anti-VEGF therapy on the cellular microenvironment in retinal
      angiogenesis].
PG  - 943-52
FAU - Nakao, Shintaro
AU  - Nakao S
LA  - jpn
PT  - English Abstract
PT  - Journal Article
PT  - Review
TA  - Nippon Ganka Gakkai Zasshi
JT  - Nippon Ganka Gakkai zasshi
SO  - Nippon Ganka Gakkai Zasshi. 2014 Nov;118(11):943-52.
"""

# 2020: a bioRxiv preprint PubMed took in, and the erratum notice of another paper.
INTERACTION_MAP = """\
PMID- 32511329
OWN - NLM
STAT- PubMed-not-MEDLINE
DP  - 2020 Mar 22
TI  - A SARS-CoV-2-Human Protein-Protein Interaction Map Reveals Drug Targets and
      Potential Drug-Repurposing.
LID - 2020.03.22.002386 [pii]
LID - 10.1101/2020.03.22.002386 [doi]
FAU - Gordon, David E
AU  - Gordon DE
FAU - Krogan, Nevan J
AU  - Krogan NJ
LA  - eng
PT  - Preprint
TA  - bioRxiv
JT  - bioRxiv : the preprint server for biology
SO  - bioRxiv [Preprint]. 2020 Mar 22:2020.03.22.002386. doi: 10.1101/2020.03.22.002386.
"""

ERRATUM = """\
PMID- 32133578
OWN - NLM
STAT- PubMed-not-MEDLINE
DP  - 2020 Mar
TI  - Erratum: Early transmission dynamics in Wuhan, China.
PT  - Published Erratum
TA  - N Engl J Med
JT  - The New England journal of medicine
EFR - N Engl J Med. 2020 Mar 26;382(13):1199-1207. PMID: 31995857
"""


# Two records sharing an author keyword (OT) and MeSH headings: a PubMed format .txt.
LIMO_EEG = """\
PMID- 21403915
OWN - NLM
STAT- MEDLINE
VI  - 2011
DP  - 2011
TI  - LIMO EEG: a toolbox for hierarchical LInear MOdeling of ElectroEncephaloGraphic
      data.
PG  - 831409
LID - 10.1155/2011/831409 [doi]
AB  - Our own summary: a Matlab toolbox that fits a linear model to every trial at
      every electrode and time point, then tests the effects across subjects.
FAU - Pernet, Cyril R
AU  - Pernet CR
FAU - Rousselet, Guillaume A
AU  - Rousselet GA
LA  - eng
PT  - Journal Article
TA  - Comput Intell Neurosci
JT  - Computational intelligence and neuroscience
MH  - Electroencephalography/*methods
MH  - Humans
MH  - *Linear Models
OTO - NOTNLM
OT  - ERP
OT  - Hierarchical linear model
AID - 10.1155/2011/831409 [doi]
"""

CLUSTER_STATISTICS = """\
PMID- 25128255
OWN - NLM
STAT- MEDLINE
VI  - 250
DP  - 2015 Jul 30
TI  - Cluster-based computational methods for mass univariate analyses of event-related
      brain potentials/fields: A simulation study.
PG  - 85-93
LID - 10.1016/j.jneumeth.2014.08.003 [doi]
LID - S0165-0270(14)00287-8 [pii]
FAU - Pernet, C R
AU  - Pernet CR
FAU - Nichols, T E
AU  - Nichols TE
LA  - eng
PT  - Journal Article
TA  - J Neurosci Methods
JT  - Journal of neuroscience methods
MH  - Electroencephalography/*methods
MH  - Humans
OTO - NOTNLM
OT  - ERP
OT  - Multiple comparison correction
AID - S0165-0270(14)00287-8 [pii]
AID - 10.1016/j.jneumeth.2014.08.003 [doi]
"""


def nbib(*records: str) -> str:
    """As "Send to > Citation manager" saves them: a BOM, CRLF, a blank line first."""
    return "\ufeff" + "\r\n".join(("\n" + "\n".join(records)).split("\n"))


def pubmed_txt(*records: str) -> str:
    """As "Save > PubMed format" saves them: records a blank line apart, Unix line ends."""
    return "\n".join(records)
