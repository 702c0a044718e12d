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
    public init(_ article: Article) {
        if let path = article.path {
            self.init(path: path)
        } else {
            let key = ArticleKey(title: article.title, date: article.date)
            self.init(rawValue: "memory:\(key.date?.description ?? "undated"):\(key.title)")
        }
    }

    public var description: String { rawValue }

    /// Compared and hashed as bytes: paths are not text to normalize, and String's own
    /// hashing normalizes first, which costs on every lookup.
    public static func == (lhs: ArticleID, rhs: ArticleID) -> Bool {
        lhs.rawValue.utf8.elementsEqual(rhs.rawValue.utf8)
    }

    public func hash(into hasher: inout Hasher) {
        var raw = rawValue
        raw.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    public static func < (lhs: ArticleID, rhs: ArticleID) -> Bool {
        lhs.rawValue.utf8.lexicographicallyPrecedes(rhs.rawValue.utf8)
    }
}

extension Article {
    /// This article's identity in the library (see `ArticleID`).
    public var id: ArticleID { ArticleID(self) }
}
