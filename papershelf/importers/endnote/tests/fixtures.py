"""EndNote XML as EndNote 20 writes it (one line, every field in style runs) and as
Mendeley writes "EndNote XML" (indented, text bare), with the cases that matter."""

from __future__ import annotations

_STYLE = '<style face="{face}" font="default" size="100%">{text}</style>'


def run(text: str, face: str = "normal") -> str:
    return _STYLE.format(face=face, text=text)


def record(number: int, kind: str, code: int, fields: str) -> str:
    return (
        '<record><database name="Exam.enl" path="C:\\Users\\k\\Exam.enl">Exam.enl</database>'
        '<source-app name="EndNote" version="20.6">EndNote</source-app>'
        f"<rec-number>{number}</rec-number>"
        f'<ref-type name="{kind}">{code}</ref-type>{fields}</record>'
    )


def authors(*names: str) -> str:
    people = "".join(f"<author>{run(name)}</author>" for name in names)
    return f"<contributors><authors>{people}</authors></contributors>"


def keywords(*words: str) -> str:
    return "<keywords>" + "".join(f"<keyword>{run(w)}</keyword>" for w in words) + "</keywords>"


def field(name: str, *runs: str) -> str:
    return f"<{name}>{''.join(runs)}</{name}>"


def year(value: str) -> str:
    return f"<dates><year>{run(value)}</year></dates>"


PROSPECT = record(
    1,
    "Journal Article",
    17,
    authors("Kahneman, Daniel", "Tversky, Amos")
    # EndNote splits a title where its formatting changes, mid-word if need be.
    + "<titles><title>"
    + run("Prospect Theory: An Analy")
    + run("sis of Decision under Risk")
    + "</title><secondary-title>"
    + run("Econometrica")
    + "</secondary-title></titles>"
    + year("1979")
    + keywords("loss aversion", "reference dependence")
    + field("label", run("read"))
    + field(
        "research-notes",
        run("Value function:", "bold"),
        run(" concave for gains, convex for losses.&#xD;Weighting function overweights small p."),
    )
    + field("electronic-resource-num", run("https://doi.org/10.2307/1914185")),
)
ENDOWMENT = record(
    2,
    "Journal Article",
    17,
    authors("Kahneman, Daniel", "Knetsch, Jack L.", "Thaler, Richard H.")
    + "<titles><title>"
    + run("Experimental Tests of the Endowment Effect and the Coase Theorem")
    + "</title></titles>"
    + "<periodical><full-title>"
    + run("Journal of Political Economy")
    + "</full-title></periodical>"
    + year("1990")
    + keywords("loss aversion", "endowment effect")
    + field("electronic-resource-num", run("doi: 10.1086/261737")),
)
# Notes PubMed wrote into the Notes field on import: no one's notes on the paper.
DEFAULTS = record(
    3,
    "Journal Article",
    17,
    authors("Johnson, Eric J.", "Goldstein, Daniel")
    + "<titles><title>"
    + run("Do Defaults Save Lives?")
    + "</title><secondary-title>"
    + run("Science")
    + "</secondary-title></titles>"
    + year("2003")
    + field(
        "notes",
        run(
            "Johnson, Eric J&#xD;Goldstein, Daniel&#xD;eng&#xD;Comparative Study&#xD;"
            "2003/11/22 05:00&#xD;Science. 2003 Nov 21;302(5649):1338-9."
        ),
    )
    + field("electronic-resource-num", run("10.1126/science.1091721")),
)
CABDRIVERS = record(
    4,
    "Journal Article",
    17,
    authors("Camerer, Colin", "Babcock, Linda")
    + "<titles><title>"
    + run("Labor Supply of New York City Cabdrivers: One Day at a Time")
    + "</title><secondary-title>"
    + run("The Quarterly Journal of Economics")
    + "</secondary-title></titles>"
    + year("1997")
    + field("label", run("To read"))
    + field("electronic-resource-num", run("10.1162/003355397555244")),
)
SKIMMED = record(
    5,
    "Journal Article",
    17,
    authors("Rabin, Matthew")
    + "<titles><title>"
    + run("Psychology and Economics")
    + "</title></titles>"
    + year("1998")
    + field("research-notes", run("Only skimmed section 1. Haven't really read it.")),
)
NUDGE = record(
    6,
    "Book",
    6,
    authors("Thaler, Richard H.", "Sunstein, Cass R.")
    + "<titles><title>"
    + run("Nudge: Improving Decisions about Health, Wealth, and Happiness")
    + "</title></titles>"
    + year("2008")
    + field("publisher", run("Yale University Press")),
)
# A group author: EndNote ends its name with a comma so that it is not inverted.
EAST = record(
    7,
    "Report",
    27,
    authors("Behavioural Insights Team,")
    + "<titles><title>"
    + run("EAST: Four simple ways to apply behavioural insights")
    + "</title></titles>"
    + year("2014"),
)
WEBSITE = record(
    8,
    "Web Page",
    12,
    "<titles><title>" + run("Behavioral Economics Guide") + "</title></titles>" + year("2020"),
)
SOFTWARE = record(
    9,
    "Computer Program",
    9,
    "<titles><title>" + run("oTree") + "</title></titles>" + year("2016"),
)


def endnote_export(*records: str) -> str:
    """The whole export on one line, as EndNote X7 to 21 write it."""
    return (
        '<?xml version="1.0" encoding="UTF-8" ?><xml><records>'
        + "".join(records)
        + "</records></xml>"
    )


# Mendeley's "EndNote XML": indented, no style runs, the ref-type number alone.
MENDELEY = """<?xml version="1.0" encoding="UTF-8"?>
<xml>
  <records>
    <record>
      <ref-type>17</ref-type>
      <contributors>
        <authors>
          <author>Laibson, David</author>
        </authors>
      </contributors>
      <titles>
        <title>Golden Eggs and Hyperbolic Discounting</title>
        <secondary-title>The Quarterly Journal of Economics</secondary-title>
      </titles>
      <dates>
        <year>1997</year>
      </dates>
      <urls>
        <related-urls>
          <url>https://doi.org/10.1162/003355397555253</url>
        </related-urls>
        <pdf-urls>
          <url>file:///Users/k/Mendeley/Laibson1997.pdf</url>
        </pdf-urls>
      </urls>
    </record>
    <record>
      <ref-type>17</ref-type>
      <titles>
        <title>Present-Biased Preferences and Credit Card Borrowing</title>
      </titles>
      <urls>
        <web-urls>
          <url>https://arxiv.org/abs/1501.00001v2</url>
        </web-urls>
      </urls>
    </record>
  </records>
</xml>
"""
