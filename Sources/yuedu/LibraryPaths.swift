import ArgumentParser
import Foundation

/// A command that cannot do what was asked: said on stderr as `Error: …`, exit status 1,
/// without the usage text that ArgumentParser prints for a mistyped command line.
struct Failure: Error, CustomStringConvertible {
    var description: String
    /// The message is made safe: it may name files whose names hold control characters.
    init(_ description: String) { self.description = Printing.field(description) }
}

/// Where the library is when the user names none: the sample articles installed with yuedu.
enum LibraryPaths {
    static func resolve(_ paths: [String]) throws -> [String] {
        if !paths.isEmpty { return paths }
        if let seeds = SharedFiles.seeds { return [seeds] }
        throw Failure("""
            no library to open: give files or folders of articles (yuedu PATH...), \
            or set library = ["PATH"] in the configuration file
            """)
    }

    /// Fails when a path the user named is not there: for the reader that is most often a
    /// mistyped subcommand, better said at once than shown as an empty library.
    static func requireExisting(_ paths: [String]) throws {
        let fm = FileManager.default
        let missing = paths.filter { path in
            !fm.fileExists(atPath: path) && (try? fm.destinationOfSymbolicLink(atPath: path)) == nil
        }
        guard missing.isEmpty else {
            throw Failure("no such file or directory: \(missing.joined(separator: ", ")) "
                + "(subcommands: render, wrap, list, index, search, bookmarks; yuedu --help)")
        }
    }
}
