import Foundation
import Testing
@testable import ReaderCore

/// The text a match covers, cut from its block by UTF-8 offsets.
private func text(of match: SearchMatch, in blocks: [String]) -> String {
    let utf8 = Array(blocks[match.block].utf8)
    return String(decoding: utf8[match.range], as: UTF8.self)
}

/// What `query` finds in `blocks` with both kinds on: each match's text and kind.
private func found(_ query: String, in blocks: [String], options: MatchOptions = MatchOptions()) -> [String] {
    SearchIndex(blocks: blocks, options: options).search(query).matches.map {
        text(of: $0, in: blocks) + ($0.kind.label.map { " " + $0 } ?? "")
    }
}

private var variants: ChineseVariants {
    get throws { try ChineseVariants.shared.get() }
}

@Suite struct SearchVariantsTests {
    @Test func theIssuesExamples() {
        #expect(found("鄉村振興", in: ["实施乡村振兴战略"]) == ["乡村振兴 繁简"])
        #expect(found("乡村图书馆", in: ["一座鄉村圖書館"]) == ["鄉村圖書館 繁简"])
    }

    @Test func oneCharacterStandsForEachOfItsVariants() throws {
        let table = try variants
        #expect(Set(table.variants(of: "乡")) == ["乡", "鄉"])
        #expect(Set(table.variants(of: "图")) == ["图", "圖"])
        #expect(table.variants(of: "后").first == "后")
        #expect(Set(table.variants(of: "后")).isSuperset(of: ["后", "後"]))
        #expect(table.variants(of: "後").first == "後")
        #expect(Set(table.variants(of: "發")).isSuperset(of: ["发", "發", "髮"]))
        // No variants: itself alone, Han or not.
        #expect(table.variants(of: "的") == ["的"])
        #expect(table.variants(of: "a") == ["a"])
        #expect(table.variants(of: "𠀀") == ["𠀀"])
        // A class is one canonical form, shared by its members.
        #expect(table.canonical(0x5F8C) == table.canonical(0x540E))  // 後, 后
        #expect(table.canonical(0x9109) == 0x4E61)  // 鄉 → 乡
    }

    @Test func foldKeepsEveryOffset() throws {
        let table = try variants
        let text = "鄉村圖書館 in 後院, 𠀀 é"
        let folded = table.fold(text)
        #expect(folded == "乡村图书馆 in 后院, 𠀀 é")
        #expect(folded.utf8.count == text.utf8.count)
    }

    @Test func everyVariantOfAQueryCharacterMatches() {
        let blocks = ["皇后", "後來", "以后", "之後"]
        #expect(found("后", in: blocks) == ["后", "後 繁简", "后", "後 繁简"])
        #expect(found("後", in: blocks) == ["后 繁简", "後", "后 繁简", "後"])
    }

    @Test func highlightsAreOnTheTextAsWritten() {
        let blocks = ["前言", "我們在鄉村圖書館裡讀書。"]
        let results = SearchIndex(blocks: blocks, options: MatchOptions()).search("乡村图书馆")
        #expect(results.matches == [SearchMatch(block: 1, range: 9..<24, kind: .variant)])
    }

    @Test func literalMatchesStayLiteral() {
        #expect(found("乡村", in: ["乡村振兴"]) == ["乡村"])
        #expect(found("Swift", in: ["Swift 6"]) == ["Swift"])
        // Mixed: the Han part across variants, the Latin part by case as before.
        #expect(found("iphone手機", in: ["新款iPhone手机"]) == ["iPhone手机 繁简"])
        #expect(found("IPHONE手機", in: ["新款iPhone手机"]).isEmpty)
    }

    @Test func emptyTextsAndQueries() {
        #expect(SearchIndex(blocks: [], options: MatchOptions()).search("乡村").isEmpty)
        #expect(SearchIndex(blocks: [""], options: MatchOptions()).search("xiangcun").isEmpty)
        #expect(SearchIndex(blocks: ["乡村"], options: MatchOptions()).search("").isEmpty)
    }

