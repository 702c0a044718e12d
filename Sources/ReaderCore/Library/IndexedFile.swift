import Foundation

/// One file of the library as the index knows it: its stamp, and the article's head or why
/// the file is not an article.
///
/// The head is an `Article` without its body, lead or related list (those are read from the
/// file when the article is opened, see `ArticleBodies`); `length` is the body's size in
/// characters. A first read of a file gives only its top (title, date, site; `length` 0):
/// the rest comes when the article is read whole for search (`LibraryIndex.completeFullText`).
public struct IndexedFile: Sendable, Hashable {
    /// The article's identity: its path as the library found it.
    public var id: ArticleID
    /// Size, times and inode of the file when it was read.
    var stamp: FileStamp
    /// `markdown` or `plain`; nil for a skipped file.
    public var format: String?
    /// `UTF-8`, `GB18030` or `UTF-16`; nil for a skipped file.
    public var encoding: String?
    /// The head, nil when the file is not an article.
    public var head: Article?
    /// Characters in the title, lead and body.
    public var length: Int
    /// Why the file is not an article, nil when it is one.
    public var skipReason: String?
    /// Its place in the walk of the folders (the library's path order).
    public var order: Int

    public var path: String { id.rawValue }
}

/// What a refresh of the index did.
public struct IndexCounts: Hashable, Sendable, CustomStringConvertible {
    /// Articles read for the first time.
    public var indexed = 0
    /// Articles read again because their files changed.
    public var changed = 0
    /// Files gone from the folders, and from the index.
    public var removed = 0
    /// Files read now that are not articles.
    public var skipped = 0
    /// Files whose stamp was unchanged: not read.
    public var unchanged = 0

    public init() {}

    public var description: String {
        "\(indexed) indexed, \(changed) changed, \(removed) removed, \(skipped) skipped"
    }
}

/// How far a refresh has got.
public struct IndexProgress: Sendable {
    /// Files checked so far, and found.
    public var done: Int
    public var total: Int
    /// Heads of the articles written in this step (new or changed), in path order.
    public var written: [Article]
    /// Files found not to be articles in this step (the first step: also what the walk of
    /// the folders could not read).
    public var skipped: [SkippedFile] = []
}
