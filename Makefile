.PHONY: install test test-fast lint serve bench

install:
	pip install -e '.[dev]'

test: install
	python -m pytest

test-fast:
	python -m pytest -m "not slow and not browser"

lint:
	ruff check .
	ruff format --check .
	mypy papershelf
	PAPERSHELF_HOME=$$(mktemp -d) python -m papershelf manage makemigrations --check --dry-run

serve:
	papershelf serve

bench:
	python benchmarks/import_bench.py
	python benchmarks/search_bench.py --papers 100000
	python benchmarks/render_bench.py
