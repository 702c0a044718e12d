import Foundation
import Testing
@testable import ReaderCore

/// A temporary folder, removed when the test is done.
final class TemporaryLibrary {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "yuedu-store-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Data(text.utf8))
    }

    @discardableResult
    func write(_ name: String, _ data: Data) throws -> String {
        let full = path + "/" + name
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: full))
        return full
    }
}

@Suite struct ArticleStoreTests {
    @Test func badFilesAreReportedAndTheRestLoads() throws {
        let lib = try TemporaryLibrary()
        let good = try lib.write("a/good.txt", "好文章\n2023-01-02\n正文。\n")
        try lib.write("a/empty.txt", "")
        try lib.write("a/blank.txt", "\n  \n")
        try lib.write("a/image.png", Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01]))
        try lib.write("a/noise.bin", Data((0..<400).map { UInt8(1 + $0 % 255) }))
        try lib.write(".hidden/x.txt", "隐藏\n")
        try lib.write("a/.dotfile.txt", "隐藏\n")
        // Too large: a sparse file, never read.
        let huge = lib.path + "/a/huge.txt"
        #expect(FileManager.default.createFile(atPath: huge, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: huge))
        try handle.truncate(atOffset: UInt64(ArticleFile.maximumSize + 1))
        try handle.close()
        // Unreadable without permissions (tests may run as root, whom chmod does not stop):
        // a named pipe, a dangling link, a link loop and a folder loop.
        #expect(mkfifo(lib.path + "/a/pipe", 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: lib.path + "/a/dangling", withDestinationPath: "missing.txt")
        try FileManager.default.createSymbolicLink(atPath: lib.path + "/a/self", withDestinationPath: "self")
        try FileManager.default.createSymbolicLink(atPath: lib.path + "/a/up", withDestinationPath: "..")
        // A name that is not UTF-8.
        let badName = lib.path + "/a/bad\u{1}name.txt"
        try lib.write("a/bad\u{1}name.txt", "x\n")
        #expect(rename(badName, Array((lib.path + "/a/bad").utf8CString.dropLast()).map { UInt8(bitPattern: $0) } + [0xFF] + Array(".txt".utf8) + [0]) == 0)

        let store = ArticleStore.load(paths: [lib.path])
        #expect(store.articles.map(\.path) == [good])
        let reasons = Dictionary(uniqueKeysWithValues: store.skipped.map {
            (String($0.path.dropFirst(lib.path.count + 1)), $0.reason)
        })
        #expect(reasons["a/empty.txt"] == "empty file")
        #expect(reasons["a/blank.txt"] == "no text (only white space)")
        #expect(reasons["a/image.png"] == "binary file, not text (it contains NUL bytes)")
        #expect(reasons["a/noise.bin"]?.hasPrefix("binary file, not text (") == true)
        #expect(reasons["a/huge.txt"] == "too large to be an article (33554433 bytes; the limit is 33554432 bytes, 32 MB)")
        #expect(reasons["a/pipe"] == "not a regular file (a named pipe)")
        #expect(reasons["a/dangling"] == "dangling symbolic link (its target does not exist)")
        #expect(reasons["a/self"] == "symbolic link loop (the link leads back to itself)")
        #expect(reasons["a/up"] == "directory loop: it leads back to \(lib.path), which is being read")
        #expect(reasons["a/bad\\xFF.txt"] == "file name is not valid UTF-8 (shown with \\x escapes); rename it to read it")
        #expect(store.skipped.count == 10)
    }

    @Test func aWalkThatStatsEachFileFindsWhatStatSays() throws {
        let lib = try TemporaryLibrary()
        try lib.write("a/one.txt", "一\n")
        try lib.write("a.txt", "二二\n")
        try lib.write("b/c/three.md", "三三三\n")
        try FileManager.default.createSymbolicLink(atPath: lib.path + "/b/link.txt", withDestinationPath: "../a.txt")
        try FileManager.default.createSymbolicLink(atPath: lib.path + "/b/dangling", withDestinationPath: "missing.txt")
        let named = try lib.write("d/named.txt", "四\n")
        var skippedToo: [SkippedFile] = []
        var walk = FilesInOrder(roots: [lib.path, named])
        var files: [String] = [], stamps: [FileStamp?] = []
        while walk.next() {
            files.append(walk.pathString)
            stamps.append(walk.stamp)
        }
        #expect(files == ArticleFiles.list(paths: [lib.path, named], skipped: &skippedToo).sorted {
            Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8))
        })
        #expect(walk.skipped == skippedToo)
        #expect(files.count == 6, "the link to a file is a file; the named file twice")
        #expect(stamps == files.map { FileStamp.of($0) })
        #expect(Set(stamps.map { $0?.size }) == [4, 7, 10], "the link's stamp is its target's")
    }

    @Test func newestFirstAndDuplicatesOnce() throws {
        let lib = try TemporaryLibrary()
        try lib.write("1.txt", "旧文\n2020-05-01\n正文。\n")
        let first = try lib.write("2.txt", "新文\n2024-05-01\n正文。\n")
        let copy = try lib.write("3/copy.md", "---\ntitle: 新文\ndate: 2024-05-01\n---\n另存的一份。\n")
        try lib.write("4.txt", "无日期\n正文。\n")
        let store = ArticleStore.load(paths: [lib.path])
        #expect(store.articles.map(\.title) == ["新文", "旧文", "无日期"])
        #expect(store.articles.first?.path == first)
        #expect(store.duplicates == [DuplicateArticle(path: copy, keptPath: first)])
        #expect(store.skipped == [])
    }

    @Test func gb18030FilesLoad() throws {
        let lib = try TemporaryLibrary()
        let text = "国标文章\r\n2022年12月1日\r\n某网站\r\n导语：导语。\r\n正文，第一段。\r\n"
        try lib.write("gb.txt", text.data(using: TextDecoding.gb18030)!)
        let a = try #require(ArticleStore.load(paths: [lib.path]).articles.first)
        #expect(a.title == "国标文章")
        #expect(a.date == ArticleDate(year: 2022, month: 12, day: 1))
        #expect(a.lead == "导语。")
        #expect(a.decodingNote == nil)
    }

    @Test func progressBatchesAddUpToTheStore() throws {
        let lib = try TemporaryLibrary()
        for n in 0..<700 {
            try lib.write(String(format: "%04d.txt", n), "文章\(n % 650)\n2023-01-\(n % 650 % 28 + 1)\n正文。\n")
        }
        try lib.write("broken.txt", "")
        let batches = Batches()
        let store = ArticleStore.load(paths: [lib.path]) { batches.append($0) }
        let seen = batches.all
        #expect(seen.count == 2)
        #expect(seen.first?.articles.count == ArticleStore.firstBatchSize)
        #expect(seen.last?.filesRead == 701 && seen.last?.filesTotal == 701)
        var rebuilt = ArticleStore(articles: [])
        for batch in seen {
            rebuilt.add(batch.articles)
            rebuilt.add(skipped: batch.skipped)
        }
        #expect(rebuilt.articles == store.articles)
        #expect(rebuilt.skipped == store.skipped)
        #expect(store.articles.count == 650)
        #expect(store.duplicates.count == 50)
        #expect(store.articles == ArticleStore.load(paths: [lib.path]).articles)
    }

    @Test func reloadReportsWhatChanged() throws {
        let lib = try TemporaryLibrary()
        let kept = try lib.write("kept.txt", "不变\n2023-01-01\n正文。\n")
        let edited = try lib.write("edited.txt", "要改\n2023-01-02\n正文。\n")
        let removed = try lib.write("removed.txt", "要删\n2023-01-03\n正文。\n")
        let broken = try lib.write("broken.txt", "要坏\n2023-01-04\n正文。\n")
        let store = ArticleStore.load(paths: [lib.path])
        #expect(store.articles.count == 4)

        try lib.write("edited.txt", "改过了\n2023-01-05\n新的正文，更长一些。\n")
        try FileManager.default.removeItem(atPath: removed)
        try lib.write("broken.txt", "")
        let added = try lib.write("new.txt", "新来\n2023-01-06\n正文。\n")
        let (next, changes) = store.reloaded(paths: [lib.path])
        #expect(changes.added == [added])
        #expect(changes.changed == [edited])
        #expect(Set(changes.removed) == [removed, broken])
        #expect(next.articles.map(\.title) == ["新来", "改过了", "不变"])
        #expect(next.skipped == [SkippedFile(path: broken, reason: "empty file")])
        #expect(next.index(ofPath: kept) == 2)

        let (same, none) = next.reloaded(paths: [lib.path])
        #expect(none.isEmpty)
        #expect(same.articles == next.articles)
    }
}

