import Foundation
import Testing
import TextSafety
@testable import ReaderCore

/// `yuedu list` from the index: the files checked against it while it is read, the lines
/// those of the files read directly.
@Suite struct IndexedListTests {
    /// The lines `yuedu list --no-index` prints, made from the files read directly.
    func direct(_ lib: IndexedLibrary) -> String {
        LibraryListing.load(paths: [lib.root]).articles.map {
            "\($0.date?.description ?? "")\t\(ControlPolicy.apply($0.title))\t\(ControlPolicy.apply($0.path))\n"
        }.joined()
    }

    func listed(_ index: LibraryIndex, _ lib: IndexedLibrary) throws -> (String, [SkippedFile]) {
        let (lines, skipped) = try IndexedList.read(index: index, roots: [lib.root])
        return (String(decoding: lines, as: UTF8.self), skipped)
    }

    @Test func theLinesAreThoseOfTheFilesReadDirectly() throws {
        let lib = IndexedLibrary()
        let names = ["a/x.txt", "a.txt", "a-b.txt", "b c.txt", "b/c/d.txt", "中文/一.txt", "中文.txt"]
        for (n, name) in names.enumerated() { lib.put(name, title: "标题\(n % 4)", date: "2023-0\(1 + n % 3)-1\(n)") }
        lib.put("undated.txt", title: "无日期", date: "")
        lib.put("escape.txt", title: "控制\u{1B}[31m符")
        lib.write("bad/empty.txt", "")
        let index = try lib.open()
        // The first list writes the index.
        let (first, skipped) = try listed(index, lib)
        #expect(first == direct(lib))
        #expect(first.contains("控制␛[31m符"))
        #expect(!first.unicodeScalars.contains { $0.value == 0x1B })
        #expect(skipped.map(\.reason) == ["empty file"])
        #expect(first.split(separator: "\n").count == names.count + 2)
        // And the next reads it as it is.
        let (again, skippedAgain) = try listed(index, lib)
        #expect(again == first)
        #expect(skippedAgain == skipped)
        #expect(try lib.refresh(index).counts.unchanged == names.count + 3)
    }

    @Test func newChangedDeletedAndRenamedFilesArePickedUp() throws {
        let lib = IndexedLibrary()
        for name in ["a/x.txt", "a.txt", "a-b.txt", "b.txt", "c/d.txt"] { lib.put(name, title: "原来的\(name)") }
        let index = try lib.open()
        try lib.refresh(index)
        let (before, _) = try listed(index, lib)
        #expect(before == direct(lib))

        lib.put("a.txt", title: "改过", body: "改过的正文，长一些。")       // changed
        lib.put("a+.txt", title: "新的")                                   // new, before `a/` bytewise
        lib.put("a/y.txt", title: "又一篇")                                 // new, in a folder
        lib.remove("a-b.txt")                                              // deleted
        try FileManager.default.moveItem(atPath: lib.root + "/c/d.txt", toPath: lib.root + "/c/e.txt") // renamed
        lib.write("b.txt", "")                                             // now not an article
        let (after, skipped) = try listed(index, lib)
        #expect(after == direct(lib))
        #expect(after != before)
        for title in ["改过", "新的", "又一篇", "原来的c/d.txt"] { #expect(after.contains(title)) }
        #expect(!after.contains("原来的a-b.txt"))
        #expect(after.contains(lib.root + "/c/e.txt") && !after.contains(lib.root + "/c/d.txt"))
        #expect(skipped == [SkippedFile(path: lib.root + "/b.txt", reason: "empty file")])
        // The index holds it now: nothing left to do.
        let quiet = try lib.refresh(index)
        #expect(quiet.changes.isEmpty && quiet.counts.removed == 0 && quiet.counts.skipped == 0)
        #expect(try index.listing().articles.map { $0.path! } == LibraryListing.load(paths: [lib.root]).articles.map(\.path))
    }

    @Test func aFileGoneAndOneNewAtTheEndOfTheOrder() throws {
        let lib = IndexedLibrary()
        lib.put("m.txt", title: "中间")
        let index = try lib.open()
        try lib.refresh(index)
        lib.remove("m.txt")
        lib.put("z/z.txt", title: "最后")
        lib.put("0.txt", title: "最前")
        let (lines, _) = try listed(index, lib)
        #expect(lines == direct(lib))
        #expect(lines.split(separator: "\n").count == 2)
    }
}
