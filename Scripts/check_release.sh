#!/usr/bin/env bash
# Checks the release binary and what `make install` puts in place, as `make test` runs it
# after `make build`:
# - the binary is a position-independent executable with full RELRO (as Debian builds every
#   package) and does not load libxml2 at start (it is opened on first use);
# - add, a phrase search and check of Corpus/ make no memory errors under valgrind's memcheck;
# - `make install DESTDIR=…` installs both programs, a man page for newsidx and each
#   subcommand, and bash, zsh and fish completions; `man -l` renders every page; bash
#   completes `newsidx se<TAB>` to `search`; the installed newsidx finds the installed
#   newsidx-serve beside it; `make uninstall` removes all of it.
#
#   Scripts/check_release.sh [NEWSIDX [NEWSIDX_SERVE]]
#       (defaults .build/release/newsidx and the newsidx-serve beside it; make test passes
#       the server's debug build, to spare a release build of SwiftNIO: the hardening
#       checked here comes from the same flags for both programs)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-.build/release/newsidx}
SERVE_BIN=${2:-$(dirname "$BIN")/newsidx-serve}
MAKE=${MAKE:-make}
PREFIX=/usr/local
failures=0
fail() { echo "check_release: $*" >&2; failures=$((failures + 1)); }
# A page as man shows it, without the overstrikes of bold and underlined text.
render() { MANWIDTH=80 man -l "$1" 2>/dev/null | sed $'s/.\b//g'; }

# --- Hardening ---------------------------------------------------------------------------
header=$(readelf -h "$BIN")
dynamic=$(readelf -d "$BIN")
segments=$(readelf -lW "$BIN")
grep -qE '^ *Type: +DYN' <<<"$header" || fail "$BIN is not position-independent: $(grep Type: <<<"$header")"
grep -qE '\(FLAGS\) .*BIND_NOW|\(BIND_NOW\)' <<<"$dynamic" || fail "$BIN lacks BIND_NOW (-z now)"
grep -qE '\(FLAGS_1\) .*NOW' <<<"$dynamic" || fail "$BIN lacks FLAGS_1 NOW"
grep -qE '\(FLAGS_1\) .*PIE' <<<"$dynamic" || fail "$BIN lacks FLAGS_1 PIE"
grep -q 'GNU_RELRO' <<<"$segments" || fail "$BIN has no GNU_RELRO segment (-z relro)"
if grep -q 'NEEDED.*libxml2' <<<"$dynamic"; then fail "$BIN loads libxml2 at start (it should be opened on first use)"; fi
if grep -qE 'NEEDED.*(libcld2|libstdc\+\+|libstemmer|libicu)' <<<"$dynamic"; then fail "$BIN loads CLD2, libstemmer, ICU or the shared libstdc++ at start (they are opened on first use)"; fi
grep -E 'Type:|BIND_NOW|FLAGS_1|NEEDED' <<<"$header$dynamic" | sed 's/^ */  /'
grep 'GNU_RELRO' <<<"$segments" | sed 's/^ */  /'

# --- Memory errors -------------------------------------------------------------------------
# The optimised code under valgrind's memcheck: add, a phrase search and check on Corpus/
# must make no invalid read or write. Debug-build tests cannot see what the optimiser does
# (Swift 6.3.1 freed an unused array before copying into it in `check`, corrupting the heap).
VG_INDEX=$(mktemp -d "${TMPDIR:-/tmp}/newsidx-memcheck.XXXXXX")
memcheck() { valgrind --tool=memcheck --error-exitcode=99 --quiet "$BIN" "$@" >/dev/null 2>"$VG_INDEX.log" \
    || { fail "memcheck: newsidx $* made memory errors:"; head -30 "$VG_INDEX.log" >&2; }; }
memcheck add Corpus --index "$VG_INDEX/index" --quiet
memcheck search --index "$VG_INDEX/index" '"Lavrov" Kursk' --limit 3
memcheck check --index "$VG_INDEX/index"
rm -rf "$VG_INDEX" "$VG_INDEX.log"
echo "  memcheck: add, search and check of Corpus/ made no memory errors"

