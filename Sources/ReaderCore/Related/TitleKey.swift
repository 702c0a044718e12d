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
/// Built from the library's articles; `id(ofTitle:)` answers with the identity of the
/// article whose ``TitleKey`` equals the quoted title's, the first in library order when
/// titles repeat. Articles arriving later are added without touching the rest.
public struct TitleLookup: Sendable {
    private var idByKey: [String: ArticleID] = [:]

    /// Indexes `articles` (the library, in library order).
    public init(articles: [Article]) {
        for article in articles {
            let key = TitleKey.normalize(article.title)
            guard !key.isEmpty, idByKey[key] == nil else { continue }
            idByKey[key] = article.id
        }
    }

    /// The article titled `title` (width, punctuation, spaces and case aside), or `nil` when
    /// the library has no such article.
    public func id(ofTitle title: String) -> ArticleID? {
        let key = TitleKey.normalize(title)
        return key.isEmpty ? nil : idByKey[key]
    }

    /// Adds articles that arrived in `library`; where a title repeats, the article first in
    /// library order wins, as when the lookup is built at once. Only their titles are
    /// normalized.
    public mutating func add(_ batch: [Article], in library: Library) {
        for article in batch {
            let key = TitleKey.normalize(article.title)
            guard !key.isEmpty else { continue }
            let id = article.id
            if let existing = idByKey[key], let old = library.index(of: existing),
               let new = library.index(of: id), old < new { continue }
            idByKey[key] = id
        }
    }

    /// For each of an article's related items, its article's identity, if the library has it.
    public func ids(of related: [RelatedItem]) -> [ArticleID?] {
        related.map { id(ofTitle: $0.title) }
    }
}
