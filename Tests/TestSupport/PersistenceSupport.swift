import Foundation
import ReaderCore

// Helpers shared by the test targets: temporary folders, files, articles, built products.

/// A fresh, empty directory under the system's temporary directory.
public func persistenceTemporaryDirectory() -> String {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("yuedu-persistence-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
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
