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
    ],
    targets: [
        // ncursesw, wide-character API switched on; nothing else lives here.
        .systemLibrary(name: "CNCursesW", path: "Sources/CNCursesW"),
        // The ncurses wrapper: the only module that imports CNCursesW.
        .target(name: "Terminal", dependencies: ["CNCursesW"]),
        // Everything that is true without a terminal.
        .target(name: "ReaderCore"),
        // The C library's wcwidth, only for the tests that check the width tables against it.
        .target(name: "CWidth"),
        // The application as a value: state, commands, views.
        .target(name: "ReaderUI", dependencies: ["ReaderCore", "Terminal"]),
        .executableTarget(
            name: "yuedu",
            dependencies: [
                "ReaderCore", "ReaderUI", "Terminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Wrapping throughput, for BENCHMARKS.md.
        .executableTarget(name: "yuedu-bench", dependencies: ["ReaderCore"]),
        // Test fixture: toggles bookmarks and acknowledges each durable write (crash tests).
        .executableTarget(name: "yuedu-bookmark-writer", dependencies: ["ReaderCore"]),
        // Search and related-articles speed, for BENCHMARKS.md.
        .executableTarget(name: "yuedu-bench-search", dependencies: ["ReaderCore", "ReaderUI"]),
        // Search prompt keystroke to frame, for BENCHMARKS.md.
        .executableTarget(name: "yuedu-bench-ui", dependencies: ["ReaderCore", "ReaderUI", "Terminal"]),
        .testTarget(name: "ReaderCoreTests", dependencies: ["ReaderCore", "CWidth"]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal", "CNCursesW"]),
        .testTarget(name: "ReaderUITests", dependencies: ["ReaderUI", "ReaderCore", "Terminal"]),
        .testTarget(name: "EndToEndTests", dependencies: ["yuedu"]),
    ]
)
