import Grid
import Testing
@testable import Terminal

/// Picking the terminal's answers (OSC 11, the cursor position report) out of what is read at
/// start, without losing the keys typed meanwhile.
@Suite struct TerminalRepliesTests {
    func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    @Test func backgroundAndCursorPositionAreTakenOut() {
        var replies = TerminalReplies()
        replies.feed(bytes("\u{1B}]11;rgb:ffff/f0f0/e0e0\u{1B}\\\u{1B}[1;3R"))
        #expect(replies.background == RGB(255, 240, 224))
        #expect(replies.cursorColumn == 3)
        #expect(replies.leftover.isEmpty)
    }

    @Test func belEndsAnOSCReplyToo() {
        var replies = TerminalReplies()
        replies.feed(bytes("\u{1B}]11;rgb:00/2b/36\u{07}\u{1B}[5;2R"))
        #expect(replies.background == RGB(0, 43, 54))
        #expect(replies.cursorColumn == 2)
    }

    @Test func keysTypedMeanwhileAreKeptInOrder() {
        var replies = TerminalReplies()
        // j, an arrow key, 中 (UTF-8), the answers split across reads, then k and Esc.
        let all = bytes("j\u{1B}[B中\u{1B}]11;rgb:1e1e/1e1e/1e1e\u{1B}\\") + bytes("x\u{1B}[12;2R") + bytes("k\u{1B}")
        for split in [[all], [Array(all[..<7]), Array(all[7..<20]), Array(all[20...])], all.map { [$0] }] {
            var r = TerminalReplies()
            for piece in split { r.feed(piece) }
            #expect(r.background == RGB(30, 30, 30))
            #expect(r.cursorColumn == 2)
            #expect(r.leftover == bytes("j\u{1B}[B中xk\u{1B}"), "split into \(split.count)")
        }
        replies.feed(all)
        #expect(replies.leftover == bytes("j\u{1B}[B中xk\u{1B}"))
    }

    @Test func oneToFourHexDigitsAChannel() {
        #expect(TerminalReplies.colour(bytes("rgb:f/8/0")[...]) == RGB(255, 136, 0))
        #expect(TerminalReplies.colour(bytes("rgb:ffff/0000/8080")[...]) == RGB(255, 0, 128))
        #expect(TerminalReplies.colour(bytes("rgba:ffff/0000/8080/ffff")[...]) == nil)
        #expect(TerminalReplies.colour(bytes("rgb:zz/00/00")[...]) == nil)
    }

    @Test func aReportedColourSaysLightOrDark() {
        #expect(TerminalBackground(color: RGB(255, 255, 255)).kind == .light)
        #expect(TerminalBackground(color: RGB(253, 246, 227)).kind == .light)   // solarized light
        #expect(TerminalBackground(color: RGB(0, 43, 54)).kind == .dark)        // solarized dark
        #expect(TerminalBackground(color: RGB(40, 44, 52)).kind == .dark)
    }
}

/// In a locale that is not UTF-8, what a cell shows when the locale cannot encode a
/// character or gives it another width.
@Suite struct LocaleGlyphTests {
    /// A GBK-like character set: ASCII, CJK ideographs and a few symbols, all two cells wide
    /// but ASCII.
    let gbk: (Unicode.Scalar) -> Bool = { $0.isASCII || (0x4E00...0x9FFF).contains($0.value) || "│…“”".unicodeScalars.contains($0) }
    let width: (Unicode.Scalar) -> Int = { $0.isASCII ? 1 : 2 }

    @Test func encodableAtTheRightWidthIsDrawnAsItIs() {
        #expect(LocaleGlyph.replacement(for: "中", cells: 2, encodable: gbk, width: width) == nil)
        #expect(LocaleGlyph.replacement(for: "a", cells: 1, encodable: gbk, width: width) == nil)
    }

    @Test func unencodableIsAQuestionMarkFillingItsCells() {
        #expect(LocaleGlyph.replacement(for: "▸", cells: 1, encodable: gbk, width: width) == "?")
        #expect(LocaleGlyph.replacement(for: "😀", cells: 2, encodable: gbk, width: width) == "? ")
        #expect(LocaleGlyph.replacement(for: "é", cells: 1, encodable: gbk, width: width) == "?")
    }

    /// On a terminal that draws ambiguous characters two cells wide, in a UTF-8 locale (where
    /// the C library measures them one cell): full-width look-alikes where the layout gave two
    /// cells, narrow ones in the frame, and nothing changes for what both agree on.
    @Test func anAmbiguousWideTerminalGetsLookAlikesNcursesCanPlace() {
        let utf8: (Unicode.Scalar) -> Bool = { _ in true }
        let narrowAmbiguous: (Unicode.Scalar) -> Int = { (0x4E00...0x9FFF).contains($0.value) || $0.value >= 0xFF00 ? 2 : 1 }
        let terminal: (String) -> Int = { s in s.unicodeScalars.reduce(0) { $0 + ("“”…—│─·".unicodeScalars.contains($1) || (0x4E00...0x9FFF).contains($1.value) || $1.value >= 0xFF00 ? 2 : 1) } }
        func shown(_ c: String, _ cells: Int) -> String? {
            LocaleGlyph.replacement(for: c, cells: cells, encodable: utf8, width: narrowAmbiguous, drawn: terminal)
        }
        #expect(shown("“", 2) == "＂")
        #expect(shown("…", 2) == "．")
        #expect(shown("│", 1) == "|")
        #expect(shown("中", 2) == nil)
        #expect(shown("a", 1) == nil)
        #expect(shown("＂", 2) == nil, "a full-width form is drawn as it is")
    }

    @Test func anotherWidthGetsALookAlike() {
        #expect(LocaleGlyph.replacement(for: "│", cells: 1, encodable: gbk, width: width) == "|")
        #expect(LocaleGlyph.replacement(for: "…", cells: 1, encodable: gbk, width: width) == ".")
        #expect(LocaleGlyph.replacement(for: "…", cells: 2, encodable: gbk, width: width) == nil, "laid out wide: as it is")
    }
}