/// Progress reports collected from the loading thread.
final class Batches: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [LoadProgress] = []
    func append(_ p: LoadProgress) { lock.lock(); items.append(p); lock.unlock() }
    var all: [LoadProgress] { lock.lock(); defer { lock.unlock() }; return items }
}

/// Bookmark keys computed when asked for.
@Suite struct LibraryKeysTests {
    @Test func indicesOfKeysAreTheFirstArticleWithEachKey() {
        let day = ArticleDate(year: 2024, month: 3, day: 1)
        let articles = [
            Article(title: "周报", date: day, path: "/a"),
            Article(title: "周报？", date: day, path: "/b"),
            Article(title: "周报", date: nil, path: "/c"),
            Article(title: "Swift  on Linux", date: ArticleDate(year: 2023, month: 1, day: 1), path: "/d"),
        ]
        let library = Library(articles)
        #expect(library.key(at: 1) == ArticleKey(title: "周报?", date: day))
        let wanted: Set<ArticleKey> = [ArticleKey(title: "周报?", date: day), ArticleKey(title: "周报", date: nil),
                                       ArticleKey(title: "Swift on Linux", date: ArticleDate(year: 2023, month: 1, day: 1)),
                                       ArticleKey(title: "没有", date: day)]
        let found = library.indices(of: wanted)
        #expect(found == [ArticleKey(title: "周报?", date: day): 1, ArticleKey(title: "周报", date: nil): 2,
                          ArticleKey(title: "Swift on Linux", date: ArticleDate(year: 2023, month: 1, day: 1)): 3])
        #expect(library.indices(of: []).isEmpty)
    }
}
