import ArgumentParser
import Foundation
import ReaderCore

/// `yuedu list`: one line per article (date, title, path), newest first; skipped files on stderr.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the articles of a library, newest first.",
        discussion: """
            Prints one line per article to standard output: date, title and path, separated by \
            tabs. Files that are not articles are reported on standard error, one line each: \
            `skipped: PATH: REASON`. Exits with 1 when a path given does not exist. The \
            library's index is used and brought up to date first (only files whose size or \
            time changed are read); --no-index reads every file.
            """)

    @Argument(help: ArgumentHelp("Files or folders of articles; when omitted, the configured library, else the sample articles.",
                                 valueName: "path"), completion: .file())
    var paths: [String] = []

    @Flag(help: "Read the files directly, without the library index.")
    var noIndex = false

    @Option(help: "The configuration file (default: $XDG_CONFIG_HOME/yuedu/config.toml).")
    var config: String?

    func run() throws {
        var library: [String] = []
        if paths.isEmpty {
            let configuration = Configuration.load(path: config ?? Configuration.defaultPath(), required: config != nil)
            for issue in configuration.issues { Printing.warn("config: \(issue)") }
            library = configuration.library
        }
        let roots = try LibraryPaths.resolve(paths.isEmpty ? library : paths)
        let missing = roots.filter { !FileManager.default.fileExists(atPath: $0) && !isLink($0) }
        let present = roots.filter { !missing.contains($0) }
        var articles: [ArticleHead] = []
        var skipped: [SkippedFile] = []
        if !noIndex, !present.isEmpty, let (heads, skips) = fromIndex(present) {
            articles = heads
            skipped = skips
        } else {
            let listing = LibraryListing.load(paths: present)
            articles = listing.articles
            skipped = listing.skipped
        }
        var out: [UInt8] = []
        out.reserveCapacity(articles.count * 120)
        for a in articles {
            if let d = a.date { appendDate(d, to: &out) }
            out.append(0x09)
            out += Printing.field(a.title).utf8
            out.append(0x09)
            out += Printing.field(a.path).utf8
            out.append(0x0A)
        }
        writeAll(out, to: 1)
        var err = ""
        for s in skipped {
            err += "skipped: \(Printing.field(s.path)): \(Printing.field(s.reason))\n"
        }
        for path in missing {
            err += "yuedu: \(Printing.field(path)): no such file or directory\n"
        }
        writeAll(Array(err.utf8), to: 2)
        // Exit here: freeing a large library piece by piece on the way out takes longer
        // than listing it, and the process is done with it.
        Foundation.exit(missing.isEmpty ? 0 : 1)
    }

    /// The listing from the index, refreshed from the files first; nil (said on stderr) when
    /// there is no usable index.
    func fromIndex(_ roots: [String]) -> ([ArticleHead], [SkippedFile])? {
        let opened = IndexOpening.open(roots: roots)
        if let message = opened.message { Printing.warn(message) }
        guard let index = opened.index else { return nil }
        do {
            let result = try LibraryRefresh.run(store: index, roots: roots)
            let listing = try index.headings()
            return (listing.articles, result.walkSkipped + listing.skipped)
        } catch {
            let reason = IndexOpening.describe(error)
            Printing.warn("the library index cannot be used (\(reason)): reading the files without an index")
            return nil
        }
    }

    /// Appends `2023-01-16`, as `ArticleDate.description` gives it, without a format string.
    func appendDate(_ d: ArticleDate, to out: inout [UInt8]) {
        func pad(_ n: Int, _ width: Int) {
            let digits = Array(String(n).utf8)
            if digits.count < width { out += repeatElement(UInt8(ascii: "0"), count: width - digits.count) }
            out += digits
        }
        pad(d.year, 4)
        out.append(UInt8(ascii: "-"))
        pad(d.month, 2)
        out.append(UInt8(ascii: "-"))
        pad(d.day, 2)
    }

    /// Writes `bytes` to the descriptor `fd`, all of them (a pipe may take them in parts).
    func writeAll(_ bytes: [UInt8], to fd: Int32) {
        bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    return // standard output closed: nothing more to say
                }
                done += n
            }
        }
    }

    func isLink(_ path: String) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
    }
}
