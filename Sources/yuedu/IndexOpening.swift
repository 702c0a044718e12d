import Foundation
import ReaderCore

/// Opens the library's index in the user's cache for the commands that use it, or says why
/// the library is read without one (a read-only or full cache folder).
enum IndexOpening {
    struct Opened {
        /// The index, nil when it cannot be had.
        var index: LibraryIndex?
        /// One line to tell the user (rebuilt, or working without an index), if any.
        var message: String?
    }

    static func open(roots: [String], environment: [String: String] = ProcessInfo.processInfo.environment) -> Opened {
        let path = LibraryIndex.defaultPath(roots: roots, environment: environment)
        do {
            let index = try LibraryIndex(path: path)
            return Opened(index: index, message: index.notice)
        } catch {
            return Opened(index: nil, message: "the library index cannot be kept in \((path as NSString).deletingLastPathComponent) (\(describe(error))): reading the files without an index")
        }
    }

    /// A short reason for an error opening or writing the index.
    static func describe(_ error: Error) -> String {
        // Foundation's errors (making the folder) name the system's reason underneath.
        var underlying = error as NSError
        while let next = underlying.userInfo[NSUnderlyingErrorKey] as? any Error { underlying = next as NSError }
        if underlying.domain == NSPOSIXErrorDomain, let reason = strerror(Int32(underlying.code)) {
            let text = String(cString: reason)
            return text == "Read-only file system" || text == "Permission denied" ? "read-only" : text
        }
        let text = "\(error)"
        if text.contains("Permission denied") || text.contains("readonly") || text.contains("read-only") || text.contains("SQLITE_READONLY") { return "read-only" }
        if text.contains("SQLITE_FULL") || text.contains("No space") { return "no space left" }
        if let range = text.range(of: "SQLite error ") { return String(text[range.upperBound...]) }
        return text
    }
}
