# newsidx — build, demo, test and install.
#   make demo     set up, build release, index Corpus/ into Index/, search "Lavrov Kursk"
#   make test     the whole test suite (with short crash, concurrency, fault and fuzz runs), then
#                 the release binary's hardening, `make install` and NewsIndex as a dependency
#   make soak     the crash and concurrency tests at length, on the news benchmark corpus
#   make fuzz     every fuzz target for FUZZ_SECONDS each
#   make install  the binaries, man pages and bash, zsh and fish completions under PREFIX (and DESTDIR)

SWIFT   ?= swift
PREFIX  ?= /usr/local
INDEX   ?= Index
BIN     = $(SCRATCH)/release/newsidx
# The server behind `newsidx serve`, a program of its own beside newsidx (see Package.swift).
SERVE_BIN = $(SCRATCH)/release/newsidx-serve
# The project's shared data (benchmarks, test collections), beside the checkout.
SHARED  ?= ../shared
# Debian packages the build needs (headers found through pkg-config): libxml2 for HTML and
# XML, zlib for .gz input, zstd for the stored stories; and CLD2, the language detector,
# which newsidx opens when a story's language must be detected.
APT_PACKAGES := pkg-config libxml2-dev zlib1g-dev libzstd-dev libcld2-0 libstemmer0d libicu-dev
# And those `make test` needs beside them: readelf, git (a clone for a consumer package),
# man and groff to render the man pages (man -l), and valgrind (the release binary under
# memcheck).
TEST_APT_PACKAGES := binutils git man-db groff-base valgrind

.PHONY: all deps test-deps browser-deps bench-serve bench-scale build cli release-setup share install-files debug demo test soak fuzz bench scale eval extraction-eval dups-eval install uninstall clean

all: build

# Installs the Debian packages that are missing (as root, or through sudo when available).
deps:
	@$(call apt_install,$(APT_PACKAGES))

test-deps:
	@$(call apt_install,$(APT_PACKAGES) $(TEST_APT_PACKAGES))

define apt_install
	missing=""; \
	for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:$$missing"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi
endef

# How the release binary is built. Package.swift has no unsafe flags (so that NewsIndex can be
# a versioned dependency of other packages), so every flag below is given here, and a plain
# `swift build -c release` builds the same program, only slower to start.
# - The Swift runtime is linked statically (-static-stdlib, what --static-swift-stdlib gives
#   swiftc, but in a form `swift package` also takes, so a package plugin's build is
#   the same build and finds nothing to do): a search is a short-lived process, and resolving
#   the runtime's symbols at every start cost more than the query itself. So is libstdc++,
#   which the runtime needs: loading and relocating the shared one (4,000 symbol relocations)
#   cost a search process 1.8 million instructions, a fifth of it. The runtime's link line
#   asks for -lstdc++, so a directory searched first holds only the static archive (when the
#   C compiler knows one; otherwise the shared library is used as before). libgcc is linked
#   statically too, so that its unwinder needs no shared library of its own.
# - Metadata of concrete generic types (`_ContiguousArrayStorage<BodyScan.Hit>`,
#   `Optional<Manifest>`) is fetched through accessor functions rather than by demangling
#   their names at run time: a search process meets some forty such types once each, and
#   demangling them cost 440,000 instructions of its 5.1 million.
# - Linked by lld, as a position-independent executable with full RELRO (-z relro -z now),
#   as Debian builds every package: the program parses pages from the open web, and its own
#   addresses are randomised like its libraries'. The relocations of the binary's data
#   (some 40,000 pointers of Swift metadata) are packed as DT_RELR (-z pack-relative-relocs,
#   glibc 2.36), which the loader applies faster than plain RELA entries. docs/performance.md
#   ("Start-up hardening") measures what PIE costs a search process.
# - C sources (the language detector's target) carry DWARF 4 debug information, which
#   valgrind 3.19 (Debian 12's) reads: clang's default DWARF 5 makes callgrind give up.
# - libxml2 is opened on first use (Sources/CLibXML2/shim.h), not at every start, so only
#   its headers are wanted from pkg-config: SwiftPM is given a libxml-2.0.pc of the system's
#   Cflags and no Libs, lest the link ask for libxml2.so (DT_NEEDED) and every search load
#   it and the ICU it brings (3.5 million instructions). (--as-needed would not do: SwiftPM
#   puts -lxml2 on the link line before any flag given here.)
STATIC_LIBS := $(CURDIR)/.build/static-libs
PKG_CONFIG_DIR := $(CURDIR)/.build/pkgconfig
LIBSTDCXX_A := $(shell $(CC) -print-file-name=libstdc++.a 2>/dev/null)
SCRATCH ?= .build
RELEASE_FLAGS := -c release --scratch-path $(SCRATCH) --pkg-config-path $(PKG_CONFIG_DIR) -Xswiftc -static-stdlib \
	-Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors \
	-Xswiftc -use-ld=lld -Xswiftc -Xclang-linker -Xswiftc -static-libgcc \
	-Xlinker -z -Xlinker relro -Xlinker -z -Xlinker now -Xlinker -z -Xlinker pack-relative-relocs \
	-Xlinker -L$(STATIC_LIBS) -Xcc -gdwarf-4

