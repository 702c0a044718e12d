import Foundation
import TestSupport
import Testing
@testable import ReaderCore

/// The search of a library read without an index (`--no-index`) answers as the index does.
@Suite struct LibraryScanTests {
    /// The seeds, copied into a library folder, indexed, and read whole.
    func seeds() throws -> (LibraryIndex, [Article]) {
        let library = IndexedLibrary()
        let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("seeds").path
        for name in try FileManager.default.contentsOfDirectory(atPath: seeds) where name.hasSuffix(".txt") || name.hasSuffix(".md") {
            try FileManager.default.copyItem(atPath: seeds + "/" + name, toPath: library.root + "/" + name)
        }
        let index = try library.open()
        try library.refresh(index)
        let listed = try index.listing().articles
        let whole = try listed.map { try ArticleFile.read(path: $0.path!).get() }
        return (index, whole)
    }

    @Test func theScanFindsWhatTheIndexFinds() throws {
        let (index, articles) = try seeds()
        #expect(articles.count >= 10)
        let queries = ["乡村", "党", "乡村 数字", "\"数字 书架\"", "title:乡村", "line", "LINE", "site:网", "after:2024", "before:2024 乡村",
                       "tag:全民阅读", "蟋蟀", "阅读 after:2024-06 before:2025-02"]
        for text in queries {
            let query = try SearchQuery(parsing: text)
            let indexed = Set(try LibrarySearch(store: index).run(query).map { $0.article.path! })
            let scanned = Set(LibrarySearch.scan(query, in: articles).map { $0.article.path! })
            #expect(indexed == scanned, "\(text): index \(indexed.count), scan \(scanned.count)")
        }
        let some = try LibrarySearch(store: index).run(SearchQuery(parsing: "乡村"))
        #expect(some.count >= 2 && some.count < articles.count, "a query that tells articles apart")
    }

    @Test func byDateIsLibraryOrderAndRelevanceCountsTitlesMore() throws {
        let (_, articles) = try seeds()
        let dated = LibrarySearch.scan(try SearchQuery(parsing: "阅读", order: .date), in: articles)
        let order = articles.map(\.path)
        #expect(dated.map(\.article.path) == order.filter { p in dated.contains { $0.article.path == p } })
        let best = LibrarySearch.scan(try SearchQuery(parsing: "乡村"), in: articles)
        #expect(best.first?.article.title.contains("乡村") == true, "a title match first")
        #expect(zip(best, best.dropFirst()).allSatisfy { $0.score >= $1.score })
    }

    @Test func isFiltersUseWhatTheCallerKnows() throws {
        let (_, articles) = try seeds()
        let read = Set(articles.prefix(3).map { ArticleKey($0) })
        let unread = LibrarySearch.scan(try SearchQuery(parsing: "is:unread"), in: articles,
                                        isRead: { read.contains(ArticleKey($0)) })
        #expect(unread.count == articles.count - 3)
        let marked = LibrarySearch.scan(try SearchQuery(parsing: "is:bookmarked"), in: articles,
                                        isBookmarked: { $0.path == articles[4].path })
        #expect(marked.map(\.article.path) == [articles[4].path])
    }
}
