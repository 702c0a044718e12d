import Foundation
import TestSupport
import Testing
@testable import ReaderCore

/// Read marks on disk: kept by article key, merged between processes, a damaged file kept
/// aside, and a library of 100,000 read articles loaded in reasonable time.
@Suite struct ReadStateStoreTests {
    func store(_ dir: String) -> ReadStateStore {
        ReadStateStore(paths: PersistencePaths(environment: ["HOME": dir]))
    }

    @Test func marksSurviveARunAndAMoveOfTheFile() {
        let dir = persistenceTemporaryDirectory()
        var a = store(dir)
        #expect(a.reload().isEmpty)
        #expect(!a.fileExists)
        a.set(ArticleKey(persistenceArticle("读过的", 2, path: "/lib/a.txt")), read: true)
        a.set(ArticleKey(persistenceArticle("没读的", 3, path: "/lib/b.txt")), read: false)
        #expect(a.hasUnsavedChanges)
        #expect(a.save().isEmpty)
        #expect(a.fileExists)

        var b = store(dir)
        b.reload()
        // The same article read from another folder is the same article.
        #expect(b.isRead(persistenceArticle("读过的", 2, path: "/moved/a.txt")))
        #expect(!b.isRead(persistenceArticle("没读的", 3)))
        #expect(!b.isRead(persistenceArticle("读过的", 4)), "another date is another article")
        #expect(b.readKeys.count == 1)
        let text = persistenceContents(a.file) ?? ""
        #expect(text.contains("\"read\" : true"))
        #expect(!text.contains("/lib/"), "paths are not kept: the key is title and date")
    }

    @Test func theLaterMarkWinsAcrossProcesses() {
        let dir = persistenceTemporaryDirectory()
        let key = ArticleKey(persistenceArticle("共享", 1))
        let other = ArticleKey(persistenceArticle("另一篇", 1))
        var a = store(dir)
        var b = store(dir)
        a.reload()
        b.reload()
        a.set(key, read: true, now: Date(timeIntervalSince1970: 100))
        a.save()
        // b marks another article and, later, the first one unread: both survive a's save.
        b.set(other, read: true, now: Date(timeIntervalSince1970: 150))
        b.set(key, read: true, now: Date(timeIntervalSince1970: 150))
        b.set(key, read: false, now: Date(timeIntervalSince1970: 200))
        b.save()
        var c = store(dir)
        c.reload()
        #expect(!c.isRead(key), "marked unread after it was marked read")
        #expect(c.isRead(other))
        a.reload()
        #expect(!a.isRead(key))
    }

    @Test func aDamagedFileIsKeptAsideNeverOverwritten() throws {
        let dir = persistenceTemporaryDirectory()
        var a = store(dir)
        a.set(ArticleKey(persistenceArticle("一", 1)), read: true)
        a.set(ArticleKey(persistenceArticle("二", 2)), read: true)
        a.save()
        // Tear the file after its first entry.
        let whole = try #require(persistenceContents(a.file))
        let torn = String(whole.prefix(whole.count * 2 / 3))
        try torn.write(toFile: a.file, atomically: false, encoding: .utf8)

        var b = store(dir)
        let messages = b.reload()
        #expect(messages.contains { $0.contains("damaged") })
        #expect(persistenceContents(a.file) == torn, "reading does not change it")
        #expect(b.readKeys.count == 1, "the entry that could be read is kept")
        b.set(ArticleKey(persistenceArticle("三", 3)), read: true)
        let saved = b.save()
        #expect(saved.contains { $0.contains("corrupt-") })
        let folder = (a.file as NSString).deletingLastPathComponent
        let aside = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasPrefix("read.json.corrupt-") })
        #expect(persistenceContents(folder + "/" + aside) == torn, "the damaged file is kept as it was")
        var c = store(dir)
        c.reload()
        #expect(c.readKeys.count == 2)
    }

    /// Many marks survive a save and a load whole (their speed is measured in BENCHMARKS.md,
    /// not here).
    @Test func manyMarksSurviveASaveAndALoad() {
        let dir = persistenceTemporaryDirectory()
        var a = store(dir)
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        var keys: Set<ArticleKey> = []
        for i in 0..<20_000 {
            let key = ArticleKey(title: "第\(i)篇 文章的标题", date: ArticleDate(year: 2000 + i % 25, month: 1 + i % 12, day: 1 + i % 28))
            keys.insert(key)
            a.set(key, read: true, now: start)
        }
        #expect(a.save().isEmpty)
        var b = store(dir)
        b.reload()
        #expect(b.readKeys == keys)
    }
}

@Suite struct StateValueStoreTests {
    @Test func aValueIsKeptAndAMissingOneIsNil() {
        let dir = persistenceTemporaryDirectory()
        let paths = PersistencePaths(environment: ["HOME": dir])
        let store = StateValueStore(paths: paths, name: "list-order")
        #expect(store.load() == nil)
        #expect(store.save("title") == nil)
        #expect(StateValueStore(paths: paths, name: "list-order").load() == "title")
        #expect(persistenceContents(store.file) == "title\n")
    }
}