# --- make install / uninstall --------------------------------------------------------------
DEST=$(mktemp -d "${TMPDIR:-/tmp}/newsidx-install.XXXXXX")
trap 'rm -rf "$DEST"' EXIT
if ! { "$MAKE" --no-print-directory -s share BIN="$BIN" && \
       "$MAKE" --no-print-directory -s install-files DESTDIR="$DEST" PREFIX="$PREFIX" BIN="$BIN" SERVE_BIN="$SERVE_BIN"; } >"$DEST.log" 2>&1; then
    cat "$DEST.log"; rm -f "$DEST.log"
    echo "check_release: make install failed" >&2
    exit 1
fi
rm -f "$DEST.log"
root=$DEST$PREFIX
(cd "$DEST" && find . -type f | sort | sed 's/^\./  /')

[ -x "$root/bin/newsidx" ] || fail "make install did not install bin/newsidx"
[ -x "$root/bin/newsidx-serve" ] || fail "make install did not install bin/newsidx-serve"
"$root/bin/newsidx" serve --help | grep -q '^USAGE: newsidx serve' || fail "the installed newsidx serve --help does not print its usage"
# The installed newsidx runs the installed server: a missing index is the server's status 2.
served=$("$root/bin/newsidx" serve --index "$DEST/no-index" --port 0 2>&1 && echo "status 0" || echo "status $?")
grep -q 'no index' <<<"$served" && grep -q 'status 2' <<<"$served" || fail "the installed newsidx serve did not run the installed server: $served"
subcommands=$("$BIN" --help | sed -n '/^SUBCOMMANDS:/,/^$/p' | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p')
[ -n "$subcommands" ] || fail "newsidx --help lists no subcommands"
for page in newsidx $(sed 's/^/newsidx./' <<<"$subcommands"); do
    file=$root/share/man/man1/$page.1
    if [ ! -f "$file" ]; then fail "no man page $page.1"; continue; fi
    name=${page#newsidx.}
    rendered=$(render "$file") || true
    if [ -z "$rendered" ]; then fail "man -l $page.1 renders nothing"; continue; fi
    grep -q '^NAME' <<<"$rendered" || fail "man -l $page.1 has no NAME section"
    grep -qi "newsidx.*$name\|$name.*newsidx" <<<"$rendered" || fail "man -l $page.1 does not name $name"
done
rendered=$(render "$root/share/man/man1/newsidx.search.1") || true
grep -q 'SEARCH' <<<"$rendered" || fail "the search page's heading is not SEARCH"
grep -q -- '--index' <<<"$rendered" || fail "the search page does not describe --index"

bash_completion=$root/share/bash-completion/completions/newsidx
zsh_completion=$root/share/zsh/site-functions/_newsidx
fish_completion=$root/share/fish/vendor_completions.d/newsidx.fish
for f in "$bash_completion" "$zsh_completion" "$fish_completion"; do
    [ -s "$f" ] || fail "make install did not install ${f#"$DEST"}"
done
bash -n "$bash_completion" || fail "the bash completion script does not parse"
grep -q '^#compdef newsidx' "$zsh_completion" || fail "the zsh completion is not a #compdef newsidx function"
grep -q "^complete -c 'newsidx'" "$fish_completion" || fail "the fish completion does not complete newsidx"

# newsidx se<TAB>, as bash calls a completion function: command, word, previous word. The
# function asks the installed newsidx for custom completions, so it comes first on PATH.
completed=$(PATH="$root/bin:$PATH" bash --norc --noprofile -c '
    source "$1"
    function=$(complete -p newsidx | sed -E "s/.* -F ([^ ]+) .*/\1/")
    COMP_WORDS=(newsidx se); COMP_CWORD=1; COMP_LINE="newsidx se"; COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    "$function" newsidx se newsidx
    printf "%s\n" "${COMPREPLY[@]}"' _ "$bash_completion")
grep -qx 'search' <<<"$completed" || fail "bash completion of 'newsidx se' offers [$(echo $completed)], not search"
echo "  bash: newsidx se<TAB> offers: $(echo $completed)"

"$MAKE" --no-print-directory -s uninstall DESTDIR="$DEST" PREFIX="$PREFIX" >/dev/null
left=$(cd "$DEST" && find . -type f | sed 's/^\.//')
[ -z "$left" ] || fail "make uninstall left $left"

if [ "$failures" -gt 0 ]; then
    echo "check_release: $failures failure(s)" >&2
    exit 1
fi
echo "check_release: ok (PIE, full RELRO, no libxml2 at start, no memory errors under memcheck; binary, man pages and completions installed and removed)"
