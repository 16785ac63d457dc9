"""A thesis chapter that reviews papers: its sections cite them, none is a paper itself.

The shape of an Overleaf project: main.tex with \\input sections, refs.bib holding more
than the text discusses (a \\nocite, a citation commented out, a web chart, software).
"""

from __future__ import annotations

from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper

REFS = r"""@article{hodgkin1952quantitative,
  title = {A quantitative description of membrane current and its application to conduction
           and excitation in nerve},
  author = {Hodgkin, Alan L. and Huxley, Andrew F.}, journal = {J. Physiol.}, year = {1952},
  doi = {10.1113/jphysiol.1952.sp004764}
}
@article{neher1976single,
  title = {Single-channel currents recorded from membrane of denervated frog muscle fibres},
  author = {Neher, Erwin and Sakmann, Bert}, journal = {Nature}, year = {1976},
  doi = {10.1038/260799a0}
}
@article{doyle1998structure,
  title = {The Structure of the Potassium Channel: Molecular Basis of K+ Conduction and
           Selectivity},
  author = {Doyle, Declan A. and others}, journal = {Science}, year = {1998},
  doi = {10.1126/science.280.5360.69}
}
@article{hille2001review,
  title = {Ion channels of excitable membranes, a review nobody asked for},
  author = {Hille, Bertil}, journal = {Sinauer Notes}, year = {2001}
}
@article{catterall2000cut,
  title = {From Ionic Currents to Molecular Mechanisms: The Structure and Function of
           Voltage-Gated Sodium Channels},
  author = {Catterall, William A.}, journal = {Neuron}, year = {2000},
  doi = {10.1016/S0896-6273(00)81133-2}
}
@misc{channelpedia,
  title = {Channelpedia}, author = {{Blue Brain Project}},
  howpublished = {\url{https://channelpedia.epfl.ch}}, year = {2023}
}
@software{neuron_sim,
  title = {NEURON simulator}, author = {Hines, Michael}, url = {https://neuron.yale.edu}
}
"""

SECTION = r"""\section{Currents, then channels}
\label{sec:channels}
The ionic theory of the action potential rests on the voltage-clamp experiments of
\citet{hodgkin1952quantitative}. Single channels were first seen with the patch clamp
\citep{neher1976single}, and the first crystal structure of a potassium channel
\citep{doyle1998structure} explained selectivity. Conductance values are collected in
Channelpedia \citep{channelpedia}.
% \citep{catterall2000cut} -- cut for length
\nocite{hille2001review}
"""


def _project(root: Path) -> Path:
    (root / "sections").mkdir()
    (root / "refs.bib").write_text(REFS, encoding="utf-8")
    (root / "main.tex").write_text(
        "\\documentclass{report}\n\\begin{document}\n\\chapter{Background}\n"
        "\\input{sections/01_channels}\n\\bibliography{refs}\n\\end{document}\n",
        encoding="utf-8",
    )
    (root / "sections" / "01_channels.tex").write_text(SECTION, encoding="utf-8")
    return root


def test_the_papers_are_the_ones_the_chapter_discusses_not_its_sections(
    tmp_path: Path, alice: User
) -> None:
    import_paths([_project(tmp_path)], ImportOptions(user=alice, fetch_metadata=False))
    assert set(Paper.objects.values_list("doi", flat=True)) == {
        "10.1113/jphysiol.1952.sp004764",
        "10.1038/260799a0",
        "10.1126/science.280.5360.69",
    }


def test_a_cut_citation_a_nocite_a_web_page_and_software_are_left_out_and_said(
    tmp_path: Path, alice: User
) -> None:
    report = import_paths([_project(tmp_path)], ImportOptions(user=alice, fetch_metadata=False))
    said = " ".join(w.message for w in report.warnings)
    assert "catterall2000cut" in said and "hille2001review" in said
    assert "Channelpedia" in said
    assert not Paper.objects.filter(title__icontains="Currents, then channels").exists()
