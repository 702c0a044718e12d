import Foundation
import TestSupport
import Testing
@testable import ReaderCore
#if canImport(Glibc)
import Glibc
#endif

@Suite struct BookmarkStoreTests {
    func store(_ dir: String) -> BookmarkStore {
        BookmarkStore(paths: PersistencePaths(environment: ["HOME": "/nonexistent", "XDG_DATA_HOME": dir]))
    }

    func titlesOnDisk(_ dir: String) -> [String]? {
        var s = store(dir)
        guard s.reload().isEmpty else { return nil }
        return s.bookmarks.map(\.title)
    }

    @Test func roundTrip() {
        let dir = persistenceTemporaryDirectory()
        var a = store(dir)
        #expect(a.reload().isEmpty)
        let t0 = Date(timeIntervalSince1970: 1_800_000_000.25)
        let first = persistenceArticle("第一篇", 3, path: "/lib/1.txt")
        let second = persistenceArticle("Second one", nil, path: "/lib/2.txt")
        let change = a.add(first, now: t0)
        #expect(change == BookmarkChange(isBookmarked: true, saved: true, messages: []))
        a.add(second, now: t0 + 60)

        var b = store(dir)
        b.reload()
        #expect(b.bookmarks.map(\.title) == ["Second one", "第一篇"], "newest first")
        let bm = b.bookmarks[1]
        #expect(bm.date == ArticleDate(year: 2024, month: 3, day: 3))
        #expect(bm.path == "/lib/1.txt")
        #expect(bm.added == t0)
        #expect(b.bookmarks[0].date == nil)
        #expect(b.isBookmarked(first))
        #expect(b.isBookmarked(ArticleKey(title: "第一篇", date: ArticleDate(year: 2024, month: 3, day: 3))))
        #expect(!b.isBookmarked(persistenceArticle("第一篇", 4)))
    }

