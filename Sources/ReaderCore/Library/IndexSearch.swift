import Foundation
import GRDB

/// One search of the index in one read transaction (`LibraryIndex.search`): the query's plan,
/// the statements it asks with, the matches weighed so far, and the walks that find matches
/// (the newest kept texts, the full-text table, the articles still pending, the list's order).
final class IndexSearch {
    let db: Database
    let plan: LibraryIndex.FullTextPlan
    /// How the index folds text (a pending article's file is folded so).
    let folding: SearchFolding
    let arguments: [(any DatabaseValueConvertible)?]
    /// Whether an article's fields are those asked for, checked for an article still pending
    /// (its row lacks those the end of its file names); nil when none are asked for.
    let fields: ((Article) -> Bool)?
    /// The docids of the list's articles the fields allow, in the list's order.
    let listed: String
    /// Articles whose search rows are not written yet (`completeFullText`): each is checked in
    /// its file, which is slower but finds what the table would.
    let pending: Set<Int64>
    let pendingNewestFirst: [Int64]
    /// Kept texts are walked for CJK words with a prefix (a one-character word), which the
    /// table answers slowly; the other words it answers row by row as fast. Pending articles
    /// have no kept text yet, so the kept texts are not walked while there are any.
    let walksTexts: Bool
    let rankedCandidates: Int
    /// The matches weighed so far, by docid.
    var hits: [Int64: SearchHit] = [:]
    private let row: Statement
    private let text: Statement
    private let pathOf: Statement
    private var lastRead: (docid: Int64, kept: LibraryIndex.KeptText?)?

    init(db: Database, plan: LibraryIndex.FullTextPlan, folding: SearchFolding, conditions: [String],
         arguments: [(any DatabaseValueConvertible)?], fields: ((Article) -> Bool)?, textWalks: Bool,
         rankedCandidates: Int) throws {
        self.db = db
        self.fields = fields
        self.plan = plan
        self.folding = folding
        self.arguments = arguments
        self.rankedCandidates = rankedCandidates
        listed = "SELECT docid FROM file INDEXED BY file_list WHERE " + conditions.joined(separator: " AND ")
            + " ORDER BY date DESC, title, path"
        pending = Set(try Int64.fetchAll(db, sql: "SELECT docid FROM fts_pending"))
        pendingNewestFirst = pending.sorted(by: >)
        walksTexts = plan.cjkOnly && plan.prefixed && textWalks && pending.isEmpty
        row = try db.makeStatement(sql: "SELECT \(LibraryIndex.headColumns), date FROM file WHERE docid = ? AND "
                                   + conditions.joined(separator: " AND "))
        text = try db.makeStatement(sql: "SELECT title, body FROM fts_text WHERE docid = ?")
        pathOf = try db.makeStatement(sql: "SELECT path FROM file WHERE docid = ?")
    }

