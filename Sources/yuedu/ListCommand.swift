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

    @Argument(help: ArgumentHelp("Files or folders of articles; the sample articles when omitted.", valueName: "path"), completion: .file())
    var paths: [String] = []

    func run() throws {
        let roots = try LibraryPaths.resolve(paths)
        let missing = roots.filter { !FileManager.default.fileExists(atPath: $0) && !isLink($0) }
        let listing = LibraryListing.load(paths: roots.filter { !missing.contains($0) })
        var out: [UInt8] = []
        out.reserveCapacity(listing.articles.count * 120)
        for a in listing.articles {
            if let d = a.date { appendDate(d, to: &out) }
            out.append(0x09)
            out += Printing.field(a.title).utf8
            out.append(0x09)
            out += Printing.field(a.path).utf8
            out.append(0x0A)
        }
        writeAll(out, to: 1)
        var err = ""
        for s in listing.skipped {
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