# `build` makes both programs; `cli` only newsidx (what demo and test need: the server's
# SwiftNIO takes minutes to build in release, and the tests run the debug build of it).
build: release-setup
	$(SWIFT) build $(RELEASE_FLAGS)

cli: release-setup
	$(SWIFT) build $(RELEASE_FLAGS) --product newsidx

release-setup: deps
	@mkdir -p $(STATIC_LIBS)
	@if [ -f "$(LIBSTDCXX_A)" ]; then ln -sf "$(LIBSTDCXX_A)" $(STATIC_LIBS)/libstdc++.a; else rm -f $(STATIC_LIBS)/libstdc++.a; fi
	@mkdir -p $(PKG_CONFIG_DIR)
	@printf 'Name: libxml-2.0\nDescription: libxml2, headers only\nVersion: %s\nCflags: %s\nLibs:\n' \
		"$$(pkg-config --modversion libxml-2.0)" "$$(pkg-config --cflags libxml-2.0)" > $(PKG_CONFIG_DIR)/libxml-2.0.pc

debug: deps
	$(SWIFT) build

demo: cli
	$(BIN) add --index $(INDEX) Corpus/
	$(BIN) search --index $(INDEX) "Lavrov Kursk"

# The test suite (unit tests, and end-to-end tests of both programs' debug builds), then the
# release binary's hardening and what `make install` installs (Scripts/check_release.sh,
# seconds), then NewsIndex used as a versioned dependency by a
# consumer package (Scripts/check_package.sh, which builds it from a clone in debug). The
# API is checked against its OpenAPI document by Schemathesis (Scripts/check_api_schema.sh).
# Last, the search page in a real browser (Tests/Browser/search_page_test.py, headless
# Chromium through Selenium) on the debug build the tests ran.
test: test-deps browser-deps cli
	$(SWIFT) test
	bash Scripts/check_release.sh $(BIN) $(SCRATCH)/debug/newsidx-serve
	bash Scripts/check_api_schema.sh $(SCRATCH)/debug/newsidx
	bash Scripts/check_package.sh $(abspath $(BIN))
	python3 Tests/Browser/search_page_test.py $(SCRATCH)/debug/newsidx

# Debian's Chromium and its driver, and Selenium from PyPI, each installed when missing.
BROWSER_APT_PACKAGES := chromium chromium-driver
browser-deps:
	@$(call apt_install,$(BROWSER_APT_PACKAGES))
	@python3 -c 'import selenium' 2>/dev/null || { echo "installing selenium from PyPI"; \
		python3 -m pip install --quiet selenium || python3 -m pip install --quiet --break-system-packages selenium; }

# The crash and concurrency tests at length: more kill points, 40 random-delay kills, a writer
# committing 24 batches of 200 stories beside three searchers; the crash tests index the news
# benchmark's 3,787 stories when they are there (else Corpus/).
SOAK_CORPUS ?= $(CURDIR)/.bench-data/news/newsarticles/docs
soak: deps
	NEWSIDX_SOAK=1 NEWSIDX_SOAK_CORPUS=$(SOAK_CORPUS) $(SWIFT) test --filter 'CrashSafetyTests|ConcurrencyTests|FaultInjectionTests'

# Every fuzz target (ingest readers, gzip, query parser) for FUZZ_SECONDS each, from a seed of
# the clock (FUZZ_SEED to repeat one); inputs of crashes and hangs are kept in FUZZ_ARTIFACTS.
FUZZ_SECONDS   ?= 60
FUZZ_ARTIFACTS ?= $(CURDIR)/.build/fuzz
fuzz: deps
	@mkdir -p $(FUZZ_ARTIFACTS)
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_ARTIFACTS=$(FUZZ_ARTIFACTS) $(SWIFT) test --filter FuzzTests

# newsidx beside the peer engines on the benchmark corpora (see Scripts/bench.sh); long.
bench: build
	SHARED=$(SHARED) bash Scripts/bench.sh

# `newsidx serve` under wrk on loopback beside the same queries in one process (see
# Scripts/bench_serve.sh); about 2 minutes.
bench-serve: build
	SHARED=$(SHARED) BIN=$(BIN) bash Scripts/bench_serve.sh

