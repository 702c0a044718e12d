import Foundation

extension LibrarySearch {
    /// The articles of `articles` (whole, in library order) that match `query`, the way the
    /// index answers it, for a library read without an index (`--no-index`): words and
    /// phrases anywhere in the title or text (letter case ignored), `title:` in the title,
    /// `site:` and `source:` in those fields, `tag:` one of the tags, the dates, and the `is:`
    /// filters with what the caller knows. Relevance is the number of times the words occur,
    /// a title occurrence counting ten times (as the index weighs them); ties, and `order:
    /// date`, keep library order. One pass over each article's text per word.
    public static func scan(_ query: SearchQuery, in articles: [Article], folding: SearchFolding = .identity,
                            limit: Int? = nil,
                            isBookmarked: (Article) -> Bool = { _ in false },
                            isRead: (Article) -> Bool = { _ in false }) -> [SearchHit] {
        func fold(_ s: String) -> String { folding.fold(s).lowercased() }
        let terms = query.terms.map(fold).filter { !$0.isEmpty }
        let titleTerms = query.titleTerms.map(fold).filter { !$0.isEmpty }
        let sites = query.sites.map { $0.lowercased() }
        let sources = query.sources.map { $0.lowercased() }
        var scored: [(hit: SearchHit, order: Int)] = []
        for (order, article) in articles.enumerated() {
            if !sites.isEmpty {
                let site = (article.site ?? "").lowercased()
                guard sites.allSatisfy({ site.contains($0) }) else { continue }
            }
            if !sources.isEmpty {
                let source = (article.source ?? "").lowercased()
                guard sources.allSatisfy({ source.contains($0) }) else { continue }
            }
            guard query.tags.allSatisfy({ article.tags.contains($0) }) else { continue }
            let day = article.date.map { $0.year * 10_000 + $0.month * 100 + $0.day } ?? 0
            if let after = query.after, day < after { continue }
            if let before = query.before, day == 0 || day >= before { continue }
            if query.bookmarked && !isBookmarked(article) { continue }
            if query.unread && isRead(article) { continue }
            let title = fold(article.title)
            var score = 0
            var matched = true
            for term in titleTerms {
                let n = occurrences(of: term, in: title)
                if n == 0 { matched = false; break }
                score += 10 * n
            }
            guard matched else { continue }
            if !terms.isEmpty {
                let text = fold(([article.lead ?? ""] + article.body.map(\.text)).joined(separator: "\n"))
                for term in terms {
                    let n = 10 * occurrences(of: term, in: title) + occurrences(of: term, in: text)
                    if n == 0 { matched = false; break }
                    score += n
                }
            }
            guard matched else { continue }
            scored.append((SearchHit(article: article, score: Double(score)), order))
        }
        if query.order == .relevance {
            scored.sort { $0.hit.score != $1.hit.score ? $0.hit.score > $1.hit.score : $0.order < $1.order }
        }
        var hits = scored.map(\.hit)
        if let limit, hits.count > limit { hits.removeLast(hits.count - limit) }
        return hits
    }

    /// How many times `needle` occurs in `haystack`, not overlapping.
    static func occurrences(of needle: String, in haystack: String) -> Int {
        guard !needle.isEmpty else { return 0 }
        var count = 0
        var rest = haystack[...]
        while let range = rest.range(of: needle) {
            count += 1
            rest = rest[range.upperBound...]
        }
        return count
    }
}
