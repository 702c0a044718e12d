// In-article search on a 1 MB article: fold once, search per keystroke.
//
//     swift build -c release --product yuedu-bench
//     .build/release/yuedu-bench search
//
// The article is generated from the seed article's paragraphs, deterministically, so runs on
// different machines measure the same work. Figures are medians of repeated runs.
import Foundation
import ReaderCore

/// Times `SearchIndex(blocks:)` and `search(_:)`, and Foundation's `range(of:)` side by side.
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

    var index = SearchIndex(blocks: [])
    var buildTimes: [Double] = []
    for _ in 0..<7 { buildTimes.append(milliseconds { index = SearchIndex(blocks: blocks) }) }
    print("fold once (build SearchIndex): median \(format(median(buildTimes))) of 7")

    // What a reader types, keystroke by keystroke, and a few harder cases.
    let queries = ["乡", "乡村", "乡村振", "乡村振兴", "乡村振兴战略", "党建", "的", "，", "——",
                   "t", "te", "ter", "terminal", "Swift", "abc", "深度融合？", "not in the text at all"]
    var all: [Double] = []
    for query in queries {
        var count = 0
        var times: [Double] = []
        for _ in 0..<31 { times.append(milliseconds { count = index.search(query).count }) }
        let m = median(times)
        all.append(m)
        print("search \(query.debugDescription): \(count) matches, median \(format(m)) of 31")
    }
    print("slowest query median: \(format(all.max()!)); median over queries: \(format(median(all)))")

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
