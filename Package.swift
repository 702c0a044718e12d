// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "yuedu",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "yuedu", targets: ["yuedu"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // ncursesw, wide-character API switched on; nothing else lives here.
        .systemLibrary(name: "CNCursesW", path: "Sources/CNCursesW"),
        // cmark-gfm and its extensions: the Markdown parser.
        .systemLibrary(name: "CCmarkGFM", path: "Sources/CCmarkGFM"),
        // OpenCC's C API, for simplified and traditional Chinese matched as one.
        .systemLibrary(name: "COpenCC", path: "Sources/COpenCC"),
        // zlib, for the folded text the search index keeps of each article.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        // The control-character policy: what a control or format character becomes wherever
        // text meets a terminal. No dependencies, so every module below can follow it.
        .target(name: "TextSafety"),
        // The pure grid: Screen, Cell, Style, Key, Rect, mouse events. No ncurses.
        .target(name: "Grid", dependencies: ["TextSafety"]),
        // The ncurses wrapper: the only module that imports CNCursesW.
        .target(name: "Terminal", dependencies: ["CNCursesW", "Grid", "TextSafety"]),
        // Everything that is true without a terminal.
        .target(name: "ReaderCore", dependencies: ["TOMLKit", "TextSafety", "COpenCC", "CCmarkGFM", "CZlib", .product(name: "GRDB", package: "GRDB.swift")]),
        // The C library's wcwidth, only for the tests that check the width tables against it.
        .target(name: "CWidth"),
        // The commit a build was made from, when scripts/install.sh tells it (else empty).
        .target(name: "CBuildInfo"),
        // The application as a value: state, commands, views.
        .target(name: "ReaderUI", dependencies: ["ReaderCore", "Grid", "TextSafety"]),
        .executableTarget(
            name: "yuedu",
            dependencies: [
                "ReaderCore", "ReaderUI", "Grid", "Terminal", "CBuildInfo", "TextSafety",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks for BENCHMARKS.md (wrap, search, related, related-ui, prompt).
        .executableTarget(name: "yuedu-bench", dependencies: ["ReaderCore", "ReaderUI", "Grid"]),
        // The man page's own sections (keys from the command table, configuration, files,
        // environment, examples) spliced into the page generate-manual makes; scripts/install.sh.
        .executableTarget(name: "yuedu-manual", dependencies: ["ReaderUI"]),
        // Test fixture: toggles bookmarks and acknowledges each durable write (crash tests).
        .executableTarget(name: "yuedu-bookmark-writer", dependencies: ["ReaderCore"]),
        // Helpers the test targets share: temporary folders, test articles, built products.
        .target(name: "TestSupport", dependencies: ["ReaderCore"], path: "Tests/TestSupport"),
        .testTarget(name: "ReaderCoreTests", dependencies: ["ReaderCore", "CWidth", "TestSupport", "TextSafety"], exclude: ["Data"]),
        .testTarget(name: "GridTests", dependencies: ["Grid", "TextSafety"]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal", "Grid", "CNCursesW"]),
        .testTarget(name: "ReaderUITests", dependencies: ["ReaderUI", "ReaderCore", "Grid"], exclude: ["Snapshots"]),
        .testTarget(name: "ManualTests", dependencies: ["yuedu-manual", "ReaderUI", "ReaderCore", "Grid"]),
        .testTarget(name: "EndToEndTests", dependencies: ["yuedu", "yuedu-bookmark-writer", "ReaderCore", "ReaderUI", "TestSupport", "CWidth"]),
    ]
)
