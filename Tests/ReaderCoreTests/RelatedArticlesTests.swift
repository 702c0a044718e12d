import Foundation
import Testing
@testable import ReaderCore

@Suite struct TitleKeyTests {
    @Test func widthAndPunctuationVariantsOfAChineseTitleMatch() {
        let a = TitleKey.normalize("【新视点】基层党建如何推进乡村振兴战略深度融合?")
        let b = TitleKey.normalize("【新视点】基层党建如何推进乡村振兴战略深度融合？")
        #expect(a == b)
        #expect(a == "新视点基层党建如何推进乡村振兴战略深度融合")
        #expect(TitleKey.normalize("“一对一”结对：城乡（企业）共建") == TitleKey.normalize("\"一对一\"结对:城乡(企业)共建"))
        #expect(TitleKey.normalize("２０２３年，乡村　振兴") == TitleKey.normalize("2023年,乡村 振兴"))
    }

    @Test func spacesAndLatinCaseDoNotMatter() {
        #expect(TitleKey.normalize("Reading  on Small Screens") == TitleKey.normalize("reading on small screens"))
        #expect(TitleKey.normalize("Ｒｅａｄｉｎｇ on Small Screens!") == "readingonsmallscreens")
    }

    @Test func differentWordsStayDifferent() {
        #expect(TitleKey.normalize("乡村振兴") != TitleKey.normalize("乡村建设"))
        #expect(TitleKey.normalize("Reading on small screens") != TitleKey.normalize("Reading on big screens"))
        #expect(TitleKey.normalize("￥100") != TitleKey.normalize("100"))  // symbols are kept
    }

    @Test func lookupFindsTheLibraryArticleOfARelatedTitle() {
        let articles = [
            "Reading on Small Screens",
            "【新视点】基层党建如何推进乡村振兴战略深度融合？",
            "——",
            "reading on small screens",  // a repeat: the first one wins
        ].enumerated().map { Article(title: $1, path: "/library/\($0).txt") }
        let lookup = TitleLookup(articles: articles)
        #expect(lookup.id(ofTitle: "【新视点】基层党建如何推进乡村振兴战略深度融合?") == articles[1].id)
        #expect(lookup.id(ofTitle: "reading  on SMALL screens") == articles[0].id)
        #expect(lookup.id(ofTitle: "乡村振兴") == nil)
        #expect(lookup.id(ofTitle: "——") == nil)  // nothing but punctuation matches nothing
        #expect(lookup.id(ofTitle: "") == nil)
        let related = [RelatedItem(title: "Reading on small screens."), RelatedItem(title: "Elsewhere")]
        #expect(lookup.ids(of: related) == [articles[0].id, nil])
    }

    @Test func aLookupBuiltInPiecesAnswersAsOneBuiltAtOnce() {
        var generator = SeededGenerator(seed: 43)
        let words = ["党建", "Reading", "乡村振兴", "（1）", "？", " ", "ウェブ", "é", "—", "数字"]
        // Titles that repeat (as typed, and retyped), in more articles than pieces.
        let articles = (0..<1_003).map { i in
            Article(title: (0..<generator.int(1...3)).map { _ in generator.pick(words) }.joined(), path: "/lib/\(i).txt")
        }
        var ran = 0
        let built = TitleLookup.build(articles) { ran += 1 }
        let whole = TitleLookup(articles: articles)
        #expect(ran == 1)
        for title in Set(articles.map(\.title)) + ["不在其中", ""] {
            #expect(built.id(ofTitle: title) == whole.id(ofTitle: title), "\(title.debugDescription)")
        }
        #expect(TitleLookup.build([]) {}.id(ofTitle: "党建") == nil)
    }

    @Test func lookupGrowsWithTheLibraryAndTheFirstInLibraryOrderWins() {
        let older = Article(title: "Reading on Small Screens", date: ArticleDate(year: 2020, month: 1, day: 1), path: "/l/old.txt")
        let newer = Article(title: "reading on small screens", date: ArticleDate(year: 2024, month: 1, day: 1), path: "/l/new.txt")
        var library = Library([older])
        var lookup = TitleLookup(articles: library.articles)
        library.merge([newer])
        lookup.add([newer], in: library)
        #expect(lookup.id(ofTitle: "Reading on small screens") == newer.id, "the newer one is first in the list now")
    }
}

