import Foundation

/// Library-wide search: the query API for `yuedu search` and the reader's search prompt.
///
/// The store answers the words, phrases and fields; `is:bookmarked` and `is:unread` are
/// answered here with what the caller knows (bookmarks and reading state live outside the
/// index). A snippet is made only for the results shown (`SearchSnippet.make` on the whole
/// article, read through `ArticleBodies` or `ArticleFile.read`).
public struct LibrarySearch: Sendable {
    public let store: LibraryStore
    public var folding: SearchFolding

    public init(store: LibraryStore, folding: SearchFolding = .variants) {
        self.store = store
        self.folding = folding
    }

    /// The articles matching `query`, in its order, at most `limit`.
    public func run(_ query: SearchQuery, limit: Int? = nil,
                    isBookmarked: (Article) -> Bool = { _ in false },
                    isRead: (Article) -> Bool = { _ in false }) throws -> [SearchHit] {
        let filtered = query.bookmarked || query.unread
        var hits = try store.search(query, folding: folding, limit: filtered ? nil : limit)
        if filtered {
            hits = hits.filter { hit in
                (!query.bookmarked || isBookmarked(hit.article)) && (!query.unread || !isRead(hit.article))
            }
            if let limit, hits.count > limit { hits.removeLast(hits.count - limit) }
        }
        return hits
    }
}
