"""Web of Science records in the shapes its plain text export writes, our own abstracts.

Titles, authors and identifiers are the real papers'; the cited references (CR) are
in Web of Science's form and name other real papers, which must not be imported.
"""

from __future__ import annotations

CLARIVATE_HEADER = "FN Clarivate Analytics Web of Science\nVR 1.0\n"
THOMSON_HEADER = "FN Thomson Reuters Web of Science™\nVR 1.0\n"

# 2018: full names (AF), author keywords (DE), Keywords Plus (ID), an abstract whose
# lines are its paragraphs, cited references with DOIs, a PubMed id.
ZIKA = """\
PT J
AU Fritzell, C
   Raude, J
   Kazanji, M
   Flamand, C
AF Fritzell, Camille
   Raude, Jocelyn
   Kazanji, Mirdad
   Flamand, Claude
TI Emerging trends of Zika apprehension in an epidemic setting
SO PLOS NEGLECTED TROPICAL DISEASES
LA English
DT Article
DE Zika; risk perception; French Guiana
ID MAD-COW-DISEASE; RISK PERCEPTION; VIRUS; TRANSMISSION; ISLAND
AB Background
   Our own words for a test: a phone survey in an outbreak asked what people knew and feared.
   Conclusions
   Worry and protective behaviour differed between social groups.
C1 [Fritzell, Camille; Kazanji, Mirdad] Pasteur Inst French Guiana, Cayenne, France.
RP Fritzell, C (corresponding author), Pasteur Inst French Guiana, Cayenne, France.
CR Duffy MR, 2009, NEW ENGL J MED, V360, P2536, DOI 10.1056/NEJMoa0805715
   Slovic P, 1987, SCIENCE, V236, P280, DOI 10.1126/science.3563507
NR 36
TC 3
PU PUBLIC LIBRARY SCIENCE
SN 1935-2735
J9 PLOS NEGLECT TROP D
JI Plos Neglect. Trop. Dis.
PD JAN
PY 2018
VL 12
IS 1
AR e0006167
DI 10.1371/journal.pntd.0006167
PG 14
WC Infectious Diseases; Parasitology; Tropical Medicine
UT WOS:000424022700035
PM 29370170
OA DOAJ Gold, Green Published
DA 2020-11-06
ER
"""

# 1982: a record from before full names and small letters.
HOPFIELD = """\
PT J
AU HOPFIELD, JJ
AF HOPFIELD, JJ
TI NEURAL NETWORKS AND PHYSICAL-SYSTEMS WITH EMERGENT COLLECTIVE
   COMPUTATIONAL ABILITIES
SO PROCEEDINGS OF THE NATIONAL ACADEMY OF SCIENCES OF THE UNITED STATES OF
   AMERICA-BIOLOGICAL SCIENCES
LA English
DT Article
CR HEBB DO, 1949, ORG BEHAVIOR
   LITTLE WA, 1974, MATH BIOSCI, V19, P101, DOI 10.1016/0025-5564(74)90031-5
NR 30
PY 1982
VL 79
IS 8
BP 2554
EP 2558
DI 10.1073/pnas.79.8.2554
UT WOS:A1982NH86300012
PM 6953413
ER
"""

# 2018: a proceedings paper in a book series, its editors (BE) no authors of it.
PUSHING_AND_GRASPING = """\
PT S
AU Zeng, A
   Song, SR
   Funkhouser, T
AF Zeng, Andy
   Song, Shuran
   Funkhouser, Thomas
BE Maciejewski, AA
   Okamura, A
TI Learning Synergies between Pushing and Grasping with Self-supervised
   Deep Reinforcement Learning
SO 2018 IEEE/RSJ INTERNATIONAL CONFERENCE ON INTELLIGENT ROBOTS AND SYSTEMS
   (IROS)
SE IEEE International Conference on Intelligent Robots and Systems
LA English
DT Proceedings Paper
CT 25th IEEE/RSJ International Conference on Intelligent Robots and Systems
   (IROS)
CY OCT 01-05, 2018
CL Madrid, SPAIN
NR 38
BN 978-1-5386-8094-0
PY 2018
BP 4238
EP 4245
UT WOS:000458872703132
ER
"""

# 2024, published early: its title marked up, no PY yet, group authors (CA).
TROPICAL_BIOLOGY = """\
PT J
AU Bruna, EM
AF Bruna, Emilio M.
CA Tropical Biology Working Group
TI Is there really such a thing as <i>Tropical</i> Biology?
SO BIOTROPICA
LA English
DT Editorial Material; Early Access
DE bibliometrics; collaboration; global south; scholarly societies;
   scientometrics
PD 2024 OCT 9
DI 10.1111/btp.13387
EA OCT 2024
EY 2024
UT WOS:001331408900001
ER
"""

CORRECTION = """\
PT J
AU [Anonymous]
TI Correction: Emerging trends of Zika apprehension in an epidemic setting
SO PLOS NEGLECTED TROPICAL DISEASES
DT Correction
PY 2018
DI 10.1371/journal.pntd.0006300
UT WOS:000427001700099
ER
"""


def savedrecs(*records: str, header: str = CLARIVATE_HEADER) -> str:
    """A savedrecs.txt as Web of Science writes it: BOM, CRLF, no blank line after VR."""
    text = header + "\n".join(records) + "\nEF\n"
    return "\ufeff" + text.replace("\n", "\r\n")