@Suite struct SimilarityIndexTests {
    static let library: [Article] = [
        // 0, 1: rural revitalisation and party building.
        Article(title: "基层党建推进乡村振兴", lead: "以高质量党建引领乡村振兴。",
                body: [Block(.paragraph, "农村基层党组织是乡村振兴的战斗堡垒，城乡党建联建共建。")]),
        Article(title: "城乡党建联建助力乡村振兴", lead: "党建联建抱团发展。",
                body: [Block(.paragraph, "乡村振兴要发挥基层党组织作用，推动城乡融合发展。")]),
        // 2, 3: quantum computing.
        Article(title: "量子计算的新进展", lead: "量子比特数量不断增加。",
                body: [Block(.paragraph, "研究人员展示了新的量子纠错方法，量子计算离实用更近一步。")]),
        Article(title: "量子纠错实验", lead: "超导量子比特。",
                body: [Block(.paragraph, "量子纠错是量子计算走向实用的关键，实验取得了发展。")]),
        // 4, 5, 6: English; 4 and 5 about terminal typography, 6 about cooking.
        Article(title: "Wrapping Chinese text in a terminal",
                body: [Block(.paragraph, "A terminal reader must wrap CJK text and keep punctuation off line starts.")]),
        Article(title: "Line breaking for terminal readers",
                body: [Block(.paragraph, "Line breaking rules keep closing punctuation off the start of a terminal line.")]),
        Article(title: "Cooking pasta at home",
                body: [Block(.paragraph, "Boil the pasta in salted water and keep the sauce warm at home.")]),
        // 7: Chinese with a few English words, about terminal reading.
        Article(title: "终端阅读器", body: [Block(.paragraph, "在 terminal 里阅读中文，标点不能出现在行首。")]),
    ]

    @Test func articlesSharingDistinctiveBigramsRankFirst() {
        let index = SimilarityIndex(articles: Self.library)
        #expect(index.count == 8)
        #expect(index.similar(to: 0, limit: 1) == [1])
        #expect(index.similar(to: 1, limit: 1) == [0])
        #expect(index.similar(to: 2, limit: 1) == [3])
        #expect(index.similar(to: 3, limit: 1) == [2])
    }

    @Test func anEnglishArticleRanksEnglishNeighboursFirst() {
        let index = SimilarityIndex(articles: Self.library)
        let ranked = index.similar(to: 4, limit: 10)
        #expect(ranked.first == 5)
        #expect(!ranked.contains(2) && !ranked.contains(0))  // they share no term at all
        // The cooking article shares only `keep`; the mixed article only `terminal`; both rank
        // below the typography article.
        #expect(ranked.firstIndex(of: 5)! < (ranked.firstIndex(of: 6) ?? .max))
        #expect(ranked.firstIndex(of: 5)! < (ranked.firstIndex(of: 7) ?? .max))
    }

    @Test func selfIsNeverAmongTheSimilar() {
        let index = SimilarityIndex(articles: Self.library)
        for i in 0..<Self.library.count {
            #expect(!index.similar(to: i, limit: 100).contains(i))
        }
    }

    @Test func excludedArticlesAreLeftOut() {
        let index = SimilarityIndex(articles: Self.library)
        let ranked = index.similar(to: 4, limit: 10, excluding: [5])
        #expect(!ranked.contains(5))
        #expect(!ranked.isEmpty)
        #expect(index.similar(to: 0, limit: 10, excluding: [1, 2, 3]).allSatisfy { ![1, 2, 3].contains($0) })
    }

