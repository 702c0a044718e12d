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
/// The index holds, per kept term of an article, its term id (4 bytes) and, in the postings,
/// the article (4 bytes) and weight (4 bytes); an article's own weight for a term is found in
/// that term's postings. Building reads the articles' text twice (document frequencies first,
/// then the vectors) rather than holding every article's raw terms at once.
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

    // Article vectors (compressed rows): article i's terms are terms[starts[i]..<starts[i+1]],
    // ascending; their weights are in the postings.
    let vectorStarts: [Int32]
    let vectorTerms: [Int32]

    // Postings (compressed rows): term t's articles, in library order, with their weights.
    let postingStarts: [Int32]
    let postingArticles: [Int32]
    let postingWeights: [Float]

    init(
        _ count: Int, vectorStarts: [Int32], vectorTerms: [Int32],
        postingStarts: [Int32], postingArticles: [Int32], postingWeights: [Float]
    ) {
        self.count = count
        self.vectorStarts = vectorStarts
        self.vectorTerms = vectorTerms
        self.postingStarts = postingStarts
        self.postingArticles = postingArticles
        self.postingWeights = postingWeights
    }

    /// The bytes the index's arrays hold.
    public var footprint: Int {
        4 * (vectorStarts.count + vectorTerms.count + postingStarts.count + postingArticles.count)
            + MemoryLayout<Float>.size * postingWeights.count
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
        for v in Int(vectorStarts[index])..<Int(vectorStarts[index + 1]) {
            let term = Int(vectorTerms[v])
            let postings = Int(postingStarts[term])..<Int(postingStarts[term + 1])
            let weight = postingWeights[position(of: index, in: postings)]
            for p in postings {
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

    /// Where `article` is in `postings` (a range of a term's postings that holds it).
    @inline(__always)
    private func position(of article: Int, in postings: Range<Int>) -> Int {
        let target = Int32(article)
        var low = postings.lowerBound
        var high = postings.upperBound
        while low < high {
            let middle = (low + high) / 2
            if postingArticles[middle] < target { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

