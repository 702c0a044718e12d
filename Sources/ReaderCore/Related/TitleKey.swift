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
        quickNormalize(title) ?? normalizeByCharacters(title)
    }

    /// `normalize(title)` one character (grapheme) at a time: for any title.
    static func normalizeByCharacters(_ title: String) -> String {
        var key = String.UnicodeScalarView()
        for character in title {
            TextFolding.forEachFoldedScalar(of: character, foldingCase: true) { scalar in
                if isKept(scalar) { key.append(scalar) }
            }
        }
        return String(key)
    }

    /// `normalize(title)` one scalar at a time, for titles made only of the scalars whose
    /// normal form `ArticleKey` knows without Foundation (ASCII, CJK ideographs, kana, CJK and
    /// full-width punctuation): each is a character of its own, folds as `TextFolding` folds
    /// it (full-width to ASCII, ASCII capitals to small letters, the rest as it is) and is
    /// kept or not by its category. Nil for any other title. A start from the index builds
    /// the lookup from every title of the library, so this is most of what a start costs.
    static func quickNormalize(_ title: String) -> String? {
        var key = String.UnicodeScalarView()
        for scalar in title.unicodeScalars {
            var v = scalar.value
            if v >= 0xFF01 && v <= 0xFF5E {
                v -= 0xFEE0
            } else if v == 0x3000 {
                continue // a space
            } else if !ArticleKey.hasOwnNormalForm(v) {
                return nil
            }
            if v < 0x80 {
                if asciiKept[Int(v)] { key.append(Unicode.Scalar(v >= 0x41 && v <= 0x5A ? v | 0x20 : v)!) }
            } else if (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x3041...0x3096).contains(v)
                        || (0x30A1...0x30FA).contains(v) || isKept(Unicode.Scalar(v)!) {
                key.append(Unicode.Scalar(v)!)
            }
        }
        return String(key)
    }

    /// The fingerprint (`Fingerprint`, FNV-1a) of `normalize(title)`'s UTF-8, computed as the
    /// key is, without making it; nil when the key is empty.
    static func fingerprint(_ title: String) -> Int64? {
        // A string read from a file or the index is stored as UTF-8: decoded here byte by
        // byte (it is valid UTF-8), which costs a third of going through its scalars.
        if case .key(let value)? = title.utf8.withContiguousStorageIfAvailable(quickFingerprint) { return value }
        let key = normalizeByCharacters(title)
        guard !key.isEmpty else { return nil }
        var whole = Fingerprint()
        whole.add(key)
        return whole.value
    }

    /// `fingerprint` of a title in valid UTF-8 made only of the scalars `quickNormalize`
    /// takes, or `.other` for any other title.
    static func quickFingerprint(_ bytes: UnsafeBufferPointer<UInt8>) -> QuickFingerprint {
        var hash = Fingerprint()
        var empty = true
        var i = 0
        let count = bytes.count
        while i < count {
            let b0 = UInt32(bytes[i])
            var v: UInt32
            if b0 < 0x80 {
                v = b0
                i += 1
            } else if b0 < 0xE0 {
                v = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                i += 2
            } else if b0 < 0xF0 {
                v = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                i += 3
            } else {
                return .other // beyond U+FFFF: none is in the quick set
            }
            if v >= 0xFF01 && v <= 0xFF5E {
                v -= 0xFEE0
            } else if v == 0x3000 {
                continue // a space
            } else if !ArticleKey.hasOwnNormalForm(v) {
                return .other
            }
            if v < 0x80 {
                guard asciiKept[Int(v)] else { continue }
                hash.add(byte: UInt8(v >= 0x41 && v <= 0x5A ? v | 0x20 : v))
            } else if (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x3041...0x3096).contains(v)
                        || (0x30A1...0x30FA).contains(v) || (v >= 0x3000 && v < 0x3100 ? kept3000[Int(v - 0x3000)]
                                                                : isKept(Unicode.Scalar(v)!)) {
                // Three UTF-8 bytes: every non-ASCII scalar of the quick set is below U+10000.
                hash.add(byte: UInt8(0xE0 | (v >> 12)))
                hash.add(byte: UInt8(0x80 | ((v >> 6) & 0x3F)))
                hash.add(byte: UInt8(0x80 | (v & 0x3F)))
            } else {
                continue
            }
            empty = false
        }
        return .key(empty ? nil : hash.value)
    }

    /// What `quickFingerprint` found: the fingerprint (nil when the key is empty), or a
    /// title it does not take.
    enum QuickFingerprint: Equatable {
        case key(Int64?)
        case other
    }

    /// Which scalars of U+3000–U+30FF (CJK punctuation, kana) `isKept` keeps.
    private static let kept3000: [Bool] = (0x3000..<0x3100).map { isKept(Unicode.Scalar(UInt32($0))!) }

    /// Which ASCII scalars `isKept` keeps.
    private static let asciiKept: [Bool] = (0..<128).map { isKept(Unicode.Scalar(UInt8($0))) }

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
/// titles repeat. Articles arriving later are added without touching the rest. Keys are kept
/// as 64-bit fingerprints of the title keys, not as strings: a tenth of the memory and of
/// the time to build for a large library (two different titles share a fingerprint once in
/// about 10^13 pairs). The articles it was built from are kept by position in their array
/// (shared with the library, not copied), so that building it makes no identity and retains
/// nothing per article; the few added later are kept by identity.
public struct TitleLookup: Sendable {
    /// The articles the lookup was built from, and where in them each key's first article is.
    private var built: [Article] = []
    private var positionByKey: [Int64: Int32] = [:]
    /// Articles added since, by key: each one is first in library order among those with
    /// its key (it wins over `built`'s).
    private var addedByKey: [Int64: ArticleID] = [:]