    @Test func limitAndBadIndicesAreHonoured() {
        let index = SimilarityIndex(articles: Self.library)
        #expect(index.similar(to: 4, limit: 10).count == 3)  // 5, 6 and 7 share terms with it
        #expect(index.similar(to: 4, limit: 2).count == 2)
        #expect(index.similar(to: 0, limit: 0).isEmpty)
        #expect(index.similar(to: -1, limit: 3).isEmpty)
        #expect(index.similar(to: 8, limit: 3).isEmpty)
        #expect(SimilarityIndex(articles: []).similar(to: 0, limit: 3).isEmpty)
    }

    @Test func identicalArticlesHaveCosineOneAndScoresFallInOrder() throws {
        var library = Self.library
        library.append(Self.library[2])  // 8: a copy of 2
        let index = SimilarityIndex(articles: library)
        let scored = index.scored(to: 2, limit: 10)
        #expect(scored.first?.index == 8)
        #expect(abs(try #require(scored.first).score - 1) < 1e-4)
        for (a, b) in zip(scored, scored.dropFirst()) { #expect(a.score >= b.score) }
        #expect(scored.allSatisfy { $0.score > 0 && $0.score <= 1.0001 })
    }

    @Test func rarerSharedTermsOutweighCommonOnes() {
        // Every article says 发展; only 0 and 3 share 碳纤维.
        let library = [
            Article(title: "碳纤维材料", body: [Block(.paragraph, "碳纤维发展。")]),
            Article(title: "发展", body: [Block(.paragraph, "经济发展，发展。")]),
            Article(title: "发展二", body: [Block(.paragraph, "社会发展。")]),
            Article(title: "新材料", body: [Block(.paragraph, "碳纤维。")]),
        ]
        let index = SimilarityIndex(articles: library)
        #expect(index.similar(to: 0, limit: 3).first == 3)
    }

    @Test func theTitleCountsMoreThanTheBody() {
        // 1 shares a bigram with 0's title, 2 the same bigram with 0's body; 1 wins.
        let library = [
            Article(title: "黄河治理", body: [Block(.paragraph, "长江保护。")]),
            Article(title: "其他", body: [Block(.paragraph, "黄河。")]),
            Article(title: "其他", body: [Block(.paragraph, "长江。")]),
        ]
        #expect(SimilarityIndex(articles: library).similar(to: 0, limit: 2) == [1, 2])
    }

    @Test func buildingIsDeterministic() {
        let a = SimilarityIndex(articles: Self.library)
        let b = SimilarityIndex(articles: Self.library)
        for i in 0..<Self.library.count {
            #expect(a.similar(to: i, limit: 8) == b.similar(to: i, limit: 8))
        }
    }

    @Test func termsAreBigramsForCJKAndWordsForLatin() {
        var frequencies: [UInt64: Float] = [:]
        TermExtractor.addTerms(of: "乡村振兴 Terminal terminal，ＡＩ 的 a the", weight: 1, to: &frequencies)
        let bigram = { (a: Character, b: Character) -> UInt64 in
            TermExtractor.bigramSpace | UInt64(a.unicodeScalars.first!.value) << 21 | UInt64(b.unicodeScalars.first!.value)
        }
        #expect(frequencies[bigram("乡", "村")] == 1)
        #expect(frequencies[bigram("村", "振")] == 1)
        #expect(frequencies[bigram("振", "兴")] == 1)
        #expect(frequencies[TermExtractor.wordKey("terminal")] == 2)
        #expect(frequencies[TermExtractor.wordKey("ai")] == 1)
        #expect(frequencies[TermExtractor.characterSpace | UInt64(Character("的").unicodeScalars.first!.value)] == 1)
        #expect(frequencies[TermExtractor.wordKey("the")] == nil)  // a stop word
        #expect(frequencies[TermExtractor.wordKey("a")] == nil)  // too short
        #expect(frequencies.count == 6)
    }
}

@Suite struct TitleLookupGrowthTests {
    @Test func growingByBatchesAnswersAsBuildingAtOnce() {
        let titles = ["乙", "甲", "Reading  on Small Screens", "甲", "丙", "reading on small screens", "丁"]
        let all = titles.enumerated().map { Article(title: $1, date: ArticleDate(year: 2020, month: 12 - $0, day: 1), path: "/l/\($0).txt") }
        // The library grows in two batches, each merged in library order.
        let first = [all[1], all[4]]
        var library = Library(first)
        var lookup = TitleLookup(articles: first)
        let rest = all.filter { a in !first.contains { $0.id == a.id } }
        library.merge(rest)
        lookup.add(rest, in: library)
        let whole = TitleLookup(articles: library.articles)
        for title in titles + ["戊", "READING ON SMALL SCREENS", "甲？"] {
            #expect(lookup.id(ofTitle: title) == whole.id(ofTitle: title), "\(title)")
        }
    }
}

/// The title key computed one scalar at a time is the one computed by characters.
@Suite struct TitleKeyQuickFormTests {
    @Test func everyQuickScalarGivesTheKeyCharactersGive() {
        var checked = 0
        for v in UInt32(0)...0xFFFF {
            guard ArticleKey.hasOwnNormalForm(v) || (0xFF01...0xFF5E).contains(v) || v == 0x3000,
                  let scalar = Unicode.Scalar(v) else { continue }
            let c = String(Character(scalar))
            for title in [c, "A\(c)b", "\(c)\(c) 字", "标题：\(c)"] {
                #expect(TitleKey.quickNormalize(title) == TitleKey.normalizeByCharacters(title), "U+\(String(v, radix: 16)) in \(title.debugDescription)")
            }
            checked += 1
        }
        #expect(checked > 28_000)
    }

