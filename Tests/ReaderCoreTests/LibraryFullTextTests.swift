import Foundation
import Testing
@testable import ReaderCore

/// The full-text table: what it finds, what it forgets, and how a limit is kept.
@Suite struct LibraryFullTextTests {
    func titles(_ index: LibraryIndex, _ q: String, order: SearchQuery.Order = .date, limit: Int? = nil) throws -> [String] {
        try index.search(SearchQuery(parsing: q, order: order), folding: index.folding, limit: limit).map(\.article.title)
    }

    /// Rows of the full-text table that match `expression`, whatever article they belong to.
    func rows(_ index: LibraryIndex, _ expression: String) throws -> Int {
        try index.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM fts WHERE fts MATCH ?", arguments: [expression]) ?? 0 }
    }

    @Test func changedAndDeletedArticlesLeaveNoRowsBehind() throws {
        let lib = IndexedLibrary()
        lib.put("a.txt", title: "秋虫", body: "蟋蟀在秋天鸣叫。")
        lib.put("b.txt", title: "句子", body: "独一无二的句子。")
        let index = try lib.open()
        try lib.refresh(index)
        #expect(try rows(index, "蟋蟀") == 1)
        #expect(try rows(index, "独一 AND 一无 AND 无二") == 1)

        lib.put("a.txt", title: "冬天", date: "2025-01-02", body: "今天没有虫子，只有雪。")
        lib.remove("b.txt")
        let again = try lib.refresh(index)
        #expect(again.counts.changed == 1 && again.counts.removed == 1)
        // The old text is gone from the table itself, not only hidden by the file rows.
        #expect(try rows(index, "蟋蟀") == 0)
        #expect(try rows(index, "秋虫") == 0)
        #expect(try rows(index, "独一 AND 一无 AND 无二") == 0)
        #expect(try rows(index, "虫子") == 1)
        #expect(try index.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM fts_text") } == 1)
        #expect(try titles(index, "虫子") == ["冬天"])
        #expect(try titles(index, "蟋蟀") == [])
    }

    @Test func traditionalAndSimplifiedFindEachOther() throws {
        let lib = IndexedLibrary()
        lib.put("a.txt", title: "简体", body: "乡村图书馆开放了。")
        lib.put("b.txt", title: "繁體", date: "2024-03-02", body: "鄉村圖書館開放了。")
        lib.put("c.txt", title: "發展經濟", date: "2024-03-03", body: "别的。")
        let index = try lib.open()
        try lib.refresh(index)
        #expect(try titles(index, "乡村图书馆") == ["繁體", "简体"])
        #expect(try titles(index, "鄉村圖書館") == ["繁體", "简体"])
        #expect(try titles(index, "圖") == ["繁體", "简体"])
        #expect(try titles(index, "书馆开") == ["繁體", "简体"])
        #expect(try titles(index, "title:发展") == ["發展經濟"])
        #expect(try titles(index, "经济") == ["發展經濟"])
    }

    @Test func punctuationAndSpacesAreMatchedAsWritten() throws {
        let lib = IndexedLibrary()
        lib.put("a.txt", title: "甲", body: "编号（12345）的文件。")
        lib.put("b.txt", title: "乙", date: "2024-03-02", body: "编号12345的文件。")
        lib.put("c.txt", title: "丙", date: "2024-03-03", body: "数字 经济的时代。")
        lib.put("d.txt", title: "丁", date: "2024-03-04", body: "数字，经济。")
        let index = try lib.open()
        try lib.refresh(index)
        #expect(try titles(index, "（12345）") == ["甲"])
        #expect(try titles(index, "12345") == ["乙", "甲"])
        #expect(try titles(index, "\"数字 经济\"") == ["丙"])
        #expect(try titles(index, "数字，经济") == ["丁"])
        #expect(try titles(index, "数字经济") == [])
        #expect(try titles(index, "字") == ["丁", "丙"])
    }

    @Test func latinWordsAreFoundFromTheirStart() throws {
        let lib = IndexedLibrary()
        lib.put("a.txt", title: "甲", body: "Terminal readers in Swift.")
        lib.put("b.txt", title: "乙", date: "2024-03-02", body: "A term paper.")
        let index = try lib.open()
        try lib.refresh(index)
        #expect(try titles(index, "TERM") == ["乙", "甲"])
        #expect(try titles(index, "termin") == ["甲"])
        #expect(try titles(index, "\"terminal readers\"") == ["甲"])
        #expect(try titles(index, "\"readers terminal\"") == [])
        #expect(try titles(index, "swift.") == ["甲"])
    }

    /// Articles with the same word on several days, two of them on each day.
    func manyMatches() throws -> (IndexedLibrary, LibraryIndex) {
        let lib = IndexedLibrary()
        for i in 0..<12 {
            let day = String(format: "2024-03-%02d", 1 + i / 2)
            // Titles out of path order within a day, so the list's order (title) is not
            // the order of insertion.
            lib.put("a\(i).txt", title: "\(["乙", "甲"][i % 2])\(i)", date: day, body: String(repeating: "乡村振兴。", count: 1 + i % 5))
        }
        let index = try lib.open()
        try lib.refresh(index)
        return (lib, index)
    }

    @Test func aLimitByDateKeepsTheListOrder() throws {
        let (lib, index) = try manyMatches()
        let all = try titles(index, "乡村振兴")
        #expect(all.count == 12)
        #expect(all == (try index.listing().articles.map(\.title)))
        for limit in [1, 3, 4, 5, 12, 20] {
            #expect(try titles(index, "乡村振兴", limit: limit) == Array(all.prefix(limit)), "\(limit)")
        }
        #expect(try titles(index, "乡村振兴 before:2024-03-03", limit: 3) == Array(all.suffix(4).prefix(3)))
        // One character is a prefix: the matches are read at once, then the list walked.
        let single = try titles(index, "兴")
        #expect(single == all)
        for limit in [1, 5, 12] {
            #expect(try titles(index, "兴", limit: limit) == Array(single.prefix(limit)), "\(limit)")
        }
        _ = lib
    }

