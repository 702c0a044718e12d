import Foundation
import Testing
import GRDB
@testable import ReaderCore

/// The full-text rows written after the list (`completeFullText`): searches are the same
/// before, during and after, and an interrupted pass is finished by the next.
@Suite struct LibraryFullTextPassTests {
    /// A library whose searches cover each way a query is answered: CJK words of one, two
    /// and more characters, Latin prefixes, punctuation, phrases, titles, fields and dates.
    func library() -> IndexedLibrary {
        let lib = IndexedLibrary()
        let bodies = ["蟋蟀在秋天鸣叫。", "乡村振兴，图书馆开放了。", "鄉村圖書館開放了。", "编号（12345）的文件。",
                      "数字 经济的时代。", "Terminal readers in Swift.", "A term paper about 党建.", "今天没有虫子，只有雪。"]
        for i in 0..<24 {
            let title = ["蟋蟀的故事", "新闻\(i)", "发展经济", "乡村振兴", "党建工作"][i % 5]
            lib.put("d\(i % 3)/a\(i).txt", title: title, date: String(format: "2024-%02d-%02d", 1 + i % 4, 1 + i),
                    site: ["新华网", "人民网"][i % 2],
                    body: bodies[i % bodies.count] + bodies[(i * 3) % bodies.count] + (i % 3 == 0 ? "\n来源：光明日报" : ""),
                    tags: i % 4 == 0 ? "经济 文化" : nil)
        }
        return lib
    }

    static let queries = ["蟋蟀", "兴", "乡村振兴", "鄉村圖書館", "书馆开", "（12345）", "12345", "\"数字 经济\"", "term",
                          "termin", "swift.", "title:党建", "党", "title:新闻 雪", "site:新华网 经济", "经济 after:2024-03",
                          "before:2024-02 乡村", "雪 蟋蟀", "没有这个词", "tag:文化", "tag:文化 经济", "source:光明",
                          "source:光明 site:人民网 蟋蟀", "tag:经济 source:日报"]

    /// Every query, in both orders, without a limit and with small ones.
    func answers(_ index: LibraryIndex) throws -> [String] {
        index.rankedCandidates = 4
        var out: [String] = []
        for q in Self.queries {
            for order in [SearchQuery.Order.date, .relevance] {
                for limit in [nil, 1, 3, 10] as [Int?] {
                    let hits = try index.search(SearchQuery(parsing: q, order: order), folding: index.folding, limit: limit)
                    out.append("\(q) \(order) \(limit.map(String.init) ?? "all"): "
                               + hits.map { ($0.article.path! as NSString).lastPathComponent }.joined(separator: " "))
                }
            }
        }
        return out
    }

    func pending(_ index: LibraryIndex) throws -> Int { try index.fullTextProgress().pending }

    @Test func progressCountsWhatIsLeft() throws {
        let lib = library()
        let index = try lib.open()
        try lib.refresh(index, fullText: false)
        var seen: [FullTextProgress] = []
        try index.completeFullText(step: 10) { seen.append($0) }
        #expect(seen == [FullTextProgress(done: 10, total: 24), FullTextProgress(done: 20, total: 24), FullTextProgress(done: 24, total: 24)])
        #expect(try index.fullTextProgress() == FullTextProgress(done: 0, total: 0))
        #expect(try index.fullTextProgress().percent == 100)
    }

