#!/usr/bin/env bash
# Checks that NewsIndex can be used as other packages use it: a tiny consumer package, in a
# temporary folder, depends on a clone of this repository tagged 99.0.0 through
# `.package(url: "file://…", from: "99.0.0")`. A version-based dependency is where SwiftPM
# refuses unsafe flags (a path or branch dependency would not catch them). The consumer's
# main.swift is the README's "Library" example: it searches an index built from Corpus/ for
# "Lavrov Kursk" and prints the hits' titles, of which the seed story's must be one. (So the
# example is built and run as written.)
#
#   Scripts/check_package.sh [NEWSIDX]    (NEWSIDX builds the index; default .build/release/newsidx)
#
# The clone holds the work tree's tracked files as they are (committed or not), so the check
# is of what is about to be committed. Builds in debug, sharing nothing with the main .build.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
NEWSIDX=${1:-$REPO/.build/release/newsidx}
SWIFT=${SWIFT:-swift}
SEED_TITLE="North Korean Foreign Minister Choe Son-hui highlighted"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/newsidx-package.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# The library's repository: a clone whose files are made the work tree's (tracked and new,
# not ignored), committed and tagged.
git clone --quiet --no-hardlinks "$REPO" "$WORK/newsidx"
git -C "$WORK/newsidx" ls-files -z | (cd "$WORK/newsidx" && xargs -0 rm -f)
git -C "$REPO" ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
    if [ -f "$REPO/$f" ]; then
        mkdir -p "$WORK/newsidx/$(dirname "$f")" && cp -p "$REPO/$f" "$WORK/newsidx/$f"
    fi
done
(
    cd "$WORK/newsidx"
    git add -A
    git -c user.name=check -c user.email=check@localhost commit --quiet --allow-empty -m "work tree"
    git tag 99.0.0
)

# The consumer.
mkdir -p "$WORK/consumer/Sources/consumer"
cat > "$WORK/consumer/Package.swift" <<EOF
// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "consumer",
    dependencies: [
        .package(url: "file://$WORK/newsidx", from: "99.0.0"),
    ],
    targets: [
        .executableTarget(
            name: "consumer",
            dependencies: [.product(name: "NewsIndex", package: "newsidx")]
        ),
    ]
)
EOF
# main.swift is the README's example: the ```swift block of its "## Library" section that
# imports NewsIndex.
awk '/^## / { library = ($0 == "## Library") }
     library && /^```swift$/ { block = ""; inside = 1; next }
     inside && /^```$/ { inside = 0; if (block ~ /^import NewsIndex\n/) { printf "%s", block; exit } ; next }
     inside { block = block $0 "\n" }' "$REPO/README.md" > "$WORK/consumer/Sources/consumer/main.swift"
if [ ! -s "$WORK/consumer/Sources/consumer/main.swift" ]; then
    echo "check_package: README.md's Library section has no swift example that imports NewsIndex" >&2
    exit 1
fi

"$NEWSIDX" add --quiet --index "$WORK/consumer/Index" "$REPO/Corpus/" >/dev/null

cd "$WORK/consumer"
if ! "$SWIFT" build --quiet >"$WORK/build.log" 2>&1; then
    cat "$WORK/build.log"
    echo "check_package: the consumer package does not build" >&2
    exit 1
fi
output=$("$SWIFT" run --skip-build consumer)
printf '%s\n' "$output"
if ! grep -qF "$SEED_TITLE" <<<"$output"; then
    echo "check_package: the search did not find \"$SEED_TITLE\"" >&2
    exit 1
fi
echo "check_package: ok (NewsIndex used as a versioned dependency)"
