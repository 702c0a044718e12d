import ArgumentParser
import Foundation

/// A command that cannot do what was asked: said on stderr as `Error: …`, exit status 1,
/// without the usage text that ArgumentParser prints for a mistyped command line.
struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Where the library is when the user names none: the bundled `seeds/`.
enum LibraryPaths {
    static func resolve(_ paths: [String]) throws -> [String] {
        if !paths.isEmpty { return paths }
        if let seeds = bundledSeeds() { return [seeds] }
        throw Failure("""
            no library to open: give files or folders of articles (yuedu PATH...), \
            or run it from the yuedu repository, whose seeds/ is the default library
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

    /// `seeds/` of the repository: next to the current directory, or above the executable
    /// (which `swift build` puts in `.build/<config>/`).
    static func bundledSeeds() -> String? {
        let fm = FileManager.default
        var candidates = [fm.currentDirectoryPath]
        var exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        for _ in 0..<5 {
            exe.deleteLastPathComponent()
            candidates.append(exe.path)
        }
        for dir in candidates {
            let seeds = (dir as NSString).appendingPathComponent("seeds")
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: seeds, isDirectory: &isDir), isDir.boolValue,
               fm.fileExists(atPath: (dir as NSString).appendingPathComponent("Package.swift")) {
                return seeds
            }
        }
        return nil
    }
}
