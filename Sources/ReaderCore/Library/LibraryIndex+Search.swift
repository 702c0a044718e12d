import Foundation
import GRDB

extension LibraryIndex {
    /// Words shorter than this go to the short-term table: trigrams cannot find them.
    static let trigramLength = 3

    /// The FTS5 expressions for `query`: one for the trigram table, one for the short-term
    /// table (nil when nothing goes there).
    static func expressions(_ query: SearchQuery, folding: SearchFolding) -> (long: String?, short: String?) {
        var long: [String] = []
        var short: [String] = []
        func add(_ raw: String, column: String?) {
            let term = folding.fold(raw)
            let prefix = column.map { "\($0) : " } ?? ""
            if term.count >= trigramLength {
                long.append(prefix + ShortTerms.quoted(term))
            } else if let expression = ShortTerms.expression(for: term) {
                short.append(prefix + "(" + expression + ")")
            }
        }
        for term in query.terms { add(term, column: nil) }
        for term in query.titleTerms { add(term, column: "title") }
        return (long.isEmpty ? nil : long.joined(separator: " AND "),
                short.isEmpty ? nil : short.joined(separator: " AND "))
    }

    public func search(_ query: SearchQuery, folding: SearchFolding, limit: Int?) throws -> [SearchHit] {
        let (long, short) = Self.expressions(query, folding: folding)
        var sql = "SELECT f.path, f.title, f.date, f.site, f.source, f.editor, f.author, f.tags, f.note"
        var arguments: [(any DatabaseValueConvertible)?] = []
        var from = " FROM file f"
        var conditions = ["f.skip IS NULL", "f.dup = 0"]
        if let long {
            // Title matches weigh ten times as much as text matches.
            sql += ", -t.s AS score"
            from += " JOIN (SELECT rowid AS r, bm25(fts, 10.0, 1.0) AS s FROM fts WHERE fts MATCH ?) t ON t.r = f.docid"
            arguments.append(long)
            if let short {
                conditions.append("f.docid IN (SELECT rowid FROM fts_short WHERE fts_short MATCH ?)")
                arguments.append(short)
            }
        } else if let short {
            sql += ", -t.s AS score"
            from += " JOIN (SELECT rowid AS r, bm25(fts_short, 10.0, 1.0) AS s FROM fts_short WHERE fts_short MATCH ?) t ON t.r = f.docid"
            arguments.append(short)
        } else {
            sql += ", 0.0 AS score"
        }
        for site in query.sites {
            conditions.append("instr(lower(f.site), lower(?)) > 0")
            arguments.append(site)
        }
        for source in query.sources {
            conditions.append("instr(lower(f.source), lower(?)) > 0")
            arguments.append(source)
        }
        for tag in query.tags {
            conditions.append("instr(char(31) || f.tags || char(31), char(31) || ? || char(31)) > 0")
            arguments.append(tag)
        }
        if let after = query.after {
            conditions.append("f.date >= ?")
            arguments.append(after)
        }
        if let before = query.before {
            conditions.append("f.date > 0 AND f.date < ?")
            arguments.append(before)
        }
        sql += from + " WHERE " + conditions.joined(separator: " AND ")
        switch query.order {
        case .relevance: sql += " ORDER BY score DESC, f.date DESC, f.title, f.path"
        case .date: sql += " ORDER BY f.date DESC, f.title, f.path"
        }
        if let limit {
            sql += " LIMIT ?"
            arguments.append(limit)
        }
        return try read { db in
            var hits: [SearchHit] = []
            let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments))
            while let row = try rows.next() {
                hits.append(SearchHit(article: Self.head(row), score: row[9]))
            }
            return hits
        }
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
