import ArgumentParser
import Foundation
import ReaderCore

/// `yuedu bookmarks`: the bookmarks, newest first, for scripts.
struct Bookmarks: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the bookmarks, newest first: title, date and path, tab-separated.",
        discussion: """
            Bookmarks live in $XDG_DATA_HOME/yuedu/bookmarks.json \
            (~/.local/share/yuedu/bookmarks.json by default). The path is where the article \
            was when it was bookmarked; the date is empty for undated articles.
            """)

    @Flag(help: "Print JSON: an array of {title, date, path, added}.")
    var json = false

    func run() throws {
        var store = BookmarkStore(paths: PersistencePaths(environment: ProcessInfo.processInfo.environment))
        for message in store.reload() {
            Printing.warn(message)
        }
        let bookmarks = store.bookmarks
        if json {
            FileHandle.standardOutput.write(Self.json(bookmarks))
        } else {
            var out = ""
            for b in bookmarks {
                out += "\(Self.field(b.title))\t\(b.date?.description ?? "")\t\(Self.field(b.path ?? ""))\n"
            }
            FileHandle.standardOutput.write(Data(out.utf8))
        }
    }

    /// A value on one line of one column: tabs and line breaks become spaces, controls
    /// what the control policy says.
    static func field(_ text: String) -> String {
        Printing.field(text)
    }

    private struct Row: Encodable {
        var title: String
        var date: String?
        var path: String?
        var added: String
    }

    static func json(_ bookmarks: [Bookmark]) -> Data {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        let rows = bookmarks.map {
            Row(title: field($0.title), date: $0.date?.description, path: $0.path.map(field),
                added: formatter.string(from: $0.added))
        }
        if rows.isEmpty { return Data("[]\n".utf8) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = (try? encoder.encode(rows)) ?? Data("[]".utf8)
        data.append(0x0A)
        return data
    }
}
