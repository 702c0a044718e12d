import Foundation
import Testing
@testable import ReaderCore

/// A query of CJK words checks the newest kept texts before it asks the full-text table, and
/// hands over to the table when the words are rare: the answers are the table's, and a query
/// is folded by the index's kept table of changed characters as by the folding itself.
@Suite struct LibraryTextWalkTests {
    /// 130 articles whose words are common, rare, only among the newest or only among the
    /// oldest, in titles now and then, dated out of the order they are indexed in.
    func library() -> IndexedLibrary {
        let lib = IndexedLibrary()
        for i in 0..<130 {
            var title = "标题\(i)"
            if i % 40 == 7 { title += "蟋蟀" }
            if i % 3 == 0 { title += "党建" }
            var body = "今天的新闻。"
            if i % 10 != 3 { body += "党的工作。" }
            if i % 10 == 5 { body += "一只猫。" }
            if i >= 90 { body += "一条狗。" }
            if i < 6 { body += "乡村振兴。" }
            if i % 17 == 0 { body += "鄉村圖書館。" }
            lib.put(String(format: "a%03d.txt", i), title: title,
                    date: String(format: "2024-%02d-%02d", 1 + (i * 7) % 12, 1 + i % 28), body: body)
        }
        return lib
    }

    static let queries = ["党", "猫", "狗", "蟋蟀", "兴", "乡村振兴", "党 猫", "狗 猫", "title:蟋蟀", "title:党 猫", "title:党建 狗",
                          "猫狗", "图书馆", "鄉村", "新闻 after:2024-06", "党 before:2024-03", "兴 乡村振兴", "鄉 党的工作", "title:标题 狗"]

    /// Every query in both orders, with limits that stop early and late.
    func answers(_ index: LibraryIndex) throws -> [String] {
        index.rankedCandidates = 4
        var out: [String] = []
        for q in Self.queries {
            for order in [SearchQuery.Order.date, .relevance] {
                for limit in [nil, 1, 5, 10, 40] as [Int?] {
                    let hits = try index.search(SearchQuery(parsing: q, order: order), folding: index.folding, limit: limit)
                    out.append("\(q) \(order) \(limit.map(String.init) ?? "all"): "
                               + hits.map { ($0.article.path! as NSString).lastPathComponent }.joined(separator: " "))
                }
            }
        }
        return out
    }

    /// The answers with the text walks, and with the table alone.
    func bothWays(_ index: LibraryIndex) throws -> (walked: [String], table: [String]) {
        index.textWalks = true
        let walked = try answers(index)
        index.textWalks = false
        let table = try answers(index)
        index.textWalks = true
        return (walked, table)
    }

    @Test func theTextWalksAnswerAsTheTableBeforeDuringAndAfterTheFullTextPass() throws {
        let lib = library()
        let index = try lib.open()
        try lib.refresh(index, fullText: false)
        for phase in ["before", "during", "after"] {
            if phase == "during" { try index.completeFullText(step: 40, steps: 2) }
            if phase == "after" { try index.completeFullText() }
            let (walked, table) = try bothWays(index)
            #expect(walked.count == table.count)
            for (w, t) in zip(walked, table) { #expect(w == t, "\(phase)") }
        }
        let (walked, _) = try bothWays(index)
        // The library tells the cases apart: common words fill a limit, rare ones do not.
        #expect(walked.contains { $0.hasPrefix("党 date 40: ") && $0.split(separator: " ").count == 43 })
        #expect(walked.contains { $0.hasPrefix("蟋蟀 date all: ") && $0.split(separator: " ").count == 7 })
        #expect(walked.contains { $0.hasPrefix("猫狗 date all:") && $0.split(separator: " ").count == 3 })
    }

    @Test func theWalkHandsOverWhenTheWordsAreRare() {
        // A word in most texts is found by the walk; one in few hands over after the first texts.
        #expect(!LibraryIndex.textWalkTooDear(checked: 53, found: 50, wanted: 50))
        #expect(!LibraryIndex.textWalkTooDear(checked: 15, found: 0, wanted: 50))
        #expect(LibraryIndex.textWalkTooDear(checked: 16, found: 0, wanted: 50))
        #expect(LibraryIndex.textWalkTooDear(checked: 16, found: 2, wanted: 50))
        #expect(LibraryIndex.textWalkTooDear(checked: 100, found: 10, wanted: 50))
    }

    @Test func aQueryIsFoldedByTheKeptChangesAsByTheFolding() throws {
        let lib = IndexedLibrary()
        lib.put("a.txt", title: "简体", body: "乡村图书馆开放了。")
        lib.put("b.txt", title: "繁體", date: "2024-03-02", body: "鄉村圖書館開放了。")
        var index = try lib.open()
        try lib.refresh(index)
        guard case .success(let variants) = ChineseVariants.shared else { return }
        let kept = try index.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM fold_change") }
        #expect(kept == variants.changes.count && kept ?? 0 > 1000)
        let map = Dictionary(uniqueKeysWithValues: variants.changes.map { ($0.from, $0.to) })
        for text in ["鄉村圖書館開放了", "乡村图书馆", "發展經濟 ABC 𠀀 后後", "（12345）"] {
            #expect(SearchFolding.mapping("variants", map).fold(text) == SearchFolding.variants.fold(text), "\(text)")
        }
        func titles(_ q: String) throws -> [String] {
            try index.search(SearchQuery(parsing: q, order: .date), folding: index.folding, limit: nil).map(\.article.title)
        }
        #expect(try titles("鄉村圖書館") == ["繁體", "简体"])
        // The query is folded by what the index keeps: without 圖's row, 圖 stays itself.
        try index.execute("DELETE FROM fold_change WHERE code = \(Character("圖").unicodeScalars.first!.value)")
        #expect(try titles("鄉村圖書館") == [])
        #expect(try titles("乡村图书馆") == ["繁體", "简体"])
        // An index made before the table gets it with its next search rows; until then a
        // query is folded by the folding itself, with the same results.
        try index.execute("DROP TABLE fold_change; DELETE FROM meta WHERE key = 'fold_changes'")
        index = try lib.open()
        #expect(index.notice == nil)
        #expect(try titles("鄉村圖書館") == ["繁體", "简体"])
        try index.completeFullText()
        #expect(try index.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM fold_change") } == kept)
        #expect(try titles("鄉村圖書館") == ["繁體", "简体"])
    }
}
