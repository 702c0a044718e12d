import Foundation
import Testing

/// Links and the clipboard as the terminal receives them: the raw bytes the reader writes to
/// its pty, recorded by tmux (`pipe-pane`), hold OSC 8 around a link on screen and OSC 52
/// with what was copied, and nothing an article could inject.
@Suite(.serialized) struct LinkSessionTests {
    static let seed = "seeds/000_179341d704dc42fe.txt"
    static let seedURL = "http://www.cpsa.org.cn/default.ashx"

    /// An OSC sequence found in the bytes: what is between `ESC ]` and its terminator, and
    /// whether that was ST (`ESC \`) rather than BEL or nothing.
    struct OSC: Equatable {
        var content: [UInt8]
        var endsWithST: Bool
        var text: String { String(decoding: content, as: UTF8.self) }
    }

    static func oscs(in bytes: [UInt8]) -> [OSC] {
        var found: [OSC] = []
        var i = 0
        while i + 1 < bytes.count {
            guard bytes[i] == 0x1B, bytes[i + 1] == 0x5D else { i += 1; continue }
            var j = i + 2
            var st = false
            while j < bytes.count {
                if bytes[j] == 0x07 { break }
                if bytes[j] == 0x1B { st = j + 1 < bytes.count && bytes[j + 1] == 0x5C; break }
                j += 1
            }
            found.append(OSC(content: Array(bytes[(i + 2)..<min(j, bytes.count)]), endsWithST: st))
            i = j + 1
        }
        return found
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    /// A reader in tmux with its output recorded, in `directory`.
    struct Recorded {
        let tmux: TmuxSession
        let record: String

        var bytes: [UInt8] { (try? Data(contentsOf: URL(fileURLWithPath: record))).map { Array($0) } ?? [] }

        /// Waits until the recorded bytes satisfy `predicate` (the reader may still be
        /// writing), at most `timeout` seconds.
        @discardableResult
        func waitForBytes(_ what: String, timeout: Double = 10, _ predicate: ([UInt8]) -> Bool) throws -> [UInt8] {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                let now = bytes
                if predicate(now) { return now }
                usleep(50_000)
            }
            throw TmuxError(message: "timed out waiting for \(what) in the \(bytes.count) bytes written")
        }
    }

    func startRecorded(in dir: URL, environment: String = "", arguments: String) throws -> Recorded {
        let tmux = try TmuxSession(width: 100, height: 30)
        let record = dir.appendingPathComponent("bytes.out").path
        _ = try run(["tmux", "-L", tmux.socket, "pipe-pane", "-o", "-t", "main", "cat >> \(shellQuoted(record))"])
        try tmux.startReader("\(environment)\(shellQuoted(yueduBinary)) \(arguments)")
        return Recorded(tmux: tmux, record: record)
    }

