// Bookmarks and reading-position files: whatever is on disk, loading never crashes, keeps the
// file's good entries, and never loses the original (a damaged file is kept aside).
@testable import ReaderCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

nonisolated(unsafe) private var directory: String = {
    var template = Array("/tmp/yuedu-fuzz-XXXXXX".utf8CString)
    return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
}()

private func clear() {
    for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] {
        unlink(directory + "/" + name)
    }
}

private func write(_ input: [UInt8], to path: String) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    _ = input.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    close(fd)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPersistence(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let input = bytes(data, size)
    clear()
    let bookmarksFile = directory + "/bookmarks.json"
    write(input, to: bookmarksFile)
    var bookmarks = BookmarkStore(file: bookmarksFile)
    _ = bookmarks.reload()
    for bookmark in bookmarks.bookmarks { assertSafe(Sanitizer.displayable(bookmark.title), "sanitized title") }
    // A bookmark added to whatever was read is written, and read back.
    let article = Article(title: "fuzz", body: [])
    let change = bookmarks.add(article, now: Date(timeIntervalSince1970: 0))
    if change.saved {
        var again = BookmarkStore(file: bookmarksFile)
        _ = again.reload()
        if !again.isBookmarked(article) { violated("a saved bookmark was not read back") }
        if again.bookmarks.count != bookmarks.bookmarks.count {
            violated("bookmarks read back: \(again.bookmarks.count), written: \(bookmarks.bookmarks.count)")
        }
    }
    // The original bytes survive somewhere when the file was not taken as it is.
    let kept = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
        .filter { $0.hasPrefix("bookmarks.json.") && !$0.hasSuffix(".lock") }
    if !kept.isEmpty, let aside = FileManager.default.contents(atPath: directory + "/" + kept[0]),
       [UInt8](aside) != input {
        violated("the file kept aside is not the original")
    }

    clear()
    let positionsFile = directory + "/positions.json"
    write(input, to: positionsFile)
    var positions = PositionStore(file: positionsFile)
    _ = positions.reload()
    _ = positions.positions.count
    return 0
}
