"""A record whose identifiers name two different papers never aborts an import."""

from __future__ import annotations

from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper

NOTES = """\
# Robot reading list

- [Past, Present, and Future of Simultaneous Localization and Mapping: Toward the Robust-Perception Age](https://arxiv.org/abs/1606.05830)
- Kalman, R. E. (1960). A New Approach to Linear Filtering and Prediction Problems. *Journal of Basic Engineering*, 82(1), 35–45. doi:10.1115/1.3662552

## Notes

- [Past, Present, and Future of Simultaneous Localization and Mapping: Toward the Robust-Perception Age](https://arxiv.org/abs/1606.05830) · [DOI](https://doi.org/10.1115/1.3662552) (pasted from the line above by mistake)
"""  # noqa: E501


def test_an_identifier_that_names_another_paper_stays_with_that_paper(
    tmp_path: Path, alice: User
) -> None:
    (tmp_path / "list.md").write_text(NOTES)
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    slam = Paper.objects.get(arxiv_id="1606.05830")
    kalman = Paper.objects.get(doi="10.1115/1.3662552")
    assert slam != kalman and slam.doi == "" and kalman.title.startswith("A New Approach")
