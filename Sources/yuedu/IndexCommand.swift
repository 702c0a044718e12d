import ArgumentParser
import Foundation
import ReaderCore

/// `yuedu index [PATH...]`: builds or refreshes the library's index, with a progress bar on a
/// terminal, and prints what it did.
struct Index: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build or refresh the library's index.",
        discussion: """
            Checks every file of the library against the index in $XDG_CACHE_HOME/yuedu/ \
            (default ~/.cache/yuedu/), reads only files that are new or changed, and drops \
            files that are gone; of each file it reads only the top (title, date, site) at \
            first, and the list is then ready. Then reads those articles whole, for the rest \
            of each one's row (source, editor, tags, lead, related list, length) and the \
            full-text search index, and ranks similar articles for those that lack a list. \
            Prints the counts (indexed, changed, removed, skipped) and when each phase was \
            done. A progress bar goes to standard error when it is a terminal.
            """)

    @Argument(help: "Files or directories of articles; the bundled seeds when omitted.")
    var paths: [String] = []

    @Flag(inversion: .prefixedNo, help: "Rank similar articles for the sidebar.")
    var similar = true

    @Flag(inversion: .prefixedNo, help: "Read the new articles whole now, for their full rows and the search index (otherwise the reader or the next run does).")
    var fullText = true

    func run() throws {
        let started = Date()
        func seconds() -> String { String(format: "%.1f s", Date().timeIntervalSince(started)) }
        let roots = try LibraryPaths.resolve(paths)
        try LibraryPaths.requireExisting(roots)
        let opened = IndexOpening.open(roots: roots)
        if let message = opened.message { Printing.warn(message) }
        guard let index = opened.index else { throw ExitCode(1) }
        let bar = ProgressBar(enabled: isatty(2) == 1)
        let result = try LibraryRefresh.run(store: index, roots: roots) { bar.show($0.done, of: $0.total) }
        bar.finish()
        FileHandle.standardError.write(Data("list ready after \(seconds())\n".utf8))
        if fullText {
            try index.completeFullText { bar.show($0.done, of: $0.total, unit: "articles searchable") }
            bar.finish()
            FileHandle.standardError.write(Data("full text after \(seconds())\n".utf8))
        } else {
            let text = try index.fullTextProgress()
            if !text.isComplete {
                FileHandle.standardError.write(Data("the search index is \(text.percent)% built (\(text.pending) articles to go)\n".utf8))
            }
        }
        var similarCount = 0
        if similar {
            similarCount = try LibrarySimilarity.update(store: index, listing: index.listing().articles)
        }
        let c = result.counts
        var out = "\(c.indexed) indexed, \(c.changed) changed, \(c.removed) removed, \(c.skipped) skipped"
        out += " (\(c.unchanged) unchanged"
        if similar { out += ", \(similarCount) similar lists" }
        out += ")\n"
        FileHandle.standardOutput.write(Data(out.utf8))
        for s in result.walkSkipped {
            FileHandle.standardError.write(Data("skipped: \(Printing.field(s.path)): \(Printing.field(s.reason))\n".utf8))
        }
    }
}

/// A one-line progress bar on standard error: `[#####.....]  45%  45,000/100,000`.
final class ProgressBar {
    let enabled: Bool
    private var last = -1

    init(enabled: Bool) { self.enabled = enabled }

    func show(_ done: Int, of total: Int, unit: String = "files") {
        guard enabled, total > 0 else { return }
        let percent = done * 100 / total
        guard percent != last else { return }
        last = percent
        let filled = percent * 30 / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(percent)%  \(done)/\(total) \(unit)".utf8))
    }

    func finish() {
        guard enabled, last >= 0 else { return }
        last = -1
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
