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
            `skipped: PATH: REASON`. Exits with 1 when a path given does not exist.
            """)

    @Argument(help: "Files or directories of articles; the bundled seeds when omitted.")
    var paths: [String] = []

    func run() throws {
        let roots = try LibraryPaths.resolve(paths)
        let missing = roots.filter { !FileManager.default.fileExists(atPath: $0) && !isLink($0) }
        let store = ArticleStore.load(paths: roots.filter { !missing.contains($0) })
        var out = ""
        out.reserveCapacity(store.articles.count * 120)
        for a in store.articles {
            if let d = a.date { out += dateText(d) }
            out += "\t\(oneLine(a.title))\t\(a.path ?? "")\n"
        }
        FileHandle.standardOutput.write(Data(out.utf8))
        var err = ""
        for s in store.skipped {
            err += "skipped: \(s.path): \(s.reason)\n"
        }
        for path in missing {
            err += "yuedu: \(path): no such file or directory\n"
        }
        FileHandle.standardError.write(Data(err.utf8))
        // Exit here: freeing a large library piece by piece on the way out takes longer
        // than listing it, and the process is done with it.
        Foundation.exit(missing.isEmpty ? 0 : 1)
    }

    /// `2023-01-16`, as `ArticleDate.description` but without a format string per line.
    func dateText(_ d: ArticleDate) -> String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        return pad(d.year, 4) + "-" + pad(d.month, 2) + "-" + pad(d.day, 2)
    }

    /// A title on one line of the listing: tabs and line breaks become spaces.
    func oneLine(_ s: String) -> String {
        guard s.contains(where: { $0 == "\t" || $0.isNewline }) else { return s }
        return String(s.map { $0 == "\t" || $0.isNewline ? " " : $0 })
    }

    func isLink(_ path: String) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
    }
}
