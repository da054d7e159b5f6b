# actornet: draw diagrams of networks of actors and their dated ties.
# `make` builds bin/actornet; `make demo` renders networks/ into out/; `make check` runs every test.

CC ?= cc
CFLAGS ?= -O2 -g
WARNINGS = -std=c11 -Wall -Wextra -Wshadow -Werror -pthread
# Each object's header dependencies, written by the compiler beside it (build/*.d).
DEPENDS = -MMD -MP
PKGS = libcgraph libgvc libpathplan yaml-0.1 zlib harfbuzz
# The DejaVu Sans files fontconfig gives here, where actornet measures texts itself (src/textlayout.c).
FONT_FILES = -DAN_DEJAVU_SANS='"$(shell fc-match -f '%{file}' 'DejaVu Sans:style=Book' 2>/dev/null)"' \
	-DAN_DEJAVU_SANS_BOLD='"$(shell fc-match -f '%{file}' 'DejaVu Sans:style=Bold' 2>/dev/null)"'
# Deferred (=): evaluated when a recipe runs, after `make demo` or `make check` installed what was missing.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS = $(shell pkg-config --libs $(PKGS))
CMOCKA_LIBS = $(shell pkg-config --libs cmocka)

LIB_SOURCES = src/util.c src/diag.c src/model.c src/dates.c src/events.c src/nodes.c src/loader.c src/validate.c \
	src/filter.c src/builder.c src/render.c src/route.c src/fit.c src/json.c src/output.c src/timeline.c \
	src/series.c src/stats.c src/export.c src/import.c src/untangle.c src/svg.c src/pngdevice.c src/textlayout.c src/geo.c src/map.c
