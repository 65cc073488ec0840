// swift-tools-version:6.0
import PackageDescription

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
        .target(
            name: "NewsIndex",
            dependencies: ["CLibXML2", "CZlib", "CZstd"]
        ),
        .executableTarget(
            name: "newsidx",
            dependencies: [
                "NewsIndex",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "NewsIndexTests",
            dependencies: ["NewsIndex"],
            exclude: ["Analysis/Fixtures"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["newsidx"]
        ),
    ]
)
