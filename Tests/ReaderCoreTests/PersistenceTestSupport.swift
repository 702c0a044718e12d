import Foundation
@testable import ReaderCore

/// A fresh, empty directory under the system's temporary directory.
func persistenceTemporaryDirectory() -> String {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("yuedu-persistence-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
}

/// The text of a file, or nil.
func persistenceContents(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
}

/// An article for the store tests.
func persistenceArticle(_ title: String, _ day: Int? = 1, path: String? = nil) -> Article {
    Article(title: title, date: day.map { ArticleDate(year: 2024, month: 3, day: $0) }, path: path)
}
