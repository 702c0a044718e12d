import Foundation
import GRDB

extension LibraryIndex {
    /// How many matches a ranked search with a limit weighs at most (the last indexed first),
    /// besides those with every word in the title: beyond this, relevance is ranked within
    /// those rather than within all the matches.
    public static let rankedCandidates = 200

    /// What a query asks of the full-text table: one FTS5 expression for all its words (nil
    /// when none has a token), the same with every word in the title, and the words whose
    /// punctuation or spaces the folded text must be checked for.
    struct FullTextPlan {
        var match: String?
        var titleMatch: String?
        var checks: [(term: String, titleOnly: Bool)] = []
        /// Every word, folded and lower-cased (for ranking).
        var terms: [String] = []
        /// Whether a word is a prefix (`"党" *`), which the table answers slowly for one row.
        var prefixed = false
        /// Each word's tokens as `match` asks for them, for articles not yet in the table.
        var tokens: [(pieces: [(token: String, prefix: Bool)], titleOnly: Bool)] = []
        /// Every word, folded and lower-cased, and whether it is a `title:` word.
        var words: [(term: String, titleOnly: Bool)] = []
        /// Whether every word is CJK characters alone: an article then matches exactly when
        /// its folded title or text holds each word (`hasWords`), which the kept text answers
        /// at once, whereas the table gathers a prefix's every bigram before its first match.
        var cjkOnly = true

        /// Whether the folded `title` (or, unless a `title:` word, `body`) holds each word:
        /// the match itself when `cjkOnly`.
        func hasWords(title: String, body: () -> [UInt8]) -> Bool {
            for word in words where !title.utf8.contains(word.term.utf8) {
                if word.titleOnly || !PackedText.contains(body(), word.term) { return false }
            }
            return true
        }

        /// Whether the tokens of the folded `title` alone have every word's (what `titleMatch`
        /// asks of the table).
        func titleMatches(_ title: String) -> Bool {
            var plain = self
            plain.tokens = tokens.map { ($0.pieces, true) }
            return plain.matches(title: title) { "" }
        }

        /// Whether an article's title and text (folded, lower-cased), tokenized as the table
        /// would hold them, have what `match` asks for: every token of every word, in the
        /// title for a `title:` word; the last of a word as a prefix when it may go on.
        func matches(title: String, body: () -> String) -> Bool {
            let inTitle = Set(SearchTokens.tokens(of: title).split(separator: " "))
            var inBody: Set<Substring>?
            func has(_ piece: (token: String, prefix: Bool), in tokens: Set<Substring>) -> Bool {
                piece.prefix ? tokens.contains { $0.hasPrefix(piece.token) } : tokens.contains(Substring(piece.token))
            }
            for term in tokens {
                for piece in term.pieces where !has(piece, in: inTitle) {
                    if term.titleOnly { return false }
                    if inBody == nil { inBody = Set(SearchTokens.tokens(of: body()).split(separator: " ")) }
                    if !has(piece, in: inBody!) { return false }
                }
            }
            return true
        }
    }

    /// Articles a search by date asks the table about one by one before it reads every match.
    static let probeLimit = 300

    /// Whether walking the articles' kept texts in turn (for a `cjkOnly` query) is likely to
    /// cost more than asking the table, having `found` of the `wanted` matches in `checked`
    /// texts: at the rate so far, finding the rest would take more than `base` plus `perMatch`
    /// texts per match wanted. A common word is found in a few texts each (`党`: 50 in 53),
    /// where the table would gather all its rows first; a rare one soon hands over to the
    /// table, which answers it from short lists. Decided after `textChecksAtLeast` texts.
    static func textWalkTooDear(checked: Int, found: Int, wanted: Int, base: Int = 64, perMatch: Int = 2) -> Bool {
        guard checked >= textChecksAtLeast else { return false }
        let projected = Double(checked) * Double(wanted) / Double(max(found, 1))
        return projected > Double(base + perMatch * wanted)
    }
    static let textChecksAtLeast = 16
    /// Matches in the list's order at most that a walk of the texts looks for: each costs a
    /// text unpacked, where reading every match from the table once (tens of milliseconds
    /// for a common character) then costs a row each.
    static let textWalkMost = 500
    /// Titles checked per match wanted before the title walk hands over to the table: a title
    /// costs a page read and no unpacking.
    static let titlesPerMatch = 30
    /// Matches few enough to read each one's row rather than walk the list past the others.
    static let fewMatches = 500