    @Test func mixedTitlesGiveTheKeyCharactersGive() {
        var generator = SeededGenerator(seed: 31)
        let pieces = ["党建", "Swift", "ABC", " ", "\t", "\u{3000}", "？", "（1）", "ウェブ", "・", "ー", "ｶ", "é", "e\u{301}",
                      "\r\n", "\u{200B}", "…", "—", "【", "】", "Ａ", "々", "\u{3099}", "か", "🇨🇳"]
        for _ in 0..<2_000 {
            var title = ""
            for _ in 0..<generator.int(0...8) { title += generator.pick(pieces) }
            #expect(TitleKey.normalize(title) == TitleKey.normalizeByCharacters(title), "\(title.debugDescription)")
        }
        #expect(TitleKey.quickNormalize("ｶﾞ") == nil)
        #expect(TitleKey.quickNormalize("【新视点】基层党建？ ＡＢ") == "新视点基层党建ab")
    }

    @Test func everyQuickScalarGivesTheFingerprintOfItsKey() {
        for v in UInt32(0)...0xFFFF {
            guard ArticleKey.hasOwnNormalForm(v) || (0xFF01...0xFF5E).contains(v) || v == 0x3000,
                  let scalar = Unicode.Scalar(v) else { continue }
            let c = String(Character(scalar))
            for title in [c, "A\(c)b", "\(c)\(c) 字", "标题：\(c)"] {
                let key = TitleKey.normalizeByCharacters(title)
                var hash = Fingerprint()
                hash.add(key)
                #expect(TitleKey.fingerprint(title) == (key.isEmpty ? nil : hash.value), "U+\(String(v, radix: 16)) in \(title.debugDescription)")
            }
        }
        // Titles with other scalars take the long way.
        #expect(Array("café".utf8).withUnsafeBufferPointer { TitleKey.quickFingerprint($0) } == .other)
        #expect(Array("党建😀".utf8).withUnsafeBufferPointer { TitleKey.quickFingerprint($0) } == .other)
    }

    @Test func fingerprintsAreThoseOfTheKeys() {
        var generator = SeededGenerator(seed: 37)
        let pieces = ["党建", "Swift", "ABC", " ", "\u{3000}", "？", "（1）", "ウェブ", "・", "ｶ", "é", "e\u{301}", "—", "々", "😀", "。"]
        for _ in 0..<2_000 {
            var title = ""
            for _ in 0..<generator.int(0...6) { title += generator.pick(pieces) }
            let key = TitleKey.normalizeByCharacters(title)
            var hash = Fingerprint()
            hash.add(key)
            #expect(TitleKey.fingerprint(title) == (key.isEmpty ? nil : hash.value), "\(title.debugDescription)")
        }
    }
}