    @Test func searchesAreTheSameBeforeDuringAndAfterTheFullTextPass() throws {
        let lib = library()
        let index = try lib.open()
        try lib.refresh(index, fullText: false)
        // The list is complete; nothing is in the full-text table yet.
        #expect(try index.listing().articles.count == 24)
        #expect(try index.fullTextProgress() == FullTextProgress(done: 0, total: 24))
        #expect(try index.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM fts WHERE fts MATCH '蟋蟀'") } == 0)
        let before = try answers(index)
        #expect(before.contains { $0.hasPrefix("蟋蟀 date all: ") && $0.split(separator: " ").count > 5 })

        // Interrupted after two steps of five: a third of the articles in the table.
        #expect(try index.completeFullText(step: 5, steps: 2) == 10)
        #expect(try pending(index) == 14)
        let during = try answers(index)

        // A new process goes on where the last one stopped.
        let again = try lib.open()
        #expect(try again.completeFullText(step: 5) == 14)
        #expect(try again.fullTextProgress().isComplete)
        let after = try answers(again)
        for (b, a) in zip(before, after) { #expect(b == a) }
        for (d, a) in zip(during, after) { #expect(d == a) }
        #expect(before.count == after.count && during.count == after.count)
    }

    /// The first phase writes what the list needs and nothing for search: the text is read,
    /// folded, packed and tokenized in the second.
    @Test func theFirstPhaseWritesOnlyTheListsRows() throws {
        let lib = library()
        let index = try lib.open()
        try lib.refresh(index, fullText: false)
        let count = { (table: String) in try index.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") } }
        #expect(try count("file") == 24 && count("fts_pending") == 24)
        #expect(try count("fts_text") == 0)
        #expect(try index.completeFullText(step: 7) == 24)
        #expect(try count("fts_text") == 24 && count("fts_pending") == 0)
    }

    /// The first phase lists each article from the top of its file: its title, date and
    /// site. The second reads it whole and writes the rest of its row: source, editor and
    /// tags (written after the body), lead, related list and length.
    @Test func theSecondPhaseCompletesTheRows() throws {
        let lib = IndexedLibrary()
        lib.write("a.txt", "标题\n2024-05-06\n新华网\n导语：一段导语。\n\n正文第一段。\n编辑：张三\n来源：光明日报\n标签：经济 文化\n相关信息\n另一篇\n摘要\n")
        let index = try lib.open()
        try lib.refresh(index, fullText: false)
        let columns = "title, date, site, source, editor, tags, lead, related, length"
        let row = { try index.read { db in try Row.fetchOne(db, sql: "SELECT \(columns) FROM file")! } }
        var before = try row()
        #expect(before["title"] as String == "标题" && before["date"] as Int == 20240506 && before["site"] as String? == "新华网")
        #expect(before["source"] as String? == nil && before["editor"] as String? == nil && before["tags"] as String? == "")
        #expect(before["lead"] as String? == nil && before["length"] as Int == 0)
        let head = try #require(index.listing().articles.first)
        #expect(head.site == "新华网" && head.editor == nil && head.tags.isEmpty)

        #expect(try index.completeFullText() == 1)
        before = try row()
        #expect(before["title"] as String == "标题" && before["site"] as String? == "新华网")
        #expect(before["source"] as String? == "光明日报" && before["editor"] as String? == "张三")
        #expect(before["tags"] as String? == "经济\u{1F}文化" && before["lead"] as String? == "一段导语。")
        #expect(before["related"] as String? == "另一篇\u{1F}摘要")
        #expect(before["length"] as Int == "标题一段导语。正文第一段。".unicodeScalars.count)
        let whole = try #require(index.listing().articles.first)
        #expect(whole.site == "新华网" && whole.editor == "张三" && whole.source == "光明日报")
    }

    /// Should the whole article name another title or date than its top did (the file was
    /// rewritten in place, its size and time kept), the whole article's are kept, and which
    /// copy of an article the list shows follows.
    @Test func theWholeArticlesTitleAndDateWin() throws {
        let lib = IndexedLibrary()
        lib.put("a.txt", title: "甲篇", date: "2024-05-06", body: "正文一。")
        lib.put("b.txt", title: "乙篇", date: "2024-05-06", body: "正文二。")
        let index = try lib.open()
        try lib.refresh(index, fullText: false)
        #expect(try index.listing().articles.map(\.title) == ["乙篇", "甲篇"])
        // b.txt becomes a copy of a.txt: same length, same times.
        let path = lib.root + "/b.txt"
        let before = try FileManager.default.attributesOfItem(atPath: path)
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "乙篇", with: "甲篇")
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: before[.modificationDate]!], ofItemAtPath: path)
        #expect(try index.completeFullText() == 2)
        #expect(try index.listing().articles.map(\.path) == [lib.root + "/a.txt"], "the first copy by path")
        let dups = try index.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM file WHERE dup = 1") }
        #expect(dups == 1)
    }

