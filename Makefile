.PHONY: install test test-fast test-postgres lint serve bench bench-serve

install:
	pip install -e '.[dev]'

test: install
	python -m pytest

test-fast:
	python -m pytest -m "not slow and not browser"

# The same suite on a throwaway PostgreSQL 18 + pgvector (deleted afterwards); pytest
# arguments in ARGS, e.g. make test-postgres ARGS="-x papershelf/ops"
test-postgres:
	python -m papershelf.ops.pgtest python -m pytest $(ARGS)

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

# issue 10: pages at 100k papers, 50 clients against `serve`, kill -9 during writes
bench-serve:
	python benchmarks/pages.py
	python benchmarks/load.py
	python benchmarks/faults.py
