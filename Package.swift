// swift-tools-version:6.0
import PackageDescription

/// Settings of every Swift target:
/// - where clang finds libxml2's headers for the CLibXML2 module;
/// - metadata of concrete generic types (`_ContiguousArrayStorage<BodyScan.Hit>`,
///   `Optional<Manifest>`) fetched through accessor functions rather than by demangling
///   their names at run time. A search process meets some forty such types once each, and
///   demangling them cost 440,000 instructions of its 5.1 million; the accessors are a
///   little more code.
let swiftSettings: [SwiftSetting] = [.unsafeFlags([
    "-Xcc", "-I/usr/include/libxml2",
    "-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors",
])]

/// How the `newsidx` executable is linked, for a search process that starts fast: each search
/// is a new process, and with the Swift runtime linked in statically the dynamic loader's
/// work dominated what remained of start-up.
/// - a position-dependent executable (no PIE): the binary carries Swift metadata with some
///   40,000 pointers, which a PIE's loader relocates at every start, copying each page it
///   writes (500,000 instructions as plain RELA entries, 330,000 packed as DT_RELR by lld).
///   Without PIE they are read from the page cache as they are: a search process takes
///   130 fewer page faults and 0.6 ms less (3.7 -> 3.1 ms on a PostgreSQL page search). The
///   cost: the executable's own addresses are not randomised (shared libraries, heap and
///   stack still are).
/// - lld instead of gold, and libgcc statically, so that its unwinder needs no shared
///   library of its own.
/// (`make build` also links the Swift runtime and libstdc++ statically; see the Makefile.)
let searchStartUpLinking: [LinkerSetting] = [
    .unsafeFlags(["-use-ld=lld", "-Xclang-linker", "-no-pie", "-Xclang-linker", "-static-libgcc"],
                 .when(platforms: [.linux])),
]

let package = Package(
    name: "newsidx",
    products: [
        .executable(name: "newsidx", targets: ["newsidx"]),
        .library(name: "NewsIndex", targets: ["NewsIndex"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // libxml2 is opened at run time on first use (see Sources/CLibXML2/shim.h), not
        // linked, so only its headers are needed here: Debian's libxml2-dev puts them in
        // /usr/include/libxml2.
        .systemLibrary(
            name: "CLibXML2",
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
        // glibc's <malloc.h>, part of libc6-dev (which Swift itself needs).
        .systemLibrary(name: "CMalloc"),
        .target(
            name: "NewsIndex",
            dependencies: ["CLibXML2", "CZlib", "CZstd", "CMalloc"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "newsidx",
            dependencies: [
                "NewsIndex",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings,
            linkerSettings: searchStartUpLinking
        ),
        .testTarget(
            name: "NewsIndexTests",
            dependencies: ["NewsIndex"],
            exclude: ["Analysis/Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["newsidx"],
            swiftSettings: swiftSettings
        ),
    ]
)