    @Test func fileIsReadableJSON() {
        let dir = persistenceTemporaryDirectory()
        var a = store(dir)
        a.add(persistenceArticle("读书", 3, path: "/lib/读书.txt"), now: Date(timeIntervalSince1970: 1_800_000_000))
        #expect(persistenceContents(dir + "/yuedu/bookmarks.json") == """
            {
              "bookmarks" : [
                {
                  "added" : "2027-01-15T08:00:00.000Z",
                  "key" : {
                    "date" : "2024-03-03",
                    "path" : "/lib/读书.txt",
                    "title" : "读书"
                  },
                  "title" : "读书"
                }
              ],
              "version" : 1
            }

            """)
    }

    @Test func toggleAddsThenRemoves() {
        let dir = persistenceTemporaryDirectory()
        var a = store(dir)
        let x = persistenceArticle("x")
        #expect(a.toggle(x).isBookmarked)
        #expect(titlesOnDisk(dir) == ["x"])
        #expect(!a.toggle(x).isBookmarked)
        #expect(titlesOnDisk(dir) == [])
        #expect(!a.isBookmarked(x))
    }

    @Test func addingTwiceKeepsTheFirstTimeAndUpdatesThePath() {
        let dir = persistenceTemporaryDirectory()
        var a = store(dir)
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        a.add(persistenceArticle("x", path: "/old/x.txt"), now: t0)
        a.add(persistenceArticle("x", path: "/new/x.txt"), now: t0 + 10)
        #expect(a.bookmarks.count == 1)
        #expect(a.bookmarks[0].added == t0)
        #expect(a.bookmarks[0].path == "/new/x.txt")
    }

    /// Two instances on one file, neither reloading: each change is applied to the file as
    /// it is, so nothing either did is lost.
    @Test func twoWritersInterleavedLoseNothing() {
        let dir = persistenceTemporaryDirectory()
        var a = store(dir), b = store(dir)
        a.reload()
        b.reload()
        let x = persistenceArticle("x"), y = persistenceArticle("y"), z = persistenceArticle("z")
        let w = persistenceArticle("w"), v = persistenceArticle("v")
        a.toggle(x)                 // a: +x
        b.toggle(y)                 // b: +y (b has not seen x)
        #expect(Set(b.bookmarks.map(\.title)) == ["x", "y"], "b's write brought x in")
        a.toggle(z)                 // a: +z
        b.toggle(x)                 // b sees x now: -x
        a.toggle(w)                 // a: +w
        b.toggle(v)                 // b: +v (b has not seen w)
        #expect(Set(titlesOnDisk(dir) ?? []) == ["y", "z", "w", "v"])
        #expect(Set(a.bookmarks.map(\.title)) == ["y", "z", "w"], "a has not read since")
        #expect(Set(b.bookmarks.map(\.title)) == ["y", "z", "w", "v"])
        a.reload()
        #expect(Set(a.bookmarks.map(\.title)) == ["y", "z", "w", "v"])
    }

    /// What a stale view shows decides the meaning of a toggle: it adds what it does not show.
    @Test func staleToggleAddsWhatItDoesNotShow() {
        let dir = persistenceTemporaryDirectory()
        var a = store(dir), b = store(dir)
        let x = persistenceArticle("x")
        a.add(x)
        #expect(!b.isBookmarked(x))
        #expect(b.toggle(x).isBookmarked)
        #expect(titlesOnDisk(dir) == ["x"])
    }

    @Test func damagedFileIsMovedAsideWithItsContent() throws {
        let dir = persistenceTemporaryDirectory()
        let folder = dir + "/yuedu"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let damaged = "{\"bookmarks\": [ {\"title\": \"半\n"   // a torn write from some other program
        try damaged.write(toFile: folder + "/bookmarks.json", atomically: false, encoding: .utf8)

        var a = store(dir)
        // Reading only reports: the file stays where it is, as it is.
        let readMessages = a.reload()
        #expect(readMessages.count == 1)
        #expect(readMessages.first?.contains("left as it is") == true)
        #expect(persistenceContents(folder + "/bookmarks.json") == damaged)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).allSatisfy { !$0.contains("corrupt") })
        #expect(a.bookmarks.isEmpty)

        // The first change moves it aside, whole, and starts a fresh file.
        let change = a.add(persistenceArticle("new"))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        let aside = try #require(names.first { $0.hasPrefix("bookmarks.json.corrupt-") })
        #expect(aside.count == "bookmarks.json.corrupt-20261129T170102".count)
        #expect(change.saved)
        #expect(change.messages.count == 1)
        #expect(change.messages.first?.contains(folder + "/" + aside) == true)
        #expect(persistenceContents(folder + "/" + aside) == damaged)
        #expect(titlesOnDisk(dir) == ["new"])
        #expect(persistenceContents(folder + "/" + aside) == damaged, "the damaged copy is kept")
    }

    @Test func secondDamagedFileGetsItsOwnName() throws {
        let dir = persistenceTemporaryDirectory()
        let folder = dir + "/yuedu"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for junk in ["one", "two"] {
            try junk.write(toFile: folder + "/bookmarks.json", atomically: false, encoding: .utf8)
            var a = store(dir)
            #expect(a.add(persistenceArticle("x")).saved)
        }
        let aside = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasPrefix("bookmarks.json.corrupt-") }
        #expect(aside.count == 2)
        #expect(Set(aside.compactMap { persistenceContents(folder + "/" + $0) }) == ["one", "two"])
    }

    @Test func fileOfANewerVersionIsLeftAlone() throws {
        let dir = persistenceTemporaryDirectory()
        let folder = dir + "/yuedu"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let newer = #"{"version": 2, "bookmarks": {"future": true}}"#
        try newer.write(toFile: folder + "/bookmarks.json", atomically: false, encoding: .utf8)
        var a = store(dir)
        let change = a.add(persistenceArticle("x"))
        #expect(change.isBookmarked)
        #expect(!change.saved)
        #expect(change.messages.first?.contains("newer yuedu") == true)
        #expect(persistenceContents(folder + "/bookmarks.json") == newer)
    }

    /// Tests run as root here, where a read-only mode does not stop writes; a directory whose
    /// parent is a regular file cannot be created by anyone, so that stands in for a
    /// directory that cannot be written.
    @Test func unwritableDirectoryKeepsBookmarksForTheSession() throws {
        let dir = persistenceTemporaryDirectory()
        let blocker = dir + "/not-a-directory"
        try "".write(toFile: blocker, atomically: false, encoding: .utf8)
        var a = store(blocker)
        #expect(a.reload().isEmpty)
        let x = persistenceArticle("x")
        let change = a.toggle(x)
        #expect(change.isBookmarked)
        #expect(!change.saved)
        #expect(change.messages.count == 1)
        #expect(change.messages.first?.contains("not a directory") == true)
        #expect(a.isBookmarked(x))
        #expect(a.hasUnsavedChanges)
        a.add(persistenceArticle("y"))
        #expect(Set(a.bookmarks.map(\.title)) == ["x", "y"])

        // Once the directory can be made, the kept changes are written.
        try FileManager.default.removeItem(atPath: blocker)
        #expect(a.save().isEmpty)
        #expect(!a.hasUnsavedChanges)
        #expect(Set(titlesOnDisk(blocker) ?? []) == ["x", "y"])
    }

    @Test func temporaryFileOfAKilledWriterIsRemoved() throws {
        let dir = persistenceTemporaryDirectory()
        let folder = dir + "/yuedu"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "{\"bookm".write(toFile: folder + "/.bookmarks.json.tmp-999999", atomically: false, encoding: .utf8)
        var a = store(dir)
        a.add(persistenceArticle("x"))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names == ["bookmarks.json", "bookmarks.json.lock"])
    }

    // MARK: - Damaged files: every good entry kept, the original never lost

    /// A file as this build writes it, with one entry mistyped by hand.
    private func fileWithOneBadEntry(_ count: Int, badAt bad: Int) -> String {
        var entries: [String] = []
        for i in 0..<count {
            let added = i == bad ? "yesterday" : "2026-11-29T17:01:\(String(format: "%02d", i % 60)).000Z"
            entries.append("""
                {"added": "\(added)", "key": {"date": "2024-03-01", "title": "t\(i)"}, "title": "t\(i)"}
                """)
        }
        return "{\n  \"bookmarks\": [\n" + entries.joined(separator: ",\n") + "\n  ],\n  \"version\": 1\n}\n"
    }

    @Test func oneMistypedEntryCostsThatEntryOnly() throws {
        let dir = persistenceTemporaryDirectory()
        let folder = dir + "/yuedu"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let text = fileWithOneBadEntry(5, badAt: 2)
        try text.write(toFile: folder + "/bookmarks.json", atomically: false, encoding: .utf8)

        var a = store(dir)
        let messages = a.reload()
        #expect(Set(a.bookmarks.map(\.title)) == ["t0", "t1", "t3", "t4"])
        #expect(messages.count == 1 && messages[0].contains("4 bookmarks entries could be read"))
        #expect(persistenceContents(folder + "/bookmarks.json") == text, "reading changes nothing")

        #expect(a.add(persistenceArticle("new")).saved)
        #expect(Set(titlesOnDisk(dir) ?? []) == ["t0", "t1", "t3", "t4", "new"])
        let aside = try #require(try FileManager.default.contentsOfDirectory(atPath: folder)
            .first { $0.hasPrefix("bookmarks.json.corrupt-") })
        #expect(persistenceContents(folder + "/" + aside) == text, "the original is kept aside whole")
    }

    @Test func aTornFileKeepsTheEntriesBeforeTheTear() throws {
        let dir = persistenceTemporaryDirectory()
        let folder = dir + "/yuedu"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let whole = fileWithOneBadEntry(4, badAt: -1)
        let torn = String(whole.dropLast(40))   // the closing lines and the end of the last entry
        try torn.write(toFile: folder + "/bookmarks.json", atomically: false, encoding: .utf8)
        var a = store(dir)
        _ = a.reload()
        #expect(Set(a.bookmarks.map(\.title)) == ["t0", "t1", "t2"])
    }

    @Test func aLockHolderThatKeepsComingBackCannotStarveAWaiter() throws {
        let dir = persistenceTemporaryDirectory()
        let lockPath = dir + "/x.lock"
        let holderFD = open(lockPath, O_RDWR | O_CREAT, 0o600)
        let holderGate = open(dir, O_RDONLY | O_DIRECTORY)
        defer { close(holderFD); close(holderGate) }
        #expect(FairLock.lock(holderFD, gate: holderGate, timeout: 1))
        // The holder releases and takes the lock again at once, over and over, for 3 s.
        let stop = Date().addingTimeInterval(3)
        let holder = Thread {
            while Date() < stop {
                usleep(2_000)
                flock(holderFD, LOCK_UN)
                _ = FairLock.lock(holderFD, gate: holderGate, timeout: 5)
            }
            flock(holderFD, LOCK_UN)
        }
        holder.start()
        let waiterFD = open(lockPath, O_RDWR)
        let waiterGate = open(dir, O_RDONLY | O_DIRECTORY)
        defer { close(waiterFD); close(waiterGate) }
        let started = Date()
        #expect(FairLock.lock(waiterFD, gate: waiterGate, timeout: 2.5), "the waiter got the lock")
        #expect(Date().timeIntervalSince(started) < 2.5)
        flock(waiterFD, LOCK_UN)
        while Date() < stop { usleep(10_000) }
    }
}
