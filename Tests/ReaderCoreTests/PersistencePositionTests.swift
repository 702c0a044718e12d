import Foundation
import TestSupport
import Testing
@testable import ReaderCore

@Suite struct PersistencePositionTests {
    let blocks = ["标题", "2023-01-16 · 网站", "导语：中文 text", "正文第一段。"]

    // MARK: - ReadingPosition

    @Test func offsetIsUTF8() {
        let text = blocks[2]
        let index = text.firstIndex(of: "t")!
        let p = ReadingPosition(block: 2, index: index, in: blocks, fraction: 0.5)
        #expect(p.offset == "导语：中文 ".utf8.count)
        let back = p.index(in: blocks)!
        #expect(back.block == 2)
        #expect(text[back.index...] == "text")
    }

    @Test func offsetInsideACharacterMovesToItsStart() {
        // 1 is inside the three bytes of 标.
        let p = ReadingPosition(block: 0, offset: 4, fraction: 0)
        let r = p.index(in: blocks)!
        #expect(blocks[0][r.index...] == "题")
        #expect(p.clamped(to: blocks)?.offset == 3)
    }

    @Test func positionsPastTheTextAreClamped() {
        let p = ReadingPosition(block: 9, offset: 2, fraction: 0.9)
        #expect(p.clamped(to: blocks) == ReadingPosition(block: 3, offset: blocks[3].utf8.count, fraction: 0.9))
        #expect(ReadingPosition(block: 1, offset: 999, fraction: 0).clamped(to: blocks)?.offset == blocks[1].utf8.count)
        #expect(p.clamped(to: []) == nil)
    }

    @Test func valuesAreKeptInRange() {
        let p = ReadingPosition(block: -3, offset: -1, fraction: 1.7)
        #expect(p == ReadingPosition(block: 0, offset: 0, fraction: 1))
        #expect(ReadingPosition(block: 0, offset: 0, fraction: .nan).fraction == 0)
        #expect(ReadingPosition(block: 0, offset: 0, fraction: 0.123456).fraction == 0.1235)
    }

    // MARK: - PositionStore

    func store(_ dir: String) -> PositionStore {
        PositionStore(paths: PersistencePaths(environment: ["HOME": dir]))
    }

    @Test func roundTrip() {
        let dir = persistenceTemporaryDirectory()
        var a = store(dir)
        #expect(a.reload().isEmpty)
        let article = persistenceArticle("长文", 2, path: "/lib/long.txt")
        a.set(ReadingPosition(block: 5, offset: 120, fraction: 0.35), for: article)
        #expect(a.hasUnsavedChanges)
        #expect(a.save().isEmpty)
        #expect(!a.hasUnsavedChanges)

        var b = store(dir)
        b.reload()
        #expect(b.position(for: article) == ReadingPosition(block: 5, offset: 120, fraction: 0.35))
        #expect(b.position(for: ArticleKey(title: "长文", date: ArticleDate(year: 2024, month: 3, day: 2), pathHint: "/moved.txt"))
                == ReadingPosition(block: 5, offset: 120, fraction: 0.35))
        #expect(b.positions.count == 1)
        let text = persistenceContents(dir + "/.local/state/yuedu/positions.json") ?? ""
        #expect(text.contains("\"fraction\" : 0.35"))
        #expect(text.hasSuffix("\n"))
    }

    @Test func setIsMemoryOnlyUntilSave() {
        let dir = persistenceTemporaryDirectory()
        var a = store(dir)
        #expect(a.save().isEmpty)
        #expect(persistenceContents(a.file) == nil)
        a.set(ReadingPosition(block: 1, offset: 0, fraction: 0.1), for: persistenceArticle("x"))
        #expect(persistenceContents(a.file) == nil)
        a.save()
        #expect(persistenceContents(a.file) != nil)
    }

    @Test func twoInstancesMergePerArticle() {
        let dir = persistenceTemporaryDirectory()
        var a = store(dir), b = store(dir)
        let x = persistenceArticle("x"), y = persistenceArticle("y"), z = persistenceArticle("z")
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        a.set(ReadingPosition(block: 1, offset: 1, fraction: 0.1), for: x, now: t0)
        b.set(ReadingPosition(block: 2, offset: 2, fraction: 0.2), for: y, now: t0)
        // Both read z; b later than a, but a saves last: b's position is the later one.
        b.set(ReadingPosition(block: 9, offset: 9, fraction: 0.9), for: z, now: t0 + 5)
        a.set(ReadingPosition(block: 3, offset: 3, fraction: 0.3), for: z, now: t0 + 1)
        b.save()
        a.save()
        var c = store(dir)
        c.reload()
        #expect(c.position(for: x)?.block == 1)
        #expect(c.position(for: y)?.block == 2)
        #expect(c.position(for: z)?.block == 9)
        #expect(a.position(for: y)?.block == 2, "a sees b's positions after its save")
        #expect(a.position(for: z)?.block == 9)
    }

    @Test func damagedFileIsMovedAside() throws {
        let dir = persistenceTemporaryDirectory()
        var a = store(dir)
        try FileManager.default.createDirectory(atPath: dir + "/.local/state/yuedu", withIntermediateDirectories: true)
        let junk = #"{"version": 1, "positions": [{"key": 3}]}"#
        try junk.write(toFile: a.file, atomically: false, encoding: .utf8)
        let messages = a.reload()
        #expect(messages.count == 1)
        #expect(persistenceContents(a.file) == junk, "reading leaves it as it is")
        a.set(ReadingPosition(block: 0, offset: 0, fraction: 0), for: persistenceArticle("x"))
        let saved = a.save()
        let aside = try #require(try FileManager.default.contentsOfDirectory(atPath: dir + "/.local/state/yuedu")
            .first { $0.hasPrefix("positions.json.corrupt-") })
        #expect(saved.count == 1 && saved.first?.contains(aside) == true)
        #expect(persistenceContents(dir + "/.local/state/yuedu/" + aside) == junk)
        #expect(a.save().isEmpty)
    }
}
