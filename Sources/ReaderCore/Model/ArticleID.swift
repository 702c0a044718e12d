import Foundation

/// The identity of one article in the library, stable across batches, reloads and runs.
///
/// It is derived from the file the article was read from (its path as the library found
/// it), never from its position in the list, so anything remembered per article (layouts,
/// search indexes, history, the on-disk index's rows, similar-article lists) stays valid
/// when the list grows, reorders or is read again. An article that was not read from a file
/// (built in memory) is known by its title and date instead.
///
/// `ArticleKey` is a different thing: the identity of an article's *content* (title and
/// date), which bookmarks and reading positions use so that they survive a file being moved
/// or renamed.
public struct ArticleID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The identity of the article read from `path`.
    public init(path: String) {
        rawValue = path
    }

    /// The identity of `article`: its path, or its title and date when it has no file.
    /// Borrowed, not copied: a copy of an article retains (and then releases) each of its
    /// strings and arrays, which for a library of 100,000 cost more than the identity itself.
    public init(_ article: borrowing Article) {
        if let path = article.path {
            self.init(path: path)
        } else {
            let key = ArticleKey(title: article.title, date: article.date)
            self.init(rawValue: "memory:\(key.date?.description ?? "undated"):\(key.title)")
        }
    }

    public var description: String { rawValue }

    /// Compared and hashed as bytes: paths are not text to normalize, and String's own
    /// hashing normalizes first, which costs on every lookup. Compared by length first and
    /// then all at once: a dictionary compares a key with every one its probe passes, and
    /// the paths of one library share a long prefix.
    public static func == (lhs: ArticleID, rhs: ArticleID) -> Bool {
        guard lhs.rawValue.utf8.count == rhs.rawValue.utf8.count else { return false }
        return lhs.withBytes { x in
            rhs.withBytes { y in x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 }
        }
    }

    public func hash(into hasher: inout Hasher) {
        withBytes { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// `rawValue`'s UTF-8 in place (a string read from a file or the index is stored as
    /// UTF-8), or in a copy for one that is not.
    private func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = rawValue.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = rawValue
        return copy.withUTF8(body)
    }

    public static func < (lhs: ArticleID, rhs: ArticleID) -> Bool {
        lhs.rawValue.utf8.lexicographicallyPrecedes(rhs.rawValue.utf8)
    }
}

extension Article {
    /// This article's identity in the library (see `ArticleID`).
    public var id: ArticleID { ArticleID(self) }
}
