# Two entry points do all the set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CORPUS := corpus
OUT := out
DRAFT_DATA := $(CORPUS)/executives/xxxxx_termination_benefits.yaml
DRAFT := xxxxx_termination_benefits.amendment_1.draft

.PHONY: demo test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	@mkdir -p $(OUT)
	$(BIN)/conformed apply $(CORPUS)/bases/kopyt_severance_2002.txt \
		$(CORPUS)/amendments/000_kopyt_severance_amendment_1.txt \
		-o $(OUT)/kopyt_severance_2002.conformed.txt --report $(OUT)/kopyt_severance_2002.report.json
	$(BIN)/conformed apply $(CORPUS)/bases/xxxxx_termination_benefits_1997.txt \
		$(CORPUS)/amendments/003_xxxxx_termination_benefits_amendment_1.txt \
		-o $(OUT)/xxxxx_termination_benefits_1997.conformed.txt --report $(OUT)/xxxxx_termination_benefits_1997.report.json \
		--redline $(OUT)/xxxxx_termination_benefits_1997.redline.docx
	$(BIN)/conformed redline $(CORPUS)/bases/xxxxx_termination_benefits_1997.txt \
		$(OUT)/xxxxx_termination_benefits_1997.conformed.txt -o $(OUT)/xxxxx_termination_benefits_1997.redline.html
	@if $(BIN)/python -c "import weasyprint" >/dev/null 2>&1; then \
		echo "$(BIN)/conformed redline ... -o $(OUT)/xxxxx_termination_benefits_1997.redline.pdf"; \
		$(BIN)/conformed redline $(CORPUS)/bases/xxxxx_termination_benefits_1997.txt \
			$(OUT)/xxxxx_termination_benefits_1997.conformed.txt -o $(OUT)/xxxxx_termination_benefits_1997.redline.pdf; \
	else \
		echo "No PDF redline: WeasyPrint needs the pango libraries (apt-get install -y libpango-1.0-0 libpangoft2-1.0-0)"; \
	fi
	$(BIN)/conformed apply $(CORPUS)/bases/kopyt_termination_benefits_1997.txt \
		$(CORPUS)/amendments/004_kopyt_termination_benefits_amendment_1.txt \
		-o $(OUT)/kopyt_termination_benefits_1997.conformed.txt --report $(OUT)/kopyt_termination_benefits_1997.report.json
	$(BIN)/conformed apply $(CORPUS)/bases/loan_agreement_2002.txt \
		$(CORPUS)/amendments/002_loan_fourth_amendment.txt \
		--attach "Exhibit 6.11=$(CORPUS)/attachments/loan_exhibit_6_11_2004.txt" \
		-o $(OUT)/loan_agreement_2002.conformed.txt --report $(OUT)/loan_agreement_2002.report.json
	$(BIN)/conformed batch $(CORPUS)/batch.yaml -o $(OUT)/batch
	@echo "Conformed copies and reports written to $(OUT)/ (and the corpus as one batch in $(OUT)/batch/)"
	$(BIN)/conformed draft auto $(DRAFT_DATA) -o $(OUT)/$(DRAFT).md
	$(BIN)/conformed draft auto $(DRAFT_DATA) -o $(OUT)/$(DRAFT).docx
	@if command -v soffice >/dev/null 2>&1 || command -v libreoffice >/dev/null 2>&1; then \
		echo "$(BIN)/conformed draft auto $(DRAFT_DATA) -o $(OUT)/$(DRAFT).pdf"; \
		$(BIN)/conformed draft auto $(DRAFT_DATA) -o $(OUT)/$(DRAFT).pdf; \
	else \
		echo "No PDF of the draft: LibreOffice is not installed (apt-get install -y libreoffice-writer-nogui)"; \
	fi
	@echo "The same work in a browser: $(BIN)/conformed serve, then open http://127.0.0.1:8000/"

test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python benchmarks/consolidate.py
	$(BIN)/python benchmarks/real_coverage.py
	$(BIN)/python benchmarks/outline_real.py
	$(BIN)/python benchmarks/amendment_accounting.py
	$(BIN)/python benchmarks/understanding.py
	$(BIN)/python benchmarks/apply_probes.py
	$(BIN)/python benchmarks/grammar_speed.py
	$(BIN)/python benchmarks/many_items.py
	$(BIN)/python benchmarks/draft.py
	$(BIN)/python benchmarks/redline.py
	$(BIN)/python benchmarks/batch.py
	$(BIN)/python benchmarks/web_load.py

clean:
	rm -rf $(VENV) $(OUT) build dist src/*.egg-info
