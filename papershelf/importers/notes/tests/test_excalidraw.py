"""An Obsidian Excalidraw drawing: each text box is a card, a paper only when it cites one."""

from __future__ import annotations

from papershelf.importers.notes.parse import parse

DRAWING = """---

excalidraw-plugin: parsed
tags: [excalidraw]

---
==⚠  Switch to EXCALIDRAW VIEW in the MORE OPTIONS menu of this document. ⚠==


# Text Elements
Glacier flow — what I read ^ZmjbcpEN

1953 ^XBolZ9SH

Kamb & LaChapelle 1964 ✓
Direct observation of the mechanism of glacier sliding
over bedrock
J. Glaciol. 5:159 · doi:10.1000/jog.1964.0159 ^AAvIDAdn

Weertman & Fisher 1957 ✓
On the sliding of glaciers over a rough
and wet bed
J. Glaciol. 3:33 · doi:10.1000/jog.1957.0033 ^orBFbyvQ

used in ^3Dldqyun

Cuffey & Paterson (book)?
not read ^kMM9VThX

# Element Links
rW81Aq1f: [[Glen 1955 - flow law]]

%%
# Drawing
```compressed-json
N4KAkARALgngDgUwgLgAQQQDwMYEMA2AlgCYBOuA7hADTgQBuCpAzoQPYB2KqATLZMzYBXUtiRoIACyhQ4zZAHoFAc
```
%%
"""


def test_each_box_that_cites_a_paper_is_that_paper_and_the_rest_name_none() -> None:
    document = parse(DRAWING, "Excalidraw/Glaciers.excalidraw.md")
    papers = [entry.paper for entry in document.entries if entry.paper]
    assert [(p.title, p.doi) for p in papers] == [
        (
            "Direct observation of the mechanism of glacier sliding over bedrock",
            "10.1000/jog.1964.0159",
        ),
        ("On the sliding of glaciers over a rough and wet bed", "10.1000/jog.1957.0033"),
    ]
    assert [entry.line for entry in document.entries] == [15, 20]  # where each box starts


def test_a_drawing_of_labels_alone_names_no_paper() -> None:
    labels = DRAWING.split("Kamb & LaChapelle")[0] + "used in ^3Dldqyun\n\n# Element Links\n"
    assert not parse(labels, "Sketch.excalidraw.md").entries
