// How long a keystroke in the search prompt takes, from key to finished frame.
//
//     swift build -c release --product yuedu-bench
//     .build/release/yuedu-bench prompt [ROUNDS]
//
// Builds a 1 MB article from the seed article's paragraphs (deterministic), opens it in a
// 120×40 reader, scrolls to the middle, opens the prompt and types each query one character at
// a time. Each keystroke is timed from `AppState.input` to the finished `Screen` (apply +
// render; the terminal write is left out). Esc between queries puts the reader back.
import Foundation
import ReaderCore
import ReaderUI
import Grid

/// Types seven queries into the search prompt `arguments[0]` times (20) and prints the
/// keystroke-to-frame times, the first `/` and later ones, with Chinese-aware matching off,
/// then on.
func benchmarkPrompt(_ arguments: [String]) {
    let rounds = arguments.first.map { Int($0) ?? 20 } ?? 20

    // A 1 MB article: the seed's body paragraphs, over and over.
    let seed = seedArticle()
    var body: [Block] = []
    var bytes = 0
    while bytes < 1_048_576 {
        for block in seed.body where bytes < 1_048_576 {
            body.append(block)
            bytes += block.text.utf8.count
        }
    }
    let article = Article(title: seed.title, date: seed.date, site: seed.site, lead: seed.lead, body: body)
    // The tables are made at start, on a thread of their own, in the reader.
    _ = ChineseVariants.shared
    _ = PinyinTable.shared
    for (name, options) in [("both off", MatchOptions.exact), ("both on", MatchOptions())] {
        print("--- [search] variants and pinyin \(name)")
        benchmarkPrompt(article: article, bytes: bytes, rounds: rounds, options: options)
    }
}

/// One side of the prompt benchmark: the 1 MB `article` searched with `options`.
private func benchmarkPrompt(article: Article, bytes: Int, rounds: Int, options: MatchOptions) {
    let body = article.body
    var state = AppState(articles: [article], width: 120, height: 40)
    state.matchOptions = options
    var frame = Screen(width: 0, height: 0)
    let layoutTime = milliseconds { frame = RootView.render(state) }
    for _ in 0..<((state.layout?.lines.count ?? 0) / 2) { _ = state.apply(.lineDown) }
    print("article: \(bytes) bytes, \(body.count) paragraphs, \(state.layout?.lines.count ?? 0) lines at \(state.readingColumn.width) columns")
    print("first frame (wraps the article once): \(format(layoutTime))")

    // (query, why): a rare phrase, a common word (thousands of matches), a Latin miss.
    // With both on: the same text typed traditional, and as pinyin (full, then initials).
    let queries = ["乡村振兴战略", "党建", "共同体建设", "xyz", "鄉村振興", "xiangcunzhenxing", "xczx"]
    var openTimes: [Double] = []
    var keystrokes: [String: [Double]] = [:]
    var matchCounts: [String: Int] = [:]
    for round in 0..<rounds {
        for query in queries {
            let open = milliseconds {
                _ = state.apply(.search)
                frame = RootView.render(state)
            }
            if round > 0 || query != queries[0] { openTimes.append(open) } else { print("first / (folds the article for search): \(format(open))") }
            for scalar in query.unicodeScalars {
                let t = milliseconds {
                    _ = state.press(.character(Character(scalar)))
                    frame = RootView.render(state)
                }
                keystrokes[query, default: []].append(t)
                if ProcessInfo.processInfo.environment["BENCH_TRACE"] != nil, round == 1 { print("  \(scalar) \(format(t)) matches \(state.search?.results.count ?? 0)") }
            }
            matchCounts[query] = state.search?.results.count ?? 0
            _ = state.press(.escape)
        }
    }
    precondition(frame.width == 120)

    // The first / again, in 7 fresh readers of the same article (each wraps it first, untimed):
    // one figure from one run is at the mercy of the machine.
    var firstOpenTimes: [Double] = []
    for _ in 0..<7 {
        var fresh = AppState(articles: [article], width: 120, height: 40)
        fresh.matchOptions = options
        frame = RootView.render(fresh)
        for _ in 0..<((fresh.layout?.lines.count ?? 0) / 2) { _ = fresh.apply(.lineDown) }
        firstOpenTimes.append(milliseconds {
            _ = fresh.apply(.search)
            frame = RootView.render(fresh)
        })
    }
    print("first / in 7 fresh readers: median \(format(median(firstOpenTimes))), min \(format(firstOpenTimes.min()!)), max \(format(firstOpenTimes.max()!))")
    print("later / (index cached): median \(format(median(openTimes))), max \(format(openTimes.max()!))")
    var all: [Double] = []
    for query in queries {
        let times = keystrokes[query]!
        all += times
        print("'\(query)' (\(matchCounts[query]!) matches): per keystroke median \(format(median(times))), max \(format(times.max()!)), \(times.count) keystrokes")
    }
    print("all keystrokes: median \(format(median(all))), p99 \(format(p99(all))), max \(format(all.max()!)), "
          + "\(all.filter { $0 > 10 }.count) of \(all.count) over 10 ms")
}
