# Two commands do all set-up: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test check eval bench docs screenshots clean

$(STAMP): setup.cfg pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

demo: $(STAMP)
	$(BIN)/policykg build data/policy_text.txt -o out

test: $(STAMP)
	$(BIN)/python -m pytest -q

# The fast loop while working: every test not marked slow (tests/conftest.py says which), on every
# core (pytest-xdist), in well under a minute on two. `make test` runs them all.
check: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow" -n auto

# How well the rules read quantities, agencies and assignments in documents nobody tuned
# them for: precision, recall and F1 per document, dev and sealed side by side
# (tests/data/quantities/README.md, tests/expectations/agencies/README.md).
# The sealed part is scored once, at the end of an issue: EVAL_PARTS=dev while working.
EVAL_PARTS ?= dev sealed
eval: $(STAMP)
	$(BIN)/python tests/quantity_eval.py $(EVAL_PARTS)
	$(BIN)/python tests/agency_eval.py $(EVAL_PARTS)
	for part in $(EVAL_PARTS); do $(BIN)/python tests/validity_eval.py $$part && $(BIN)/python tests/instrument_eval.py $$part || exit 1; done

# Benchmarks (not part of make test): a 10-million-character corpus, some 30 minutes;
# writes benchmarks/RESULTS.md. BENCH_ARGS="--chars 2000000 --repeat 1" for a quick look.
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)

docs: $(STAMP)
	$(BIN)/python -m kg.rdf.docs > ontology/reference.md

# The README's pictures of each page, taken by the browser tests in headless Chromium
# (tests/screenshots/, ignored by git) and scaled into docs/screenshots/.
screenshots: $(STAMP)
	CI=true $(BIN)/python -m pytest -q tests/browser
	$(BIN)/python scripts/readme_screenshots.py

clean:
	rm -rf $(VENV) out .pytest_cache
