"""Hayagriva YAML bibliographies (Typst's refs.yml)."""
