import Foundation

/// A file that could not be read as an article, and why.
public struct SkippedFile: Hashable, Sendable {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}

/// An article saved twice (same title and date, as `ArticleKey` compares them): the later
/// copy, by path order, is left out.
public struct DuplicateArticle: Hashable, Sendable {
    /// The copy that was left out.
    public var path: String
    /// The copy that is shown.
    public var keptPath: String
}

/// The library in memory: the articles read from the paths given, newest first.
///
/// Articles are sorted by date, newest first (undated last), then by title. The same article
/// saved twice (same `ArticleKey`: title and date, the title normalized) appears once: the first by path order is kept, the others
/// are listed in `duplicates`. Files that are not articles are listed in `skipped`.
public struct ArticleStore: Sendable {
    public private(set) var articles: [Article]
    public private(set) var skipped: [SkippedFile]
    public private(set) var duplicates: [DuplicateArticle] = []

    /// Path of the kept article for each (title, date).
    var kept: [Identity: String] = [:]
    /// What each file gave when read, for `reloaded()`, and the paths that were read, in order.
    var records: [String: FileRecord] = [:]
    var paths: [String] = []

    /// Title and date as `ArticleKey` sees them (the same identity bookmarks and reading
    /// positions use), compared and hashed as bytes (String's own hashing normalizes first;
    /// the title here is normalized already).
    struct Identity: Hashable {
        var title: String
        var date: ArticleDate?

        init(_ article: Article) {
            self.init(title: article.title, date: article.date)
        }

        init(title: String, date: ArticleDate?) {
            self.title = ArticleKey.normalize(title)
            self.date = date
        }

        static func == (a: Identity, b: Identity) -> Bool {
            a.date == b.date && a.title.utf8.elementsEqual(b.title.utf8)
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(date)
            var title = title
            title.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    /// One file as last read: its stamp and the article, or why it is not one.
    struct FileRecord: Sendable {
        var stamp: FileStamp?
        var result: Result<Article, ArticleProblem>
    }

    public init(articles: [Article], skipped: [SkippedFile] = []) {
        self.articles = []
        self.skipped = skipped
        add(articles)
    }

    /// Reads every article under `paths` (files, or directories read recursively; hidden
    /// entries skipped). A file that cannot be read is recorded in `skipped`; the rest load.
    public static func load(paths: [String]) -> ArticleStore {
        load(paths: paths, progress: nil)
    }

    /// The article read from `path`, if the library shows it.
    public func index(ofPath path: String) -> Int? {
        articles.firstIndex { $0.path == path }
    }

    /// The article whose title matches `title`, if the library has one.
    public func index(ofTitle title: String) -> Int? {
        articles.firstIndex { $0.title == title }
    }

    // MARK: - Adding

    /// Adds `batch` (in path order, after everything added so far): each article goes to its
    /// place in date order, unless the library already has one with the same title and date.
    /// Returns the articles added, in library order.
    @discardableResult
    public mutating func add(_ batch: [Article]) -> [Article] {
        var fresh: [Article] = []
        fresh.reserveCapacity(batch.count)
        for article in batch {
            let identity = Identity(article)
            if let keptPath = kept[identity] {
                duplicates.append(DuplicateArticle(path: article.path ?? "", keptPath: keptPath))
                continue
            }
            kept[identity] = article.path ?? ""
            fresh.append(article)
        }
        guard !fresh.isEmpty else { return [] }
        fresh = ArticleStore.sorted(fresh)
        articles = ArticleStore.merged(articles, fresh)
        return fresh
    }

    /// Two runs in library order merged into one, in library order: the one merge both the
    /// store and the reader's `Library` use when a batch arrives.
    public static func merged<T>(_ old: [T], _ batch: [T], article: (T) -> Article) -> [T] {
        if old.isEmpty { return batch }
        if batch.isEmpty { return old }
        var merged: [T] = []
        merged.reserveCapacity(old.count + batch.count)
        var i = 0, j = 0
        while i < old.count, j < batch.count {
            if precedes(article(batch[j]), article(old[i])) {
                merged.append(batch[j]); j += 1
            } else {
                merged.append(old[i]); i += 1
            }
        }
        merged += old[i...]
        merged += batch[j...]
        return merged
    }

    static func merged(_ old: [Article], _ batch: [Article]) -> [Article] {
        merged(old, batch) { $0 }
    }

    /// Records files that are not articles.
    public mutating func add(skipped more: [SkippedFile]) {
        skipped += more
    }

    /// True when `a` comes before `b` in the library: newest first, undated last, then by
    /// title, then by path (both in UTF-8 byte order).
    public static func areInLibraryOrder(_ a: Article, _ b: Article) -> Bool { precedes(a, b) }

    /// Newest first, undated last, then by title, then by path (both in UTF-8 byte order).
    static func precedes(_ a: Article, _ b: Article) -> Bool {
        switch (a.date, b.date) {
        case let (x?, y?) where x != y: return x > y
        case (.some, nil): return true
        case (nil, .some): return false
        default:
            // Byte order: stable, and far cheaper than String's canonical-equivalence order.
            if !a.title.utf8.elementsEqual(b.title.utf8) { return a.title.utf8.lexicographicallyPrecedes(b.title.utf8) }
            return (a.path ?? "").utf8.lexicographicallyPrecedes((b.path ?? "").utf8)
        }
    }

    /// `articles` in `precedes` order. Sorts small keys, not the large articles: dates as
    /// numbers first, titles only to break ties.
    static func sorted(_ articles: [Article]) -> [Article] {
        let keys = articles.map { a in a.date.map { -($0.year * 10_000 + $0.month * 100 + $0.day) } ?? Int.max }
        let order = articles.indices.sorted { i, j in
            keys[i] != keys[j] ? keys[i] < keys[j] : precedes(articles[i], articles[j])
        }
        return order.map { articles[$0] }
    }
}
