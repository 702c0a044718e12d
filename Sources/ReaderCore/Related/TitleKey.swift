/// The form of a title that survives re-typing: width, punctuation, spaces and case folded away.
///
/// Sites retype titles when they list them as related: a half-width `?` for a full-width `？`,
/// doubled spaces, other capitals. `normalize(_:)` keeps only what a reader would call the
/// words: full-width forms become half-width, letters become lower-case, and punctuation,
/// spaces and control characters go.
///
///     TitleKey.normalize("【新视点】基层党建如何推进乡村振兴战略深度融合？")
///     // "新视点基层党建如何推进乡村振兴战略深度融合"
///     TitleKey.normalize("Reading  on Small Screens")  // "readingonsmallscreens"
public enum TitleKey {
    /// The comparison key of `title`; empty when the title has nothing but punctuation.
    public static func normalize(_ title: String) -> String {
        var key = String.UnicodeScalarView()
        for character in title {
            TextFolding.forEachFoldedScalar(of: character, foldingCase: true) { scalar in
                if isKept(scalar) { key.append(scalar) }
            }
        }
        return String(key)
    }

    static func isKept(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format:
            return false
        default:
            return !scalar.properties.isWhitespace
        }
    }
}

/// Finds an article of the library by a title as another article quotes it.
///
/// Built once from the library's titles; `index(ofTitle:)` answers with the library index of
/// the article whose ``TitleKey`` equals the quoted title's, the first such when titles repeat.
public struct TitleLookup: Sendable {
    private var indexByKey: [String: Int]

    /// Indexes `titles` (the library's titles, in library order).
    public init(titles: [String]) {
        var indexByKey: [String: Int] = [:]
        for (index, title) in titles.enumerated() {
            let key = TitleKey.normalize(title)
            guard !key.isEmpty, indexByKey[key] == nil else { continue }
            indexByKey[key] = index
        }
        self.indexByKey = indexByKey
    }

    /// Indexes the titles of `articles`.
    public init(articles: [Article]) {
        self.init(titles: articles.map(\.title))
    }

    /// The library index of the article titled `title` (width, punctuation, spaces and case
    /// aside), or `nil` when the library has no such article.
    public func index(ofTitle title: String) -> Int? {
        let key = TitleKey.normalize(title)
        return key.isEmpty ? nil : indexByKey[key]
    }

    /// Follows a library that grew: the articles indexed so far moved (`moved[old] == new`)
    /// and `added` (new index, title) arrived. Only the added titles are normalized.
    public mutating func remap(_ moved: [Int], adding added: [(index: Int, title: String)]) {
        for (key, index) in indexByKey { indexByKey[key] = moved[index] }
        for (index, title) in added {
            let key = TitleKey.normalize(title)
            guard !key.isEmpty else { continue }
            // The first article with a title wins, as when the lookup is built at once.
            if let existing = indexByKey[key], existing < index { continue }
            indexByKey[key] = index
        }
    }

    /// For each of an article's related items, the library index of its article, if present.
    public func indices(of related: [RelatedItem]) -> [Int?] {
        related.map { index(ofTitle: $0.title) }
    }
}
