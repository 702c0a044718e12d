import Foundation

extension SimilarityIndex {
    /// How many articles are read at a time; bounds the raw terms held at once.
    static let batchSize = 2048

    /// Builds the index of `articles` on all cores; safe to call from any thread.
    ///
    /// Memory stays near the size of the finished index: the articles are read in batches,
    /// twice — first for the document frequency of each term, then for each article's weighed
    /// and pruned vector — so no more than one batch's raw terms are held at a time.
    public static func build(_ articles: [Article], termsPerArticle: Int = termsPerArticle) -> SimilarityIndex {
        build(from: articles, termsPerArticle: termsPerArticle)
    }

    /// ``build(_:termsPerArticle:)`` over any collection of articles, for example one that
    /// reads each article from its file when asked (each is asked for twice), so that the
    /// library's text is never all in memory at once.
    public static func build<Articles: RandomAccessCollection & Sendable>(
        from articles: Articles, termsPerArticle: Int = termsPerArticle
    ) -> SimilarityIndex where Articles.Element == Article, Articles.Index == Int {
        let n = articles.count
        var (vectorStarts, vectorTerms, vectorWeights, termCount) = vectors(of: articles, termsPerArticle: termsPerArticle)
        let entries = vectorTerms.count

        // Number only the terms some vector kept, and count each one's postings.
        var postingStarts = [Int32](repeating: 0, count: termCount + 1)
        for term in vectorTerms { postingStarts[Int(term) + 1] += 1 }
        var renumbered = [Int32](repeating: -1, count: termCount)
        var kept = 0
        for t in 0..<termCount where postingStarts[t + 1] > 0 {
            renumbered[t] = Int32(kept)
            postingStarts[kept + 1] = postingStarts[t + 1]
            kept += 1
        }
        postingStarts.removeLast(termCount - kept)
        for v in 0..<entries { vectorTerms[v] = renumbered[Int(vectorTerms[v])] }
        renumbered = []
        for t in 0..<kept { postingStarts[t + 1] += postingStarts[t] }

        // Invert the vectors into postings, in library order.
        var fill = Array(postingStarts.dropLast())
        var postingArticles = [Int32](repeating: 0, count: entries)
        var postingWeights = [Float](repeating: 0, count: entries)
        for i in 0..<n {
            for v in Int(vectorStarts[i])..<Int(vectorStarts[i + 1]) {
                let term = Int(vectorTerms[v])
                let at = Int(fill[term])
                postingArticles[at] = Int32(i)
                postingWeights[at] = vectorWeights[v]
                fill[term] += 1
            }
        }
        fill = []
        vectorWeights = []
        return SimilarityIndex(
            n, vectorStarts: vectorStarts, vectorTerms: vectorTerms,
            postingStarts: postingStarts, postingArticles: postingArticles, postingWeights: postingWeights
        )
    }

