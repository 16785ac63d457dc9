"""Jupyter notebooks kept as reading logs: markdown cells are notes, code stays code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from papershelf.accounts.models import User
from papershelf.importers.notebook.parse import parse, to_markdown
from papershelf.importers.records import ParseError
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper


def _notebook(*cells: dict[str, object]) -> str:
    return json.dumps({"cells": list(cells), "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


def _markdown(*lines: str) -> dict[str, object]:
    return {"cell_type": "markdown", "metadata": {}, "source": list(lines)}


def _code(source: str) -> dict[str, object]:
    output = {"output_type": "stream", "name": "stdout", "text": ["0.91\n"]}
    return {"cell_type": "code", "source": source, "outputs": [output], "execution_count": 1}


READING_LOG = _notebook(
    _markdown("# Reading notes\n", "\n", "## Conformal prediction"),
    _code("import numpy as np\nprint(0.91)"),
    _markdown(
        "### Shafer & Vovk (2008) — A Tutorial on Conformal Prediction\n",
        "JMLR 9. [arxiv 0706.3188](https://arxiv.org/abs/0706.3188)\n",
    ),
    {"cell_type": "raw", "metadata": {}, "source": "%%latex\n\\newcommand{\\E}{}"},
)


def test_markdown_cells_are_joined_in_order_and_code_cells_become_python_fences() -> None:
    markdown = to_markdown(READING_LOG)
    assert markdown.index("## Conformal prediction") < markdown.index("```python\nimport numpy")
    assert markdown.index("```python") < markdown.index("### Shafer & Vovk")
    assert "0.91\n" not in markdown.replace("print(0.91)", "")  # outputs are dropped
    assert "newcommand" not in markdown  # raw cells too


def test_a_cell_source_may_be_one_string_instead_of_a_list_of_lines() -> None:
    markdown = to_markdown(_notebook({"cell_type": "markdown", "source": "## One string"}))
    assert markdown == "## One string\n"


def test_a_paper_under_a_heading_cell_is_found_with_its_arxiv_id() -> None:
    document = parse(READING_LOG, "reading_notes.ipynb")
    assert document.format == "notebook"
    assert document.path == "reading_notes.ipynb"
    papers = [entry.paper for entry in document.entries if entry.paper]
    assert [paper.arxiv_id for paper in papers] == ["0706.3188"]


def test_a_broken_notebook_fails_with_the_line_of_the_bad_json() -> None:
    with pytest.raises(ParseError) as error:
        parse('{\n  "cells": [\n    {"cell_type": "markdown",,}\n', "broken.ipynb")
    assert (error.value.path, error.value.line) == ("broken.ipynb", 3)
    assert "invalid JSON" in error.value.message


def test_json_that_is_not_a_notebook_says_so() -> None:
    with pytest.raises(ParseError, match="not a Jupyter notebook"):
        parse('{"worksheets": []}', "old.ipynb")


def test_a_notebook_folder_imports_its_papers_and_skips_checkpoint_copies(
    tmp_path: Path, alice: User
) -> None:
    (tmp_path / "reading_notes.ipynb").write_text(READING_LOG, encoding="utf-8")
    checkpoints = tmp_path / ".ipynb_checkpoints"
    checkpoints.mkdir()
    (checkpoints / "reading_notes-checkpoint.ipynb").write_text(READING_LOG, encoding="utf-8")
    report = import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert list(Paper.objects.values_list("arxiv_id", flat=True)) == ["0706.3188"]
    assert [outcome.name for outcome in report.files_with("imported")] == ["reading_notes.ipynb"]