    func temporaryDirectory(_ name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yuedu-\(name)-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// The OSC 8 link around `url`'s text: open, the text (with attributes between), close.
    static func hasHyperlink(_ bytes: [UInt8], to url: String) -> Bool {
        let open = Array("\u{1B}]8;;\(url)\u{1B}\\".utf8)
        let close = Array("\u{1B}]8;;\u{1B}\\".utf8)
        var i = 0
        while i + open.count <= bytes.count {
            if bytes[i..<(i + open.count)].elementsEqual(open) {
                let rest = Array(bytes[(i + open.count)...])
                if let end = (0...max(0, rest.count - close.count)).first(where: { rest[$0..<min(rest.count, $0 + close.count)].elementsEqual(close) }),
                   contains(Array(rest[..<end]), Array(url.utf8)) {
                    return true
                }
            }
            i += 1
        }
        return false
    }

    @Test func theSeedsURLIsAHyperlinkAndYCopiesIt() throws {
        let dir = try temporaryDirectory("links")
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("config.toml")
        try "hyperlinks = \"always\"\n".write(to: config, atomically: true, encoding: .utf8)
        let session = try startRecorded(in: dir, arguments: "--config \(shellQuoted(config.path)) \(Self.seed)")
        let tmux = session.tmux
        try tmux.send("G")
        try tmux.waitFor(text: "链接 \(Self.seedURL)")
        try session.waitForBytes("an OSC 8 link around the seed's URL") { Self.hasHyperlink($0, to: Self.seedURL) }

        try tmux.send("u")
        try tmux.waitFor(text: "链接 Links — 1 link")
        try tmux.send("y")
        try tmux.waitFor(text: "copied link 1 (35 characters)")
        let bytes = try session.waitForBytes("an OSC 52 copy") { Self.oscs(in: $0).contains { $0.text.hasPrefix("52;") } }
        let copies = Self.oscs(in: bytes).filter { $0.text.hasPrefix("52;c;") }
        #expect(copies.count == 1)
        let payload = try #require(copies.first.map { String($0.text.dropFirst(5)) })
        let decoded = try #require(Data(base64Encoded: payload))
        #expect(String(decoding: decoded, as: UTF8.self) == Self.seedURL)
        #expect(copies.allSatisfy { $0.endsWithST })
        try tmux.send("Escape")
        try tmux.send("q")
        try ReaderSessionTests().expectRestored(tmux, exitCode: 0)
    }

    @Test func autoFollowsTheEnvironment() throws {
        // A terminal known to handle OSC 8 (outside tmux's say): links are wrapped.
        let on = try temporaryDirectory("links-auto-on")
        defer { try? FileManager.default.removeItem(at: on) }
        let known = try startRecorded(in: on, environment: "env -u TMUX TERM=xterm-256color TERM_PROGRAM=WezTerm ",
                                      arguments: "--config /dev/null \(Self.seed)")
        try known.tmux.send("G")
        try known.tmux.waitFor(text: "链接 \(Self.seedURL)")
        try known.waitForBytes("an OSC 8 link with auto in WezTerm") { Self.hasHyperlink($0, to: Self.seedURL) }
        try known.tmux.send("q")
        try ReaderSessionTests().expectRestored(known.tmux, exitCode: 0)

        // tmux 3.3 drops OSC 8: under it, auto writes none (the same frames otherwise).
        let off = try temporaryDirectory("links-auto-off")
        defer { try? FileManager.default.removeItem(at: off) }
        let tmux33 = try startRecorded(in: off, environment: "env TERM_PROGRAM=tmux TERM_PROGRAM_VERSION=3.3a ",
                                       arguments: "--config /dev/null \(Self.seed)")
        try tmux33.tmux.send("G")
        try tmux33.tmux.waitFor(text: "链接 \(Self.seedURL)")
        try tmux33.tmux.send("q")
        try ReaderSessionTests().expectRestored(tmux33.tmux, exitCode: 0)
        let bytes = tmux33.bytes
        #expect(Self.contains(bytes, Array(Self.seedURL.utf8)), "the URL was drawn")
        #expect(!Self.contains(bytes, Array("\u{1B}]8;".utf8)), "no OSC 8 under tmux 3.3")
    }

    @Test func anArticlesURLInjectsNothing() throws {
        let dir = try temporaryDirectory("links-hostile")
        defer { try? FileManager.default.removeItem(at: dir) }
        let osc52 = "\u{1B}]52;c;UFdORUQ=\u{07}"
        let article = [
            "恶意链接", "2099-01-01", "来源网站", "",
            "正文 https://evil.example/clean 结束。",
            "正文 https://evil.example/bare\(osc52)尾巴 段落结束。",
            "正文 https://evil.example/st\u{1B}\\\u{1B}]8;;http://other.example\u{1B}\\PWNED 第二段。",
            "https://evil.example/line\(osc52)",
            "编辑:某人", "",
        ].joined(separator: "\n")
        let library = dir.appendingPathComponent("library")
        try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
        try article.write(to: library.appendingPathComponent("hostile.txt"), atomically: true, encoding: .utf8)
        let config = dir.appendingPathComponent("config.toml")
        try "hyperlinks = \"always\"\n".write(to: config, atomically: true, encoding: .utf8)
        let session = try startRecorded(in: dir, arguments: "--config \(shellQuoted(config.path)) \(shellQuoted(library.path))")
        let tmux = session.tmux
        try tmux.waitFor(text: "恶意链接")
        // Each address is cut at its first control, which shows as a placeholder after it (the
        // address inside the article's own OSC 8 is text like any other, and a link to it).
        try session.waitForBytes("the article's links as hyperlinks") {
            Self.hasHyperlink($0, to: "https://evil.example/clean") && Self.hasHyperlink($0, to: "https://evil.example/bare")
                && Self.hasHyperlink($0, to: "https://evil.example/st") && Self.hasHyperlink($0, to: "https://evil.example/line")
        }
        // Copy every link, the paragraph and the whole article.
        try tmux.send("u")
        try tmux.waitFor(text: "链接 Links — 5 links")
        for _ in 0..<5 {
            try tmux.send("y")
            try tmux.send("j")
        }
        try tmux.send("Escape")
        try tmux.send("y")
        try tmux.send("Y")
        try tmux.waitFor(text: "copied the article as Markdown")
        try tmux.send("q")
        try ReaderSessionTests().expectRestored(tmux, exitCode: 0)

        let bytes = session.bytes
        #expect(!bytes.contains(0x07), "no BEL reached the terminal")
        #expect(Self.contains(bytes, Array("␛]52;c;UFdORUQ=␇".utf8)), "the article's sequence shows as text")
        #expect(!Self.contains(bytes, Array("\u{1B}]52;c;UFdORUQ=".utf8)), "the article's OSC 52 never reached the terminal")
        #expect(!Self.contains(bytes, Array("\u{1B}]8;;http://other.example\u{1B}\\PWNED".utf8)), "the article's OSC 8 never reached the terminal")
        let sequences = Self.oscs(in: bytes)
        #expect(sequences.filter { $0.text.hasPrefix("52;") }.count == 7, "five links, a paragraph and the article were copied")
        for osc in sequences {
            // Only the reader's own: its background query, hyperlinks and copies, each ended by ST.
            #expect(osc.text == "11;?" || osc.text.hasPrefix("8;;") || osc.text.hasPrefix("52;c;"), "foreign OSC: \(osc.text)")
            #expect(osc.endsWithST, "OSC ended by ST: \(osc.text)")
            #expect(!osc.content.contains { $0 < 0x21 || $0 == 0x7F }, "no control or space inside: \(osc.text)")
            if osc.text.hasPrefix("52;c;") {
                let decoded = try #require(Data(base64Encoded: String(osc.text.dropFirst(5))))
                #expect(!decoded.contains { $0 == 0x1B || $0 == 0x07 }, "a copy carries no ESC or BEL")
            }
        }
    }

    @Test func oRunsTheBrowserWithTheLinkAsOneArgument() throws {
        let dir = try temporaryDirectory("links-browser")
        defer { try? FileManager.default.removeItem(at: dir) }
        // A graphical browser: run detached; it records its arguments.
        let opened = dir.appendingPathComponent("opened.txt").path
        let browser = dir.appendingPathComponent("browser")
        try "#!/bin/sh\nprintf '%s\\n' \"$#\" \"$@\" > \(shellQuoted(opened))\n".write(to: browser, atomically: true, encoding: .utf8)
        // A browser that draws in the terminal (named w3m): it gets the terminal until it exits.
        let textBrowser = dir.appendingPathComponent("w3m")
        try "#!/bin/sh\necho \"TEXT-BROWSER $1\"\nread answer\n".write(to: textBrowser, atomically: true, encoding: .utf8)
        for file in [browser, textBrowser] { chmod(file.path, 0o755) }

        let session = try startRecorded(in: dir, environment: "BROWSER=\(shellQuoted(browser.path)) ", arguments: "--config /dev/null \(Self.seed)")
        let tmux = session.tmux
        try tmux.send("u")
        try tmux.waitFor(text: "链接 Links — 1 link")
        try tmux.send("o")
        try tmux.waitFor(text: "opened with")
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: opened), Date() < deadline { usleep(50_000) }
        let arguments = try String(contentsOfFile: opened, encoding: .utf8)
        #expect(arguments == "1\n\(Self.seedURL)\n")
        try tmux.send("Escape")
        try tmux.send("q")
        try ReaderSessionTests().expectRestored(tmux, exitCode: 0)

        try tmux.shell("clear; BROWSER=\(shellQuoted(textBrowser.path + " --dump")) \(shellQuoted(yueduBinary)) --config /dev/null \(Self.seed)")
        try tmux.waitFor(text: "Articles")
        try tmux.send("u")
        try tmux.waitFor(text: "链接 Links — 1 link")
        try tmux.send("o")
        try tmux.waitFor(text: "TEXT-BROWSER --dump")
        try tmux.send("Enter")
        try tmux.waitFor(text: "back from")
        try tmux.waitFor(text: "链接 Links — 1 link")
        try tmux.send("Escape")
        try tmux.send("q")
        try ReaderSessionTests().expectRestored(tmux, exitCode: 0)
    }
}