    static func plan(_ query: SearchQuery, folding: SearchFolding) -> FullTextPlan {
        var all: [String] = []
        var inTitle: [String] = []
        var plan = FullTextPlan()
        func add(_ raw: String, titleOnly: Bool) {
            let term = folding.fold(raw).lowercased()
            plan.terms.append(term)
            plan.words.append((term, titleOnly))
            if term.isEmpty || !term.unicodeScalars.allSatisfy({ SearchTokens.kind($0) == .cjk }) { plan.cjkOnly = false }
            let pieces = SearchTokens.queryTokens(term)
            if !pieces.isEmpty { plan.tokens.append((pieces, titleOnly)) }
            if let expression = SearchTokens.expression(for: term) {
                if expression.hasSuffix("*") { plan.prefixed = true }
                all.append(titleOnly ? "title : (" + expression + ")" : "(" + expression + ")")
                inTitle.append("title : (" + expression + ")")
            }
            if SearchTokens.needsCheck(term) {
                plan.checks.append((term, titleOnly))
            }
        }
        for term in query.terms { add(term, titleOnly: false) }
        for term in query.titleTerms { add(term, titleOnly: true) }
        if !all.isEmpty {
            plan.match = all.joined(separator: " AND ")
            plan.titleMatch = inTitle.joined(separator: " AND ")
        }
        return plan
    }

    /// The articles matching `query`, at most `limit`.
    ///
    /// In date order, the list is walked newest first and stops at the limit. Ranked by
    /// relevance (`score`: a word in the title outweighs any count in the text), it weighs
    /// the last indexed `rankedCandidates` matches and up to as many more with all words in
    /// the title, best first; the other matches follow them newest first. That is the exact
    /// ranking whenever there are no more matches than that, and it costs the same for
    /// seventy thousand matches as for two hundred: weighing a match unpacks its text.
    /// For a one-character CJK word (a prefix the table gathers in full before its first
    /// match), the newest kept texts are looked in first, the table taking over when the
    /// words turn out rare (`textWalkTooDear`); the query's characters are folded by what the
    /// index keeps of its folding (`queryFolding`).
    public func search(_ query: SearchQuery, folding: SearchFolding, limit: Int?) throws -> [SearchHit] {
        var conditions = ["skip IS NULL", "dup = 0"]
        var arguments: [(any DatabaseValueConvertible)?] = []
        // An article still pending has only the fields the top of its file names: the
        // others are checked in the file (`IndexSearch.hit`).
        let orPending = " OR docid IN (SELECT docid FROM fts_pending))"
        for site in query.sites {
            conditions.append("(instr(lower(site), lower(?)) > 0" + orPending)
            arguments.append(site)
        }
        for source in query.sources {
            conditions.append("(instr(lower(source), lower(?)) > 0" + orPending)
            arguments.append(source)
        }
        for tag in query.tags {
            conditions.append("(instr(char(31) || tags || char(31), char(31) || ? || char(31)) > 0" + orPending)
            arguments.append(tag)
        }
        if let after = query.after {
            conditions.append("date >= ?")
            arguments.append(after)
        }
        if let before = query.before {
            conditions.append("date > 0 AND date < ?")
            arguments.append(before)
        }
        return try read { db in
            let plan = Self.plan(query, folding: try Self.queryFolding(db, for: query, folding: folding))
            let run = try IndexSearch(db: db, plan: plan, folding: self.folding, conditions: conditions, arguments: arguments,
                                      fields: Self.fieldsAllow(query), textWalks: textWalks, rankedCandidates: rankedCandidates)
            return try run.matches(ranked: query.order == .relevance && plan.match != nil, limit: limit)
        }
    }

