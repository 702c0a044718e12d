import Foundation

/// Keeps the similar-article lists in a `LibraryStore`: computed away from the reader, the
/// best few per article, for articles that have none yet (new or changed since the last run).
public enum LibrarySimilarity {
    /// How many similar articles are kept per article.
    public static let kept = 8
    /// Terms per article in the ranking built for the lists: fewer than the in-memory index
    /// keeps, to bound what a build of a large library costs in memory.
    public static let termsPerArticle = 64
    /// The most articles the reader ranks itself, in the background: a larger library's
    /// lists are left to `yuedu index`, whose ranking of a million articles would take the
    /// reader's memory past what the list itself needs.
    public static let readerLimit = 200_000

    /// Ranks the articles of `listing` (library order) and keeps a list for each article that
    /// lacks one. Reads every file twice, one at a time; returns how many lists were written.
    public static func update(store: LibraryStore, listing: [Article]) throws -> Int {
        let lacking = try store.lackingSimilar()
        guard !lacking.isEmpty, listing.count > 1 else { return 0 }
        var position: [ArticleID: Int] = [:]
        position.reserveCapacity(listing.count)
        for (i, article) in listing.enumerated() { position[article.id] = i }
        let paths = listing.map { $0.path ?? "" }
        let index = SimilarityIndex.build(from: FileArticles(paths: paths), termsPerArticle: termsPerArticle)
        var lists: [ArticleID: [ArticleID]] = [:]
        var written = 0
        for id in lacking {
            guard let i = position[id] else { continue }
            lists[id] = index.similar(to: i, limit: kept).map { ArticleID(path: paths[$0]) }
            if lists.count >= 2048 {
                try store.setSimilar(lists)
                written += lists.count
                lists = [:]
            }
        }
        try store.setSimilar(lists)
        return written + lists.count
    }

    /// Articles read from their files when asked for (an unreadable one is an empty article).
    struct FileArticles: RandomAccessCollection, Sendable {
        let paths: [String]
        var startIndex: Int { 0 }
        var endIndex: Int { paths.count }
        subscript(i: Int) -> Article {
            (try? ArticleFile.read(path: paths[i]).get()) ?? Article(title: "")
        }
    }
}