LIB_OBJECTS = $(LIB_SOURCES:src/%.c=build/%.o)
# The command line: options, messages, files and worker processes.
CLI_SOURCES = src/main.c $(wildcard src/cli/*.c)
CLI_OBJECTS = $(CLI_SOURCES:src/%.c=build/%.o)
UNIT_NAMES = $(patsubst tests/unit/%.c,%,$(wildcard tests/unit/test_*.c))
UNIT_TESTS = $(UNIT_NAMES:%=build/tests/%)
# The same code built with AddressSanitizer and UndefinedBehaviorSanitizer, for `make check`.
SANITIZE = -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
ASAN_OBJECTS = $(LIB_SOURCES:src/%.c=build/asan/%.o)
ASAN_UNIT_TESTS = $(UNIT_NAMES:%=build/asan/tests/%)
ASAN_ENV = ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=0 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	UBSAN_OPTIONS=print_stacktrace=1
NETWORKS = $(wildcard networks/*.yaml)

# The fuzz target (tests/fuzz/fuzz_network.c) under libFuzzer, with clang.
FUZZ_SECONDS ?= 300
# The whole library, instrumented (the target calls the loader, validator, filter and builder).
FUZZ_OBJECTS = $(LIB_SOURCES:src/%.c=build/fuzz/%.o)
FUZZ_FLAGS = -std=c11 -pthread -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all
# Seeds: every network the project has, good and bad, and each crash the fuzzer ever found.
FUZZ_SEEDS = networks/*.yaml tests/bad/*.yaml tests/fixtures/*.yaml docs/example.yaml tests/fuzz/regressions/* \
	tests/fuzz/csv/*

# `make install`: the binary, its man page, the network file's JSON Schema and bash completion.
PREFIX ?= /usr/local
DESTDIR ?=
BINDIR = $(DESTDIR)$(PREFIX)/bin
MANDIR = $(DESTDIR)$(PREFIX)/share/man/man1
DATADIR = $(DESTDIR)$(PREFIX)/share/actornet
COMPLETIONDIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
# The version has one home, src/actornet.h; the man page takes it from there.
VERSION = $(shell sed -n 's/^\#define ACTORNET_VERSION "\(.*\)"$$/\1/p' src/actornet.h)

.PHONY: all deps demo check test unit asan images fuzz bench bench-readability clean install uninstall

all: bin/actornet

build/textlayout.o build/asan/textlayout.o build/fuzz/textlayout.o: PKG_CFLAGS += $(FONT_FILES)

build/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(WARNINGS) $(DEPENDS) $(CFLAGS) $(PKG_CFLAGS) -c $< -o $@

build/libactornet.a: $(LIB_OBJECTS)
	rm -f $@
	ar rcs $@ $(LIB_OBJECTS)

bin/actornet: $(CLI_OBJECTS) build/libactornet.a
	@mkdir -p bin
	$(CC) $(CFLAGS) $(CLI_OBJECTS) build/libactornet.a $(PKG_LIBS) -pthread -lm -o $@

build/tests/%: tests/unit/%.c build/libactornet.a
	@mkdir -p build/tests
	$(CC) $(WARNINGS) $(DEPENDS) $(CFLAGS) $(PKG_CFLAGS) -Isrc $< $(filter %.o,$^) build/libactornet.a $(PKG_LIBS) $(CMOCKA_LIBS) -pthread -lm -o $@

# The worker processes' code is the command line's, outside the library.
build/tests/test_jobs: build/cli/jobs.o
build/asan/tests/test_jobs: build/asan/cli/jobs.o

build/asan/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(WARNINGS) $(DEPENDS) $(SANITIZE) $(PKG_CFLAGS) -c $< -o $@

build/asan/libactornet.a: $(ASAN_OBJECTS)
	rm -f $@
	ar rcs $@ $(ASAN_OBJECTS)

build/asan/actornet: $(CLI_OBJECTS:build/%=build/asan/%) build/asan/libactornet.a
	$(CC) $(SANITIZE) $(CLI_OBJECTS:build/%=build/asan/%) build/asan/libactornet.a $(PKG_LIBS) -pthread -lm -o $@

build/asan/tests/%: tests/unit/%.c build/asan/libactornet.a
	@mkdir -p build/asan/tests
	$(CC) $(WARNINGS) $(DEPENDS) $(SANITIZE) $(PKG_CFLAGS) -Isrc $< $(filter %.o,$^) build/asan/libactornet.a $(PKG_LIBS) $(CMOCKA_LIBS) -pthread -lm -o $@

# The fuzz target's code with a plain main(): replays the seeds once, deterministically.
build/asan/replay: tests/fuzz/fuzz_network.c build/asan/libactornet.a
	$(CC) $(WARNINGS) $(DEPENDS) $(SANITIZE) -DFUZZ_REPLAY $(PKG_CFLAGS) -Isrc $< build/asan/libactornet.a $(PKG_LIBS) -pthread -lm -o $@

asan: build/asan/actornet build/asan/replay $(ASAN_UNIT_TESTS)

build/fuzz/%.o: src/%.c
	@mkdir -p build/fuzz
	clang $(FUZZ_FLAGS) $(DEPENDS) -fsanitize=fuzzer-no-link $(PKG_CFLAGS) -c $< -o $@

build/fuzz/fuzz_network: tests/fuzz/fuzz_network.c $(FUZZ_OBJECTS)
	clang $(FUZZ_FLAGS) -fsanitize=fuzzer $(PKG_CFLAGS) -Isrc $< $(FUZZ_OBJECTS) \
		$(PKG_LIBS) -lm -o $@

# Fuzzes for FUZZ_SECONDS; a crash is left as build/fuzz/crash-*: add it to tests/fuzz/regressions/.
fuzz:
	@command -v clang >/dev/null || { echo "make fuzz needs clang and its runtime: apt-get install clang libclang-rt-14-dev" >&2; exit 1; }
	@$(MAKE) --no-print-directory build/fuzz/fuzz_network
	@mkdir -p build/fuzz/corpus
	@cp $(wildcard $(FUZZ_SEEDS)) build/fuzz/corpus/
	build/fuzz/fuzz_network -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 \
		-rss_limit_mb=2048 -dict=tests/fuzz/yaml.dict -artifact_prefix=build/fuzz/ build/fuzz/corpus

# Installs what is missing (see scripts/install-deps), then nothing if all is there.
deps:
	@scripts/install-deps --check 2>/dev/null || scripts/install-deps

# Every network: whole, its decade series (every actor in one place) as SVG and PNG,
# the series' timeline page, with what is outside each decade drawn faintly, a 16:9
# slide and an A4 page of it, its tables (stats) and its exports for Gephi and Cytoscape.
demo: deps
	@$(MAKE) --no-print-directory all
	@mkdir -p out
	@for net in $(NETWORKS); do \
		name=$$(basename $$net .yaml); \
		echo "render $$net -> out/$$name.svg, out/$$name-DECADE.svg (and .png), out/$$name.html"; \
		bin/actornet render -q $$net -o out/$$name.svg -o out/$$name.png || exit 1; \
		bin/actornet render -q $$net --each decade \
			-o "out/$$name-{period}.svg" -o "out/$$name-{period}.png" || exit 1; \
		bin/actornet render -q $$net --each decade --ghost -o "out/$$name.html" || exit 1; \
		echo "render $$net -> out/$$name-slide.svg (and .png, 16:9), out/$$name-page.pdf (A4)"; \
		bin/actornet render $$net --size 16:9 -o out/$$name-slide.svg -o out/$$name-slide.png || exit 1; \
		bin/actornet render $$net --size a4 -o out/$$name-page.pdf || exit 1; \
		echo "stats, export $$net -> out/$$name-stats.txt, out/$$name.gexf, out/$$name.graphml"; \
		bin/actornet stats -q $$net -o "out/$$name-stats.txt" || exit 1; \
		bin/actornet export -q $$net -o "out/$$name.gexf" -o "out/$$name.graphml" || exit 1; \
	done

# The README's pictures, drawn anew after a change to how diagrams look.
images: all
	bin/actornet render -q networks/iran-dprk.yaml --each decade -o 'docs/img/iran-dprk-{period}.svg'
	bin/actornet render -q networks/iran-dprk.yaml --period 1990s -o docs/img/iran-dprk-1990s.png
	bin/actornet render -q networks/iran-dprk.yaml --size 16:9 -o docs/img/iran-dprk-slide.png
	bin/actornet render -q networks/iran-dprk.yaml --size a4 -o docs/img/iran-dprk-page.png
	bin/actornet render -q networks/iran-dprk.yaml --layout map --each decade -o 'docs/img/iran-dprk-map-{period}.png'
	bin/actornet render -q networks/iran-dprk.yaml --each decade --ghost -o build/iran-dprk.html
	chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
		--user-data-dir=build/chromium --window-size=1920,1080 \
		--screenshot=docs/img/timeline.png "file://$(CURDIR)/build/iran-dprk.html#1990s" 2>/dev/null

unit: $(UNIT_TESTS)

# Every test twice: as built, and built with the sanitizers (which also replays the fuzz
# seeds); then the unit tests and some commands under valgrind; one closing count.
check: deps
	@$(MAKE) --no-print-directory all unit asan
	@$(ASAN_ENV) FUZZ_SEEDS="$(wildcard $(FUZZ_SEEDS))" tests/run --twice build/asan --valgrind

test: check

# Times actornet against the Python and Node peers and against Graphviz's and libyaml's
# own cost, and writes bench/RESULTS.md (about 15 minutes; BENCH_FLAGS=--quick: 2); then bench-readability.
BENCH_FLAGS ?=
bench: deps
	@scripts/install-deps --check --bench 2>/dev/null || scripts/install-deps --bench
	@$(MAKE) --no-print-directory all build/bench/yaml_parse build/bench/graphviz_floor
	/usr/bin/python3 bench/run.py $(BENCH_FLAGS)
	@$(MAKE) --no-print-directory bench-readability

# How readable the diagrams are at 16:9 and A4, beside dot and neato on the same graphs, measured
# in Chromium; writes bench/READABILITY.md (a few minutes; READABILITY_FLAGS=--quick: 1).
READABILITY_FLAGS ?=
bench-readability: deps
	@scripts/install-deps --check --bench 2>/dev/null || scripts/install-deps --bench
	@$(MAKE) --no-print-directory all
	@test -d tests/browser/node_modules/playwright-core || \
		(cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
	/usr/bin/python3 bench/readability.py $(READABILITY_FLAGS)

build/bench/yaml_parse: bench/yaml_parse.c
	@mkdir -p build/bench
	$(CC) $(WARNINGS) $(CFLAGS) $$(pkg-config --cflags yaml-0.1) $< $$(pkg-config --libs yaml-0.1) -o $@

build/bench/graphviz_floor: bench/graphviz_floor.c
	@mkdir -p build/bench
	$(CC) $(WARNINGS) $(CFLAGS) $(PKG_CFLAGS) $< $$(pkg-config --libs libgvc libcgraph) -o $@

build/actornet.1: man/actornet.1 src/actornet.h
	@mkdir -p build
	sed 's/@VERSION@/$(VERSION)/' man/actornet.1 >$@

install: bin/actornet build/actornet.1
	install -d $(BINDIR) $(MANDIR) $(DATADIR) $(COMPLETIONDIR)
	install -m 755 bin/actornet $(BINDIR)/actornet
	install -m 644 build/actornet.1 $(MANDIR)/actornet.1
	install -m 644 docs/network.schema.json $(DATADIR)/network.schema.json
	install -m 644 completion/actornet.bash $(COMPLETIONDIR)/actornet

uninstall:
	rm -f $(BINDIR)/actornet $(MANDIR)/actornet.1 $(DATADIR)/network.schema.json \
		$(COMPLETIONDIR)/actornet
	rmdir $(DATADIR) 2>/dev/null || true

clean:
	rm -rf build bin

# The header dependencies of whatever was built before (none on a first build, which builds all).
# A changed Makefile (flags, the lists of files) rebuilds every object: objects made before
# it wrote dependency files would otherwise be kept, stale, after a header changes.
$(LIB_OBJECTS) $(CLI_OBJECTS) $(ASAN_OBJECTS) $(CLI_OBJECTS:build/%=build/asan/%) $(FUZZ_OBJECTS): Makefile
-include $(wildcard build/*.d build/*/*.d build/*/*/*.d build/*/*/*/*.d)