    @Test func switchedOffMatchesExactly() {
        let off = MatchOptions(variants: false, pinyin: false)
        #expect(found("鄉村振興", in: ["乡村振兴"], options: off).isEmpty)
        #expect(found("乡村振兴", in: ["乡村振兴"], options: off) == ["乡村振兴"])
        #expect(SearchIndex(blocks: ["x"], options: off).options == .exact)
    }

    @Test func classesStaySmall() throws {
        let table = try variants
        // Thousands of characters have a variant; chaining through both directions never
        // makes a class so big that unrelated characters match.
        #expect(table.characterCount > 4000)
        #expect(table.largestClass <= 8)
    }

    @Test func tableFromPairsJoinsBothDirectionsAndPrefersSimplified() {
        // 干 → 幹 (s2t), 乾 → 干 (t2s), 幹 → 干 (t2s): one class, 干 stands for it.
        let table = ChineseVariants(simplifiedToTraditional: [(0x5E72, 0x5E79)],
                                    traditionalToSimplified: [(0x4E7E, 0x5E72), (0x5E79, 0x5E72)])
        #expect(table.canonical(0x5E79) == 0x5E72)
        #expect(table.canonical(0x4E7E) == 0x5E72)
        #expect(Set(table.variants(of: "干")) == ["干", "幹", "乾"])
        #expect(table.canonical(0x4E00) == 0x4E00)
    }
}

@Suite struct SearchPinyinTests {
    private let blocks = ["乡村振兴", "实施乡村振兴战略，建设美丽乡村。"]

    @Test func fullPinyinFindsTheText() {
        #expect(found("xiangcunzhenxing", in: blocks) == ["乡村振兴 拼音", "乡村振兴 拼音"])
        #expect(found("xiangcun", in: blocks) == ["乡村 拼音", "乡村 拼音", "乡村 拼音"])
    }

    @Test func spacesTonesAndToneNumbersAreIgnored() {
        for query in ["xiang cun zhen xing", "xiāngcūnzhènxīng", "xiāng cūn zhèn xīng", "xiang1cun1zhen4xing1", "Xiang'cun'zhen'xing"] {
            #expect(found(query, in: ["乡村振兴"]) == ["乡村振兴 拼音"], "query \(query)")
        }
    }

    @Test func initialsAndMixedSpellings() {
        #expect(found("xczx", in: blocks) == ["乡村振兴 拼音", "乡村振兴 拼音"])
        #expect(found("xiangczx", in: ["乡村振兴"]) == ["乡村振兴 拼音"])
        #expect(found("xczhenxing", in: ["乡村振兴"]) == ["乡村振兴 拼音"])
        // The last character may be spelt by the start of its reading, as one types.
        #expect(found("xiangcunzhenxi", in: ["乡村振兴"]) == ["乡村振兴 拼音"])
        // The shortest run from each start, never overlapping.
        #expect(found("zx", in: ["振兴振兴"]) == ["振兴 拼音", "振兴 拼音"])
    }

    @Test func everyReadingOfAPolyphonicCharacterCounts() {
        // 行: xíng, háng; 长: cháng, zhǎng; 乐: lè, yuè.
        #expect(found("yinhang", in: ["去银行"]) == ["银行 拼音"])
        #expect(found("xingdong", in: ["行动"]) == ["行动 拼音"])
        #expect(found("changcheng", in: ["长城"]) == ["长城 拼音"])
        #expect(found("zhangda", in: ["长大"]) == ["长大 拼音"])
        #expect(found("yinyue", in: ["音乐会"]) == ["音乐 拼音"])
        #expect(found("kuaile", in: ["快乐"]) == ["快乐 拼音"])
        #expect(found("lvse", in: ["绿色"]) == ["绿色 拼音"])
        #expect(found("luse", in: ["绿色"]) == ["绿色 拼音"])
        #expect(found("lüse", in: ["绿色"]) == ["绿色 拼音"])
    }

