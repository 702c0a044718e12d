import Foundation
import Testing
@testable import ReaderCore

/// The listing's fast path (`ArticleFile.readHead`, `LibraryListing`) against the full reader.
@Suite struct ArticleHeadTests {
    /// A small library of every kind of file a library holds, good and bad, in the mix that
    /// `scripts/gen-library.py` makes (plain text, Markdown, GB18030 with CRLF) and more.
    static func mixedLibrary(_ lib: TemporaryLibrary) throws {
        let seed = try String(contentsOfFile: seedsDirectory + "/000_179341d704dc42fe.txt", encoding: .utf8)
        let paragraphs = seed.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.count >= 20 && !$0.hasPrefix("http") }
        var rng = SeededGenerator(seed: 7)
        func pick() -> String { paragraphs[Int(rng.next() % UInt64(paragraphs.count))] }
        func title(_ n: Int) -> String { String(pick().prefix(12 + n % 10)) + "（\(n)）" }
        let gb = TextDecoding.gb18030

        for n in 0..<60 {
            let (y, m, d) = (2015 + n % 11, 1 + n % 12, 1 + n % 28)
            let dates = ["\(y)-\(m)-\(d)", "\(y)/\(m)/\(d)", "\(y)年\(m)月\(d)日", "发布时间：\(y)-\(m)-\(d) 10:20 来源:新华网",
                         "Date: \(y).\(m).\(d)", "新华网", "", "12345678"]
            let body = (0..<4).map { _ in pick() }.joined(separator: "\n")
            let t = n % 13 == 0 ? title(n / 13) : title(n) // some saved twice
            let plain = "\(n % 3 == 0 ? "\n  \n" : "")\(n % 5 == 0 ? "\u{3000}" : n % 7 == 0 ? " \u{3000}\u{3000} " : "")\(t)\n\(dates[n % dates.count])\n新华网\n导语：\(pick())\n\n\(body)\n编辑：某\n"
            switch n % 6 {
            case 0, 1: try lib.write("plain/\(n).txt", plain)
            case 2: try lib.write("bom/\(n).txt", Data([0xEF, 0xBB, 0xBF]) + Data(plain.replacingOccurrences(of: "\n", with: "\r").utf8))
            case 3:
                let crlf = plain.replacingOccurrences(of: "\n", with: "\r\n")
                try lib.write("gb/\(n).txt", try #require(crlf.data(using: gb)))
            case 4:
                let titled = n % 4 == 0 ? "title: \(t)\n" : n % 8 == 2 ? "title: \"\"\n" : ""
                let md = "\n---\n\(titled)date: \(y)-\(m)-\(d)\ntags: [甲, 乙]\nrelated:\n  - 另一篇\n---\n\n# \(pick().prefix(10))\n\n> \(pick())\n\n\(pick().prefix(10))**粗**[原文](https://example.com)\n"
                try lib.write("md/\(n)\(n % 4 == 0 ? ".MD" : n % 8 == 2 ? "" : ".markdown")", md)
            default:
                // No front matter, or one that never closes: the title comes from the text.
                let md = n % 2 == 0 ? "```\n代码\n第二行\n```\n\n段落\n" : "---\ntitle: 未完\n\n\(pick())\n"
                try lib.write("md/\(n).md", md)
                // Titles from the text, in the shapes where a parse of the head alone could go wrong.
                let body = (0..<30).map { _ in pick() }.joined(separator: "\n\n")
                let shapes = [
                    "\(pick())\n\n## 小标题\n\n\(body)",                       // a paragraph, then a heading
                    "段落\n- - -\n\n\(body)\n\n# 后面的标题\n",                  // a rule, not a heading
                    "- 列表\n---\n\n\(body)\n\n后面的\n===\n",                  // a rule after a list, then setext
                    "```\n# 代码里\n```\n\n# 真标题\n\n\(body)",               // a heading inside code
                    "<div>\n\n# 在HTML里\n\n</div>\n\n\(body)",                  // HTML
                    "# [链接标题]\n\n\(body)\n\n[链接标题]: https://example.com\n", // a reference defined later
                    "两行的\n段落标题\n\n\(body)",                                 // no heading at all
                    "date: x\n\n\(body)\n\nSetext 标题\n---\n",
                    "---\ndate: 2020-01-02\n---\n\n  ### 缩进的标题 ###\n\n\(body)",
                    "> 引用\n\n1. 列表\n\n\(body)",
                ]
                try lib.write("md/shape-\(n).md", shapes[n / 6 % shapes.count])
                try lib.write("md/shape-\(n)b.md", shapes[(n / 6 + 5) % shapes.count])
            }
        }
        // A first line so long it is a paragraph, not a title.
        try lib.write("plain/long.txt", String(repeating: pick(), count: 8) + "\n2020-02-02\n")
        // Bytes that are not quite text.
        var bad = Array("好文章\n2023-01-02\n正文。\n".utf8)
        bad.insert(0xFF, at: 4)
        try lib.write("odd/one-bad-byte.txt", Data(bad))
        var gbBad = try #require("标题\r\n2021-03-04\r\n正文\r\n".data(using: gb))
        gbBad.insert(0x81, at: 2)
        try lib.write("odd/gb-bad.txt", gbBad)
        try lib.write("odd/utf16le.txt", Data([0xFF, 0xFE]) + Data("标题\n2022-05-06\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        try lib.write("odd/utf16be.txt", Data([0xFE, 0xFF]) + Data("标题\n2022-05-06\n".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }))
        try lib.write("odd/empty.txt", "")
        try lib.write("odd/blank.txt", "\n \u{3000}\n\t\n")
        try lib.write("odd/blank.md", "\n\n")
        try lib.write("odd/nul.bin", Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]))
        try lib.write("odd/controls.txt", Data((0..<400).map { UInt8(1 + $0 % 31) }))
        try lib.write("odd/noise.bin", Data((0..<2000).map { _ in UInt8(truncatingIfNeeded: rng.next()) | 0x80 }))
        // Random damage to good files: the two paths must still agree on every byte.
        for n in 0..<40 {
            var bytes = Array((try #require(plainOrGB(n, pick(), gb))))
            for _ in 0..<(n % 5) {
                bytes[Int(rng.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: rng.next())
            }
            try lib.write("damaged/\(n)\(n % 7 == 0 ? ".md" : ".txt")", Data(bytes))
        }
    }

    static func plainOrGB(_ n: Int, _ paragraph: String, _ gb: String.Encoding) -> Data? {
        let text = "---\ntitle: 题\(n)\n---\n标题\(n)\n2019-0\(1 + n % 9)-1\(n % 10)\n\(paragraph)\n"
        return n % 2 == 0 ? Data(text.utf8) : text.data(using: gb)
    }

    @Test func headAgreesWithTheFullReaderOnEveryFile() throws {
        let lib = try TemporaryLibrary()
        try Self.mixedLibrary(lib)
        var skipped: [SkippedFile] = []
        let files = ArticleFiles.list(paths: [lib.path], skipped: &skipped)
        #expect(files.count > 100)
        var kinds: Set<String> = []
        for path in files {
            switch (ArticleFile.read(path: path), ArticleFile.readHead(path: path)) {
            case let (.success(full), .success(head)):
                #expect(head.title == full.title, "\(path)")
                #expect(head.date == full.date, "\(path)")
                #expect(head.path == path)
                kinds.insert(full.date == nil ? "undated" : "dated")
            case let (.failure(full), .failure(head)):
                #expect(head.reason == full.reason, "\(path)")
                kinds.insert(full.reason)
            case let (full, head):
                Issue.record("\(path): full reader \(full), head \(head)")
            }
        }
        // The library does hold each kind of file it is meant to.
        #expect(kinds.contains("dated") && kinds.contains("undated"))
        #expect(kinds.contains("empty file") && kinds.contains("no text (only white space)"))
        #expect(kinds.contains { $0.hasPrefix("binary file, not text (it contains NUL") })
        #expect(kinds.contains { $0.hasPrefix("binary file, not text (") && $0.contains("neither UTF-8") })
    }

    /// The top of each file as the index's first phase reads it: the title, date and site
    /// the full reader finds, and any other field it names the full reader's; the same
    /// format and encoding, or the same reason the file is not an article.
    @Test func topAgreesWithTheFullReaderOnEveryFile() throws {
        let lib = try TemporaryLibrary()
        try Self.mixedLibrary(lib)
        // Fields a top can name, and the layouts that name them there.
        try lib.write("top/source.txt", "标题\n2023-01-16 10:20 来源:新华网\n人民网\n正文。\n编辑：某\n标签：甲 乙\n")
        try lib.write("top/site-label.txt", "Title\n2024-02-03\nSite: Example News\nBody text.\nSource: Wire\n")
        try lib.write("top/no-site.txt", "标题\n2023-01-16\n这是正文的第一段，很长，不是网站的名字。\n编辑：某\n")
        try lib.write("top/front.md", "---\ntitle: 题\ndate: 2022-02-02\nsite_name: 某网\nsource: https://example.com/a\nauthor: 某人\ntags: [甲, 乙]\n---\n\n正文\n")
        var skipped: [SkippedFile] = []
        let files = ArticleFiles.list(paths: [lib.path], skipped: &skipped)
        let buffer = ReadBuffer()
        var sites = 0, sources = 0, tagged = 0
        for path in files {
            let (full, fullStamp) = ArticleFile.readParsed(path: path)
            let (top, topStamp) = ArticleFile.readTop(path: path, into: buffer)
            #expect(top.format == full.format && top.encoding == full.encoding, "\(path)")
            #expect(topStamp == fullStamp, "\(path)")
            switch (full.result, top.result) {
            case let (.success(full), .success(top)):
                #expect(top.title == full.title && top.date == full.date && top.site == full.site, "\(path)")
                #expect(top.path == path && top.decodingNote == full.decodingNote, "\(path)")
                #expect(top.body.isEmpty && top.lead == nil && top.related.isEmpty, "\(path)")
                for (name, field, whole) in [("source", top.source, full.source), ("editor", top.editor, full.editor),
                                             ("author", top.author, full.author)] {
                    #expect(field == nil || field == whole, "\(path): \(name) \(field ?? "") against \(whole ?? "")")
                }
                #expect(top.tags.isEmpty || top.tags == full.tags, "\(path)")
                #expect(top.urls.isEmpty || top.urls == full.urls, "\(path)")
                if top.site != nil { sites += 1 }
                if top.source != nil { sources += 1 }
                if !top.tags.isEmpty { tagged += 1 }
            case let (.failure(full), .failure(top)):
                #expect(top.reason == full.reason, "\(path)")
            case let (full, top):
                Issue.record("\(path): full reader \(full), top \(top)")
            }
        }
        #expect(sites > 20 && sources >= 2 && tagged >= 1)
    }

    /// Without a title in the front matter, the head reads Markdown only as far as its title.
    @Test func markdownHeadStopsAtTheTitle() {
        func prefix(_ text: String) -> (Int, Bool)? {
            var text = text
            return text.withUTF8 { MarkdownFormat.headPrefix($0, from: 0) }.map { ($0.end, $0.heading) }
        }
        let body = String(repeating: "很长的正文段落。\n\n", count: 10_000)
        #expect(prefix("# 标题\n\n" + body)! == ("# 标题\n".utf8.count, true))
        #expect(prefix("导语\n\n标题\n===\n\n" + body)! == ("导语\n\n标题\n===\n".utf8.count, true))
        // No heading anywhere: the first paragraph, up to its blank line.
        #expect(prefix("第一段\n第二行\n\n" + body)! == ("第一段\n第二行\n\n".utf8.count, false))
        // A fence or a bracket before the cut: the whole text.
        #expect(prefix("```\n# x\n```\n# 标题\n" + body) == nil)
        #expect(prefix("# [标题]\n" + body) == nil)
    }

    @Test func listingMatchesTheStore() throws {
        let lib = try TemporaryLibrary()
        try Self.mixedLibrary(lib)
        let store = ArticleStore.load(paths: [lib.path])
        let listing = LibraryListing.load(paths: [lib.path])
        #expect(listing.articles.map(\.title) == store.articles.map(\.title))
        #expect(listing.articles.map(\.date) == store.articles.map(\.date))
        #expect(listing.articles.map(\.path) == store.articles.map { $0.path ?? "" })
        #expect(listing.skipped == store.skipped)
        #expect(listing.duplicates == store.duplicates)
        #expect(!listing.duplicates.isEmpty)
        #expect(listing.articles.count > 50)
    }

    @Test func utf8CheckAgreesWithTheStandardLibrary() {
        var rng = SeededGenerator(seed: 3)
        let pieces: [[UInt8]] = [[0x41], [0xE4, 0xB8, 0xAD], [0xC2, 0x85], [0xF0, 0x9F, 0x98, 0x80], [0xED, 0xA0, 0x80],
                                 [0xE0, 0x80, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0xF5], [0x80], [0xE4, 0xB8],
                                 Array("abcdefghijk".utf8)]
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(rng.next() % 8) { bytes += pieces[Int(rng.next() % UInt64(pieces.count))] }
            if rng.next() % 4 == 0, !bytes.isEmpty { bytes[Int(rng.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: rng.next()) }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            #expect(bytes.withUnsafeBufferPointer(UTF8Check.isValid) == expected, "\(bytes)")
        }
    }

    @Test func extensionsAsFoundationSeesThem() {
        for path in ["a.md", "dir/b.MD", "c.txt", "x/y.markdown", "x/y.Text", "noext", "dir/noext", "dir.md/file",
                     "a.b.md", "a..md", ".md", "dir/.md", "a.md.", "a. md", "文章.md", "文章.mD", "a.tar.gz", "a/b.c/"] {
            if let fast = ArticleFile.asciiExtension(path) {
                #expect(fast == (path as NSString).pathExtension.lowercased(), "\(path)")
            }
        }
        #expect(ArticleFile.asciiExtension("dir/b.MD") == "md")
        #expect(ArticleFile.asciiExtension("dir/noext") == "")
    }
}
