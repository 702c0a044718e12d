import Foundation

/// What `yuedu list` prints from the index, with the files checked first: the list as lines
/// (`LibraryIndex.Reading.listLines`), and the skipped files.
///
/// The folders are walked on a thread of their own while the index is read on this one, in
/// one read transaction: first the list's lines, then the stored stamps, merged with the
/// files as the walk hands them over (`LibraryRefresh.check`). When the files say the index
/// is up to date, the lines read are what is on disk; else the new and changed files are
/// read and written and the lines read again.
public enum IndexedList {
    public static func read(index: LibraryIndex, roots: [String]) throws -> (lines: [UInt8], skipped: [SkippedFile]) {
        var files = WalkedFiles(roots: roots)
        var (lines, skipped, found) = try index.reading { reading in
            let lines = try reading.listLines()
            let skipped = try reading.skippedFiles()
            let found = try LibraryRefresh.check(&files, stamps: reading.forEachStamp)
            return (lines, skipped, found)
        }
        if !found.isEmpty {
            _ = try LibraryRefresh.write(found, store: index)
            (lines, skipped) = try index.reading { reading in (try reading.listLines(), try reading.skippedFiles()) }
        }
        return (lines, found.walkSkipped + skipped)
    }
}
