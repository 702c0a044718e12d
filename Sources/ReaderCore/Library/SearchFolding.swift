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
    /// The folding as the characters it changes, each with what it becomes, when it maps one
    /// character to one (nil otherwise, or when its table cannot be had). The index keeps
    /// these, so that a query is folded by looking up its few characters rather than by
    /// loading the whole table (`SearchFolding.variants`: OpenCC, tens of milliseconds).
    public var changes: (@Sendable () -> [(from: UInt32, to: UInt32)]?)?

    public init(name: String, changes: (@Sendable () -> [(from: UInt32, to: UInt32)]?)? = nil,
                fold: @escaping @Sendable (String) -> String) {
        self.name = name
        self.changes = changes
        self.fold = fold
    }

    /// Text as it is.
    public static let identity = SearchFolding(name: "identity") { $0 }

    /// The folding named `name` that changes the characters of `map` (code point → code
    /// point) and leaves every other as it is: what `changes` lists, looked up.
    public static func mapping(_ name: String, _ map: [UInt32: UInt32]) -> SearchFolding {
        SearchFolding(name: name) { text in
            guard text.unicodeScalars.contains(where: { map[$0.value] != nil }) else { return text }
            var out = String.UnicodeScalarView()
            for s in text.unicodeScalars {
                out.append(map[s.value].flatMap(Unicode.Scalar.init) ?? s)
            }
            return String(out)
        }
    }

    /// Simplified and traditional characters as one (OpenCC's tables, loaded the first time
    /// text with a character they cover is folded, so that opening the index for the list,
    /// or a search for `（12345）`, costs nothing). Without OpenCC's data, text is left as it is.
    public static let variants = SearchFolding(name: "variants", changes: {
        guard case .success(let table) = ChineseVariants.shared else { return nil }
        return table.changes
    }) { text in
        guard text.unicodeScalars.contains(where: { ChineseVariants.covers($0.value) }),
              case .success(let table) = ChineseVariants.shared else { return text }
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

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool { kind(s) == .word }

    enum Kind { case cjk, word, separator }

    /// What `s` is to the table: part of a CJK run, of a word (letters and digits), or a
    /// separator. ASCII and the common CJK and full-width punctuation are told by range;
    /// anything else by its Unicode properties.
    @inline(__always)
    static func kind(_ s: Unicode.Scalar) -> Kind {
        let v = s.value
        if v < 0x80 {
            return (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) ? .word : .separator
        }
        if isCJK(v) { return .cjk }
        switch v {
        case 0x2000...0x206F, 0x3000...0x3006, 0x3008...0x3020,
             0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65:
            return .separator
        default:
            return s.properties.isAlphabetic || s.properties.numericType != nil ? .word : .separator
        }
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
            switch kind(s) {
            case .cjk:
                flushWord(true)
                cjk.append(s)
            case .word:
                flushRun(true)
                for l in s.properties.lowercaseMapping.unicodeScalars { letters.append(l) }
            case .separator:
                flushRun(true)
                flushWord(true)
            }
        }
        flushRun(false)
        flushWord(false)
    }

    /// `text` as space-separated tokens for the table, each once, in the order they first
    /// occur: the table keeps which column a token is in, not how often, so repeating one
    /// would only cost writing it. (The segments of `segments(of:)`, written straight into
    /// UTF-8: this runs over every character of the library.)
    static func tokens(of text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 2)
        var pairs = Set<UInt64>()
        var words = Set<[UInt8]>()
        var word: [UInt8] = []
        var previous: UInt32 = 0
        func append(_ v: UInt32) {
            if v < 0x80 {
                out.append(UInt8(v))
            } else if v < 0x800 {
                out.append(UInt8(0xC0 | v >> 6)); out.append(UInt8(0x80 | v & 0x3F))
            } else if v < 0x10000 {
                out.append(UInt8(0xE0 | v >> 12)); out.append(UInt8(0x80 | v >> 6 & 0x3F)); out.append(UInt8(0x80 | v & 0x3F))
            } else {
                out.append(UInt8(0xF0 | v >> 18)); out.append(UInt8(0x80 | v >> 12 & 0x3F))
                out.append(UInt8(0x80 | v >> 6 & 0x3F)); out.append(UInt8(0x80 | v & 0x3F))
            }
        }
        func pair(_ a: UInt32, _ b: UInt32) {
            guard pairs.insert(UInt64(a) << 32 | UInt64(b)).inserted else { return }
            if !out.isEmpty { out.append(0x20) }
            append(a)
            if b != 0 { append(b) }
        }
        func endRun() {
            if previous != 0 { pair(previous, 0) }
            previous = 0
        }
        func endWord() {
            guard !word.isEmpty else { return }
            if words.insert(word).inserted {
                if !out.isEmpty { out.append(0x20) }
                out += word
            }
            word.removeAll(keepingCapacity: true)
        }
        for s in text.unicodeScalars {
            switch kind(s) {
            case .cjk:
                endWord()
                if previous != 0 { pair(previous, s.value) }
                previous = s.value
            case .word:
                endRun()
                if s.value < 0x80 {
                    word.append((0x41...0x5A).contains(s.value) ? UInt8(s.value) | 0x20 : UInt8(s.value))
                } else {
                    word += s.properties.lowercaseMapping.utf8
                }
            case .separator:
                endRun()
                endWord()
            }
        }
        endRun()
        endWord()
        return String(decoding: out, as: UTF8.self)
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
