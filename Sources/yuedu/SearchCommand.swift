import ArgumentParser
import Foundation
import ReaderCore

/// `yuedu search QUERY [PATH...]`: the articles that match, one line each, from the index.
struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Search every article of a library.",
        discussion: """
            QUERY is words and "quoted phrases" (all must occur in the title or text; Chinese \
            matches any substring) and fields: title:WORD, site:NAME, source:NAME, tag:TAG, \
            after:2023-01, before:2024, is:bookmarked, is:unread. Prints one line per article: \
            date, title and path, separated by tabs, best match first (--by-date: newest \
            first). Exits with 1 when nothing matches, as grep does. The index is brought up \
            to date first unless --cached.
            """)

    @Argument(help: "The query (quote it for the shell when it has spaces).")
    var query: String

    @Argument(help: "Files or directories of articles; the bundled seeds when omitted.")
    var paths: [String] = []

    @Flag(help: "Newest first instead of best match first.")
    var byDate = false

    @Flag(help: "One JSON array of {date, title, path, site, snippet} instead of lines.")
    var json = false

    @Flag(help: "Search the index as it is, without checking the files first.")
    var cached = false

    @Option(help: "At most this many results.")
    var limit: Int?

    /// A query that cannot be read: said on stderr, exit status 2 (1 is "nothing matched").
    static func badQuery(_ reason: String) -> ExitCode {
        FileHandle.standardError.write(Data("Error: query: \(Printing.field(reason))\n".utf8))
        return ExitCode(2)
    }

    /// Whether an article is read: its mark in `read.json`; before any mark was kept, whether
    /// it has a reading position (as the reader counts it on its first run with marks).
    static func readState(_ paths: PersistencePaths) -> (Article) -> Bool {
        var marks = ReadStateStore(paths: paths)
        guard marks.fileExists else {
            var positions = PositionStore(paths: paths)
            positions.reload()
            return { positions.position(for: $0) != nil }
        }
        marks.reload()
        return { marks.isRead($0) }
    }

    func run() throws {
        let parsed: SearchQuery
        do {
            parsed = try SearchQuery(parsing: query, order: byDate ? .date : .relevance)
        } catch {
            throw Self.badQuery(error.description)
        }
        guard !parsed.isEmpty else { throw Self.badQuery("nothing to search for") }
        let roots = try LibraryPaths.resolve(paths)
        try LibraryPaths.requireExisting(roots)
        let opened = IndexOpening.open(roots: roots)
        if let message = opened.message { Printing.warn(message) }
        guard let index = opened.index else { throw ExitCode(2) }
        if !cached { _ = try LibraryRefresh.run(store: index, roots: roots) }
        var text = try index.fullTextProgress()
        if !cached, !text.isComplete, text.pending <= LibraryIndex.fullTextStep {
            // A few changed articles: writing their search rows costs less than checking them.
            try index.completeFullText()
            text = try index.fullTextProgress()
        }
        if !text.isComplete {
            Printing.warn("the search index is \(text.percent)% built (`yuedu index` completes it); "
                          + "the other \(text.pending) articles are searched in their files, more slowly")
        }
        let persistence = PersistencePaths(environment: ProcessInfo.processInfo.environment)
        var bookmarks = parsed.bookmarked ? BookmarkStore(paths: persistence) : nil
        bookmarks?.reload()
        let isRead = parsed.unread ? Self.readState(persistence) : { _ in false }
        let hits = try LibrarySearch(store: index, folding: index.folding).run(
            parsed, limit: limit,
            isBookmarked: { bookmarks?.isBookmarked($0) ?? false },
            isRead: isRead)
        let list = List()
        if json {
            let objects: [[String: Any]] = hits.map { hit in
                let a = hit.article
                var object: [String: Any] = ["title": a.title, "path": a.path ?? ""]
                object["date"] = a.date?.description ?? NSNull()
                object["site"] = a.site ?? NSNull()
                let whole = a.path.flatMap { try? ArticleFile.read(path: $0).get() } ?? a
                object["snippet"] = SearchSnippet.make(whole, terms: parsed.textTerms, folding: index.folding).text
                return object
            }
            let data = try JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            list.writeAll(Array(data) + [0x0A], to: 1)
        } else {
            var out: [UInt8] = []
            for hit in hits {
                if let d = hit.article.date { ListLine.appendDate(year: d.year, month: d.month, day: d.day, to: &out) }
                out.append(0x09)
                out += Printing.field(hit.article.title).utf8
                out.append(0x09)
                out += Printing.field(hit.article.path ?? "").utf8
                out.append(0x0A)
            }
            list.writeAll(out, to: 1)
        }
        Foundation.exit(hits.isEmpty ? 1 : 0)
    }
}