    /// The matches, `ranked` or in the list's order, at most `limit`.
    func matches(ranked: Bool, limit: Int?) throws -> [SearchHit] {
        guard let match = plan.match else {
            // Nothing for the full-text table: the list's order, each row checked.
            let rows = try Row.fetchCursor(db, sql: listed, arguments: StatementArguments(arguments))
            var ordered: [SearchHit] = []
            while let r = try rows.next() {
                if let h = try hit(r[0]) { ordered.append(h) }
                if let limit, ordered.count >= limit { break }
            }
            return ordered
        }
        guard ranked else { return try newest(match, limit: limit, excluding: []) }
        // Ranked: the last indexed matches and those with every word in the title are
        // weighed; when there are more matches than that, the others follow, newest first.
        let cap = rankedCandidates
        var complete: Bool
        if walksTexts {
            // The last indexed texts first, as the table would give them; the table goes
            // on from there when the words are rare (it skips what was found).
            let newestTexts = try Row.fetchCursor(db, sql: "SELECT docid, title, body FROM fts_text ORDER BY docid DESC")
            let (all, found) = try walkTexts(newestTexts, enough: cap, scored: true) { hits[$0] = $1 }
            complete = all
            if !all, found < cap { complete = try walk(match) { count in found + count >= cap } }
        } else {
            complete = try walk(match) { count in count >= cap }
        }
        if !complete, let titleMatch = plan.titleMatch {
            // Likewise for the matches with every word in the title, from the titles.
            var walked = (complete: false, found: 0)
            if walksTexts {
                let newestTitles = try Row.fetchCursor(db, sql: "SELECT docid, title FROM fts_text ORDER BY docid DESC")
                walked = try walkTexts(newestTitles, enough: cap, titles: true) { hits[$0] = $1 }
            }
            if !walked.complete, walked.found < cap {
                _ = try walk(titleMatch, titleOnly: true) { count in walked.found + count >= cap }
            }
        }
        var ordered = Array(hits.values)
        ordered.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            return LibraryIndex.listOrder(a.article, b.article)
        }
        if let limit, ordered.count >= limit { return Array(ordered.prefix(limit)) }
        if complete { return ordered }
        return try ordered + newest(match, limit: limit.map { $0 - ordered.count }, excluding: Set(hits.keys))
    }

    /// The folded title and text of `docid`: kept in `fts_text`, or read from the file
    /// of an article still pending (the last one read is kept: a check and its hit ask
    /// for the same article in turn).
    private func kept(_ docid: Int64) throws -> LibraryIndex.KeptText? {
        if let found = try LibraryIndex.KeptText(docid, text) { return found }
        guard pending.contains(docid) else { return nil }
        if let lastRead, lastRead.docid == docid { return lastRead.kept }
        guard let path = try String.fetchOne(pathOf, arguments: [docid]) else { return nil }
        let read = LibraryIndex.searchText(ofFileAt: path, folding: folding).map { LibraryIndex.KeptText($0.text, head: $0.head) }
        lastRead = (docid, read)
        return read
    }

    /// The hit for `docid`, nil when the fields or the checked words rule it out; with its
    /// score when `scored`. `known` is its kept text when already read, `checked` that
    /// its words were found there (`hasWords`).
    private func hit(_ docid: Int64, scored: Bool = false, known: LibraryIndex.KeptText? = nil, checked: Bool = false) throws -> SearchHit? {
        guard let found = try Row.fetchOne(row, arguments: StatementArguments([docid] + arguments)) else { return nil }
        if let fields, pending.contains(docid) {
            guard let head = try (known ?? kept(docid))?.head, fields(head) else { return nil }
        }
        guard (!plan.checks.isEmpty && !checked) || scored else { return SearchHit(article: LibraryIndex.head(found), score: 0) }
        guard let kept = try known ?? kept(docid) else { return nil }
        if !checked {
            // The words are looked for in the unpacked bytes, made into a string only
            // to be scored.
            for check in plan.checks where !kept.title.utf8.contains(check.term.utf8) {
                if check.titleOnly || !PackedText.contains(kept.bytes(), check.term) { return nil }
            }
        }
        guard scored else { return SearchHit(article: LibraryIndex.head(found), score: 0) }
        return SearchHit(article: LibraryIndex.head(found), score: LibraryIndex.score(plan.terms, title: kept.title, body: kept.body()))
    }

    /// Walks `rows` (last indexed first, or the list's order) for a `walksTexts` query, each
    /// article's words looked for in its kept text, until `enough` matches or
    /// `textWalkTooDear` says the table would answer sooner; whether it saw them all.
    /// A row is a docid, or a docid and its kept title (`titles`: the words' tokens
    /// looked for in the title alone) or title and packed text.
    private func walkTexts(_ rows: RowCursor, enough: Int, titles: Bool = false, scored: Bool = false,
                   skipping: Set<Int64> = [],
                   add: (Int64, SearchHit) -> Void) throws -> (complete: Bool, found: Int) {
        var checked = 0, found = 0
        while found < enough {
            if titles ? LibraryIndex.textWalkTooDear(checked: checked, found: found, wanted: enough, perMatch: LibraryIndex.titlesPerMatch)
                      : LibraryIndex.textWalkTooDear(checked: checked, found: found, wanted: enough) {
                return (false, found)
            }
            guard let r = try rows.next() else { return (true, found) }
            checked += 1
            let docid: Int64 = r[0]
            if skipping.contains(docid) { continue }
            if titles {
                if hits[docid] != nil { continue }
                guard plan.titleMatches(r[1]), let h = try hit(docid, scored: true) else { continue }
                add(docid, h)
            } else {
                guard let kept = try r.count >= 3 ? LibraryIndex.KeptText(title: r[1], packed: r[2]) : kept(docid),
                      plan.hasWords(title: kept.title, body: kept.bytes),
                      let h = try hit(docid, scored: scored, known: kept, checked: true) else { continue }
                add(docid, h)
            }
            found += 1
        }
        return (false, found)
    }

    /// Whether the article `docid`, still pending, has the words (in its title alone, with
    /// `titleOnly`), as the table would say once it has its rows.
    private func pendingMatches(_ docid: Int64, titleOnly: Bool = false) throws -> Bool {
        guard let kept = try kept(docid) else { return false }
        if titleOnly {
            var plain = plan
            plain.tokens = plan.tokens.map { ($0.pieces, true) }
            return plain.matches(title: kept.title) { "" }
        }
        return plan.matches(title: kept.title) { kept.body() }
    }

    /// Walks the matches of `expression` and of the articles still pending together,
    /// last indexed first, until `enough` says stop; whether it saw them all.
    private func walk(_ expression: String, titleOnly: Bool = false, enough: (_ count: Int) -> Bool) throws -> Bool {
        let rows = try Row.fetchCursor(db, sql: "SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rowid DESC",
                                       arguments: [expression])
        var count = 0
        var next = try rows.next().map { $0[0] as Int64 }
        var p = 0
        while next != nil || p < pendingNewestFirst.count {
            if enough(count) { return false }
            let docid: Int64
            if let n = next, p == pendingNewestFirst.count || n > pendingNewestFirst[p] {
                docid = n
                next = try rows.next().map { $0[0] as Int64 }
            } else {
                docid = pendingNewestFirst[p]
                p += 1
                guard try pendingMatches(docid, titleOnly: titleOnly) else { continue }
            }
            if hits[docid] != nil { continue }
            if let h = try hit(docid, scored: true) {
                hits[docid] = h
                count += 1
            }
        }
        return true
    }

    /// The matches in the list's order, newest first, at most `limit`, leaving out
    /// `excluding`. With a limit, the list is walked asking the table about each article
    /// in turn, which costs a few lookups each while most articles match; when they do
    /// not (or a prefix makes each question dear, or there is no limit), every match is
    /// read from the table once and the list's order walked past those that are not.
    private func newest(_ match: String, limit: Int?, excluding: Set<Int64>) throws -> [SearchHit] {
        let rows = try Row.fetchCursor(db, sql: listed, arguments: StatementArguments(arguments))
        let probe = try db.makeStatement(sql: "SELECT 1 FROM fts WHERE fts MATCH ? AND rowid = ?")
        var ordered: [SearchHit] = []
        var probes = plan.prefixed || limit == nil ? LibraryIndex.probeLimit : 0
        // CJK words: the newest articles' texts first, while they match often enough
        // (exact, so the table carries on from where the walk stopped).
        if walksTexts, let limit, limit <= LibraryIndex.textWalkMost,
           try walkTexts(rows, enough: limit, skipping: excluding, add: { ordered.append($1) }).complete || ordered.count >= limit {
            return ordered
        }
        var matches: Set<Int64>?
        while limit.map({ ordered.count < $0 }) ?? true, let r = try rows.next() {
            let docid: Int64 = r[0]
            if excluding.contains(docid) { continue }
            if pending.contains(docid) {
                guard try pendingMatches(docid) else { continue }
            } else if let matches {
                guard matches.contains(docid) else { continue }
            } else if probes < LibraryIndex.probeLimit {
                probes += 1
                guard try Bool.fetchOne(probe, arguments: [match, docid]) != nil else { continue }
            } else {
                var all = Set(try Int64.fetchAll(db, sql: "SELECT rowid FROM fts WHERE fts MATCH ?", arguments: [match]))
                all.subtract(excluding)
                if all.count + pending.count <= LibraryIndex.fewMatches {
                    for p in pending where !excluding.contains(p) { if try pendingMatches(p) { all.insert(p) } }
                    // Few: each one's row, in the list's order.
                    var found = try all.compactMap { try hit($0) }
                    found.sort { LibraryIndex.listOrder($0.article, $1.article) }
                    return limit.map { Array(found.prefix($0)) } ?? found
                }
                matches = all
                guard all.contains(docid) else { continue }
            }
            if let h = try hit(docid) { ordered.append(h) }
        }
        return ordered
    }
}