    /// The weighed, normalised and pruned vector of each article, in rows (terms ascending),
    /// with the number of term ids used. The document frequency tables live only in here.
    private static func vectors<Articles: RandomAccessCollection & Sendable>(
        of articles: Articles, termsPerArticle: Int
    ) -> (starts: [Int32], terms: [Int32], weights: [Float], termCount: Int) where Articles.Element == Article, Articles.Index == Int {
        let n = articles.count
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let shardCount = 16

        // 1. Document frequencies, batch by batch; each shard of the key space counted apart.
        var shards = [Shard](repeating: Shard(), count: shardCount)
        var bound = 0
        for batch in stride(from: 0, to: n, by: batchSize) {
            let range = batch..<min(n, batch + batchSize)
            var keys = [[UInt64]](repeating: [], count: range.count)
            let chunks = min(range.count, workers * 8)
            keys.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let out = buffer
                ParallelWork.perform(iterations: chunks) { chunk in
                    var frequencies: [UInt64: Float] = [:]
                    frequencies.reserveCapacity(1024)
                    for i in stride(from: chunk, to: range.count, by: chunks) {
                        TermExtractor.count(articles[range.lowerBound + i], titleWeight: titleWeight, into: &frequencies)
                        out[i] = Array(frequencies.keys)
                    }
                }
            }
            for articleKeys in keys { bound += min(articleKeys.count, termsPerArticle) }
            let batchKeys = keys
            shards.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let out = buffer
                ParallelWork.perform(iterations: shardCount) { s in
                    for articleKeys in batchKeys {
                        for key in articleKeys where Shard.of(key, count: shardCount) == s {
                            out[s].count(key)
                        }
                    }
                }
            }
        }

        // Ids for the terms in more than one article, the only ones a vector keeps.
        var base = 0
        for s in 0..<shardCount { shards[s].numberShared(from: &base) }
        let termCount = base
        let tables = shards
        shards = []

        // 2. Each article's vector, batch by batch, appended to the rows.
        var starts = [Int32](repeating: 0, count: n + 1)
        var terms: [Int32] = []
        var weights: [Float] = []
        terms.reserveCapacity(bound)
        weights.reserveCapacity(bound)
        let logN = Float(n + 1)
        for batch in stride(from: 0, to: n, by: batchSize) {
            let range = batch..<min(n, batch + batchSize)
            var vectors = [Vector](repeating: Vector(), count: range.count)
            let chunks = min(range.count, workers * 8)
            vectors.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let out = buffer
                ParallelWork.perform(iterations: chunks) { chunk in
                    var frequencies: [UInt64: Float] = [:]
                    frequencies.reserveCapacity(1024)
                    var weighted: [(term: Int32, weight: Float)] = []
                    for i in stride(from: chunk, to: range.count, by: chunks) {
                        TermExtractor.count(articles[range.lowerBound + i], titleWeight: titleWeight, into: &frequencies)
                        weighted.removeAll(keepingCapacity: true)
                        var squares: Float = 0
                        for (key, count) in frequencies {
                            let s = Shard.of(key, count: shardCount)
                            // A term the first pass did not see (the article was read again
                            // from a file that changed in between) weighs nothing.
                            guard let id = tables[s].localID[key] else { continue }
                            let local = Int(id)
                            let df = tables[s].documentFrequency[local]
                            let weight = (1 + log(count)) * (log(logN / Float(df + 1)) + 1)
                            squares += weight * weight
                            // A term no other article has cannot make two articles alike.
                            if df > 1 { weighted.append((tables[s].sharedID[local], weight)) }
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
            for (offset, vector) in vectors.enumerated() {
                terms.append(contentsOf: vector.terms)
                weights.append(contentsOf: vector.weights)
                let i = range.lowerBound + offset
                precondition(terms.count <= Int32.max, "similarity index: too many terms for 32-bit rows")
                starts[i + 1] = Int32(terms.count)
            }
        }
        return (starts, terms, weights, termCount)
    }

    /// One article's kept terms (ids, ascending) and normalised weights.
    struct Vector {
        var terms: [Int32] = []
        var weights: [Float] = []
    }

    /// One part of the term key space: its terms' local ids, document frequencies and, once
    /// counted, the ids of those in more than one article.
    struct Shard {
        var localID: [UInt64: Int32] = [:]
        var documentFrequency: [Int32] = []
        var sharedID: [Int32] = []

        /// Counts one more article holding `key`.
        mutating func count(_ key: UInt64) {
            if let local = localID[key] {
                documentFrequency[Int(local)] += 1
            } else {
                localID[key] = Int32(documentFrequency.count)
                documentFrequency.append(1)
            }
        }

        /// Gives each term in more than one article the next id from `next` (-1 to the rest).
        mutating func numberShared(from next: inout Int) {
            sharedID = documentFrequency.map { df in
                guard df > 1 else { return -1 }
                defer { next += 1 }
                return Int32(next)
            }
        }

        @inline(__always)
        static func of(_ key: UInt64, count: Int) -> Int {
            Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 60) % count
        }
    }
}
