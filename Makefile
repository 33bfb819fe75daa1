# forlob: `make run` and `make test` work on a fresh Debian 12 machine; both install what is missing.
BUILD       ?= build
BUILD_SAN   ?= build-sanitize
BUILD_FUZZ  ?= build-fuzz
FUZZ_SECONDS ?= 40
JOBS        ?= $(shell nproc)
CMAKE_FLAGS ?=
FORLOB      := $(BUILD)/sim/forlob
PREFIX      ?= $(HOME)/.local

# Debian 12 packages the build needs (Boost.Random and Boost.Math are header-only); gnuplot-nox
# (with its SVG and pngcairo terminals) and a font draw the charts of `forlob report`.
PACKAGES := cmake make g++ libboost-random-dev libboost-math-dev libtbb-dev libcli11-dev \
            nlohmann-json3-dev libgtest-dev time gnuplot-nox fonts-dejavu-core
# Debian 12 packages only the tests need: headless Chromium opens report.html to check that it
# renders; python3-jsonschema checks evaluation_forecast.json against its JSON Schema (run with
# /usr/bin/python3, which sees Debian's Python packages).
TEST_PACKAGES := chromium python3-jsonschema
# Debian 12 packages of the MPI build (FORLOB_MPI; `make test` configures build/ with it): Open MPI's
# headers and library, and its mpirun for the tests.
MPI_PACKAGES := libopenmpi-dev openmpi-bin
MPI_FLAGS ?=
# Debian 12 packages of `make fuzz`: clang and its libFuzzer and sanitizer runtimes.
FUZZ_PACKAGES := clang libclang-rt-14-dev
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps test-deps install-packages configure build build-forlob install run test test-sanitizers fuzz format-check bench clean

all: build

deps:
	@$(MAKE) --no-print-directory install-packages WANT="$(PACKAGES)"

test-deps: deps
	@$(MAKE) --no-print-directory install-packages WANT="$(TEST_PACKAGES)"

install-packages:
	@missing=$$(for p in $(WANT); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; \
	done); \
	if [ -n "$$missing" ]; then \
	  log=$$(mktemp); \
	  echo "Installing missing Debian packages (and what they need):" $$missing; \
	  if { $(SUDO) apt-get update -qq && \
	       $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; } \
	     >"$$log" 2>&1; then \
	    echo "Installed:" $$(sed -n 's/^Setting up \([^ :]*\).*/\1/p' "$$log" | sort -u | tr '\n' ' '); \
	    rm -f "$$log"; \
	  else \
	    echo "Package installation failed; the last lines of apt-get's log:"; tail -n 20 "$$log"; rm -f "$$log"; exit 1; \
	  fi; \
	fi

configure: deps
	@[ -z "$(MPI_FLAGS)" ] || $(MAKE) --no-print-directory install-packages WANT="$(MPI_PACKAGES)"
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(MPI_FLAGS) $(CMAKE_FLAGS)

build: configure
	cmake --build $(BUILD) -j $(JOBS)

# Only the executable, not the test suite: what `make run` and `make install` need.
build-forlob: configure
	cmake --build $(BUILD) -j $(JOBS) --target forlob

# Copies the executable to $(PREFIX)/bin (default ~/.local/bin; e.g. make install PREFIX=/usr/local).
install: build-forlob
	install -D -m 755 $(FORLOB) $(PREFIX)/bin/forlob
	@echo "Installed $(PREFIX)/bin/forlob; if 'forlob' is not found, add this line to ~/.bashrc:"
	@echo '  export PATH="$(PREFIX)/bin:$$PATH"'

# The main job: flex scheme versus the extraordinary-course trial, at default settings, and its
# report (charts and report.html in the output directory).
run: build-forlob
	$(FORLOB) compare scenarios/flex_scheme.json scenarios/extraordinary_trial.json --fill-models --force
	$(FORLOB) report output/flex_scheme_vs_extraordinary_trial

