import Foundation
import Testing
@testable import ReaderCore

@Suite struct PersistenceArticleKeyTests {
    let day = ArticleDate(year: 2023, month: 1, day: 16)

    @Test func copiesOfOneArticleHaveOneKey() {
        let a = ArticleKey(title: "基层党建如何推进乡村振兴？", date: day, pathHint: "/a/1.txt")
        let b = ArticleKey(title: "  基层党建\u{200B}如何推进乡村振兴?\n", date: day, pathHint: "/b/moved.txt")
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(Set([a, b]).count == 1)
        #expect(a.title == "基层党建如何推进乡村振兴?")
    }

    @Test func whiteSpaceRunsBecomeOneSpace() {
        #expect(ArticleKey(title: "Swift \t on\u{3000}Linux", date: nil).title == "Swift on Linux")
    }

    @Test func differentDatesOrTitlesAreDifferentArticles() {
        let a = ArticleKey(title: "周报", date: day)
        #expect(a != ArticleKey(title: "周报", date: ArticleDate(year: 2023, month: 1, day: 23)))
        #expect(a != ArticleKey(title: "周报", date: nil))
        #expect(a != ArticleKey(title: "周 报", date: day))
        #expect(ArticleKey(title: "Swift", date: nil) != ArticleKey(title: "swift", date: nil))
    }

    @Test func seedArticleKey() throws {
        let article = try ArticleFile.read(path: seedsDirectory + "/000_179341d704dc42fe.txt").get()
        let key = ArticleKey(article)
        #expect(key.date == day)
        #expect(key.pathHint == article.path)
        #expect(key.description == "2023-01-16 【新视点】基层党建如何推进乡村振兴战略深度融合?")
    }

    @Test func jsonFormIsStable() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let key = ArticleKey(title: "读书", date: day, pathHint: "/lib/读书.txt")
        #expect(String(decoding: try encoder.encode(key), as: UTF8.self)
                == #"{"date":"2023-01-16","path":"/lib/读书.txt","title":"读书"}"#)
        let undated = ArticleKey(title: "读书", date: nil)
        #expect(String(decoding: try encoder.encode(undated), as: UTF8.self) == #"{"title":"读书"}"#)
    }

    @Test func roundTripKeepsKeyAndHint() throws {
        let key = ArticleKey(title: "Ｆｕｌｌ　ｗｉｄｔｈ", date: day, pathHint: "/x.txt")
        let back = try JSONDecoder().decode(ArticleKey.self, from: JSONEncoder().encode(key))
        #expect(back == key)
        #expect(back.title == "Full width")
        #expect(back.pathHint == "/x.txt")
        #expect(back.date == day)
    }

    @Test func badDatesAreRejected() {
        for bad in ["2023-1-16", "2023-13-01", "+023-01-16", "yesterday"] {
            let json = Data(#"{"title":"t","date":"\#(bad)"}"#.utf8)
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(ArticleKey.self, from: json) }
        }
    }

    @Test func orderIsUndatedThenByDateThenTitle() {
        let keys = [
            ArticleKey(title: "b", date: day), ArticleKey(title: "z", date: nil),
            ArticleKey(title: "a", date: day), ArticleKey(title: "c", date: ArticleDate(year: 2020, month: 1, day: 1)),
        ]
        #expect(keys.sorted().map(\.title) == ["z", "c", "a", "b"])
    }
}

/// The normal form of common titles computed without Foundation is Foundation's.
@Suite struct ArticleKeyQuickNormalFormTests {
    /// Every scalar the quick path takes, alone, between words and at the ends.
    @Test func everyQuickScalarNormalizesAsFoundationDoes() {
        var checked = 0
        for v in UInt32(0)...0xFFFF {
            guard ArticleKey.hasOwnNormalForm(v) || (0xFF01...0xFF5E).contains(v) || v == 0x3000,
                  let scalar = Unicode.Scalar(v) else { continue }
            let c = String(Character(scalar))
            for title in [c, "a\(c)b", "\(c)\(c) 字", "标题 \(c)"] {
                let quick = ArticleKey.quickNormalize(title)
                #expect(quick == ArticleKey.normalizeThroughFoundation(title), "U+\(String(v, radix: 16)) in \(title.debugDescription)")
            }
            checked += 1
        }
        #expect(checked > 28_000)
    }

    @Test func mixedTitlesNormalizeAsFoundationDoes() {
        var generator = SeededGenerator(seed: 13)
        let pieces = ["党建", "Swift", " ", "  ", "\t", "\u{3000}", "？", "（1）", "ウェブ", "：", "ｶ", "é", "e\u{301}",
                      "\u{200B}", "…", "—", "「", "」", "\n", "Ａ", "ヿ", "\u{3099}", "か"]
        for _ in 0..<2_000 {
            var title = ""
            for _ in 0..<generator.int(0...8) { title += generator.pick(pieces) }
            #expect(ArticleKey.normalize(title) == ArticleKey.normalizeThroughFoundation(title), "\(title.debugDescription)")
        }
    }

    @Test func titlesOutsideTheQuickSetGoThroughFoundation() {
        #expect(ArticleKey.quickNormalize("ｶﾞ") == nil)
        #expect(ArticleKey.quickNormalize("café") == nil)
        #expect(ArticleKey.quickNormalize("か\u{3099}") == nil)
        #expect(ArticleKey.quickNormalize("  基层党建？ ") == "基层党建?")
    }
}
