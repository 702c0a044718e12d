import ArgumentParser
import Foundation
import ReaderCore

/// `yuedu list`: one line per article (date, title, path), newest first; skipped files on stderr.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the articles of a library, newest first.")

    @Argument(help: "Files or directories of articles; the bundled seeds when omitted.")
    var paths: [String] = []

    func run() throws {
        let store = ArticleStore.load(paths: try LibraryPaths.resolve(paths))
        var out = ""
        for a in store.articles {
            out += "\(a.date?.description ?? "")\t\(a.title)\t\(a.path ?? "")\n"
        }
        FileHandle.standardOutput.write(out.data(using: .utf8)!)
        for s in store.skipped {
            FileHandle.standardError.write("skipped: \(s.path): \(s.reason)\n".data(using: .utf8)!)
        }
    }
}