    @Test func aLimitByRelevanceRanksAsTheWholeListWhenWithinTheCap() throws {
        let (_, index) = try manyMatches()
        let all = try titles(index, "乡村振兴", order: .relevance)
        #expect(all.count == 12)
        for limit in [1, 3, 7] {
            #expect(try titles(index, "乡村振兴", order: .relevance, limit: limit) == Array(all.prefix(limit)))
        }
    }

    @Test func beyondTheCapTitleMatchesStillComeFirst() throws {
        let lib = IndexedLibrary()
        // Indexed first (path order), so the last indexed matches leave it out.
        lib.put("a-old.txt", title: "蟋蟀的故事", date: "2001-01-01", body: "很久以前。")
        for i in 0..<8 {
            lib.put("n\(i).txt", title: "新闻\(i)", date: "2024-03-0\(1 + i)", body: "今天也听见蟋蟀。")
        }
        let index = try lib.open()
        try lib.refresh(index)
        index.rankedCandidates = 3
        let hits = try titles(index, "蟋蟀", order: .relevance, limit: 4)
        #expect(hits.count == 4)
        #expect(hits.first == "蟋蟀的故事")
        // By date, the cap does not apply: the newest four.
        #expect(try titles(index, "蟋蟀", limit: 4) == ["新闻7", "新闻6", "新闻5", "新闻4"])
    }

    @Test func beyondTheCapTheOtherMatchesFollowNewestFirstWhateverTheLimit() throws {
        let lib = IndexedLibrary()
        lib.put("a-old.txt", title: "蟋蟀的故事", date: "2001-01-01", body: "很久以前。")
        for i in 0..<8 {
            // The oldest says it most often: weighed, it would come second.
            lib.put("n\(i).txt", title: "新闻\(i)", date: "2024-03-0\(1 + i)",
                    body: i == 0 ? "蟋蟀，蟋蟀，蟋蟀，整夜都是蟋蟀。" : "今天也听见蟋蟀。")
        }
        let index = try lib.open()
        try lib.refresh(index)
        index.rankedCandidates = 3
        let all = try titles(index, "蟋蟀", order: .relevance)
        // The title match and the three last indexed, weighed; then the rest, newest first.
        #expect(all == ["蟋蟀的故事", "新闻7", "新闻6", "新闻5", "新闻4", "新闻3", "新闻2", "新闻1", "新闻0"])
        // A limit gives the start of the same order, so results shown early stay in place.
        for limit in [1, 4, 6, 9, 20] {
            #expect(try titles(index, "蟋蟀", order: .relevance, limit: limit) == Array(all.prefix(limit)))
        }
        // Within the cap, the weighing decides: the oldest comes second.
        index.rankedCandidates = 20
        #expect(try titles(index, "蟋蟀", order: .relevance).prefix(2) == ["蟋蟀的故事", "新闻0"])
    }

    /// The tokens as `segments(of:)` walks the text, each once: what `tokens(of:)` writes
    /// straight into UTF-8.
    static func reference(_ text: String) -> String {
        var out: [String] = []
        var seen = Set<String>()
        SearchTokens.segments(of: text, run: { run, _ in
            for i in 0..<run.count {
                var token = String(run[i])
                if i + 1 < run.count { token.unicodeScalars.append(run[i + 1]) }
                if seen.insert("c" + token).inserted { out.append(token) }
            }
        }, word: { word, _ in
            if seen.insert("w" + String(word)).inserted { out.append(String(word)) }
        })
        return out.joined(separator: " ")
    }

    @Test func tokensAreTheSegmentsOfTheText() {
        let samples = [
            "乡村振兴，乡村振兴！ABC abc Äpfel ÉCOLE 第１２３号 （12345） 〇一 ｢引号｣ 𠀋𠀌 かな カナ 한국어 x²",
            "", "。", "党", "a", "蟋蟀蟋蟀", "Terminal readers—in Swift 6.3; 终端阅读器",
        ]
        var generator = SystemRandomNumberGenerator()
        let pieces = Array("乡村振兴的党建aB9 ，。、（）Ωé𠀋\n-_—Ⅻ〇ｱ１Ａ")
        var texts = samples
        for _ in 0..<200 {
            texts.append(String((0..<Int.random(in: 0..<40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }))
        }
        for text in texts {
            #expect(SearchTokens.tokens(of: text) == Self.reference(text), "\(text)")
        }
    }
}

/// The packed text, and the search for words in it unpacked.
@Suite struct PackedTextTests {
    @Test func textComesBackWholeAndWordsAreFoundAnywhere() throws {
        let filler = String(repeating: "甲乙丙丁", count: 12_000)
        let word = "乡村振兴"
        for cut in [0, 3, 70_000, 144_000] {
            var bytes = Array(filler.utf8)
            bytes.insert(contentsOf: Array(word.utf8), at: cut)
            let text = String(decoding: bytes, as: UTF8.self)
            let packed = PackedText.pack(text)
            #expect(PackedText.unpack(packed) == text)
            let unpacked = try #require(PackedText.unpackBytes(packed))
            #expect(PackedText.contains(unpacked, word), "at byte \(cut)")
            #expect(!PackedText.contains(unpacked, "振兴乡村"))
        }
        #expect(!PackedText.contains(Array(filler.utf8), word))
        #expect(PackedText.unpack(PackedText.pack("")) == "")
        #expect(PackedText.unpackBytes(Data([1, 2, 3, 4, 5, 6])) == nil, "not packed text")
    }
}
