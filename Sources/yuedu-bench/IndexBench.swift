// The library index: opening an article from it, and library-wide queries.
//
//     swift build -c release --product yuedu-bench
//     .build/release/yuedu-bench index-open LIBRARY INDEX
//     .build/release/yuedu-bench index-search INDEX QUERY...
//     .build/release/yuedu-bench index-lists LIBRARY INDEX
//
// `index-open` writes a 100 KB article into LIBRARY, refreshes the index file INDEX, then
// times opening that article from its head as the index lists it: the body read from the file
// through `ArticleBodies` (cache emptied each round), laid out and drawn in a 120×40 reader
// (20 rounds). `index-search` times each query against INDEX, warm (7 runs after one warm-up),
// three ways: every result ranked, the newest 50, and the best 50 (as the reader's search
// prompt asks, `LibrarySearch.run(query, limit: 50)`); it prints the medians and counts.
// `index-search --limited INDEX QUERY...` leaves out every result ranked.
// `index-search --reader INDEX QUERY...` times what the reader's search prompt runs for each
// query typed: the first page of matches with their context lines (`LibraryFinding.run`,
// limit `firstPage`), shown at once, and then all of them (limit `LibraryFinding.limit`).
// `index-lists` builds or refreshes INDEX for LIBRARY as `yuedu index --no-similar` does but
// leaves the articles' text out of the search tables: every row the list, a start and
// `yuedu list` read, for a library whose full first build would take hours on a small machine
// (the full-text tables take no part in a start or a list).
import Foundation
import ReaderCore
import ReaderUI
import Grid

func benchmarkIndexOpen(_ arguments: [String]) {
    guard arguments.count == 2 else { print("usage: index-open LIBRARY INDEX"); exit(2) }
    let library = arguments[0], indexPath = arguments[1]
    let seed = seedArticle()
    var text = "一篇很长的文章：打开它要多久\n2031-01-01\n测试网\n\n"
    while text.utf8.count < 100_000 {
        for block in seed.body where text.utf8.count < 100_000 { text += block.text + "\n\n" }
    }
    let path = (library as NSString).appendingPathComponent("zz-long-article.txt")
    try! text.write(toFile: path, atomically: false, encoding: .utf8)
    let index = try! LibraryIndex(path: indexPath)
    try! LibraryRefresh.run(store: index, roots: [library])
    let heads = try! index.listing().articles
    let bodies = ArticleBodies(store: index)
    let head = heads.first { $0.path == path }!
    var times: [Double] = []
    var lines = 0
    for _ in 0..<20 {
        bodies.forget()
        // What opening costs: the body read and parsed from its file, laid out for the
        // reading column, and a frame drawn of it.
        times.append(milliseconds {
            let article = bodies.full(head)
            var state = AppState(articles: [article], width: 120, height: 40)
            _ = RootView.render(state)
            lines = state.layout?.lines.count ?? 0
            state.resize(width: 120, height: 40)
        })
    }
    print("library: \(heads.count) articles; article: \(text.utf8.count) bytes, \(lines) lines")
    print("open from the index to the finished frame: median \(format(median(times))), p99 \(format(p99(times)))")
    try? FileManager.default.removeItem(atPath: path)
    try! LibraryRefresh.run(store: index, roots: [library])
}

func benchmarkIndexSearch(_ arguments: [String]) {
    if arguments.first == "--reader" { return benchmarkReaderFind(Array(arguments.dropFirst())) }
    let limited = arguments.first == "--limited"
    let arguments = limited ? Array(arguments.dropFirst()) : arguments
    guard arguments.count >= 2 else { print("usage: index-search [--limited] INDEX QUERY..."); exit(2) }
    let index = try! LibraryIndex(path: arguments[0])
    let search = LibrarySearch(store: index)
    for text in arguments.dropFirst() {
        var line = text
        let ways: [(SearchQuery.Order, Int?)] = (limited ? [] : [(.relevance, nil)]) + [(.date, 50), (.relevance, 50)]
        for (order, limit) in ways {
            let query = try! SearchQuery(parsing: text, order: order)
            var count = 0
            _ = try! search.run(query, limit: limit)
            var times: [Double] = []
            for _ in 0..<7 { times.append(milliseconds { count = try! search.run(query, limit: limit).count }) }
            line += "\t\(order)\(limit.map { " limit \($0)" } ?? ", all"): \(count) results, median \(format(median(times)))"
        }
        print(line)
    }
}

func benchmarkReaderFind(_ arguments: [String]) {
    guard arguments.count >= 2 else { print("usage: index-search --reader INDEX QUERY..."); exit(2) }
    let index = try! LibraryIndex(path: arguments[0])
    for text in arguments.dropFirst() {
        var line = text
        for (name, limit, snippets) in [("first page", LibraryFinding.firstPage, LibraryFinding.firstSnippets),
                                        ("all", LibraryFinding.limit, 0)] {
            var count = 0
            func run() { count = LibraryFinding.run(text, generation: 1, in: .index(index), limit: limit, snippetCount: snippets).hits.count }
            run()
            var times: [Double] = []
            for _ in 0..<7 { times.append(milliseconds(run)) }
            line += "\t\(name): \(count) results, median \(format(median(times)))"
        }
        print(line)
    }
}

func benchmarkIndexLists(_ arguments: [String]) {
    guard arguments.count == 2 else { print("usage: index-lists LIBRARY INDEX"); exit(2) }
    let index = try! LibraryIndex(path: arguments[1])
    var steps = 0
    let time = milliseconds {
        let result = try! LibraryRefresh.run(store: index, roots: [arguments[0]], indexingText: false) { progress in
            steps += 1
            if steps % 50 == 0 { print("\(progress.done) of \(progress.total)") }
        }
        print(result.counts)
    }
    print("built in \(format(time))")
}
