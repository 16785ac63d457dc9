"""Sites' YAML data files of papers (Jekyll ``_data/``, Hugo ``data/``)."""

from __future__ import annotations

from papershelf.importers.registry import Format
from papershelf.importers.yamldata.parse import FORMAT as NAME
from papershelf.importers.yamldata.parse import looks_like_paper_data, parse

FORMAT = Format(
    name=NAME,
    description="a site's data file of papers (Jekyll _data/*.yml, Hugo data/, Eleventy"
    " _data/*.json)",
    extensions=(".yml", ".yaml", ".json", ".toml"),
    parse=parse,
    sniff=looks_like_paper_data,
)