    /// An article still pending is searched in its file as it is now; a file gone before the
    /// second phase gets empty text there (the pass does not stall on it) and leaves nothing
    /// behind once a refresh drops it.
    @Test func aPendingArticleIsReadFromItsFile() throws {
        let lib = IndexedLibrary()
        lib.put("a.txt", title: "秋虫", body: "蟋蟀在秋天鸣叫。")
        lib.put("b.txt", title: "句子", date: "2024-03-02", body: "独一无二的句子，也有蟋蟀。")
        let index = try lib.open()
        try lib.refresh(index, fullText: false)
        let titles = { (q: String) in
            try index.search(SearchQuery(parsing: q, order: .date), folding: index.folding, limit: nil).map(\.article.title)
        }
        #expect(try titles("蟋蟀") == ["句子", "秋虫"])
        #expect(try titles("独一无二") == ["句子"])
        lib.remove("b.txt")
        #expect(try titles("蟋蟀") == ["秋虫"])
        #expect(try titles("独一无二") == [])
        #expect(try index.completeFullText() == 2)
        #expect(try index.fullTextProgress().isComplete)
        #expect(try titles("蟋蟀") == ["秋虫"])
        try lib.refresh(index)
        #expect(try index.listing().articles.map(\.title) == ["秋虫"])
        #expect(try index.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM fts_text") } == 1)
        #expect(try index.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM fts WHERE fts MATCH '蟋蟀'") } == 1)
    }

    @Test func anArticleChangedBeforeItsRowsWereWrittenLeavesNothingBehind() throws {
        let lib = IndexedLibrary()
        lib.put("a.txt", title: "秋虫", body: "蟋蟀在秋天鸣叫。")
        lib.put("b.txt", title: "句子", body: "独一无二的句子。")
        let index = try lib.open()
        try lib.refresh(index, fullText: false)
        lib.put("a.txt", title: "冬天", date: "2025-01-02", body: "今天没有虫子，只有雪。")
        lib.remove("b.txt")
        try lib.refresh(index, fullText: false)
        #expect(try pending(index) == 1)
        #expect(try index.search(SearchQuery(parsing: "蟋蟀"), folding: index.folding, limit: nil).isEmpty)
        #expect(try index.search(SearchQuery(parsing: "虫子"), folding: index.folding, limit: nil).map(\.article.title) == ["冬天"])
        #expect(try index.completeFullText() == 1)
        let rows = { (e: String) in try index.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM fts WHERE fts MATCH ?", arguments: [e]) } }
        #expect(try rows("蟋蟀") == 0 && rows("独一") == 0 && rows("虫子") == 1)
        #expect(try index.search(SearchQuery(parsing: "虫子"), folding: index.folding, limit: nil).map(\.article.title) == ["冬天"])
    }

    @Test func twoPassesAtOnceWriteEachArticleOnce() throws {
        let lib = library()
        let index = try lib.open()
        try lib.refresh(index, fullText: false)
        let other = try lib.open()
        // Both read the same first step; the second to write it finds it taken.
        #expect(try index.completeFullText(step: 5, steps: 1) == 5)
        let rows = try other.writeFullText([(1, .init(IndexedText(title: "x", body: "x"))), (2, .init(IndexedText(title: "y", body: "y")))])
        #expect(rows == 0)
        #expect(try other.completeFullText(step: 7) == 19)
        #expect(try index.completeFullText() == 0)
        #expect(try index.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM fts WHERE fts MATCH 'x'") } == 0)
    }
}