# The suite runs on the MPI build (the same build/ with FORLOB_MPI on), so the MPI tests run too.
test: MPI_FLAGS = -DFORLOB_MPI=ON
test: build test-deps
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# Every test once more under AddressSanitizer and UndefinedBehaviorSanitizer (CI runs this too), at
# -O1 without debug information: reports still name functions. It compiles in unity batches of 16
# files, which takes 4 minutes instead of 10 on an idle two-core machine (mostly CLI11, gtest and nlohmann_json
# parsed once per batch, not once per file); the normal build stays one file at a time, so each
# file still has to compile on its own. So names at file scope, anonymous namespaces included, must
# be unique within a target.
test-sanitizers: test-deps
	cmake -S . -B $(BUILD_SAN) -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG=-O1 -DFORLOB_SANITIZE=ON \
	  -DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=16 $(CMAKE_FLAGS)
	cmake --build $(BUILD_SAN) -j $(JOBS)
	FORLOB_SANITIZED=1 ctest --test-dir $(BUILD_SAN) --output-on-failure -j $(JOBS)

# libFuzzer targets for the JSON reader, the scenario loader (extends, --set) and the CSV readers,
# built with clang -fsanitize=fuzzer,address,undefined from only the input-reading sources (about
# 1.5 minutes on two cores), then run side by side for FUZZ_SECONDS from a corpus of the shipped
# files (tests/fuzz/run.sh). CI runs this; a finding fails it.
fuzz: deps
	@$(MAKE) --no-print-directory install-packages WANT="$(FUZZ_PACKAGES)"
	cmake -S . -B $(BUILD_FUZZ) -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=clang++ -DFORLOB_BUILD_TESTS=OFF \
	  -DFORLOB_FUZZ=ON $(CMAKE_FLAGS)
	cmake --build $(BUILD_FUZZ) -j $(JOBS) --target fuzz_targets
	bash tests/fuzz/run.sh $(BUILD_FUZZ) $(FUZZ_SECONDS)

# The checked-in .clang-format style (CI runs this).
format-check:
	@$(MAKE) --no-print-directory install-packages WANT="clang-format git"
	clang-format --dry-run -Werror $$(git ls-files '*.cpp' '*.hpp')

# Speed and memory of the main job (a benchmark, not a test): the draw bound and throughput at 1 and
# 2 threads under both fill models, the memory of 200, 1,000 and 3,000 replications at 100 times the
# shipped dimensioning (the default histograms, flat in the replications; see README, Speed and
# memory), then the README's Sobol analysis (BENCH_SOBOL=0 skips it).
BENCH_SOBOL ?= 1
bench: build
	$(FORLOB) bench --replications 10000 --threads 1 2
	@for n in 200 1000 3000; do \
	  /usr/bin/env time -f "100 x dimensioning: replications=$$n peak_rss_kb=%M wall_s=%e" \
	    $(FORLOB) bench --dimensioning-scale 100 --fill-models independent --replications $$n --threads 2 \
	    2>&1 | tail -1; \
	done
	@if [ "$(BENCH_SOBOL)" = 1 ]; then \
	  /usr/bin/env time -f "Sobol (README): wall_s=%e peak_rss_kb=%M" \
	    $(FORLOB) sensitivity scenarios/flex_scheme.json --compare scenarios/extraordinary_trial.json \
	    --method sobol --param fill.overall=0.8:1.2 --param fill.specialty.almen_medicin=0.8:1.2 \
	    --param fill.specialty.psykiatri=0.8:1.2 --param fill.specialty.geriatri=0.8:1.2 \
	    --param fill.region.Nord=0.8:1.2 --param fill.kind.reposting=0.8:1.2 \
	    --param fill.kind.flex=0.8:1.2 --param fill.kind.extraordinary=0.8:1.2 --set /fill/model='"independent"' \
	    --output diff:completed_trial_specialties_2026_2036 --threads 2 --quiet --force \
	    --out $(BUILD)/bench-sobol 2>&1 | tail -1; \
	fi

clean:
	rm -rf $(BUILD) $(BUILD_SAN) $(BUILD_FUZZ)
