// Benchmarks for in-article search and related-article ranking.
//
//     swift build -c release --product yuedu-bench-search
//     .build/release/yuedu-bench-search search    # 1 MB article: fold once, search per keystroke
//     .build/release/yuedu-bench-search related   # 10,000 generated articles: build, query
//
// Both generate their text from the seed article's paragraphs, deterministically, so runs on
// different machines measure the same work. Figures are medians of repeated runs.
import Foundation
import ReaderCore

// MARK: - Helpers

func seedArticle() -> Article {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        let seed = url.appendingPathComponent("seeds/000_179341d704dc42fe.txt").path
        if FileManager.default.fileExists(atPath: seed) {
            switch ArticleFile.read(path: seed) {
            case .success(let article): return article
            case .failure(let error): fatalError("cannot read the seed article: \(error)")
            }
        }
    }
    fatalError("cannot find seeds/000_179341d704dc42fe.txt above \(#filePath)")
}

/// Milliseconds taken by `body`.
func milliseconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func format(_ ms: Double) -> String { String(format: "%.3f ms", ms) }

/// SplitMix64: a small deterministic generator.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

let englishParagraph = "A terminal reader must wrap Chinese text the way a typesetter would: no comma or full stop "
    + "at the start of a line, no opening bracket left alone at its end, and Latin words such as Swift, "
    + "ncursesw or UTF-8 kept whole. Search within the article folds ＡＢＣ and ABC together."

// MARK: - Search

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

// MARK: - Related articles

/// Articles in a generated library share a topic in runs of this many.
let articlesPerTopic = 20

/// A library of `count` articles of about 5 KB, from the seed's sentences shuffled.
///
/// The seed alone gives every article the same vocabulary, so each article also has a topic
/// (`articlesPerTopic` articles in a row share one): six made-up words of random Han
/// characters, one of which follows about every other sentence. A good ranking finds the
/// articles of the same topic first.
func generatedLibrary(count: Int) -> [Article] {
    let seed = seedArticle()
    // The seed's sentences, cut after 。！？ (and its paragraphs where they have none).
    var sentences: [String] = []
    for paragraph in [seed.lead ?? ""] + seed.body.map(\.text) {
        var current = ""
        for character in paragraph {
            current.append(character)
            if "。！？".contains(character) { sentences.append(current); current = "" }
        }
        if !current.isEmpty { sentences.append(current) }
    }
    var random = SplitMix64(state: 20230116)
    var library: [Article] = []
    library.reserveCapacity(count)
    var topicWords: [String] = []
    for n in 0..<count {
        if n % articlesPerTopic == 0 {
            topicWords = (0..<6).map { _ in
                String((0..<Int.random(in: 2...4, using: &random)).map { _ in
                    Character(Unicode.Scalar(UInt32.random(in: 0x4E00...0x9FA5, using: &random))!)
                })
            }
        }
        var body: [Block] = []
        var size = 0
        while size < 5000 {
            var paragraph = ""
            for _ in 0..<Int.random(in: 2...5, using: &random) {
                paragraph += sentences[Int.random(in: 0..<sentences.count, using: &random)]
                if Bool.random(using: &random) { paragraph += topicWords.randomElement(using: &random)! + "。" }
            }
            if n % 10 == 0, Int.random(in: 0..<4, using: &random) == 0 { paragraph = englishParagraph }
            body.append(Block(.paragraph, paragraph))
            size += paragraph.utf8.count
        }
        let title = topicWords[0] + String(sentences[Int.random(in: 0..<sentences.count, using: &random)].prefix(20))
        library.append(Article(title: title, lead: body.first?.text, body: Array(body.dropFirst())))
    }
    return library
}

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

// MARK: - Main

let what = CommandLine.arguments.dropFirst().first ?? "all"
switch what {
case "search": benchmarkSearch()
case "related": benchmarkRelated()
case "related-ui": benchmarkRelatedUI()
case "all": benchmarkSearch(); benchmarkRelated()
default:
    FileHandle.standardError.write("usage: yuedu-bench-search [search|related|all]\n".data(using: .utf8)!)
    exit(2)
}
