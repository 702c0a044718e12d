import Foundation
import ReaderCore

// Helpers shared by the test targets: temporary folders, files, articles, built products.

/// A fresh, empty directory under the system's temporary directory, removed with what it
/// holds when the test process exits.
public func persistenceTemporaryDirectory(prefix: String = "yuedu-persistence-") -> String {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("\(prefix)\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    TemporaryFolders.shared.add(url.path)
    return url.path
}

/// The folders the tests made, removed at exit: a test is a struct with no end to clean up
/// in, and a run of the suite would otherwise leave thousands behind.
final class TemporaryFolders: @unchecked Sendable {
    static let shared = TemporaryFolders()
    private let lock = NSLock()
    private var paths: [String] = []

    private init() {
        atexit { TemporaryFolders.shared.removeAll() }
    }

    func add(_ path: String) {
        lock.lock()
        paths.append(path)
        lock.unlock()
    }

    func removeAll() {
        lock.lock()
        let all = paths
        paths = []
        lock.unlock()
        for path in all { try? FileManager.default.removeItem(atPath: path) }
    }
}

/// The text of a file, or nil.
public func persistenceContents(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
}

/// An article for the store tests.
public func persistenceArticle(_ title: String, _ day: Int? = 1, path: String? = nil) -> Article {
    Article(title: title, date: day.map { ArticleDate(year: 2024, month: 3, day: $0) }, path: path)
}

/// An executable of this package, built next to the test binary (the products directory)
/// or in the package's `.build/debug`; nil when not built.
public func persistenceBuiltProduct(_ name: String) -> String? {
    var candidates: [String] = []
    if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
        candidates.append((exe as NSString).deletingLastPathComponent)
    }
    candidates.append((CommandLine.arguments[0] as NSString).deletingLastPathComponent)
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            candidates.append(url.appendingPathComponent(".build/debug").path)
            break
        }
    }
    return candidates.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
}
