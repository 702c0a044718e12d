import Foundation
import Testing
@testable import ReaderCore

/// The table-driven fold of `SearchIndex(blocks:)` against folding one grapheme cluster at a
/// time with `TextFolding` (`SearchIndex(foldingClusterByCluster:)`): they must agree byte for
/// byte, origins and block starts included, so that matching is the same either way.
@Suite struct SearchFoldingTests {
    /// Text pieces that exercise every path: simple scalars, clusters of several scalars,
    /// scalars that join their neighbours, width and case folding, lengths that change.
    static let pieces: [String] = [
        // ASCII, capitals, controls, CR and LF
        "a", "Z", "Swift ", "UTF-8", " ", ".", "\t", "\n", "\r", "\r\n", "\u{7F}",
        // Han, CJK punctuation, kana, Hangul
        "乡", "村", "振兴", "，", "。", "、", "《", "》", "「", "」", "〜", "ひらがな", "カタカナ", "ー", "한국어", "\u{1100}\u{1161}", "\u{11A8}",
        // full-width forms and the ideographic space
        "ＡＢＣ", "ａｂｃ", "１２３", "？", "！", "～", "\u{3000}", "￥", "￡", "\u{FFE8}",
        // half-width katakana with sound marks
        "ｶﾞ", "ｲ", "ﾄﾞ", "ﾊﾟ", "ﾞ", "ﾟ", "ｰ",
        // combining marks on all kinds of bases
        "\u{301}", "\u{308}", "e\u{301}", "E\u{301}", "A\u{30A}", "乡\u{301}", "か\u{3099}", "\u{3099}", "ｶ\u{3099}", "Ａ\u{301}",
        // Latin-1 and beyond, Greek, Cyrillic, letters whose lower-case is longer or several scalars
        "É", "é", "ß", "Æ", "ÿ", "·", "\u{AD}", "«", "»", "ΑΒΓ", "Σ", "σς", "Ω", "ΆΈ", "ДОМ", "дом", "Ё", "İ", "Ⱥ", "Ⱦ", "ǅ",
        // general punctuation
        "—", "——", "…", "“", "”", "‘", "’", "‰", "‼", "\u{200B}", "\u{200D}", "\u{2028}",
        // emoji, modifiers, joiners, flags
        "👍", "👍🏽", "👩‍💻", "🇨🇳", "🇫🇷🇩🇪", "\u{1F1E6}", "❤️",
        // scripts with marks and joiners: Devanagari, Thai, Arabic prepend
        "क्षि", "नमस्ते", "ไทย", "\u{0E33}", "\u{0600}1", "عربي",
        // compatibility ideographs and other single scalars NFC would change
        "\u{F900}", "\u{212B}", "\u{2126}",
    ]

    static func generatedBlocks(seed: UInt64, count: Int) -> [String] {
        var random = Xorshift(state: seed)
        return (0..<count).map { _ in
            let length = Int(random.next() % 40)
            return (0..<length).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
        }
    }

    static func expectSameFolds(_ blocks: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let fast = SearchIndex(blocks: blocks)
        let slow = SearchIndex(foldingClusterByCluster: blocks)
        for (a, b, what) in [(fast.exact, slow.exact, "exact"), (fast.caseless, slow.caseless, "caseless")] {
            #expect(a.bytes.elements == b.bytes.elements, "\(what) bytes", sourceLocation: sourceLocation)
            #expect(a.origin.elements == b.origin.elements, "\(what) origins", sourceLocation: sourceLocation)
            #expect(a.blockStarts == b.blockStarts, "\(what) block starts", sourceLocation: sourceLocation)
            #expect(a.histogram == b.histogram, "\(what) histogram", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: 1...8 as ClosedRange<UInt64>)
    func generatedMixedTextFoldsAsClusterByCluster(seed: UInt64) {
        let blocks = Self.generatedBlocks(seed: seed, count: 300)
        #expect(blocks.contains { $0.contains("ｶﾞ") } && blocks.contains { $0.contains("İ") })
        Self.expectSameFolds(blocks)
    }

    @Test func eachPieceAloneAndBetweenOthers() {
        for piece in Self.pieces {
            Self.expectSameFolds([piece, "a" + piece + "a", "乡" + piece + "乡", piece + piece, "Ａ" + piece + "\u{301}"])
        }
    }

    @Test func theSeedArticleFoldsAsClusterByCluster() throws {
        let article = try ArticleFile.read(path: seedsDirectory + "/000_179341d704dc42fe.txt").get()
        Self.expectSameFolds(article.readingBlocks.map(\.text))
    }

    @Test func foldsThatGrowPastTheTextStillAgree() {
        // Ⱥ (2 bytes) lower-cases to ⱥ (3 bytes): the case-ignored fold outgrows the text and
        // gets origins of its own.
        Self.expectSameFolds([String(repeating: "Ⱥ", count: 2000), "ȺA", String(repeating: "İx", count: 500)])
        Self.expectSameFolds(["abc", String(repeating: "Ⱦ", count: 10)])
        let index = SearchIndex(blocks: [String(repeating: "Ⱥ", count: 2000) + "z"])
        #expect(index.search("ⱥz").matches == [SearchMatch(block: 0, range: 3998..<4001)])
        #expect(index.search("Ⱥz").matches == [SearchMatch(block: 0, range: 3998..<4001)])
    }

    @Test func emptyBlocksAndNoBlocks() {
        Self.expectSameFolds([])
        Self.expectSameFolds(["", "", "a", ""])
    }

    /// Every scalar the table folds stands alone as a cluster next to any other such scalar, and
    /// folds, alone, as `TextFolding` folds it.
    @Test func everySimpleScalarIsItsOwnClusterAndFoldsAsTextFoldingDoes() {
        let probes: [String] = ["a", "乡", "\n", "\u{3000}", "ａ", "한", "—"]
        var simple = 0
        FoldedText.lowTable.withUnsafeBufferPointer { table in
            for v in UInt32(0)..<0x10000 {
                let fold = FoldedText.simpleFold(v, lowTable: table.baseAddress!)
                guard fold.exact != FoldedText.notSimple, let scalar = Unicode.Scalar(v) else { continue }
                simple += 1
                let s = String(Character(scalar))
                for probe in probes + [s] where (s + probe).count != 2 || (probe + s).count != 2 {
                    Issue.record("U+\(String(v, radix: 16, uppercase: true)) joins \(probe.debugDescription)")
                }
                for (foldingCase, expected) in [(false, fold.exact), (true, fold.caseless)] {
                    var scalars: [UInt32] = []
                    TextFolding.forEachFoldedScalar(of: Character(scalar), foldingCase: foldingCase) { scalars.append($0.value) }
                    if scalars != [expected] {
                        Issue.record("U+\(String(v, radix: 16, uppercase: true)) folds to \(scalars), table says \(expected)")
                    }
                }
            }
        }
        // Han, Hangul, kana, Latin, Greek and Cyrillic are in the table.
        #expect(simple > 35_000)
    }
}

/// A small deterministic generator for test text.
private struct Xorshift {
    var state: UInt64
    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
}
