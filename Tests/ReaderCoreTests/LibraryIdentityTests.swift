import Testing
@testable import ReaderCore

/// The library's table of identities (`Library.index(of:)`) against a plain search of its
/// list, for lists made at once and grown by merges.
@Suite struct LibraryIdentityTests {
    /// Where `id` first is in `ids`, found the slow way.
    static func firstIndex(of id: ArticleID, in ids: [ArticleID]) -> Int? { ids.firstIndex(of: id) }

    @Test func everyIdentityIsFoundWhereItFirstIs() {
        var generator = SeededGenerator(seed: 41)
        // Paths sharing a long prefix, some of them twice (a list may repeat an identity),
        // and articles without a file (known by title and date).
        var articles: [Article] = []
        for i in 0..<3_000 {
            let n = generator.int(0...2_400)
            if n % 50 == 0 {
                articles.append(Article(title: "无文件\(n)", date: ArticleDate(year: 2024, month: 1, day: 1 + n % 28)))
            } else {
                articles.append(Article(title: "标题\(i)", path: "/a/long/shared/prefix/of/the/library/\(n / 100)/\(n).txt"))
            }
        }
        let library = Library(articles)
        #expect(library.count == articles.count)
        for (i, article) in articles.enumerated() {
            #expect(library.ids[i] == article.id)
            #expect(library.index(of: article.id) == Self.firstIndex(of: article.id, in: library.ids))
        }
        #expect(library.index(of: ArticleID(path: "/a/long/shared/prefix/of/the/library/0/2401.txt")) == nil)
        #expect(library.index(of: ArticleID(path: "")) == nil)
        #expect(Library().index(of: ArticleID(path: "/x")) == nil)
    }

    @Test func mergesAndReplacementsKeepTheTableRight() {
        func article(_ n: Int, day: Int) -> Article {
            Article(title: "标题\(n)", date: ArticleDate(year: 2024, month: 2, day: day), path: "/lib/\(n).txt")
        }
        var library = Library((0..<200).map { article($0, day: 28 - $0 % 10) }.sorted { $0.date! > $1.date! })
        library.merge((200..<260).map { article($0, day: 1 + $0 % 27) }.sorted { $0.date! > $1.date! })
        #expect(library.count == 260)
        for n in 0..<260 {
            let id = ArticleID(path: "/lib/\(n).txt")
            #expect(library.index(of: id).map { library.ids[$0] } == id)
            #expect(library.article(id)?.title == "标题\(n)")
        }
        library.replace(with: [article(7, day: 1)])
        #expect(library.index(of: ArticleID(path: "/lib/7.txt")) == 0)
        #expect(library.index(of: ArticleID(path: "/lib/8.txt")) == nil)
    }

    @Test func identitiesCompareAndHashByTheirBytes() {
        let a = ArticleID(path: "/lib/乙.txt"), b = ArticleID(path: "/lib/乙.txt")
        #expect(a == b && a.hashValue == b.hashValue)
        #expect(ArticleID(path: "/lib/a.txt") != ArticleID(path: "/lib/b.txt"))
        #expect(ArticleID(path: "/lib/a.txt") != ArticleID(path: "/lib/a.txt2"))
        // Canonically equivalent, but different bytes: different files.
        #expect(ArticleID(path: "/lib/\u{E9}.txt") != ArticleID(path: "/lib/e\u{301}.txt"))
        #expect(ArticleID(path: "") == ArticleID(path: ""))
    }
}
