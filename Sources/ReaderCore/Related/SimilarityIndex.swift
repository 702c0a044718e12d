import Foundation

/// Ranks the articles of a library by how alike their text is, for the related-articles sidebar.
///
/// Each article becomes a TF-IDF vector over its terms (CJK character bigrams and lower-cased
/// words, see `TermExtractor`), from its title (counted ``titleWeight`` times), lead and body:
/// sublinear term frequency `1 + ln tf`, smoothed inverse document frequency
/// `ln((1 + N) / (1 + df)) + 1`, the whole vector L2-normalised. Two articles are as similar as
/// the cosine of their vectors.
///
/// To keep memory and query time small on large libraries, each article keeps only its
/// ``termsPerArticle`` heaviest terms that some other article shares (a term in one article
/// alone can never make two articles alike); the norm is still that of the whole vector, so a
/// score is the cosine with the lightest shared terms left out. Queries walk an inverted index
/// (term → articles holding it) and score only the articles that share a kept term.
///
/// Build it away from the main thread: ``build(_:termsPerArticle:)`` is a static function that
/// returns a `Sendable` value and spreads its work over all cores.
public struct SimilarityIndex: Sendable {
    /// How many times a title's terms count against the lead's and body's.
    public static let titleWeight: Float = 3
    /// How many terms each article keeps by default.
    public static let termsPerArticle = 256

    /// The number of articles indexed.
    public let count: Int

    // Article vectors (compressed rows): article i's terms are terms[starts[i]..<starts[i+1]].
    let vectorStarts: [Int]
    let vectorTerms: [Int32]
    let vectorWeights: [Float]

    // Postings (compressed rows): term t's articles, in library order.
    let postingStarts: [Int]
    let postingArticles: [Int32]
    let postingWeights: [Float]

    private init(
        _ count: Int, vectorStarts: [Int], vectorTerms: [Int32], vectorWeights: [Float],
        postingStarts: [Int], postingArticles: [Int32], postingWeights: [Float]
    ) {
        self.count = count
        self.vectorStarts = vectorStarts
        self.vectorTerms = vectorTerms
        self.vectorWeights = vectorWeights
        self.postingStarts = postingStarts
        self.postingArticles = postingArticles
        self.postingWeights = postingWeights
    }

    /// The bytes the index's arrays hold.
    public var footprint: Int {
        vectorStarts.count * MemoryLayout.size(ofValue: vectorStarts.first ?? 0)
            + vectorTerms.count * 4 + vectorWeights.count * MemoryLayout.size(ofValue: vectorWeights.first ?? 0)
            + postingStarts.count * MemoryLayout.size(ofValue: postingStarts.first ?? 0)
            + postingArticles.count * 4 + postingWeights.count * MemoryLayout.size(ofValue: postingWeights.first ?? 0)
    }

    /// Indexes `articles` (in library order); see ``build(_:termsPerArticle:)``.
    public init(articles: [Article], termsPerArticle: Int = SimilarityIndex.termsPerArticle) {
        self = Self.build(articles, termsPerArticle: termsPerArticle)
    }

    /// The library indices of the articles most like article `index`, most alike first, at most
    /// `limit` of them; never `index` itself nor any in `excluding`, and only articles that share
    /// some term with it. Ties go to the earlier article. An index out of range gives none.
    public func similar(to index: Int, limit: Int, excluding: Set<Int> = []) -> [Int] {
        scored(to: index, limit: limit, excluding: excluding).map(\.index)
    }

    /// ``similar(to:limit:excluding:)`` with the cosine of each.
    public func scored(to index: Int, limit: Int, excluding: Set<Int> = []) -> [(index: Int, score: Float)] {
        guard index >= 0, index < count, limit > 0 else { return [] }
        var scores = [Float](repeating: 0, count: count)
        var touched: [Int32] = []
        for v in vectorStarts[index]..<vectorStarts[index + 1] {
            let term = Int(vectorTerms[v])
            let weight = vectorWeights[v]
            for p in postingStarts[term]..<postingStarts[term + 1] {
                let article = Int(postingArticles[p])
                if scores[article] == 0 { touched.append(Int32(article)) }
                scores[article] += weight * postingWeights[p]
            }
        }
        var ranked: [(index: Int, score: Float)] = []
        ranked.reserveCapacity(touched.count)
        for article in touched {
            let a = Int(article)
            guard a != index, !excluding.contains(a) else { continue }
            ranked.append((a, scores[a]))
        }
        let inOrder: ((index: Int, score: Float), (index: Int, score: Float)) -> Bool = {
            $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index
        }
        if ranked.count > limit * 8 {
            // Keep the best `limit` without sorting everything: a bounded insertion list.
            var best: [(index: Int, score: Float)] = []
            best.reserveCapacity(limit + 1)
            for candidate in ranked {
                if best.count == limit, let last = best.last, !inOrder(candidate, last) { continue }
                var at = best.count
                while at > 0, inOrder(candidate, best[at - 1]) { at -= 1 }
                best.insert(candidate, at: at)
                if best.count > limit { best.removeLast() }
            }
            return best
        }
        ranked.sort(by: inOrder)
        return Array(ranked.prefix(limit))
    }
}

// MARK: - Building