    /// Indexes `articles` (the library, in library order).
    public init(articles: [Article]) {
        built = articles
        positionByKey.reserveCapacity(articles.count)
        // Last to first: where a title repeats, the first in library order is written last.
        // Read in place: a copy of each article would retain and release all its strings.
        articles.withUnsafeBufferPointer { articles in
            for i in articles.indices.reversed() {
                guard let key = Self.fingerprint(articles[i].title) else { continue }
                positionByKey[key] = Int32(truncatingIfNeeded: i)
            }
        }
    }

    /// Indexes `articles` (the library, in library order) on the cores there are, with
    /// `alongside` (other work to do at the same time: the library's own table) as one more
    /// piece of the work: the titles' fingerprints, most of the time it takes, are made in
    /// a few pieces, so that whichever core is done first takes the next.
    public static func build(_ articles: [Article], alongside: () -> Void) -> TitleLookup {
        let pieces = 4
        var keys = [Int64?](repeating: nil, count: articles.count)
        keys.withUnsafeMutableBufferPointer { keys in
            articles.withUnsafeBufferPointer { articles in
                ParallelWork.perform(iterations: pieces + 1) { part in
                    guard part > 0 else { return alongside() }
                    let size = (articles.count + pieces - 1) / pieces
                    for i in min(articles.count, (part - 1) * size)..<min(articles.count, part * size) {
                        keys[i] = fingerprint(articles[i].title)
                    }
                }
            }
        }
        var lookup = TitleLookup(articles: [])
        lookup.built = articles
        lookup.positionByKey.reserveCapacity(articles.count)
        // Last to first: where a title repeats, the first in library order is written last.
        for i in keys.indices.reversed() {
            if let key = keys[i] { lookup.positionByKey[key] = Int32(truncatingIfNeeded: i) }
        }
        return lookup
    }

    /// The fingerprint of `title`'s key; nil when the key is empty.
    static func fingerprint(_ title: String) -> Int64? {
        TitleKey.fingerprint(title)
    }

    /// The article titled `title` (width, punctuation, spaces and case aside), or `nil` when
    /// the library has no such article.
    public func id(ofTitle title: String) -> ArticleID? {
        Self.fingerprint(title).flatMap { id(ofKey: $0) }
    }

    private func id(ofKey key: Int64) -> ArticleID? {
        if let id = addedByKey[key] { return id }
        return positionByKey[key].map { built[Int($0)].id }
    }

    /// Adds articles that arrived in `library`; where a title repeats, the article first in
    /// library order wins, as when the lookup is built at once. Only their titles are
    /// normalized.
    public mutating func add(_ batch: [Article], in library: Library) {
        for article in batch {
            guard let key = Self.fingerprint(article.title) else { continue }
            let added = article.id
            if let existing = id(ofKey: key), let old = library.index(of: existing),
               let new = library.index(of: added), old < new { continue }
            addedByKey[key] = added
        }
    }

    /// For each of an article's related items, its article's identity, if the library has it.
    public func ids(of related: [RelatedItem]) -> [ArticleID?] {
        related.map { id(ofTitle: $0.title) }
    }
}
