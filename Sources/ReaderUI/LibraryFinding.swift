import ReaderCore

/// One library search, as the background runs it for the reader: the query read, the
/// matches found (in the index, or in the articles in memory when there is none), and the
/// first matches' lines of context. No state: the executable calls it on its own thread and
/// hands the result to `AppState.adoptFindResults`; tests call it directly.
public enum LibraryFinding {
    /// Matches kept at most; the header says `10,000+` beyond.
    public static let limit = 10_000
    /// Matches given a context line with the results; the rest get one when they show.
    public static let firstSnippets = 40
    /// Matches found first, to show at once while the rest are looked for (`run`'s `limit`).
    public static let firstPage = 100

    /// Where the articles are searched.
    public enum Source: Sendable {
        /// The library's index (articles are heads; context lines come from their files).
        case index(LibraryStore)
        /// The whole articles, in library order (`--no-index`).
        case memory([Article])
    }

    /// Runs `text` for `generation`. `bookmarked` and `read` answer `is:bookmarked` and
    /// `is:unread`.
    /// `limit` and `snippetCount` are how many matches to find and to give context lines.
    public static func run(_ text: String, generation: Int, in source: Source,
                           bookmarked: Set<ArticleKey> = [], read: Set<ArticleKey> = [],
                           limit: Int = limit, snippetCount: Int = firstSnippets) -> FindResults {
        let query: SearchQuery
        do {
            query = try SearchQuery(parsing: text, order: .relevance)
        } catch {
            return FindResults(generation: generation, hits: [], problem: error.description)
        }
        guard !query.isEmpty else { return FindResults(generation: generation, hits: [], problem: "nothing to search for") }
        let isBookmarked = { (a: Article) in bookmarked.contains(ArticleKey(a)) }
        let isRead = { (a: Article) in read.contains(ArticleKey(a)) }
        var hits: [SearchHit]
        switch source {
        case .index(let store):
            do {
                hits = try LibrarySearch(store: store).run(query, limit: limit + 1, isBookmarked: isBookmarked, isRead: isRead)
            } catch {
                return FindResults(generation: generation, hits: [], problem: "the index cannot be searched (\(error))")
            }
        case .memory(let articles):
            hits = LibrarySearch.scan(query, in: articles, limit: limit + 1, isBookmarked: isBookmarked, isRead: isRead)
        }
        let truncated = hits.count > limit
        if truncated { hits.removeLast(hits.count - limit) }
        var snippets: [ArticleID: FindSnippet] = [:]
        for hit in hits.prefix(snippetCount) {
            snippets[ArticleID(hit.article)] = snippet(hit.article, terms: query.textTerms, source: source)
        }
        return FindResults(generation: generation, hits: hits.map { ArticleID($0.article) }, snippets: snippets,
                           truncated: truncated)
    }

    /// Context lines for `articles` (heads or whole) found by `text`.
    public static func snippets(for articles: [Article], text: String, in source: Source) -> [ArticleID: FindSnippet] {
        let terms = (try? SearchQuery(parsing: text))?.textTerms ?? []
        var out: [ArticleID: FindSnippet] = [:]
        for article in articles { out[ArticleID(article)] = snippet(article, terms: terms, source: source) }
        return out
    }

    /// The line of `article` around its first hit; from the article's file when the source is
    /// the index (which keeps heads only).
    static func snippet(_ article: Article, terms: [String], source: Source) -> FindSnippet {
        var whole = article
        if case .index = source, let path = article.path, case .success(let read) = ArticleFile.read(path: path) {
            whole = read
        }
        let made = SearchSnippet.make(whole, terms: terms, folding: .variants, width: 60)
        return FindSnippet(text: made.text, hit: made.range)
    }
}
