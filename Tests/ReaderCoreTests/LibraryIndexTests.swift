import Foundation
import TestSupport
import Testing
@testable import ReaderCore

/// A library on disk and an index of it, each in a fresh temporary folder.
struct IndexedLibrary {
    let root: String
    let indexPath: String

    init() {
        let base = persistenceTemporaryDirectory()
        root = base + "/library"
        indexPath = base + "/cache/yuedu/library.sqlite"
        try! FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    /// Writes a plain-text article (title, date line, body) at `name`.
    func put(_ name: String, title: String, date: String = "2024-03-01", site: String? = "测试网", body: String = "正文。",
             tags: String? = nil) {
        var lines = [title, date]
        if let site { lines.append(site) }
        lines += ["", body]
        if let tags { lines.append("标签：\(tags)") }
        write(name, lines.joined(separator: "\n") + "\n")
    }

    func write(_ name: String, _ text: String) {
        let path = root + "/" + name
        try! FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try! text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    func remove(_ name: String) { try! FileManager.default.removeItem(atPath: root + "/" + name) }

    func open() throws -> LibraryIndex { try LibraryIndex(path: indexPath) }

    /// Refreshes `index` and writes its full-text rows (unless `fullText` is false).
    @discardableResult
    func refresh(_ index: LibraryIndex, fullText: Bool = true) throws -> LibraryRefresh.Result {
        let result = try LibraryRefresh.run(store: index, roots: [root], stepSize: 3)
        if fullText { try index.completeFullText(step: 3) }
        return result
    }

    /// Title and path of each article the index lists.
    func listed(_ index: LibraryIndex) throws -> [String] {
        try index.listing().articles.map { "\($0.title) \(($0.path! as NSString).lastPathComponent)" }
    }

    /// The same, read from the files without the index.
    func direct() -> [String] {
        LibraryListing.load(paths: [root]).articles.map { "\($0.title) \(($0.path as NSString).lastPathComponent)" }
    }
}

@Suite struct LibraryIndexTests {
    @Test func theIndexListsWhatTheFilesSay() throws {
        let lib = IndexedLibrary()
        var rng = SeededGenerator(seed: 7)
        for i in 0..<40 {
            let day = rng.int(1...28)
            lib.put("d\(i % 4)/a\(i).txt", title: "标题\(rng.int(0...15))", date: "2023-05-\(day < 10 ? "0" : "")\(day)")
        }
        lib.write("bad/empty.txt", "")
        lib.write("md/x.md", "---\ntitle: Markdown 文章\ndate: 2022-01-02\ntags: [甲, 乙]\n---\n正文。\n")
        let index = try lib.open()
        let result = try lib.refresh(index)
        #expect(result.counts.indexed == 41)
        #expect(result.counts.skipped == 1)
        #expect(try lib.listed(index) == lib.direct())
        #expect(try index.listing().skipped.map(\.reason) == ["empty file"])
        let md = try index.listing().articles.first { $0.title == "Markdown 文章" }
        #expect(md?.tags == [], "the list holds no tags")
        #expect(md?.body.isEmpty == true)
        #expect(try index.file(md!.id)?.head?.tags == ["甲", "乙"])
    }

    @Test func editedAddedDeletedAndRenamedFilesArePickedUp() throws {
        let lib = IndexedLibrary()
        lib.put("a.txt", title: "甲")
        lib.put("b.txt", title: "乙")
        lib.put("c.txt", title: "丙")
        let index = try lib.open()
        try lib.refresh(index)
        #expect(try lib.listed(index) == ["丙 c.txt", "乙 b.txt", "甲 a.txt"])

        lib.put("a.txt", title: "甲改", body: "改过的正文，长一些。")
        lib.put("d.txt", title: "丁")
        lib.remove("b.txt")
        try FileManager.default.moveItem(atPath: lib.root + "/c.txt", toPath: lib.root + "/e.txt")
        let again = try lib.refresh(index)
        #expect(again.counts.changed == 1)
        #expect(again.counts.indexed == 2)
        #expect(again.counts.removed == 2)
        #expect(again.counts.unchanged == 0)
        #expect(Set(again.changes.added) == [lib.root + "/d.txt", lib.root + "/e.txt"])
        #expect(again.changes.changed == [lib.root + "/a.txt"])
        #expect(Set(again.changes.removed) == [lib.root + "/b.txt", lib.root + "/c.txt"])
        #expect(try lib.listed(index) == lib.direct())
        #expect(try lib.listed(index) == ["丁 d.txt", "丙 e.txt", "甲改 a.txt"])

        // Nothing changed: nothing is read.
        let quiet = try lib.refresh(index)
        #expect(quiet.counts.indexed == 0 && quiet.counts.changed == 0 && quiet.counts.removed == 0)
        #expect(quiet.counts.unchanged == 3)
        // The edited text is what search finds.
        #expect(try index.search(SearchQuery(parsing: "改过的正文"), folding: index.folding, limit: nil).map(\.article.title) == ["甲改"])
    }

    @Test func aRefreshMatchesFilesWhoseWalkOrderIsNotByteOrder() throws {
        // The walk reads `a/` where its name sorts, before `a.txt` and `a-b.txt`; bytewise
        // (`-` and `.` and ` ` are below `/`) they come first. The refresh merges in byte order.
        let lib = IndexedLibrary()
        let names = ["a/x.txt", "a.txt", "a-b.txt", "a0.txt", "b c.txt", "b/c/d.txt", "b/c.txt", "b.d/e.txt"]
        for (n, name) in names.enumerated() { lib.put(name, title: "标题\(n)") }
        let index = try lib.open()
        #expect(try lib.refresh(index).counts.indexed == names.count)

        let quiet = try lib.refresh(index)
        #expect(quiet.counts.unchanged == names.count)
        #expect(quiet.counts.indexed == 0 && quiet.counts.changed == 0 && quiet.counts.removed == 0)
        #expect(quiet.changes.isEmpty)

        lib.put("a.txt", title: "改了", body: "改过的正文，长一些。")
        lib.remove("a/x.txt")
        lib.put("a/y.txt", title: "新的")
        lib.put("a+.txt", title: "又一篇")
        lib.remove("b.d/e.txt")
        let again = try lib.refresh(index)
        #expect(again.counts.unchanged == names.count - 3)
        #expect(again.counts.changed == 1)
        #expect(again.counts.indexed == 2)
        #expect(again.counts.removed == 2)
        #expect(again.changes.added == [lib.root + "/a/y.txt", lib.root + "/a+.txt"], "in the walk's order")
        #expect(again.changes.changed == [lib.root + "/a.txt"])
        #expect(again.changes.removed == [lib.root + "/a/x.txt", lib.root + "/b.d/e.txt"], "in path order")
        #expect(try lib.listed(index) == lib.direct())
    }

    @Test func duplicatesShowTheFirstCopyByPath() throws {
        let lib = IndexedLibrary()
        lib.put("b/copy.txt", title: "同一篇")
        lib.put("a/copy.txt", title: "同一篇")
        let index = try lib.open()
        try lib.refresh(index)
        #expect(try lib.listed(index) == lib.direct())
        #expect(try index.listing().articles.map(\.path) == [lib.root + "/a/copy.txt"])
        lib.remove("a/copy.txt")
        try lib.refresh(index)
        #expect(try index.listing().articles.map(\.path) == [lib.root + "/b/copy.txt"])
    }

    /// An index that is truncated, garbage or of another schema version (the one before
    /// this, whose `fts_pending` meant something else, or any) is moved aside and rebuilt,
    /// once, with a notice; nothing of the library is lost.
    @Test(arguments: ["truncated", "garbage", "version", "previous"])
    func aDamagedIndexIsRebuilt(_ damage: String) throws {
        let lib = IndexedLibrary()
        for i in 0..<30 { lib.put("a\(i).txt", title: "文章\(i)", body: String(repeating: "内容很长的正文。", count: 200)) }
        do {
            let index = try lib.open()
            try lib.refresh(index)
        }
        let expected = lib.direct()
        switch damage {
        case "truncated":
            // Checkpointed first, so that the rows are in the main file being cut.
            let size = try FileManager.default.attributesOfItem(atPath: lib.indexPath)[.size] as! Int
            #expect(size > 8192)
            #expect(truncate(lib.indexPath, off_t(size / 3)) == 0)
        case "garbage":
            try Data((0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }).write(to: URL(fileURLWithPath: lib.indexPath))
            unlink(lib.indexPath + "-wal")
        case "previous":
            try setUserVersion(lib.indexPath, 3)
        default:
            try setUserVersion(lib.indexPath, 99)
        }
        let index = try lib.open()
        #expect(index.notice?.contains("moved aside") == true)
        if damage == "previous" { #expect(index.notice?.contains("(schema 3; this yuedu reads 4)") == true, "\(index.notice ?? "")") }
        #expect(FileManager.default.fileExists(atPath: lib.indexPath + ".broken"))
        try lib.refresh(index)
        #expect(try lib.listed(index) == expected)
        // Said once: the next open has nothing to say.
        #expect(try lib.open().notice == nil)
    }

    @Test func twoIndexersAtOnceAgree() throws {
        let lib = IndexedLibrary()
        for i in 0..<200 { lib.put("a\(i).txt", title: "文章\(i)") }
        let a = try lib.open(), b = try lib.open()
        let failures = Failures()
        ParallelWork.perform(iterations: 2) { i in
            do { try LibraryRefresh.run(store: i == 0 ? a : b, roots: [lib.root], stepSize: 7) } catch { failures.add("\(error)") }
        }
        #expect(failures.all.isEmpty)
        #expect(try lib.listed(a) == lib.direct())
        #expect(try lib.listed(b) == lib.direct())
        #expect(try a.search(SearchQuery(parsing: "文章1"), folding: a.folding, limit: nil).count == 111)
    }

    @Test func searchFindsShortAndLongWordsExactly() throws {
        let lib = IndexedLibrary()
        let bodies = ["党的建设与乡村振兴。", "蟋蟀在秋天鸣叫。", "乡村的蟋", "振兴乡村经济", "AI and the party", "蟀蟋颠倒", "党"]
        for (i, body) in bodies.enumerated() { lib.put("a\(i).txt", title: "题\(i)", body: body) }
        let index = try lib.open()
        try lib.refresh(index)
        for query in ["党", "蟋蟀", "蟋", "乡村", "乡村振兴", "振兴乡村", "ai", "party", "秋天鸣", "的"] {
            let found = Set(try index.search(SearchQuery(parsing: query), folding: index.folding, limit: nil).map(\.article.title))
            let expected = Set(bodies.enumerated().filter { $0.element.lowercased().contains(query) }.map { "题\($0.offset)" })
            #expect(found == expected, "\(query)")
        }
    }

    @Test func fieldsAndDatesNarrowTheResults() throws {
        let lib = IndexedLibrary()
        lib.put("a.txt", title: "乡村振兴的故事", date: "2023-01-15", site: "新华网", tags: "党建 经济")
        lib.put("b.txt", title: "城市故事", date: "2024-02-01", site: "人民网", body: "乡村振兴。", tags: "文化")
        lib.put("c.txt", title: "另一个故事", date: "2022-12-31", site: "新华网", body: "乡村。")
        let index = try lib.open()
        try lib.refresh(index)
        func titles(_ q: String, order: SearchQuery.Order = .date) throws -> [String] {
            try index.search(SearchQuery(parsing: q, order: order), folding: index.folding, limit: nil).map(\.article.title)
        }
        #expect(try titles("乡村振兴") == ["城市故事", "乡村振兴的故事"])
        #expect(try titles("乡村振兴", order: .relevance).first == "乡村振兴的故事")
        #expect(try titles("title:乡村") == ["乡村振兴的故事"])
        #expect(try titles("site:新华网") == ["乡村振兴的故事", "另一个故事"])
        #expect(try titles("tag:党建") == ["乡村振兴的故事"])
        #expect(try titles("tag:党") == [])
        #expect(try titles("after:2023-01") == ["城市故事", "乡村振兴的故事"])
        #expect(try titles("before:2023") == ["另一个故事"])
        #expect(try titles("乡村 after:2023 before:2024") == ["乡村振兴的故事"])
        #expect(try titles("\"城市故\"") == ["城市故事"])
    }

    @Test func queriesAreRead() throws {
        let q = try SearchQuery(parsing: #"乡村 "数字 经济" title:振兴 site:新华网 tag:党建 after:2023-01 before:2024 is:unread"#)
        #expect(q.terms == ["乡村", "数字 经济"])
        #expect(q.titleTerms == ["振兴"])
        #expect(q.sites == ["新华网"])
        #expect(q.tags == ["党建"])
        #expect(q.after == 20230101)
        #expect(q.before == 20240101)
        #expect(q.unread && !q.bookmarked)
        #expect(throws: SearchQuery.Problem.self) { try SearchQuery(parsing: "titel:x") }
        #expect(throws: SearchQuery.Problem.self) { try SearchQuery(parsing: "after:yesterday") }
    }

    @Test func bodiesAreReadOnDemandAndSayWhenTheFileChanged() throws {
        let lib = IndexedLibrary()
        lib.put("a.txt", title: "甲", body: "原来的正文。")
        let index = try lib.open()
        try lib.refresh(index)
        let head = try index.listing().articles[0]
        let bodies = ArticleBodies(store: index, capacity: 2)
        #expect(bodies.full(head).body.map(\.text) == ["原来的正文。"])
        #expect(bodies.takeNotices().isEmpty)
        lib.put("a.txt", title: "甲", body: "新的正文，长了。")
        #expect(bodies.full(head).body.map(\.text) == ["原来的正文。"]) // kept until forgotten
        bodies.forget([head.id])
        #expect(bodies.full(head).body.map(\.text) == ["新的正文，长了。"])
        #expect(bodies.takeNotices().first?.contains("changed") == true)
        #expect(bodies.stale)
        lib.remove("a.txt")
        bodies.forget()
        #expect(bodies.full(head).body.first?.text.contains("cannot be read") == true)
        #expect(bodies.takeNotices().first?.contains("gone") == true)
    }

    @Test func theListingHoldsTheHeadsTheRowsHold() throws {
        // The listing reads its rows through SQLite's statement and shares repeated names;
        // each head must be the one a row gives (`file(_:)`), tags aside.
        let lib = IndexedLibrary()
        let long = "中国电源产业网站的一个很长的名字"                 // over 15 bytes: not held inline
        let longer = String(repeating: "很长的网站名", count: 5)   // over 64 bytes: not shared
        let sites: [String?] = [long, "澎湃新闻", long, nil, longer, "新华网", long, "Site", longer, nil]
        for (i, site) in sites.enumerated() {
            var lines = ["---", "title: 标题\(i)", "date: 2024-03-\(10 + i)"]
            if let site { lines.append("site: \(site)") }
            // Names of the same length as the site's, and as each other's, that differ.
            lines.append("source: \(i % 3 == 0 ? (site ?? "来源") : i % 2 == 0 ? "别的网站" : "来源网站")")
            lines.append("editor: \(i % 2 == 0 ? (site ?? long) : "编辑网站")")
            if i % 4 == 1 { lines.append("author: \(long)") }
            lines += ["---", "正文\(i)。"]
            lib.write("a\(i).md", lines.joined(separator: "\n") + "\n")
        }
        lib.write("b.txt", "有坏字节的标题\n2024-01-01\n\n正文\u{FFFD}。\n")
        let index = try lib.open()
        try lib.refresh(index)
        let listed = try index.listing().articles
        #expect(listed.count == sites.count + 1)
        for head in listed {
            var row = try #require(try index.file(head.id)?.head)
            row.tags = []
            #expect(head == row, "\(head.path ?? "")")
        }
        let sources = listed.map { $0.source ?? "" }
        #expect(sources.contains(long) && sources.contains("来源网站") && sources.contains("别的网站"))
        #expect(listed.contains { $0.author == long })
    }

    @Test func similarListsAreKeptForArticlesLackingThem() throws {
        let lib = IndexedLibrary()
        lib.put("a.txt", title: "蟋蟀的秋天", body: "蟋蟀在秋天的夜里鸣叫，蟋蟀的声音。")
        lib.put("b.txt", title: "秋天的蟋蟀", body: "秋天夜里蟋蟀鸣叫，声音很响。")
        lib.put("c.txt", title: "城市交通", body: "地铁和公交车每天运送乘客。")
        let index = try lib.open()
        try lib.refresh(index)
        let listing = try index.listing().articles
        #expect(try LibrarySimilarity.update(store: index, listing: listing) == 3)
        #expect(try index.similar(to: ArticleID(path: lib.root + "/a.txt"))?.first == ArticleID(path: lib.root + "/b.txt"))
        #expect(try LibrarySimilarity.update(store: index, listing: listing) == 0)
        lib.put("c.txt", title: "城市交通", body: "地铁和公交车每天运送很多乘客。")
        try lib.refresh(index)
        #expect(try index.lackingSimilar() == [ArticleID(path: lib.root + "/c.txt")])
    }
}

final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ s: String) { lock.withLock { items.append(s) } }
    var all: [String] { lock.withLock { items } }
}

/// Sets `PRAGMA user_version` of the SQLite file at `path`.
func setUserVersion(_ path: String, _ version: Int) throws {
    let index = try LibraryIndex(path: path)
    try index.execute("PRAGMA user_version = \(version)")
}

/// What a start and `yuedu list` read: the covering SQL indexes, made when missing.
@Suite struct LibraryIndexReadingTests {
    @Test func anIndexWithoutTheReadingIndexesGetsThemAndListsTheSame() throws {
        let lib = IndexedLibrary()
        for i in 0..<12 { lib.put("d\(i % 3)/a\(i).txt", title: "标题\(i % 5)（\(i)）", date: "2024-03-\(10 + i % 4)") }
        lib.write("bad/empty.txt", "")
        var index = try lib.open()
        try lib.refresh(index)
        let before = try index.listing()
        let names = "SELECT name FROM sqlite_master WHERE name IN ('file_heads', 'file_stamps', 'file_skipped') ORDER BY name"
        #expect(try index.strings(names) == ["file_heads", "file_skipped", "file_stamps"])
        // As an index made before them.
        try index.execute("DROP INDEX file_heads; DROP INDEX file_stamps; DROP INDEX file_skipped")
        index = try lib.open()
        #expect(index.notice == nil)
        #expect(try index.strings(names) == ["file_heads", "file_skipped", "file_stamps"])
        let after = try index.listing()
        #expect(after.articles == before.articles)
        #expect(after.skipped == before.skipped)
        #expect(try lib.refresh(index).counts.unchanged == 13) // and the empty file
    }

    @Test func theListsLinesAreTheListingsDatesTitlesAndPaths() throws {
        let lib = IndexedLibrary()
        for i in 0..<9 { lib.put("a\(i).txt", title: "文章\(i % 3)", date: i == 4 ? "" : "2024-0\(1 + i % 3)-01") }
        lib.write("bad.txt", "")
        let index = try lib.open()
        try lib.refresh(index)
        let listing = try index.listing()
        let (lines, skipped) = try index.reading { (try $0.listLines(), try $0.skippedFiles()) }
        let expected = listing.articles.map { "\($0.date?.description ?? "")\t\($0.title)\t\($0.path!)\n" }.joined()
        #expect(String(decoding: lines, as: UTF8.self) == expected)
        #expect(expected.contains("\t文章1\t"))
        #expect(skipped == listing.skipped)
        #expect(skipped.count == 1)
    }

    @Test func sitesNamedAgainAreOneString() throws {
        let lib = IndexedLibrary()
        lib.put("a.txt", title: "甲", site: "一个名字很长的新闻网站")
        lib.put("b.txt", title: "乙", site: "一个名字很长的新闻网站")
        let index = try lib.open()
        try lib.refresh(index)
        let articles = try index.listing().articles
        #expect(articles.map(\.site) == ["一个名字很长的新闻网站", "一个名字很长的新闻网站"])
        var a = articles[0].site!, b = articles[1].site!
        let shared = a.withUTF8 { x in b.withUTF8 { y in x.baseAddress == y.baseAddress } }
        #expect(shared)
    }
}
