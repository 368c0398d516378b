# TownDesk — two commands: `make run` and `make test`. Both set everything up first.
# Works on a fresh Debian/Ubuntu (UOS/Kylin) machine; uses sudo for apt-get when not root, and
# without root or sudo stops with one line naming the packages to install.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
TS := $(wildcard resources/i18n/*.ts)
QM := $(TS:.ts=.qm)

# Qt offscreen + Chinese fonts (tests, screenshots) ...
SYSTEM_PACKAGES := libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1 libfreetype6 \
	libdbus-1-3 fonts-wqy-microhei
# What the build (PyInstaller) and the tests of printed documents need: objdump (binutils),
# Python's shared library where Debian packages it (a source-built Python brings its own),
# and poppler's pdftotext, so the tests that read PDFs run instead of skipping.
PY_VERSION = $(shell $(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])')
BUILD_PACKAGES = binutils poppler-utils \
	$(if $(shell apt-cache show libpython$(PY_VERSION) 2>/dev/null | head -1),libpython$(PY_VERSION))
# ... and what a real X11 window needs in addition.
WINDOW_PACKAGES := libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
	libxcb-render-util0 libxcb-shape0 libxkbcommon-x11-0 libxcb-xinerama0 libxcb-randr0

.PHONY: run test bench fuzz kill-trials date-check lint build system-packages window-packages \
	build-packages i18n clean package package-test package-check

run: system-packages window-packages $(BIN)/.installed i18n
	$(BIN)/towndesk demo --if-missing
	$(BIN)/towndesk

test: system-packages build-packages $(BIN)/.installed i18n
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest
	$(BIN)/ruff check app tests
	$(BIN)/lint-imports
	@$(MAKE) --no-print-directory package-check

# As root (CI is), `make test` ends by building the .deb from this tree and installing it into
# a bare Debian 12 root (package-test, about 10 minutes); `make test PACKAGE_TEST=no` leaves it
# out. Without root it says so in one line: debootstrap and chroot need root.
PACKAGE_TEST ?= yes
package-check:
	@if [ "$(PACKAGE_TEST)" != yes ]; then echo "make test: package test left out (PACKAGE_TEST=$(PACKAGE_TEST))"; \
	elif [ "$$(id -u)" = 0 ]; then $(MAKE) --no-print-directory package package-test; \
	else echo "make test: package test skipped, it needs root (debootstrap, chroot): sudo make package package-test"; fi

bench: system-packages $(BIN)/.installed i18n
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest tests/perf -s -p no:cacheprovider \
		-o addopts="" -q

# Every writing command killed with SIGKILL at 200 seeded moments (make test runs 30); each
# trial prints what it left: before or after, and any file not swept (tests/kill).
KILL_TRIALS ?= 200

kill-trials: system-packages $(BIN)/.installed i18n
	TOWNDESK_KILL_TRIALS=$(KILL_TRIALS) QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest \
		tests/kill -s -p no:cacheprovider -q

# The suite with the machine's clock set to other days (libfaketime, started at each moment
# and running on): a test that depends on today's date fails here. Times are UTC: 10:00 in
# China on the third day of the 2027 Spring Festival holiday, 09:30 on a make-up working
# day (Saturday 2026-10-10, 调休), and 16:00 on a Saturday in 2031, a year no calendar knows.
DATE_CHECK_DAYS := 2027-02-08T02:00:00 2026-10-10T01:30:00 2031-03-15T08:00:00
DATE_CHECK_TESTS := tests --ignore=tests/test_build.py

# 20,000 mutated sync files through import and verify (2,000 run in `make test`); prints
# the counts. FUZZ_COUNT and FUZZ_SEED change the number and the seed.
FUZZ_COUNT ?= 20000
FUZZ_SEED ?= 20261204
fuzz: system-packages $(BIN)/.installed i18n
	TOWNDESK_FUZZ_COUNT=$(FUZZ_COUNT) TOWNDESK_FUZZ_SEED=$(FUZZ_SEED) QT_QPA_PLATFORM=offscreen \
		$(BIN)/python -m pytest tests/sync/test_fuzz_import.py -s -p no:cacheprovider -q

date-check: system-packages $(BIN)/.installed i18n
	@$(MAKE) --no-print-directory _apt PACKAGES="faketime"
	@for moment in $(DATE_CHECK_DAYS); do \
		at=$$(echo $$moment | tr T ' '); \
		echo "== the suite with the clock at $$at UTC"; \
		TZ=UTC QT_QPA_PLATFORM=offscreen faketime -f "@$$at" \
			$(BIN)/python -m pytest $(DATE_CHECK_TESTS) -q -p no:cacheprovider || exit 1; \
	done

lint: $(BIN)/.installed
	$(BIN)/ruff check app tests
	$(BIN)/ruff format --check app tests
	$(BIN)/lint-imports

build: system-packages build-packages $(BIN)/.installed i18n
	$(BIN)/pyinstaller --noconfirm build.spec
	QT_QPA_PLATFORM=offscreen dist/towndesk/towndesk self-test

# The Debian package of the one-folder build (packaging/README.md), checked by lintian.
VERSION := $(shell sed -n 's/^version *= *"\(.*\)"/\1/p' pyproject.toml | head -n 1)
DEB := dist/towndesk_$(VERSION)_$(shell dpkg --print-architecture 2>/dev/null || echo amd64).deb

package: build
	@$(MAKE) --no-print-directory _apt PACKAGES="lintian"
	PYTHON=$(BIN)/python packaging/build-deb.sh
	lintian --fail-on error,warning $(DEB)

# Installs the package into a bare Debian 12 root (debootstrap, made once) and runs it there;
# needs root and the Debian mirror. Reuses dist/ if built (`make test` builds it first).
package-test: $(BIN)/.installed
	@test -f $(DEB) || $(MAKE) --no-print-directory package
	@$(MAKE) --no-print-directory _apt PACKAGES="debootstrap xvfb"
	PYTHON=$(BIN)/python packaging/test-deb.sh $(DEB)

system-packages:
	@$(MAKE) --no-print-directory _apt PACKAGES="$(SYSTEM_PACKAGES) $(if $(shell $(PYTHON) -c 'import ensurepip' 2>/dev/null || echo no),python3-venv)"

window-packages:
	@$(MAKE) --no-print-directory _apt PACKAGES="$(WINDOW_PACKAGES)"

build-packages:
	@$(MAKE) --no-print-directory _apt PACKAGES="$(BUILD_PACKAGES)"

# Installs only what is missing; non-interactive, so it also runs under CI. Not root: through
# sudo, without a question when sudo allows it (sudo -n), else asking the password once when
# someone is at the terminal. Without root or a usable sudo it stops with one line naming the
# packages, before anything is changed.
_apt:
	@missing=; for p in $(PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null \
		| grep -q 'install ok installed' || missing="$${missing:+$$missing }$$p"; done; \
	if [ -n "$$missing" ]; then \
		if ! command -v apt-get >/dev/null; then \
			echo "Not a Debian-based system: please install $$missing yourself."; exit 0; fi; \
		sudo=; \
		if [ "$$(id -u)" != 0 ]; then \
			if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo -n"; \
			elif command -v sudo >/dev/null && [ -t 0 ] && sudo -v; then sudo=sudo; \
			else echo "请以管理员身份安装 Please install as root: apt-get install $$missing" >&2; \
				exit 1; fi; \
		fi; \
		echo "Installing system packages: $$missing"; \
		$$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(BIN)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "TownDesk needs Python 3.11 or newer"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

i18n: $(QM)

resources/i18n/%.qm: resources/i18n/%.ts $(BIN)/.installed
	$(BIN)/pyside6-lrelease -silent $< -qm $@

clean:
	rm -rf $(VENV) build dist resources/i18n/*.qm .pytest_cache .ruff_cache