    @Test func traditionalTextHasReadingsToo() {
        #expect(found("xiangcun", in: ["鄉村圖書館"]) == ["鄉村 拼音"])
        #expect(found("tushuguan", in: ["鄉村圖書館"]) == ["圖書館 拼音"])
    }

    @Test func latinTextStillMatchesLiterallyBesideHan() {
        let mixed = ["Zhongguo 中国 zhongguo", "The bank 银行 and Yinhang Road"]
        #expect(found("zhongguo", in: mixed) == ["Zhongguo", "中国 拼音", "zhongguo"])
        #expect(found("yinhang", in: mixed) == ["银行 拼音", "Yinhang"])
        #expect(found("bank", in: mixed) == ["bank"])
    }

    @Test func aMatchNeverCrossesAnythingButHan() {
        #expect(found("xiangcun", in: ["乡，村", "乡 村", "乡a村"]).isEmpty)
        #expect(found("xiangcun", in: ["乡", "村"]).isEmpty)
    }

    @Test func whatIsNotPinyin() {
        #expect(PinyinQuery("x") == nil)  // one letter would light half the article
        #expect(PinyinQuery("2024") == nil)
        #expect(PinyinQuery("ab7") == nil)
        #expect(PinyinQuery("乡村") == nil)
        #expect(PinyinQuery("hello, world") == nil)
        #expect(PinyinQuery("xiāng cūn")?.text == "xiangcun")
        #expect(PinyinQuery("Lü3")?.text == "lv")
        #expect(found("x", in: ["乡村"]).isEmpty)
    }

    @Test func switchedOffFindsNoPinyin() {
        #expect(found("xczx", in: ["乡村振兴"], options: MatchOptions(variants: true, pinyin: false)).isEmpty)
    }

    @Test func readingsComeFromUnihan() {
        let table = PinyinTable.shared
        #expect(table.readings(of: "中").contains("zhong"))
        #expect(Set(table.readings(of: "行")).isSuperset(of: ["xing", "hang"]))
        #expect(Set(table.readings(of: "长")).isSuperset(of: ["chang", "zhang"]))
        #expect(Set(table.readings(of: "绿")).isSuperset(of: ["lv", "lu"]))
        #expect(table.readings(of: "a").isEmpty)
        #expect(table.readings(of: "。").isEmpty)
    }

    @Test func matchLengthAndSpellingsForOtherIndexes() throws {
        let query = try #require(PinyinQuery("xczx"))
        #expect(query.matchLength("乡村振兴战略") == 4)
        #expect(query.matchLength("村振兴") == nil)
        let spellings = try #require(PinyinQuery("xian")).spellings()
        #expect(spellings.contains([.syllable("xian")]))
        #expect(spellings.contains([.syllable("xi"), .syllable("an")]))
        #expect(query.spellings().contains([.initial("x"), .initial("c"), .initial("z"), .initial("x")]))
    }
}

@Suite struct SearchVariantsFallbackTests {
    @Test func missingOpenCCDataIsAClearErrorNotACrash() {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-opencc-\(UUID())").path
        #expect(throws: ChineseVariants.LoadError.self) { try ChineseVariants(dataDirectory: missing) }
        do {
            _ = try ChineseVariants(dataDirectory: missing)
        } catch {
            #expect(error.description == "no OpenCC data (STCharacters)")
        }
    }

    @Test func withoutTheTableSearchMatchesTheTextAsWritten() {
        let missing = ChineseVariants.LoadError(description: "no OpenCC data (STCharacters)")
        let index = SearchIndex(blocks: ["鄉村圖書館", "乡村图书馆"], options: MatchOptions(), variants: .failure(missing))
        #expect(index.options == MatchOptions(variants: false, pinyin: true))
        #expect(index.search("乡村").matches == [SearchMatch(block: 1, range: 0..<6)])
        #expect(index.search("xiangcun").count == 2, "pinyin still works")
    }

