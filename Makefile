# Two commands do everything on a fresh machine with Python 3.11: `make book`, `make test`.
# Both create .venv and install requirements.txt first (once; again when it changes).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
READY  := $(VENV)/.installed

.PHONY: book test bench audit pdf serve lab student strip clean

$(READY): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(READY)

book: $(READY)  ## build the website into _build/html: every page rewritten, notebooks executed
# (jupyter-cache reruns only changed ones), Sphinx warnings are errors
	$(BIN)/jupyter-book build . --all --warningiserror --nitpick --keep-going
	@echo "Built: _build/html/index.html  (make serve to browse it)"

test: $(READY)  ## lint, unit and torch-agreement tests, notebook hygiene, nbval, book build
	$(BIN)/ruff check .
	$(BIN)/python -m pytest --durations=15

bench: $(READY)  ## utils' conv2d / conv_transpose2d against torch on the CPU, ratios side by side
	$(BIN)/python benchmarks/conv_speed.py

audit: book  ## Lighthouse's mobile audit of every chapter page, served compressed (npm: lighthouse)
	@test -x .audit/node_modules/.bin/lighthouse || \
	  npm install --prefix .audit --no-audit --no-fund --silent lighthouse@12.8.2
	$(BIN)/python benchmarks/lighthouse.py _build/html

pdf: $(READY)  ## print each edition's PDF again from the built site, into _build/html/pdf (Chromium)
	$(BIN)/python _ext/pdf.py _build/html

serve: book  ## browse the built site at http://localhost:8000
	$(BIN)/python -m http.server --directory _build/html 8000

lab: $(READY)  ## open the notebooks in JupyterLab, with the course environment
	$(BIN)/jupyter lab

student: $(READY)  ## student copies of every chapter in student/: solutions cleared
	$(BIN)/python -m utils.student chapters student

strip: $(READY)  ## strip outputs and execution counts before committing
	$(BIN)/nbstripout --keep-id chapters/*/*.ipynb

clean:
	rm -rf _build student
