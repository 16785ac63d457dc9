"""A typed note app's Markdown export (Anytype): objects of type Paper named by "Name",
their authors as person objects, and objects of other types that are no papers."""

from __future__ import annotations

from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper


def _object(kind: str, name: str, extra: str = "", body: str = "") -> str:
    return (
        "---\n# yaml-language-server: $schema=./schemas/"
        f"{kind.casefold()}.schema.json\nid: bafyreiexample{abs(hash(name)) % 10**6}\n"
        f"Type: {kind}\nName: {name}\n{extra}---\n\n# {name}   \n{body}\n"
    )


PAPERS = {
    "the-market-for-lemons.md": _object(
        "Paper",
        'The Market for "Lemons": Quality Uncertainty and the Market Mechanism',
        "Author:\n  - Name: George A. Akerlof\n    File: george-a-akerlof.md\nYear: 1970\n"
        "Journal: Quarterly Journal of Economics\nStatus: Read\n",
        "## Summary   \nSellers know quality, buyers do not: the good cars leave the market.   ",
    ),
    "tragedy-unquoted.md": _object(
        "Paper",
        "Rules and Norms: Why Neighbours Settle Out of Court",  # ": " unquoted: not YAML
        "Author:\n  - Name: Jane Q. Scholar\n    File: jane-q-scholar.md\nYear: 2001\n"
        "Status: Read\n",
        "## Key idea   \nNorms, not the law, settle most disputes between neighbours.   ",
    ),
    "signalling.md": _object(
        "Paper",
        "Job Market Signaling",
        "Author:\n  - Name: Michael Spence\nYear: 1973\nStatus: To read\n",
        "Next term, with the screening papers.   ",
    ),
    "george-a-akerlof.md": _object("Human", "George A. Akerlof", "Year: 1940\n", "Economist."),
    "seminar-collection.md": _object(
        "Collection", "Information economics seminar", "Year: 2024\n", "- [[the-market-for-lemons]]"
    ),
    "schemas/paper.schema.json": '{"$schema": "http://json-schema.org/draft-07/schema#", '
    '"title": "Paper", "properties": {"Name": {"type": "string"}}}',
}


def test_paper_objects_are_papers_and_people_sets_and_schemas_are_not(
    tmp_path: Path, alice: User
) -> None:
    for name, text in PAPERS.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    report = import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))

    papers = {p.title: p for p in Paper.objects.all()}
    assert set(papers) == {
        'The Market for "Lemons": Quality Uncertainty and the Market Mechanism',
        "Rules and Norms: Why Neighbours Settle Out of Court",
    }  # not the one to read next term with a remark, the person or the collection
    lemons = papers['The Market for "Lemons": Quality Uncertainty and the Market Mechanism']
    assert [a.author.name for a in lemons.author_links.all()] == ["George A. Akerlof"]
    assert lemons.year == 1970
    assert any("not valid YAML, read it line by line" in w.message for w in report.warnings)
    skipped = {f.name: f.detail for f in report.files if f.status == "skipped"}
    assert "JSON schema" in skipped["schemas/paper.schema.json"]
