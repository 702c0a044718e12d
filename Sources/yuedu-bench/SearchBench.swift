// In-article search on a 1 MB article: fold once, search per keystroke.
//
//     swift build -c release --product yuedu-bench
//     .build/release/yuedu-bench search
//
// The article is generated from the seed article's paragraphs, deterministically, so runs on
// different machines measure the same work. Figures are medians of repeated runs.
import Foundation
import ReaderCore

/// Times `SearchIndex(blocks:)` and `search(_:)` with Chinese-aware matching off and on, the
/// tables it needs, and Foundation's `range(of:)` side by side.
func benchmarkSearch() {
    let seed = seedArticle()
    let paragraphs = [seed.lead ?? ""] + seed.body.map(\.text)
    var blocks = [seed.title]
    var size = seed.title.utf8.count
    var i = 0
    while size < 1 << 20 {
        let block = i % 10 == 9 ? englishParagraph : paragraphs[i % paragraphs.count]
        blocks.append(block)
        size += block.utf8.count
        i += 1
    }
    print("article: \(blocks.count) blocks, \(size) bytes of UTF-8")

    // The tables Chinese-aware matching needs, each made once per run of the reader.
    var variantLoads: [Double] = []
    for _ in 0..<5 { variantLoads.append(milliseconds { _ = try? ChineseVariants() }) }
    print("variant table from OpenCC (ChineseVariants()): median \(format(median(variantLoads))) of 5, max \(format(variantLoads.max()!))")
    var pinyinLoads: [Double] = []
    for _ in 0..<5 { pinyinLoads.append(milliseconds { _ = PinyinTable() }) }
    print("pinyin table decoded (PinyinTable()): median \(format(median(pinyinLoads))) of 5")
    _ = ChineseVariants.shared
    _ = PinyinTable.shared

    // Side by side in one run: the text as written (both off) and both kinds on.
    let modes: [(name: String, options: MatchOptions)] = [("both off", .exact), ("both on", MatchOptions())]
    var indexes: [SearchIndex] = []
    var builds: [Double] = []
    for mode in modes {
        var index = SearchIndex(blocks: [])
        var buildTimes: [Double] = []
        for _ in 0..<7 { buildTimes.append(milliseconds { index = SearchIndex(blocks: blocks, options: mode.options) }) }
        builds.append(median(buildTimes))
        indexes.append(index)
        print("fold once (build SearchIndex), \(mode.name): median \(format(median(buildTimes))) of 7")
    }
    print("build ratio on/off: \(String(format: "%.2f", builds[1] / builds[0]))x")
    let index = indexes[0]

    // What a reader types, keystroke by keystroke, and a few harder cases; then pinyin and
    // traditional queries, which only "both on" finds in this simplified text.
    let queries = ["乡", "乡村", "乡村振", "乡村振兴", "乡村振兴战略", "党建", "的", "，", "——",
                   "t", "te", "ter", "terminal", "Swift", "abc", "深度融合？", "not in the text at all",
                   "鄉村振興", "黨建", "x", "xi", "xia", "xiang", "xiangc", "xiangcun", "xiangcunzhenxing",
                   "xiang cun zhen xing", "xczx", "dj", "dangjian", "de", "zhong", "shi"]
    var all: [[Double]] = [[], []]
    for query in queries {
        var line = "search \(query.debugDescription):"
        var medians: [Double] = []
        for (k, mode) in modes.enumerated() {
            var count = 0
            var times: [Double] = []
            for _ in 0..<31 { times.append(milliseconds { count = indexes[k].search(query).count }) }
            let m = median(times)
            medians.append(m)
            all[k].append(m)
            line += " \(mode.name) \(count) matches \(format(m));"
        }
        print(line + " ratio \(String(format: "%.2f", medians[1] / medians[0]))x")
    }
    for (k, mode) in modes.enumerated() {
        print("\(mode.name): slowest query median \(format(all[k].max()!)); median over queries \(format(median(all[k])))")
    }

    // Side by side: Foundation's case- and width-insensitive range(of:) over every block, the
    // obvious way without a folded index.
    for query in ["乡村振兴", "terminal"] {
        var count = 0
        var times: [Double] = []
        for _ in 0..<5 {
            times.append(milliseconds {
                count = 0
                for block in blocks {
                    var from = block.startIndex
                    while let r = block.range(of: query, options: [.caseInsensitive, .widthInsensitive], range: from..<block.endIndex) {
                        count += 1
                        from = r.upperBound
                    }
                }
            })
        }
        let ours = median((0..<31).map { _ in milliseconds { _ = index.search(query) } })
        let theirs = median(times)
        print("side by side \(query.debugDescription): range(of:) \(count) matches, median \(format(theirs)) of 5; SearchIndex \(format(ours)); ratio \(String(format: "%.0f", theirs / ours))x")
    }
}
