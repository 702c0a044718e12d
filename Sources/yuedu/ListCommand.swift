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
        var out: [UInt8] = []
        var skipped: [SkippedFile] = []
        if !noIndex, !present.isEmpty, let (lines, skips) = fromIndex(present) {
            out = lines
            skipped = skips
        } else {
            let listing = LibraryListing.load(paths: present)
            out.reserveCapacity(listing.articles.count * 96)
            for a in listing.articles {
                if let d = a.date { ListLine.appendDate(year: d.year, month: d.month, day: d.day, to: &out) }
                out.append(0x09)
                var title = a.title, path = a.path
                title.withUTF8 { ListLine.appendField(UnsafeRawBufferPointer($0), to: &out) }
                out.append(0x09)
                path.withUTF8 { ListLine.appendField(UnsafeRawBufferPointer($0), to: &out) }
                out.append(0x0A)
            }
            skipped = listing.skipped
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

    /// The lines from the index, checked against the files first (`IndexedList`), and the
    /// skipped files; nil (said on stderr) when there is no usable index.
    func fromIndex(_ roots: [String]) -> ([UInt8], [SkippedFile])? {
        let opened = IndexOpening.open(roots: roots)
        if let message = opened.message { Printing.warn(message) }
        guard let index = opened.index else { return nil }
        do {
            return try IndexedList.read(index: index, roots: roots)
        } catch {
            let reason = IndexOpening.describe(error)
            Printing.warn("the library index cannot be used (\(reason)): reading the files without an index")
            return nil
        }
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
