// Related-article ranking on 10,000 generated articles: build the index, query it.
//
//     swift build -c release --product yuedu-bench
//     .build/release/yuedu-bench related
import Foundation
import ReaderCore

/// Times `SimilarityIndex.build` and `similar(to:limit:)`, pruned and with every shared term kept.
func benchmarkRelated() {
    let library = generatedLibrary(count: 10_000)
    let bytes = library.reduce(0) { $0 + $1.title.utf8.count + ($1.lead?.utf8.count ?? 0) + $1.body.reduce(0) { $0 + $1.text.utf8.count } }
    print("library: \(library.count) articles, \(bytes / library.count) bytes each on average; \(ProcessInfo.processInfo.activeProcessorCount) cores")

    var index = SimilarityIndex(articles: [])
    var buildTimes: [Double] = []
    for _ in 0..<5 { buildTimes.append(milliseconds { index = SimilarityIndex.build(library) }) }
    print("build SimilarityIndex: median \(format(median(buildTimes))) of 5 (\(buildTimes.map { String(format: "%.0f", $0) }.joined(separator: ", ")) ms)")

    var random = SplitMix64(state: 7)
    var queryTimes: [Double] = []
    var found = 0
    var sameTopic = 0
    for _ in 0..<500 {
        let article = Int.random(in: 0..<library.count, using: &random)
        var ranked: [Int] = []
        queryTimes.append(milliseconds { ranked = index.similar(to: article, limit: 10) })
        found += ranked.count
        sameTopic += ranked.filter { $0 / articlesPerTopic == article / articlesPerTopic }.count
    }
    let sorted = queryTimes.sorted()
    print("similar(to:limit: 10): median \(format(median(queryTimes))), p99 \(format(sorted[sorted.count * 99 / 100])), max \(format(sorted.last!)) over 500 articles (\(found) results; \(sameTopic) of them on the query's topic)")

    // The same with every shared term kept: what pruning to the heaviest terms costs in ranking.
    var full = SimilarityIndex(articles: [])
    let fullBuild = milliseconds { full = SimilarityIndex.build(library, termsPerArticle: .max) }
    random = SplitMix64(state: 7)
    var fullTimes: [Double] = []
    var fullSameTopic = 0
    var overlap = 0
    for _ in 0..<100 {
        let article = Int.random(in: 0..<library.count, using: &random)
        var exact: [Int] = []
        fullTimes.append(milliseconds { exact = full.similar(to: article, limit: 10) })
        fullSameTopic += exact.filter { $0 / articlesPerTopic == article / articlesPerTopic }.count
        overlap += Set(exact).intersection(index.similar(to: article, limit: 10)).count
    }
    print("all shared terms kept: build \(format(fullBuild)), similar median \(format(median(fullTimes))) over 100 (\(fullSameTopic)/1000 results on the query's topic; top-10 overlap with the pruned index \(overlap)/1000)")
}