    /// Whether an article's site, source and tags are those `query` asks for, as the
    /// search's SQL conditions check them in its row (`lower` folds ASCII letters only); nil
    /// when it asks for none.
    static func fieldsAllow(_ query: SearchQuery) -> ((Article) -> Bool)? {
        guard !query.sites.isEmpty || !query.sources.isEmpty || !query.tags.isEmpty else { return nil }
        func lower(_ text: String) -> [UInt8] { text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 } }
        func has(_ field: String?, _ part: String) -> Bool {
            guard let field else { return false }
            let part = lower(part)
            return part.isEmpty || lower(field).firstRange(of: part) != nil
        }
        let (sites, sources, tags) = (query.sites, query.sources, query.tags)
        return { article in
            sites.allSatisfy { has(article.site, $0) } && sources.allSatisfy { has(article.source, $0) }
                && tags.allSatisfy { article.tags.contains($0) }
        }
    }

    /// An article's kept text (`fts_text`), or one read from its file while it is pending:
    /// its folded title, and its folded text, unpacked when first asked for.
    final class KeptText {
        let title: String
        private let packed: Data?
        private var unpacked: [UInt8]?

        /// The kept text of `docid` read with `statement` (`SELECT title, body FROM fts_text
        /// WHERE docid = ?`); nil when it has none.
        convenience init?(_ docid: Int64, _ statement: Statement) throws {
            guard let row = try Row.fetchOne(statement, arguments: [docid]) else { return nil }
            self.init(title: row[0], packed: row[1])
        }

        init(title: String, packed: Data) {
            self.title = title
            self.packed = packed
            head = nil
        }

        /// The article's head, when it was read from its file.
        let head: Article?

        /// The text of a file read now (`searchText(ofFileAt:folding:)`), and the article's
        /// head.
        init(_ text: IndexedText, head: Article) {
            title = text.title
            packed = nil
            unpacked = Array(text.body.utf8)
            self.head = head
        }

        /// The folded text's UTF-8.
        func bytes() -> [UInt8] {
            if unpacked == nil { unpacked = packed.flatMap(PackedText.unpackBytes) ?? [] }
            return unpacked!
        }

        /// The folded text.
        func body() -> String { String(decoding: bytes(), as: UTF8.self) }
    }

    /// How well `title` and `body` (folded, lower-cased) match `terms`: for each term, 10 when
    /// it is in the title, plus its count in the body saturated BM25's way (k1 1.2, b 0.75,
    /// against a length of 2,000 bytes). Unlike BM25 over the whole table, it does not weigh
    /// rare words above common ones: every match has all the words.
    static func score(_ terms: [String], title: String, body: String) -> Double {
        let lengthNorm = 0.25 + 0.75 * Double(body.utf8.count) / 2000
        var score = 0.0
        for term in terms {
            if title.utf8.contains(term.utf8) { score += 10 }
            let tf = Double(body.utf8.occurrences(of: term.utf8))
            score += tf * 2.2 / (tf + 1.2 * lengthNorm)
        }
        return score
    }

    /// The list's order: newest first, undated last, then title and path.
    static func listOrder(_ a: Article, _ b: Article) -> Bool {
        let da = a.date.map(dayNumber) ?? 0, db = b.date.map(dayNumber) ?? 0
        if da != db { return da > db }
        if a.title != b.title { return a.title.utf8.lexicographicallyPrecedes(b.title.utf8) }
        return (a.path ?? "").utf8.lexicographicallyPrecedes((b.path ?? "").utf8)
    }
}

extension String.UTF8View {
    /// Whether `needle` occurs in these bytes.
    func contains(_ needle: String.UTF8View) -> Bool { occurrences(of: needle, upTo: 1) > 0 }

    /// How many times `needle` occurs in these bytes (not overlapping), counting to `most`.
    func occurrences(of needle: String.UTF8View, upTo most: Int = .max) -> Int {
        guard !needle.isEmpty else { return 0 }
        let pin = Array(needle)
        guard pin.count <= count else { return 0 }
        let search = { (h: UnsafeRawBufferPointer) -> Int in
            pin.withUnsafeBytes { n in
                // memchr to each place the first byte is, memcmp the rest there.
                var at = 0, found = 0
                let last = h.count - n.count
                while at <= last, found < most {
                    guard let p = memchr(h.baseAddress! + at, Int32(pin[0]), last - at + 1) else { break }
                    at = UnsafeRawPointer(p) - h.baseAddress!
                    if memcmp(p, n.baseAddress!, n.count) == 0 {
                        found += 1
                        at += n.count
                    } else {
                        at += 1
                    }
                }
                return found
            }
        }
        if let direct = withContiguousStorageIfAvailable({ search(UnsafeRawBufferPointer($0)) }) { return direct }
        return Array(self).withUnsafeBytes(search)
    }
}

/// A line of context around the first place a search term occurs in an article.
public enum SearchSnippet {
    /// Up to `width` characters of `article`'s text around the first occurrence of one of
    /// `terms` (folded with `folding`, case ignored), on one line; the title's start when no
    /// term is in the text. `range` is where the term is in the snippet.
    public static func make(_ article: Article, terms: [String], folding: SearchFolding = .identity,
                            width: Int = 60) -> (text: String, range: Range<Int>?) {
        let folded = terms.map { Array(folding.fold($0).lowercased()).map(String.init) }.filter { !$0.isEmpty }
        var texts: [String] = []
        if let lead = article.lead { texts.append(lead) }
        texts += article.body.map(\.text)
        texts.append(article.title)
        for text in texts {
            let chars = Array(text)
            let lowered = chars.map { folding.fold(String($0)).lowercased() }
            for term in folded where term.count <= lowered.count {
                guard let at = firstIndex(of: term, in: lowered) else { continue }
                let before = max(0, min(at - (width - term.count) / 3, chars.count - width))
                let end = min(chars.count, before + width)
                let line = chars[before..<end].map { $0.isNewline || $0 == "\t" ? " " : $0 }
                let shown = (before > 0 ? "…" : "") + String(line) + (end < chars.count ? "…" : "")
                let offset = (before > 0 ? 1 : 0) + at - before
                return (shown, offset..<(offset + term.count))
            }
        }
        return (String(article.title.prefix(width)), nil)
    }

    static func firstIndex(of needle: [String], in haystack: [String]) -> Int? {
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        var i = 0
        while i + needle.count <= haystack.count {
            if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
