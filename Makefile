# actornet: draw diagrams of networks of actors and their dated ties.
# `make` builds bin/actornet; `make demo` renders networks/ into out/; `make check` runs every test.

CC ?= cc
CFLAGS ?= -O2 -g
WARNINGS = -std=c11 -Wall -Wextra -Werror
PKGS = libcgraph libgvc yaml-0.1
# Deferred (=): evaluated when a recipe runs, after `make demo` or `make check` installed what was missing.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS = $(shell pkg-config --libs $(PKGS))
CMOCKA_LIBS = $(shell pkg-config --libs cmocka)
PREFIX ?= /usr/local

LIB_SOURCES = src/util.c src/diag.c src/model.c src/dates.c src/loader.c src/validate.c \
	src/filter.c src/builder.c src/render.c src/json.c src/output.c
HEADERS = src/actornet.h src/internal.h src/graph.h
LIB_OBJECTS = $(LIB_SOURCES:src/%.c=build/%.o)
UNIT_TESTS = $(patsubst tests/unit/%.c,build/tests/%,$(wildcard tests/unit/test_*.c))
NETWORKS = $(wildcard networks/*.yaml)

.PHONY: all deps demo check test unit clean

all: bin/actornet

build/%.o: src/%.c $(HEADERS)
	@mkdir -p build
	$(CC) $(WARNINGS) $(CFLAGS) $(PKG_CFLAGS) -c $< -o $@

build/libactornet.a: $(LIB_OBJECTS)
	rm -f $@
	ar rcs $@ $(LIB_OBJECTS)

bin/actornet: build/main.o build/libactornet.a
	@mkdir -p bin
	$(CC) $(CFLAGS) build/main.o build/libactornet.a $(PKG_LIBS) -o $@

build/tests/%: tests/unit/%.c build/libactornet.a $(HEADERS)
	@mkdir -p build/tests
	$(CC) $(WARNINGS) $(CFLAGS) $(PKG_CFLAGS) -Isrc $< build/libactornet.a $(PKG_LIBS) $(CMOCKA_LIBS) -o $@

# Installs what is missing (see scripts/install-deps), then nothing if all is there.
deps:
	@scripts/install-deps --check 2>/dev/null || scripts/install-deps

# Every network, whole and one diagram per decade, as SVG and PNG.
demo: deps
	@$(MAKE) --no-print-directory all
	@mkdir -p out
	@for net in $(NETWORKS); do \
		name=$$(basename $$net .yaml); \
		echo "render $$net -> out/$$name.svg, out/$$name-DECADE.svg (and .png)"; \
		bin/actornet render -q $$net -o out/$$name.svg -o out/$$name.png || exit 1; \
		bin/actornet render -q $$net --each decade \
			-o "out/$$name-{period}.svg" -o "out/$$name-{period}.png" || exit 1; \
	done

unit: $(UNIT_TESTS)

check: deps
	@$(MAKE) --no-print-directory all unit
	@tests/run

test: check

clean:
	rm -rf build bin
