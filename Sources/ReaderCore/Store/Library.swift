/// The library as the reader shows it: the articles in library order (newest first), each
/// with its identity (`ArticleID`), computed once when it arrives. Bookmark keys
/// (`ArticleKey`) are computed when asked for: a library of a million articles would hold a
/// second copy of most titles for the few that are bookmarked.
///
/// A value: copies never share anything mutable. A batch is merged in with the same merge
/// the store uses (`ArticleStore.merged`); nothing is remembered by position, so nothing
/// has to follow articles when a batch pushes them down the list.
public struct Library: Sendable {
    public private(set) var articles: [Article] = []
    public private(set) var ids: [ArticleID] = []
    private var indexByID: [ArticleID: Int] = [:]

    /// `articles`, already in library order and without copies.
    public init(_ articles: [Article] = []) {
        replace(with: articles)
    }

    public var count: Int { articles.count }
    public var isEmpty: Bool { articles.isEmpty }
    public var indices: Range<Int> { articles.indices }

    public subscript(index: Int) -> Article { articles[index] }

    /// Where the article `id` is in the list now.
    public func index(of id: ArticleID) -> Int? { indexByID[id] }

    /// The article `id`, if the library has it.
    public func article(_ id: ArticleID) -> Article? { indexByID[id].map { articles[$0] } }

    /// Merges `batch` (in library order, without copies of articles already here).
    public mutating func merge(_ batch: [Article]) {
        guard !batch.isEmpty else { return }
        // The first batch (all of an index's listing at once) is the library as it comes.
        if articles.isEmpty { return replace(with: batch) }
        // The two lists walked side by side into two new arrays: no intermediate pairs
        // (a first build merges what it has read every half second, up to 100,000 articles).
        let count = articles.count + batch.count
        var mergedArticles: [Article] = [], mergedIDs: [ArticleID] = []
        mergedArticles.reserveCapacity(count)
        mergedIDs.reserveCapacity(count)
        var i = 0, j = 0
        while i < articles.count || j < batch.count {
            if j < batch.count, i == articles.count || ArticleStore.precedes(batch[j], articles[i]) {
                mergedArticles.append(batch[j])
                mergedIDs.append(batch[j].id)
                j += 1
            } else {
                mergedArticles.append(articles[i])
                mergedIDs.append(ids[i])
                i += 1
            }
        }
        articles = mergedArticles
        ids = mergedIDs
        reindex()
    }

    /// Puts `articles` (in library order, without copies) in place of everything.
    public mutating func replace(with articles: [Article]) {
        self.articles = articles
        ids = articles.map(\.id)
        reindex()
    }

    /// The bookmark key of the article at `index`.
    public func key(at index: Int) -> ArticleKey { ArticleKey(articles[index]) }

    /// How many articles have one of `keys`. Only titles of articles dated as one of the keys
    /// are normalized.
    public func count(of keys: Set<ArticleKey>) -> Int {
        guard !keys.isEmpty else { return 0 }
        let dates = Set(keys.map(\.date))
        var count = 0
        for article in articles where dates.contains(article.date) {
            if keys.contains(ArticleKey(title: article.title, date: article.date)) { count += 1 }
        }
        return count
    }

    /// Where the first article of each of `keys` is, for those the library has. Only titles
    /// of articles dated as one of the keys are normalized.
    public func indices(of keys: Set<ArticleKey>) -> [ArticleKey: Int] {
        guard !keys.isEmpty else { return [:] }
        let dates = Set(keys.map(\.date))
        var found: [ArticleKey: Int] = [:]
        for (i, article) in articles.enumerated() where dates.contains(article.date) {
            let key = ArticleKey(title: article.title, date: article.date)
            if keys.contains(key), found[key] == nil {
                found[key] = i
                if found.count == keys.count { break }
            }
        }
        return found
    }

    private mutating func reindex() {
        indexByID = [:]
        indexByID.reserveCapacity(ids.count)
        for (i, id) in ids.enumerated() where indexByID[id] == nil { indexByID[id] = i }
    }
}
