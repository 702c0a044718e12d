/// How text is folded before it is indexed for search, and how a query is folded before it
/// is looked up: the same function on both sides, so that what folds alike matches.
///
/// The standard folding maps each Han character to the canonical form of its simplified and
/// traditional variants (`ChineseVariants.fold`: `鄉村圖書館` and `乡村图书馆` are indexed and
/// looked up alike); letter case is folded by `SearchTokens`. A folding gets a `name`, kept
/// in the index: an index built with another folding is rebuilt.
public struct SearchFolding: Sendable {
    /// Stored in the index; an index folded another way is re-indexed.
    public var name: String
    public var fold: @Sendable (String) -> String

    public init(name: String, fold: @escaping @Sendable (String) -> String) {
        self.name = name
        self.fold = fold
    }

    /// Text as it is.
    public static let identity = SearchFolding(name: "identity") { $0 }

    /// Simplified and traditional characters as one (OpenCC's tables, loaded the first time
    /// text is folded, so that opening the index for the list costs nothing). Without
    /// OpenCC's data, text is left as it is.
    public static let variants = SearchFolding(name: "variants") { text in
        guard case .success(let table) = ChineseVariants.shared else { return text }
        return table.fold(text)
    }
}

/// The tokens of the full-text table, and the FTS5 expressions that find a word or phrase.
///
/// Each run of CJK characters gives, for every character, the pair it starts (its *bigram*),
/// and its last character alone; every character thus starts one token. A word of other
/// letters and digits is one token, lower-cased. Anything else (punctuation, spaces)
/// separates tokens and gives none. The table keeps which column a token is in, not where
/// (FTS5 `detail=column`, half the size of positions), so a query finds *candidates*: one or
/// two CJK characters are exact (`党` → `"党" *`, a bigram starting with it or the character
/// ending a run; `蟋蟀` → one bigram), a longer run needs all its bigrams (`乡村振兴` →
/// `"乡村" AND "村振" AND "振兴"`), and such a candidate is then checked against the
/// article's folded text (`needsCheck`), as is anything with punctuation or spaces. A Latin
/// word is found from a word's start (`term` finds `terminal`, `minal` does not).
enum SearchTokens {
    static func isCJK(_ v: UInt32) -> Bool { TermExtractor.isCJK(v) }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || s.properties.numericType != nil
    }

    /// Walks `text` as the table sees it: runs of CJK characters (`run`) and lower-cased
    /// words of other letters and digits (`word`), in order; anything else separates them.
    /// `followed` says whether any character comes after the segment in `text`.
    static func segments(of text: String, run: ([Unicode.Scalar], _ followed: Bool) -> Void,
                         word: (String.UnicodeScalarView, _ followed: Bool) -> Void) {
        var cjk: [Unicode.Scalar] = []
        var letters = String.UnicodeScalarView()
        func flushRun(_ followed: Bool) {
            if !cjk.isEmpty { run(cjk, followed) }
            cjk.removeAll(keepingCapacity: true)
        }
        func flushWord(_ followed: Bool) {
            if !letters.isEmpty { word(letters, followed) }
            letters.removeAll(keepingCapacity: true)
        }
        for s in text.unicodeScalars {
            if isCJK(s.value) {
                flushWord(true)
                cjk.append(s)
            } else if isWordScalar(s) {
                flushRun(true)
                for l in s.properties.lowercaseMapping.unicodeScalars { letters.append(l) }
            } else {
                flushRun(true)
                flushWord(true)
            }
        }
        flushRun(false)
        flushWord(false)
    }

    /// `text` as space-separated tokens for the table, each once, in the order they first
    /// occur: the table keeps which column a token is in, not how often, so repeating one
    /// would only cost writing it.
    static func tokens(of text: String) -> String {
        var out = String.UnicodeScalarView()
        var pairs = Set<UInt64>()
        var words = Set<String>()
        segments(of: text, run: { run, _ in
            for i in 0..<run.count {
                let next = i + 1 < run.count ? run[i + 1] : nil
                guard pairs.insert(UInt64(run[i].value) << 32 | UInt64(next?.value ?? 0)).inserted else { continue }
                if !out.isEmpty { out.append(" ") }
                out.append(run[i])
                if let next { out.append(next) }
            }
        }, word: { word, _ in
            guard words.insert(String(word)).inserted else { return }
            if !out.isEmpty { out.append(" ") }
            out.append(contentsOf: word)
        })
        return String(out)
    }

    /// The FTS5 expression that finds every article holding `term` (folded) and maybe some
    /// others (see `needsCheck`); nil when the term has no letters, digits or CJK characters.
    /// A run at the end of the term may go on in the text (its last character is a prefix or
    /// the end of a bigram); a run followed by anything in the term ends there (its last
    /// character alone).
    static func expression(for term: String) -> String? {
        let pieces = queryTokens(term)
        guard !pieces.isEmpty else { return nil }
        var seen = Set<String>()
        return pieces.filter { seen.insert($0.token + ($0.prefix ? "*" : "")).inserted }
            .map { quoted($0.token) + ($0.prefix ? " *" : "") }
            .joined(separator: " AND ")
    }

    /// The tokens a text holding `term` holds; `prefix` for the last, when it may go on.
    static func queryTokens(_ term: String) -> [(token: String, prefix: Bool)] {
        var pieces: [(token: String, prefix: Bool)] = []
        segments(of: term, run: { run, followed in
            for i in 0..<run.count {
                if i + 1 < run.count {
                    pieces.append((String(String.UnicodeScalarView([run[i], run[i + 1]])), false))
                } else if followed {
                    pieces.append((String(String.UnicodeScalarView([run[i]])), false))
                } else if run.count == 1 {
                    pieces.append((String(String.UnicodeScalarView([run[i]])), true))
                }
            }
        }, word: { word, followed in
            pieces.append((String(word), !followed))
        })
        return pieces
    }

    /// Whether finding `term`'s tokens does not prove the term is there, so that the folded
    /// text must be checked: it has more than one token (the table does not know their
    /// order), or characters that give none (punctuation, spaces).
    static func needsCheck(_ term: String) -> Bool {
        queryTokens(term).count > 1 || term.unicodeScalars.contains { !isCJK($0.value) && !isWordScalar($0) }
    }

    /// An FTS5 string: in double quotes, quotes doubled.
    static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