extension SimilarityIndex {
    /// Builds the index of `articles` on all cores; safe to call from any thread.
    public static func build(_ articles: [Article], termsPerArticle: Int = termsPerArticle) -> SimilarityIndex {
        let n = articles.count
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunks = min(n, workers * 8)

        // 1. Term frequencies of each article.
        var raw = [RawTerms](repeating: RawTerms(), count: n)
        raw.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            ParallelWork.perform(iterations: chunks) { chunk in
                for i in stride(from: chunk, to: n, by: chunks) {
                    let frequencies = TermExtractor.frequencies(of: articles[i], titleWeight: titleWeight)
                    out[i] = RawTerms(keys: Array(frequencies.keys), counts: Array(frequencies.values))
                }
            }
        }

        let rawTerms = raw

        // 2. Document frequencies, the key space split into shards counted in parallel.
        let shardCount = 16
        var shards = [Shard](repeating: Shard(), count: shardCount)
        shards.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            ParallelWork.perform(iterations: shardCount) { s in
                var shard = Shard()
                for terms in rawTerms {
                    for key in terms.keys where Shard.of(key, count: shardCount) == s {
                        if let local = shard.localID[key] {
                            shard.documentFrequency[Int(local)] += 1
                        } else {
                            shard.localID[key] = Int32(shard.documentFrequency.count)
                            shard.documentFrequency.append(1)
                        }
                    }
                }
                out[s] = shard
            }
        }
        var shardBase = [Int](repeating: 0, count: shardCount + 1)
        for s in 0..<shardCount { shardBase[s + 1] = shardBase[s] + shards[s].documentFrequency.count }
        let termCount = shardBase[shardCount]
        let shardTables = shards
        let shardStarts = shardBase

        // 3. Weigh, normalise and prune each article's vector.
        var vectors = [Vector](repeating: Vector(), count: n)
        let logN = Float(n + 1)
        vectors.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            ParallelWork.perform(iterations: chunks) { chunk in
                var weighted: [(term: Int32, weight: Float)] = []
                for i in stride(from: chunk, to: n, by: chunks) {
                    weighted.removeAll(keepingCapacity: true)
                    var squares: Float = 0
                    let terms = rawTerms[i]
                    for (key, count) in zip(terms.keys, terms.counts) {
                        let s = Shard.of(key, count: shardCount)
                        let local = Int(shardTables[s].localID[key]!)
                        let df = shardTables[s].documentFrequency[local]
                        let weight = (1 + log(count)) * (log(logN / Float(df + 1)) + 1)
                        squares += weight * weight
                        // A term no other article has cannot make two articles alike.
                        if df > 1 { weighted.append((Int32(shardStarts[s] + local), weight)) }
                    }
                    guard squares > 0 else { continue }
                    if weighted.count > termsPerArticle {
                        weighted.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.term < $1.term }
                        weighted.removeLast(weighted.count - termsPerArticle)
                    }
                    weighted.sort { $0.term < $1.term }
                    let norm = 1 / squares.squareRoot()
                    out[i] = Vector(terms: weighted.map(\.term), weights: weighted.map { $0.weight * norm })
                }
            }
        }

        // 4. Lay the vectors out in rows, and invert them into postings.
        var vectorStarts = [Int](repeating: 0, count: n + 1)
        for i in 0..<n { vectorStarts[i + 1] = vectorStarts[i] + vectors[i].terms.count }
        var vectorTerms: [Int32] = []
        var vectorWeights: [Float] = []
        vectorTerms.reserveCapacity(vectorStarts[n])
        vectorWeights.reserveCapacity(vectorStarts[n])
        var postingCounts = [Int](repeating: 0, count: termCount + 1)
        for vector in vectors {
            vectorTerms.append(contentsOf: vector.terms)
            vectorWeights.append(contentsOf: vector.weights)
            for term in vector.terms { postingCounts[Int(term) + 1] += 1 }
        }
        for t in 0..<termCount { postingCounts[t + 1] += postingCounts[t] }
        let postingStarts = postingCounts
        var fill = postingCounts
        var postingArticles = [Int32](repeating: 0, count: vectorStarts[n])
        var postingWeights = [Float](repeating: 0, count: vectorStarts[n])
        for i in 0..<n {
            for v in vectorStarts[i]..<vectorStarts[i + 1] {
                let term = Int(vectorTerms[v])
                postingArticles[fill[term]] = Int32(i)
                postingWeights[fill[term]] = vectorWeights[v]
                fill[term] += 1
            }
        }
        return SimilarityIndex(
            n, vectorStarts: vectorStarts, vectorTerms: vectorTerms, vectorWeights: vectorWeights,
            postingStarts: postingStarts, postingArticles: postingArticles, postingWeights: postingWeights
        )
    }

    /// One article's raw term counts.
    struct RawTerms {
        var keys: [UInt64] = []
        var counts: [Float] = []
    }

    /// One article's kept terms (global ids, ascending) and normalised weights.
    struct Vector {
        var terms: [Int32] = []
        var weights: [Float] = []
    }

    /// One part of the term key space: its terms' local ids and document frequencies.
    struct Shard {
        var localID: [UInt64: Int32] = [:]
        var documentFrequency: [Int32] = []

        @inline(__always)
        static func of(_ key: UInt64, count: Int) -> Int {
            Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 60) % count
        }
    }
}