    @Test func theSameDataByPathGivesTheSameTable() throws {
        let table = try ChineseVariants(dataDirectory: "/usr/share/opencc")
        #expect(table.canonical(0x9109) == 0x4E61)
        #expect(table.characterCount == (try ChineseVariants.shared.get()).characterCount)
    }
}

@Suite struct SearchPinyinPropertyTests {
    /// The pinyin matches of `query` in `text` the slow way: from each character, the fewest
    /// that spell it (`PinyinQuery.matchLength`), left to right, never overlapping.
    private func reference(_ query: PinyinQuery, in text: String) -> [String] {
        let characters = Array(text)
        var found: [String] = []
        var i = 0
        while i < characters.count {
            if let length = query.matchLength(characters[i...].prefix { !PinyinTable.shared.readings(of: $0).isEmpty }) {
                found.append(String(characters[i..<(i + length)]))
                i += length
            } else {
                i += 1
            }
        }
        return found
    }

    @Test func theIndexFindsWhatTheSlowWayFinds() throws {
        var random = SeededGenerator(seed: 15)
        let alphabet = Array("乡村振兴行长乐中国银发展的是在了，a 。")
        for _ in 0..<300 {
            let text = String((0..<random.int(5...40)).map { _ in random.pick(alphabet) })
            // A query spelt from a piece of the text (full readings, initials, a cut-off last
            // reading), or letters at random.
            var query = ""
            let han = Array(text).filter { !PinyinTable.shared.readings(of: $0).isEmpty }
            if !han.isEmpty, random.int(0...1) == 0 {
                let start = random.int(0...han.count - 1)
                for character in han[start..<min(han.count, start + random.int(1...4))] {
                    let reading = random.pick(PinyinTable.shared.readings(of: character))
                    query += random.int(0...1) == 0 ? reading : String(reading.prefix(random.int(1...reading.count)))
                }
            } else {
                query = String((0..<random.int(2...6)).map { _ in random.pick(Array("xzhcgsyan")) })
            }
            guard let pinyin = PinyinQuery(query) else { continue }
            // Blocks cut at each 。 (a match never crosses from one to the next).
            let blocks = text.split(separator: "。", omittingEmptySubsequences: false).map(String.init)
            let index = SearchIndex(blocks: blocks, options: MatchOptions(variants: false, pinyin: true))
            let found = index.search(query).matches.filter { $0.kind == .pinyin }.map {
                "\($0.block):" + String(decoding: Array(blocks[$0.block].utf8)[$0.range], as: UTF8.self)
            }
            let expected = blocks.enumerated().flatMap { b, block in reference(pinyin, in: block).map { "\(b):\($0)" } }
            #expect(found == expected, "query \(query) in \(blocks)")
        }
    }
}

@Suite struct QueryAlternativesTests {
    @Test func variantsPerCharacterAndTheFoldedQuery() {
        let both = QueryAlternatives("乡村图书馆", options: MatchOptions())
        #expect(both.characters.map(Set.init) == [["乡", "鄉"], ["村"], ["图", "圖"], ["书", "書"], ["馆", "館", "舘"]])
        #expect(both.characters.map(\.first) == Array("乡村图书馆"))
        #expect(both.folded == "乡村图书馆")
        #expect(QueryAlternatives("鄉村圖書館", options: MatchOptions()).folded == "乡村图书馆")
        #expect(both.pinyin == nil)
    }

    @Test func pinyinWhenTheQueryIsPinyin() throws {
        let query = QueryAlternatives("xiāng cūn", options: MatchOptions())
        #expect(try #require(query.pinyin).text == "xiangcun")
        #expect(query.characters.count == "xiāng cūn".count)
        #expect(query.characters.allSatisfy { $0.count == 1 })
    }

    @Test func eachKindOff() {
        let off = QueryAlternatives("鄉村", options: .exact)
        #expect(off.characters == [["鄉"], ["村"]])
        #expect(off.folded == "鄉村")
        #expect(QueryAlternatives("xczx", options: MatchOptions(variants: true, pinyin: false)).pinyin == nil)
    }
}
