# gpf_bascule — every target does its own set-up on a fresh Debian machine (run as root, or with sudo).
#   make demo   migrate the sample old project into demo-output/ (project + HTML report)
#   make test   the whole test suite, headless
#   make bench  the 10,000-layer benchmark
#   make run    QGIS with the plugin from this checkout, on the sample old project (SCREENSHOT=file.png: picture, quit)
#   make test-3.40 / test-3.44   the same suite on QGIS 3.40 (Debian 13) / 3.44 (Debian unstable), in chroots (.chroots/)
#   make test-all   the suite on QGIS 3.22 (this machine), 3.40 and 3.44
SHELL := /bin/bash
SYSTEM_PYTHON := /usr/bin/python3
VENV ?= .venv
TEST_HOME ?= .test-home
PY := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export QT_QPA_PLATFORM ?= offscreen

.PHONY: system-deps venv demo demo-project test test-unit test-qgis bench registry catalog lint clean translations run \
	test-3.40 test-3.44 test-all

# QGIS (the application brings qgis_process), PyQGIS and lxml from Debian's packages, only when they are missing;
# lrelease (qttools5-dev-tools) compiles the translations, pylupdate5 (pyqt5-dev-tools) is Qt's own extractor.
system-deps:
	@if ! $(SYSTEM_PYTHON) -c "import qgis.core, lxml, osgeo, psycopg2" >/dev/null 2>&1 \
	    || ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 \
	    || ! $(SYSTEM_PYTHON) -c "import venv, ensurepip" >/dev/null 2>&1 \
	    || ! command -v xvfb-run >/dev/null || ! command -v qgis_process >/dev/null \
	    || ! command -v lrelease >/dev/null || ! command -v pylupdate5 >/dev/null; then \
	  echo "Installing QGIS and Python packages from Debian..."; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq \
	    qgis python3-qgis qgis-providers python3-gdal python3-lxml python3-venv python3-pip xvfb xauth \
	    qttools5-dev-tools pyqt5-dev-tools postgresql python3-psycopg2; \
	fi

$(VENV)/.done: requirements-dev.txt | system-deps
	$(SYSTEM_PYTHON) -m venv --system-site-packages $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@

venv: system-deps $(VENV)/.done

demo: system-deps
	rm -rf demo-output
	./gpf-bascule migrate resources/demo --output-dir demo-output --report demo-output/rapport-bascule.html
	./gpf-bascule migrate resources/demo --output-dir demo-output --report demo-output/rapport-bascule.json --dry-run > /dev/null
	@echo "Migrated project and report: demo-output/"

# Both suites always run; the target fails if either exits non-zero.
test: venv
	@status=0; \
	$(MAKE) --no-print-directory test-unit || status=$$?; \
	$(MAKE) --no-print-directory test-qgis || status=$$?; \
	exit $$status

test-unit:
	$(PY) -m pytest -p no:qgis -p no:pytestqt tests/unit

# A crash at exit (status 139) counts as a failure: make stops on any non-zero status.
test-qgis:
	rm -rf $(CURDIR)/$(TEST_HOME)  # a fresh QGIS profile each run, as on CI: no setting survives from a past run
	XDG_CONFIG_HOME=$(CURDIR)/$(TEST_HOME) HOME=$(CURDIR)/$(TEST_HOME) $(PY) -m pytest tests/qgis

# Newer QGIS from Debian's own packages, in chroots built once by tools/qgis_chroot.sh (debootstrap, about 3 minutes
# each) and reused; each keeps its own venv (.venv-trixie, .venv-sid) and test profile. Needs root.
# The every-catalogue-layer validity pass (GPF_ALL_LAYERS) runs on this machine's QGIS only. On 3.44, QGIS's
# deprecation warnings raised from the plugin's code are errors (GPF_QGIS_STRICT): QGIS 4 removed those APIs.
test-3.40:
	GPF_ALL_LAYERS= tools/qgis_chroot.sh 3.40 make --no-print-directory test demo
test-3.44:
	GPF_ALL_LAYERS= GPF_QGIS_STRICT=1 tools/qgis_chroot.sh 3.44 make --no-print-directory test demo

test-all:
	@status=0; \
	$(MAKE) --no-print-directory test || status=$$?; \
	$(MAKE) --no-print-directory test-3.40 || status=$$?; \
	$(MAKE) --no-print-directory test-3.44 || status=$$?; \
	exit $$status

bench: venv
	$(PY) tools/bench.py
	$(PY) tools/bench_catalog.py
	XDG_CONFIG_HOME=$(CURDIR)/.test-home $(PY) tools/bench_qgis.py

# Rebuild resources/demo/ (needs the recorded GPF data: ../shared/gpf-data or GPF_SHARED_DATA); commit the result.
demo-project: venv
	$(PY) tools/make_demo_project.py

registry:
	$(SYSTEM_PYTHON) tools/build_registry.py

# Rebuild the bundled catalogue snapshot from the recorded GPF documents (commit the result).
catalog:
	$(SYSTEM_PYTHON) tools/build_ign_lists.py $${GPF_SHARED_DATA:-../shared/gpf-data}
	GPF_BASCULE_PYTHON=$(SYSTEM_PYTHON) ./gpf-bascule catalog --build --source $${GPF_SHARED_DATA:-../shared/gpf-data} \
	  --output resources/catalog/gpf_catalog.json.gz

# resources/i18n/*.ts -> .qm (build products, git-ignored). After changing UI texts: python3 tools/i18n.py update,
# translate the new strings in resources/i18n/gpf_bascule_en.ts, then python3 tools/i18n.py check.
translations: system-deps
	$(SYSTEM_PYTHON) tools/i18n.py compile

# QGIS with the plugin from this checkout, in a throw-away profile, on the sample old project (tools/run_qgis.sh).
#   make run SCREENSHOT=/tmp/gpf-qgis.png   wait for QGIS to settle, save a picture of the screen, quit
run: venv
	tools/run_qgis.sh $(if $(SCREENSHOT),--screenshot $(SCREENSHOT))

lint: venv
	$(PY) -m ruff check .

clean:
	rm -rf $(VENV) .venv-* demo-output .bench .pytest_cache .test-home* .qgis-settings

# Release: the plugin zip for plugins.qgis.org (PACKAGE_DIR=... to choose where), and the registry's documentation.
.PHONY: package docs
PACKAGE_DIR ?= dist
package:
	$(SYSTEM_PYTHON) tools/package.py --output $(PACKAGE_DIR)

docs:
	$(SYSTEM_PYTHON) tools/registry_doc.py
