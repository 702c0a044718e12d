import Foundation
import TestSupport
import Testing
@testable import ReaderCore

/// `yuedu bookmarks`, run as a script would run it.
@Suite struct BookmarkCommandTests {
    func run(_ arguments: [String], dataHome: String) throws -> (out: String, err: String, status: Int32) {
        let binary = try #require(persistenceBuiltProduct("yuedu"), "build the yuedu target first (swift build)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = ["HOME": "/nonexistent", "XDG_DATA_HOME": dataHome]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self), process.terminationStatus)
    }

    @Test func tabSeparatedNewestFirst() throws {
        let dir = persistenceTemporaryDirectory()
        var store = BookmarkStore(paths: PersistencePaths(environment: ["HOME": "/nonexistent", "XDG_DATA_HOME": dir]))
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        store.add(persistenceArticle("旧文", 1, path: "/lib/old.txt"), now: t0)
        store.add(persistenceArticle("Tab\there", nil, path: "/lib/tab.txt"), now: t0 + 1)
        store.add(persistenceArticle("新文", 9, path: "/lib/new.txt"), now: t0 + 2)
        let r = try run(["bookmarks"], dataHome: dir)
        #expect(r.status == 0)
        #expect(r.err == "")
        #expect(r.out == """
            新文\t2024-03-09\t/lib/new.txt
            Tab here\t\t/lib/tab.txt
            旧文\t2024-03-01\t/lib/old.txt

            """)
    }

    @Test func json() throws {
        let dir = persistenceTemporaryDirectory()
        var store = BookmarkStore(paths: PersistencePaths(environment: ["HOME": "/nonexistent", "XDG_DATA_HOME": dir]))
        store.add(persistenceArticle("读书", 3, path: "/lib/读书.txt"), now: Date(timeIntervalSince1970: 1_800_000_000))
        let r = try run(["bookmarks", "--json"], dataHome: dir)
        #expect(r.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [[String: String]])
        #expect(rows == [["title": "读书", "date": "2024-03-03", "path": "/lib/读书.txt", "added": "2027-01-15T08:00:00.000Z"]])
    }

    @Test func noBookmarksPrintsNothing() throws {
        let r = try run(["bookmarks"], dataHome: persistenceTemporaryDirectory())
        #expect(r.status == 0)
        #expect(r.out == "")
    }
}
