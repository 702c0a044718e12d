import Foundation
import Testing
@testable import ReaderCore
#if canImport(Glibc)
import Glibc
#endif

/// The walk of the library's folders: the files in byte order of their paths, with their
/// stamps, and what cannot be read with its reason.
@Suite struct FileWalkTests {
    /// Every file `walk` gives: path, stamp.
    func all(_ walk: inout some FoundFiles) -> [(String, FileStamp?)] {
        var out: [(String, FileStamp?)] = []
        while walk.next() { out.append((walk.pathString, walk.stamp)) }
        return out
    }

    /// A library whose walk order is not byte order (names with `-`, `.`, ` ` beside
    /// folders of the same start), with links, a pipe, a loop and a name that is not UTF-8.
    func oddLibrary() throws -> TemporaryLibrary {
        let lib = try TemporaryLibrary()
        for name in ["a/x.txt", "a.txt", "a-b.txt", "a0.txt", "b c.txt", "b/c/d.txt", "b/c.txt", "b.d/e.txt",
                     "c/z.txt", "c-/y.txt", "中文/文章.txt", "中文.txt", "z.md", ".hidden/h.txt", "d/.h.txt"] {
            try lib.write(name, "标题\n2024-01-01\n正文。\n")
        }
        try FileManager.default.createSymbolicLink(atPath: lib.path + "/b/link.txt", withDestinationPath: "../a.txt")
        try FileManager.default.createSymbolicLink(atPath: lib.path + "/b/dangling", withDestinationPath: "missing.txt")
        try FileManager.default.createSymbolicLink(atPath: lib.path + "/b/up", withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: lib.path + "/e", withDestinationPath: "z.md")
        #expect(mkfifo(lib.path + "/b/pipe", 0o644) == 0)
        #expect(mkfifo(lib.path + "/a-pipe", 0o644) == 0) // after `a/` in walk order, before it bytewise
        let bad = Array((lib.path + "/a/bad").utf8) + [0xFF] + Array(".txt".utf8)
        let fd = open(bad.map { CChar(bitPattern: $0) } + [0], O_CREAT | O_WRONLY, 0o644)
        #expect(fd >= 0)
        close(fd)
        return lib
    }

    @Test func theFilesOfTheListInByteOrderWithTheirStamps() throws {
        let lib = try oddLibrary()
        var walk = FileWalk(roots: [lib.path])
        let walked = all(&walk)
        var skipped: [SkippedFile] = []
        let listed = ArticleFiles.list(paths: [lib.path], skipped: &skipped)
        let paths = walked.map(\.0)
        // Hidden names left out, the link to a file and the link `e` followed, the loop and
        // the dangling link not: in byte order, `a-b.txt` and `a.txt` before the folder `a`.
        #expect(paths.map { String($0.dropFirst(lib.path.count + 1)) } == [
            "a-b.txt", "a.txt", "a/x.txt", "a0.txt", "b c.txt", "b.d/e.txt", "b/c.txt", "b/c/d.txt", "b/link.txt",
            "c-/y.txt", "c/z.txt", "e", "z.md", "中文.txt", "中文/文章.txt",
        ])
        #expect(paths == paths.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        #expect(listed == paths, "the list is the walk collected")
        #expect(walked.allSatisfy { $0.1 == FileStamp.of($0.0) })
        #expect(walk.count == listed.count)
        #expect(walk.skipped == skipped, "the same reasons, in the same order")
        #expect(skipped.count == 5) // the dangling link, the loop, the pipes, the name
        #expect(skipped.map { ($0.path as NSString).lastPathComponent }.prefix(2) == ["bad\\xFF.txt", "a-pipe"])
    }

    @Test func severalRootsAreMergedInByteOrder() throws {
        let lib = try oddLibrary()
        let named = lib.path + "/a.txt"
        var files = FilesInOrder(roots: [lib.path + "/c", named, lib.path + "/a", named])
        let walked = all(&files).map(\.0)
        #expect(walked == [named, named, lib.path + "/a/x.txt", lib.path + "/c/z.txt"], "a file named twice is there twice")
        #expect(files.count == 4)
        #expect(files.skipped.map(\.reason) == ["file name is not valid UTF-8 (shown with \\x escapes); rename it to read it"])
    }

    @Test func aFolderThatCannotBeReadIsSkippedAsTheListSkipsIt() throws {
        let lib = try TemporaryLibrary()
        try lib.write("open/a.txt", "甲\n")
        try lib.write("shut/b.txt", "乙\n")
        #expect(chmod(lib.path + "/shut", 0o000) == 0)
        defer { chmod(lib.path + "/shut", 0o755) }
        // A user other than root cannot read it; root can (chmod does not stop root), and
        // then it is read: either way, the walk says what the list says.
        let readable = access(lib.path + "/shut", R_OK) == 0
        var walk = FileWalk(roots: [lib.path])
        let walked = all(&walk).map(\.0)
        var skipped: [SkippedFile] = []
        let listed = ArticleFiles.list(paths: [lib.path], skipped: &skipped)
        #expect(walked == listed)
        #expect(walk.skipped == skipped)
        #expect(walked.count == (readable ? 2 : 1))
        #expect(skipped.map(\.path) == (readable ? [] : [lib.path + "/shut"]))
    }

    @Test func filesHandedOverFromAnotherThreadAreTheWalksInBatches() throws {
        let lib = try oddLibrary()
        for i in 0..<(WalkedFiles.batchSize + 5) { try lib.write("many/\(i).txt", "\(i)\n") }
        var walk = FileWalk(roots: [lib.path])
        let walked = all(&walk)
        var handed = WalkedFiles(roots: [lib.path])
        let received = all(&handed)
        #expect(received.map(\.0) == walked.map(\.0))
        #expect(received.map(\.1) == walked.map(\.1))
        #expect(handed.count == walk.count)
        #expect(handed.skipped == walk.skipped)
        let more = handed.next()
        #expect(!more, "done stays done")
    }
}
