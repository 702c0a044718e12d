import Foundation
import Testing
@testable import ReaderCore

/// The text a match covers, cut from its block by UTF-8 offsets.
private func text(of match: SearchMatch, in blocks: [String]) -> String {
    let utf8 = Array(blocks[match.block].utf8)
    return String(decoding: utf8[match.range], as: UTF8.self)
}

private func found(_ query: String, in blocks: [String]) -> [String] {
    SearchIndex(blocks: blocks).search(query).matches.map { text(of: $0, in: blocks) }
}

@Suite struct SearchIndexTests {
    // MARK: - Basics

    @Test func findsEveryMatchInReadingOrderWithBlockAndUTF8Range() {
        let blocks = ["标题里的乡村", "导语：乡村振兴", "正文 乡村 and 乡村。"]
        let results = SearchIndex(blocks: blocks).search("乡村")
        #expect(results.matches == [
            SearchMatch(block: 0, range: 12..<18),
            SearchMatch(block: 1, range: 9..<15),
            SearchMatch(block: 2, range: 7..<13),
            SearchMatch(block: 2, range: 18..<24),
        ])
        for match in results.matches { #expect(text(of: match, in: blocks) == "乡村") }
    }

    @Test func emptyQueryFindsNothing() {
        #expect(SearchIndex(blocks: ["abc", ""]).search("").isEmpty)
    }

    @Test func queryLongerThanTheArticleFindsNothing() {
        let index = SearchIndex(blocks: ["短文", "ab"])
        #expect(index.search("短文ab").isEmpty)  // never across blocks
        #expect(index.search("短文短文短文").isEmpty)
        #expect(SearchIndex(blocks: []).search("a").isEmpty)
        #expect(SearchIndex(blocks: [""]).search("a").isEmpty)
    }

    @Test func wholeBlockMatchesAtBothEnds() {
        #expect(SearchIndex(blocks: ["x", "abc"]).search("abc").matches == [SearchMatch(block: 1, range: 0..<3)])
    }

    @Test func matchesNeverCrossBlocks() {
        #expect(SearchIndex(blocks: ["ab", "cd"]).search("bc").isEmpty)
    }

    @Test func matchSpansWhatWouldBeASoftWrap() {
        // A paragraph far wider than any pane: the matcher has no lines, so a phrase that the
        // pane wraps in the middle is still one match.
        let filler = String(repeating: "农村基层党建存在小弱散的困境。", count: 40)
        let paragraph = filler + "城乡融合发展共同体" + filler
        let results = SearchIndex(blocks: [paragraph]).search("融合发展共同")
        #expect(results.count == 1)
        let start = filler.utf8.count + "城乡".utf8.count
        #expect(results[0] == SearchMatch(block: 0, range: start..<(start + "融合发展共同".utf8.count)))
    }

    // MARK: - Smart case

    @Test func lowerCaseQueryIgnoresCase() {
        #expect(found("swift", in: ["Swift and SWIFT and swift and sWiFt"]) == ["Swift", "SWIFT", "swift", "sWiFt"])
    }

    @Test func anyCapitalMakesItExact() {
        #expect(found("Swift", in: ["Swift and SWIFT and swift"]) == ["Swift"])
        #expect(found("SWIFT", in: ["Swift and SWIFT and swift"]) == ["SWIFT"])
    }

    @Test func smartCaseCoversLettersBeyondASCII() {
        #expect(found("éte", in: ["ÉTÉ Éte éte"]) == ["Éte", "éte"])
        #expect(found("été", in: ["ÉTÉ Été"]) == ["ÉTÉ", "Été"])
        #expect(found("Été", in: ["ÉTÉ Été"]) == ["Été"])
        #expect(found("σ", in: ["Σσ"]) == ["Σ", "σ"])
    }

    // MARK: - Width folding

    @Test func fullWidthAndHalfWidthMatchEachOther() {
        #expect(found("ABC", in: ["ＡＢＣ ABC"]) == ["ＡＢＣ", "ABC"])
        #expect(found("ＡＢＣ", in: ["ＡＢＣ ABC"]) == ["ＡＢＣ", "ABC"])
        #expect(found("123", in: ["１２３ 123"]) == ["１２３", "123"])
        #expect(found("１２３", in: ["１２３ 123"]) == ["１２３", "123"])
        #expect(found("a,b", in: ["a，b a,b"]) == ["a，b", "a,b"])
        #expect(found("党建:", in: ["党建：一 党建:二"]) == ["党建：", "党建:"])
        #expect(found("融合?", in: ["深度融合？", "深度融合?"]) == ["融合？", "融合?"])
        #expect(found("（企业）", in: ["机关(企业)党支部"]) == ["(企业)"])
        #expect(found("~", in: ["～"]) == ["～"])
        #expect(found("!", in: ["！"]) == ["！"])
    }

    @Test func ideographicSpaceMatchesASpace() {
        #expect(found("a b", in: ["a\u{3000}b a b"]) == ["a\u{3000}b", "a b"])
        #expect(found("\u{3000}\u{3000}全面", in: ["  全面推进"]) == ["  全面"])
    }

    @Test func halfWidthKatakanaMatchesKatakana() {
        #expect(found("ガ", in: ["ｶﾞｲﾄﾞ"]) == ["ｶﾞ"])
        #expect(found("ｶﾞｲﾄﾞ", in: ["ガイド"]) == ["ガイド"])
    }

    @Test func fullWidthCapitalsMakeTheQueryExact() {
        #expect(found("Ａ", in: ["a A ａ Ａ"]) == ["A", "Ａ"])
        #expect(found("ａ", in: ["a A ａ Ａ"]) == ["a", "A", "ａ", "Ａ"])
    }

    // MARK: - Overlap

    @Test func matchesDoNotOverlap() {
        #expect(SearchIndex(blocks: ["aaaa"]).search("aa").matches.map(\.range) == [0..<2, 2..<4])
        #expect(SearchIndex(blocks: ["aaaaa"]).search("aa").matches.map(\.range) == [0..<2, 2..<4])
        #expect(SearchIndex(blocks: ["哈哈哈哈"]).search("哈哈").matches.map(\.range) == [0..<6, 6..<12])
        #expect(SearchIndex(blocks: ["abababa"]).search("aba").matches.map(\.range) == [0..<3, 4..<7])
    }

    // MARK: - CJK

    @Test func cjkQueries() {
        let blocks = ["【新视点】基层党建如何推进乡村振兴战略深度融合?", "要把基层党建同推进乡村振兴战略深度融合，以高质量党建引领高质量发展。"]
        #expect(found("基层党建", in: blocks) == ["基层党建", "基层党建"])
        #expect(found("高质量", in: blocks) == ["高质量", "高质量"])
        #expect(found("融合,以", in: blocks) == ["融合，以"])
        #expect(found("新视点", in: blocks) == ["新视点"])
        #expect(found("党建党建", in: blocks).isEmpty)
        #expect(found("日本語", in: ["これは日本語の文です", "한국어 日本語"]) == ["日本語", "日本語"])
        #expect(found("한국어", in: ["한국어 日本語"]) == ["한국어"])
    }

    @Test func aCJKQueryNeverMatchesInsideAnotherCharacter() {
        // 乡 is E4 B9 A1; text bytes that hold B9 A1 inside other characters must not match.
        #expect(found("乡", in: ["乡乡"]).count == 2)
        #expect(found("\u{4E61}", in: ["\u{4E61}\u{5361}"]) == ["\u{4E61}"])
    }

    // MARK: - Grapheme clusters

    @Test func aQueryDoesNotMatchHalfOfACluster() {
        let decomposed = "cafe\u{301} cafe"
        // `e` finds only the plain e (the one in the decomposed é is half a cluster).
        let index = SearchIndex(blocks: [decomposed])
        #expect(index.search("e").matches.map(\.range) == [10..<11])
        #expect(index.search("cafe").matches.map(\.range) == [7..<11])
        // A lone combining mark is its own cluster in the query and finds nothing.
        #expect(index.search("\u{301}").isEmpty)
        // Emoji sequences are whole too.
        #expect(found("👍", in: ["👍🏽 👍"]) == ["👍"])
    }

    @Test func composedAndDecomposedFormsMatch() {
        #expect(found("café", in: ["cafe\u{301} café"]) == ["cafe\u{301}", "café"])
        #expect(found("cafe\u{301}", in: ["cafe\u{301} café"]) == ["cafe\u{301}", "café"])
        #expect(found("CAFÉ", in: ["CAFE\u{301} café"]) == ["CAFE\u{301}"])
    }

    @Test func rangesMapBackToOriginalOffsetsAfterFolding() {
        // Full-width text folds to fewer bytes; ranges still refer to the original text.
        let blocks = ["ＡＢＣ，ＤＥＦ"]
        let results = SearchIndex(blocks: blocks).search("c,d")
        #expect(results.matches == [SearchMatch(block: 0, range: 6..<15)])
        #expect(text(of: results[0], in: blocks) == "Ｃ，Ｄ")
    }

    // MARK: - Stepping

    @Test func firstMatchAtOrAfterAPosition() throws {
        let results = SearchIndex(blocks: ["ab ab", "x", "ab"]).search("ab")
        #expect(results.count == 3)
        #expect(results.firstIndex(atOrAfter: SearchPosition(block: 0, offset: 0)) == .init(index: 0, wrapped: false))
        #expect(results.firstIndex(atOrAfter: SearchPosition(block: 0, offset: 1)) == .init(index: 1, wrapped: false))
        #expect(results.firstIndex(atOrAfter: SearchPosition(block: 0, offset: 3)) == .init(index: 1, wrapped: false))
        #expect(results.firstIndex(atOrAfter: SearchPosition(block: 1, offset: 0)) == .init(index: 2, wrapped: false))
        #expect(results.firstIndex(atOrAfter: SearchPosition(block: 2, offset: 1)) == .init(index: 0, wrapped: true))
        #expect(SearchResults(matches: []).firstIndex(atOrAfter: SearchPosition(block: 0, offset: 0)) == nil)
    }

    @Test func nextAndPreviousWrapAround() {
        let results = SearchIndex(blocks: ["a a a"]).search("a")
        #expect(results.step(after: 0) == .init(index: 1, wrapped: false))
        #expect(results.step(after: 2) == .init(index: 0, wrapped: true))
        #expect(results.step(before: 2) == .init(index: 1, wrapped: false))
        #expect(results.step(before: 0) == .init(index: 2, wrapped: true))
        let single = SearchIndex(blocks: ["a"]).search("a")
        #expect(single.step(after: 0) == .init(index: 0, wrapped: true))
        #expect(single.step(before: 0) == .init(index: 0, wrapped: true))
        #expect(SearchResults(matches: []).step(after: 0) == nil)
        #expect(SearchResults(matches: []).step(before: 0) == nil)
    }

    // MARK: - Against a naive matcher

    @Test func agreesWithANaiveScanOnTheSeed() throws {
        let article = try ArticleFile.read(path: seedsDirectory + "/000_179341d704dc42fe.txt").get()
        let blocks = [article.title, article.lead ?? ""] + article.body.map(\.text)
        let index = SearchIndex(blocks: blocks)
        for query in ["党建", "乡村振兴", "共同体——", "“", "发展", "的", "城乡融合发展是双向度融合"] {
            var expected: [SearchMatch] = []
            for (b, block) in blocks.enumerated() {
                var searchStart = block.startIndex
                while let r = block.range(of: query, range: searchStart..<block.endIndex) {
                    let lo = block.utf8.distance(from: block.startIndex, to: r.lowerBound)
                    let hi = block.utf8.distance(from: block.startIndex, to: r.upperBound)
                    expected.append(SearchMatch(block: b, range: lo..<hi))
                    searchStart = r.upperBound
                }
            }
            #expect(!expected.isEmpty, "\(query)")
            #expect(index.search(query).matches == expected, "\(query)")
        }
    }
}