# newsidx beside tantivy and PISA on FACTOR times the news corpus (default 30), both query
# modes, three interleaved runs, median ratios (see Scripts/bench_scale.py); long.
FACTOR ?= 30
bench-scale: build
	python3 Scripts/bench_scale.py --shared $(SHARED) --factor $(FACTOR) --bin $(BIN)

# Cost as work grows: the news corpus at 1x, 10x and 100x (see Scripts/scale.sh); long.
scale: build
	SHARED=$(SHARED) bash Scripts/scale.sh

# Ranking quality on the relevance collections beside the best peers (see Scripts/eval.sh).
eval: build
	SHARED=$(SHARED) bash Scripts/eval.sh

# Retrieval per language on the shared multilingual collections, beside the peers' recorded
# scores (see Scripts/eval_multilingual.sh); about a minute.
eval-multilingual: build
	SHARED=$(SHARED) BIN=$(BIN) bash Scripts/eval_multilingual.sh

# Article extraction on both shared sets (the benchmark's 121 pages and extraction2's 477
# from six data sets), beside every peer, overall and per data set (Scripts/extraction_eval.py).
extraction-eval: build
	python3 Scripts/extraction_eval.py --shared $(SHARED) --bin $(BIN)

# Near-duplicate detection on copies made from the news corpus (Scripts/make_dup_set.py):
# pair precision and recall, duplicates on first pages with and without collapsing.
NEWS_DOCS ?= .bench-data/news/newsarticles/docs
DUP_SET   ?= /tmp/newsidx-dup-set
dups-eval: build
	python3 Scripts/make_dup_set.py $(NEWS_DOCS) $(DUP_SET)
	python3 Scripts/dups_eval.py $(DUP_SET) --bin $(BIN) --min-similarity 0,0.8,0.9
	python3 Scripts/fingerprint_choice.py $(DUP_SET)

# Man pages (swift-argument-parser's generate-manual tool, run on the built newsidx:
# newsidx.1 and one page a subcommand, dated by the last commit so that a rebuild makes the
# same pages) and shell completions (newsidx --generate-completion-script), made into
# $(SCRATCH)/share and installed under $(PREFIX)/share. (The package plugin of the same name
# would first build every product in release, the server's SwiftNIO included.)
MAN_DATE   := $(shell git log -1 --format=%cs 2>/dev/null || date +%F)
SHARE       = $(SCRATCH)/share
MAN1        = $(DESTDIR)$(PREFIX)/share/man/man1
BASH_COMPLETION = $(DESTDIR)$(PREFIX)/share/bash-completion/completions/newsidx
ZSH_COMPLETION  = $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_newsidx
FISH_COMPLETION = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/newsidx.fish

share: cli
	@rm -rf $(SHARE) && mkdir -p $(SHARE)/man1 $(SHARE)/completions
	$(SWIFT) build -c release --scratch-path $(SCRATCH) --product generate-manual
	$(SCRATCH)/release/generate-manual $(BIN) --multi-page --date $(MAN_DATE) --output-directory $(SHARE)/man1
	for shell in bash zsh fish; do $(BIN) --generate-completion-script $$shell > $(SHARE)/completions/newsidx.$$shell; done

# Both programs, their man pages and completions.
install: build share
	@$(MAKE) --no-print-directory install-files

# What `install` copies, from what `build` and `share` made (make test checks it with the
# server's debug build, SERVE_BIN=…, rather than build SwiftNIO in release too).
install-files:
	install -D -m 0755 $(BIN) $(DESTDIR)$(PREFIX)/bin/newsidx
	install -D -m 0755 $(SERVE_BIN) $(DESTDIR)$(PREFIX)/bin/newsidx-serve
	install -d $(MAN1)
	install -m 0644 $(SHARE)/man1/*.1 $(MAN1)/
	install -D -m 0644 $(SHARE)/completions/newsidx.bash $(BASH_COMPLETION)
	install -D -m 0644 $(SHARE)/completions/newsidx.zsh $(ZSH_COMPLETION)
	install -D -m 0644 $(SHARE)/completions/newsidx.fish $(FISH_COMPLETION)

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/newsidx $(DESTDIR)$(PREFIX)/bin/newsidx-serve $(MAN1)/newsidx.1 $(MAN1)/newsidx.*.1
	rm -f $(BASH_COMPLETION) $(ZSH_COMPLETION) $(FISH_COMPLETION)

clean:
	rm -rf .build
	find $(INDEX) -mindepth 1 ! -name .gitkeep -delete 2>/dev/null || true
