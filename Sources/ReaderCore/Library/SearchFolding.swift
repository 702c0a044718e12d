/// How text is folded before it is indexed for search, and how a query is folded before it
/// is looked up: the same function on both sides, so that what folds alike matches.
///
/// The default leaves text as it is (SQLite's tokenizers fold letter case themselves). A
/// folding that maps traditional to simplified characters, or characters to pinyin, slots in
/// here: give it a new `name`, and an index built with another folding is rebuilt.
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
}

/// The tokens of the short-term table: what lets a query of one or two CJK characters, which
/// the trigram index cannot answer, be looked up exactly.
///
/// Each run of CJK characters gives its bigrams and its last character alone, so every
/// character starts at least one token: a two-character query is one token (`蟋蟀`), a
/// one-character query a prefix (`党*`). Other runs of letters and digits give one token each,
/// lower-cased (a short Latin query matches a whole word).
enum ShortTerms {
    static func isCJK(_ v: UInt32) -> Bool { TermExtractor.isCJK(v) }

    /// Walks `text` as the table sees it: runs of CJK characters (`run`) and lower-cased
    /// words of other letters and digits (`word`), in order; anything else separates them.
    static func segments(of text: String, run: ([Unicode.Scalar]) -> Void, word: (String.UnicodeScalarView) -> Void) {
        var cjk: [Unicode.Scalar] = []
        var letters = String.UnicodeScalarView()
        func flushRun() {
            if !cjk.isEmpty { run(cjk) }
            cjk.removeAll(keepingCapacity: true)
        }
        func flushWord() {
            if !letters.isEmpty { word(letters) }
            letters.removeAll(keepingCapacity: true)
        }
        for s in text.unicodeScalars {
            if isCJK(s.value) {
                flushWord()
                cjk.append(s)
            } else if s.properties.isAlphabetic || s.properties.numericType != nil {
                flushRun()
                for l in s.properties.lowercaseMapping.unicodeScalars { letters.append(l) }
            } else {
                flushRun()
                flushWord()
            }
        }
        flushRun()
        flushWord()
    }

    /// `text` as space-separated tokens for the short-term table.
    static func tokens(of text: String) -> String {
        var out = String.UnicodeScalarView()
        segments(of: text, run: { run in
            for i in 0..<run.count {
                if !out.isEmpty { out.append(" ") }
                out.append(run[i])
                if i + 1 < run.count { out.append(run[i + 1]) }
            }
        }, word: { word in
            if !out.isEmpty { out.append(" ") }
            out.append(contentsOf: word)
        })
        return String(out)
    }

    /// The FTS5 expression that finds `term` (fewer than three characters) in the short-term
    /// table: its pieces ANDed, a lone CJK character as a prefix.
    static func expression(for term: String) -> String? {
        var pieces: [String] = []
        segments(of: term, run: { run in
            var i = 0
            while i < run.count {
                if i + 1 < run.count {
                    pieces.append(quoted(String(String.UnicodeScalarView([run[i], run[i + 1]]))))
                    i += 2
                } else {
                    pieces.append(quoted(String(String.UnicodeScalarView([run[i]]))) + "*")
                    i += 1
                }
            }
        }, word: { pieces.append(quoted(String($0))) })
        return pieces.isEmpty ? nil : pieces.joined(separator: " AND ")
    }

    /// An FTS5 string: in double quotes, quotes doubled.
    static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
