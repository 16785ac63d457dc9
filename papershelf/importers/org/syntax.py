"""The lines of Org's outline syntax that more than one reader of it recognises."""

from __future__ import annotations

import re

HEADING_RE = re.compile(r"^(?P<stars>\*+)\s+(?P<text>.*?)\s*$")
TAGS_RE = re.compile(r"\s+:(?P<tags>[\w@#%:]+):\s*$")  # "* Title   :dft:hybrid:"
PROPERTY_RE = re.compile(r"^\s*:(?P<key>[^:\s]+?)\+?:\s*(?P<value>.*?)\s*$")  # ":DOI: 10.…"
PLANNING_RE = re.compile(r"^\s*(?:SCHEDULED|DEADLINE|CLOSED):")
