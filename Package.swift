// swift-tools-version:6.0
import PackageDescription

/// Where clang finds libxml2's headers for the CLibXML2 module.
let libxml2Headers: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-I/usr/include/libxml2"])]

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
        .target(
            name: "NewsIndex",
            dependencies: ["CLibXML2", "CZlib", "CZstd"],
            swiftSettings: libxml2Headers
        ),
        .executableTarget(
            name: "newsidx",
            dependencies: [
                "NewsIndex",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: libxml2Headers
        ),
        .testTarget(
            name: "NewsIndexTests",
            dependencies: ["NewsIndex"],
            exclude: ["Analysis/Fixtures"],
            swiftSettings: libxml2Headers
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["newsidx"],
            swiftSettings: libxml2Headers
        ),
    ]
)
