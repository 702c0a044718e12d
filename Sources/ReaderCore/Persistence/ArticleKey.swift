import Foundation

/// The identity of an article that survives the library being moved, renamed or reloaded.
///
/// Two articles are the same when their normalized titles and their dates are equal; the
/// path they were read from is kept only as a hint (`pathHint`) and takes no part in
/// equality. Normalizing folds what differs between copies of one article but not between
/// articles: compatibility forms (full-width `？` and ASCII `?`, full-width digits), runs of
/// white space, and invisible format characters (zero-width spaces, byte order marks, soft
/// hyphens). Letter case is kept.
///
/// In JSON a key is `{"date": "2023-01-16", "title": "…", "path": "…"}`; `date` and `path`
/// are left out when unknown. The stored title is the normalized one, so a key read back
/// compares equal to the key it was written from.
public struct ArticleKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The title, normalized (see the type's summary).
    public let title: String
    /// The article's date, when it states one.
    public let date: ArticleDate?
    /// Where the article was last read from; not part of the identity.
    public var pathHint: String?

    /// The key of an article with `title` and `date`; `title` is normalized here.
    public init(title: String, date: ArticleDate?, pathHint: String? = nil) {
        self.title = ArticleKey.normalize(title)
        self.date = date
        self.pathHint = pathHint
    }

    /// The key of `article`, with its path as the hint.
    public init(_ article: Article) {
        self.init(title: article.title, date: article.date, pathHint: article.path)
    }

    /// `2023-01-16 title`, or `undated title`: one line, for messages and logs.
    public var description: String {
        "\(date?.description ?? "undated") \(title)"
    }

    public static func == (lhs: ArticleKey, rhs: ArticleKey) -> Bool {
        lhs.title == rhs.title && lhs.date == rhs.date
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(title)
        hasher.combine(date)
    }

    /// Undated keys first, then by date, then by title (by Unicode scalars, so the order is
    /// the same on every machine and locale).
    public static func < (lhs: ArticleKey, rhs: ArticleKey) -> Bool {
        switch (lhs.date, rhs.date) {
        case (nil, .some): return true
        case (.some, nil): return false
        case let (l?, r?) where l != r: return l < r
        default: return lhs.title.unicodeScalars.lexicographicallyPrecedes(rhs.title.unicodeScalars)
        }
    }

    /// The normal form of a title: NFKC, format characters removed, white space runs made one
    /// space, no white space at the ends.
    static func normalize(_ title: String) -> String {
        quickNormalize(title) ?? normalizeThroughFoundation(title)
    }

    /// `normalize(title)` for any title, NFKC by Foundation.
    static func normalizeThroughFoundation(_ title: String) -> String {
        let folded = title.precomposedStringWithCompatibilityMapping
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            if scalar.properties.isWhitespace || scalar.properties.generalCategory == .control {
                pendingSpace = !out.isEmpty
                continue
            }
            if scalar.properties.generalCategory == .format { continue }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(scalar)
        }
        return String(out)
    }
}

// MARK: - The common case without Foundation

extension ArticleKey {
    /// `normalize(title)` without NFKC through Foundation, for titles made only of scalars whose
    /// normal form is known here (ASCII, CJK ideographs, kana, CJK and full-width punctuation);
    /// nil for any other title. A library's titles are almost all such, and a start from the
    /// index normalizes every one of them. None of these scalars combines with its neighbours,
    /// so each one's NFKC form is that of the whole: itself, or for a full-width form its ASCII
    /// counterpart, or for the ideographic space a space.
    static func quickNormalize(_ title: String) -> String? {
        var out = String.UnicodeScalarView()
        // Set when a scalar becomes another one; scalars dropped show in the count.
        var mapped = false
        var pendingSpace = false
        var count = 0
        for scalar in title.unicodeScalars {
            count += 1
            var v = scalar.value
            if v >= 0xFF01 && v <= 0xFF5E {
                v -= 0xFEE0
                mapped = true
            } else if v == 0x3000 {
                v = 0x20
                mapped = true
            } else if !hasOwnNormalForm(v) {
                return nil
            }
            // As `normalize`: white space and controls make one space between words.
            if v <= 0x20 || v == 0x7F {
                if v != 0x20 { mapped = true }
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(Unicode.Scalar(v)!)
        }
        return mapped || out.count != count ? String(out) : title
    }

    /// Scalars that are their own NFKC form and never combine with a neighbour.
    @inline(__always)
    static func hasOwnNormalForm(_ v: UInt32) -> Bool {
        switch v {
        case 0x00...0x7F, 0xB7, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D,
             0x3001...0x3029, 0x3041...0x3096, 0x30A0...0x30FE, 0x3400...0x4DBF, 0x4E00...0x9FFF:
            return true
        default:
            return false
        }
    }
}

// MARK: - Codable

extension ArticleKey: Codable {
    private enum CodingKeys: String, CodingKey {
        case title, date, path
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let title = try c.decode(String.self, forKey: .title)
        var date: ArticleDate?
        if let text = try c.decodeIfPresent(String.self, forKey: .date) {
            guard let parsed = ArticleKey.parseDate(text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .date, in: c, debugDescription: "not a YYYY-MM-DD date: \(text)")
            }
            date = parsed
        }
        self.init(title: title, date: date, pathHint: try c.decodeIfPresent(String.self, forKey: .path))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(title, forKey: .title)
        try c.encodeIfPresent(date?.description, forKey: .date)
        try c.encodeIfPresent(pathHint, forKey: .path)
    }

    /// `2023-01-16` → the date; anything else → nil.
    static func parseDate(_ text: String) -> ArticleDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        return ArticleDate(year: y, month: m, day: d)
    }
}
