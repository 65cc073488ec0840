// swift-tools-version:6.1
import PackageDescription

// No unsafe flags: SwiftPM refuses a package that has them as a versioned dependency, and
// the NewsIndex library is meant to be one (`.package(url:from:)`). libxml2's headers come
// through pkg-config (the CLibXML2 target below); the flags that make the release binary
// start fast and hardened (static runtime, lld, PIE with full RELRO, metadata accessors)
// are options of `make build` in the Makefile, so a plain `swift build` works anywhere.

let package = Package(
    name: "newsidx",
    products: [
        .executable(name: "newsidx", targets: ["newsidx"]),
        .library(name: "NewsIndex", targets: ["NewsIndex"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The server only (newsidx-serve); without its default traits, so neither
        // swift-configuration nor the whole of Foundation comes with it.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
    ],
    targets: [
        // libxml2 is opened at run time on first use (see Sources/CLibXML2/shim.h), so only
        // its headers are needed: pkg-config gives their folder (/usr/include/libxml2 on
        // Debian). It also adds -lxml2 to the link, which `make build` drops with
        // --as-needed (nothing refers to libxml2's symbols), so the release binary does not
        // load libxml2 at start; a plain `swift build` binary merely loads it early.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "CZstd",
            pkgConfig: "libzstd",
            providers: [.apt(["libzstd-dev"])]
        ),
        // Snowball's stemmers (Debian libstemmer0d) opened on first use through plain C
        // functions (see its header for why it is not linked).
        .target(name: "CStemmer"),
        // glibc's <malloc.h>, part of libc6-dev (which Swift itself needs).
        .systemLibrary(name: "CMalloc"),
        // Language detection: CLD2 (Debian libcld2-0) opened on first use through plain C
        // functions (see its header for why it is not linked).
        .target(name: "CLanguageDetector"),
        // Word boundaries of Thai, Lao, Khmer and Burmese: ICU (Debian libicu72) opened on
        // first use through plain C functions (see its header for why it is not linked).
        .target(name: "CWordBreak"),
        .target(
            name: "NewsIndex",
            dependencies: ["CLibXML2", "CZlib", "CZstd", "CMalloc", "CLanguageDetector", "CWordBreak", "CStemmer"]
        ),
        // The JSON objects the command line and the server both write.
        .target(
            name: "NewsJSON",
            dependencies: ["NewsIndex"]
        ),
        .executableTarget(
            name: "newsidx",
            dependencies: [
                "NewsIndex",
                "NewsJSON",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The HTTP front of `newsidx serve`: pages, the JSON API, the reader that follows
        // commits. A program of its own (newsidx-serve), so that `newsidx search` does not
        // load SwiftNIO at every start.
        .target(
            name: "NewsServe",
            dependencies: [
                "NewsIndex",
                "NewsJSON",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .executableTarget(
            name: "newsidx-serve",
            dependencies: ["NewsServe", "NewsIndex"]
        ),
        .testTarget(
            name: "NewsIndexTests",
            dependencies: ["NewsIndex"],
            exclude: ["Analysis/Fixtures"]
        ),
        .testTarget(
            name: "NewsServeTests",
            dependencies: ["NewsServe"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["newsidx", "newsidx-serve"]
        ),
    ]
)
