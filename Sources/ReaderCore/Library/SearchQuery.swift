import Foundation

/// A library search as the user types it: words and "quoted phrases", and fields.
///
///     乡村 "数字 经济" title:振兴 site:新华网 source:人民 tag:党建
///     after:2023-01 before:2024 is:bookmarked is:unread
///
/// Words and phrases must all occur in the article's title or text (as substrings: Chinese
/// has no spaces to split words at). `title:` must occur in the title; `site:` and `source:`
/// in those fields; `tag:` is one of the article's tags. `after:` keeps articles dated on or
/// after the start of that year, month or day; `before:` those dated before its start.
/// `is:bookmarked` and `is:unread` keep bookmarked or unread articles.
public struct SearchQuery: Hashable, Sendable {
    /// How results are ranked.
    public enum Order: String, Hashable, Sendable {
        /// Best match first (title matches count more).
        case relevance
        /// Newest first, as the list is.
        case date
    }

    public var terms: [String] = []
    public var titleTerms: [String] = []
    public var sites: [String] = []
    public var sources: [String] = []
    public var tags: [String] = []
    /// Dates as `yyyymmdd`: `after` is the first day kept, `before` the first day not kept.
    public var after: Int?
    public var before: Int?
    public var bookmarked = false
    public var unread = false
    public var order: Order = .relevance

    public init() {}

    /// A query that says nothing to look for.
    public var isEmpty: Bool {
        terms.isEmpty && titleTerms.isEmpty && sites.isEmpty && sources.isEmpty && tags.isEmpty
            && after == nil && before == nil && !bookmarked && !unread
    }

    /// Every word or phrase looked for in the text, title terms included (for snippets and
    /// highlights).
    public var textTerms: [String] { terms + titleTerms }

    /// Why a query could not be read.
    public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Reads `text`. Unknown fields are an error rather than text searched for, so that a
    /// typo (`titel:`) is said, not silently matched.
    public init(parsing text: String, order: Order = .relevance) throws(Problem) {
        self.order = order
        for token in Self.tokens(text) {
            guard let (field, value) = token.field else {
                terms.append(token.text)
                continue
            }
            guard !value.isEmpty else { throw Problem(description: "\(field): needs a value") }
            switch field {
            case "title": titleTerms.append(value)
            case "site": sites.append(value)
            case "source": sources.append(value)
            case "tag": tags.append(value)
            case "after":
                guard let day = Self.day(value, end: false) else { throw Problem(description: "after:\(value): not a date (2023, 2023-01 or 2023-01-16)") }
                after = max(after ?? 0, day)
            case "before":
                guard let day = Self.day(value, end: false) else { throw Problem(description: "before:\(value): not a date (2023, 2023-01 or 2023-01-16)") }
                before = min(before ?? Int.max, day)
            case "is":
                switch value {
                case "bookmarked": bookmarked = true
                case "unread": unread = true
                default: throw Problem(description: "is:\(value): say is:bookmarked or is:unread")
                }
            default:
                throw Problem(description: "\(field): is not a field (title, site, source, tag, after, before, is)")
            }
        }
    }

    struct Token {
        var text: String
        var field: (String, String)?
    }

    /// Splits at white space outside quotes; `field:value` (the value may be quoted) is a
    /// field when the name is ASCII letters.
    static func tokens(_ text: String) -> [Token] {
        var out: [Token] = []
        var current = ""
        var quoted = false
        var wasQuoted = false
        func flush() {
            defer { current = ""; wasQuoted = false }
            guard !current.isEmpty else { return }
            if !wasQuoted || current.contains(":"), let colon = current.firstIndex(of: ":") {
                let name = current[..<colon]
                if !name.isEmpty, name.allSatisfy({ $0.isASCII && $0.isLetter }), !name.contains("\"") {
                    let value = String(current[current.index(after: colon)...]).replacingOccurrences(of: "\"", with: "")
                    out.append(Token(text: current, field: (name.lowercased(), value)))
                    return
                }
            }
            out.append(Token(text: current.replacingOccurrences(of: "\"", with: "")))
        }
        for c in text {
            if c == "\"" {
                quoted.toggle()
                wasQuoted = true
                current.append(c)
            } else if c.isWhitespace && !quoted {
                flush()
            } else {
                current.append(c)
            }
        }
        flush()
        // A phrase's quotes are gone; empty phrases are nothing to look for.
        return out.filter { !$0.text.replacingOccurrences(of: "\"", with: "").isEmpty }
    }

    /// `2023` → 20230101, `2023-01` → 20230101, `2023-01-16` → 20230116 (also `/` and `.`).
    static func day(_ s: String, end: Bool) -> Int? {
        let parts = s.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map { Int($0) }
        guard (1...3).contains(parts.count), parts.allSatisfy({ $0 != nil }) else { return nil }
        let y = parts[0]!, m = parts.count > 1 ? parts[1]! : 1, d = parts.count > 2 ? parts[2]! : 1
        guard (1...9999).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
        return y * 10_000 + m * 100 + d
    }
}
