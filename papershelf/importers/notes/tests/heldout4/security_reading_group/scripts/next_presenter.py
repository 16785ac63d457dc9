"""Print who has not presented yet this semester (reads README.md tables)."""
import re
import sys
from pathlib import Path

ROW = re.compile(r"^\|\s*(?P<date>[A-Z][a-z]{2} \d+)\s*\|\s*(?P<who>[^|]*)\|")


def presenters(readme: str, semester: str) -> set[str]:
    section = readme.split(f"## {semester}", 1)[1].split("\n## ", 1)[0]
    return {m["who"].strip() for line in section.splitlines() if (m := ROW.match(line)) and m["who"].strip() not in {"", "—"}}


if __name__ == "__main__":
    members = {"Ana", "Jonas", "Priya", "Tom", "Wei"}
    done = presenters(Path(__file__).parents[1].joinpath("README.md").read_text(), sys.argv[1] if len(sys.argv) > 1 else "Spring 2024")
    print(", ".join(sorted(members - done)) or "everyone has presented")
