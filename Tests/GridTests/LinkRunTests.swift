import Testing
@testable import Grid

/// Which link cells the terminal is given again after a frame: whole runs that changed,
/// and cells that lost their link while looking the same.
@Suite struct LinkRunTests {
    func screen(_ text: String, link: String? = nil, at range: Range<Int>? = nil, width: Int = 20) -> Screen {
        var s = Screen(width: width, height: 2)
        var x = 0
        for ch in text {
            let w = ch.unicodeScalars.first!.value >= 0x1100 ? 2 : 1
            s.put(String(ch), cellWidth: w, x: x, y: 0, style: .plain)
            x += w
        }
        if let link, let range { for x in range { s[x, 0].link = link } }
        return s
    }

    @Test func everyRunIsWrittenWhenTheTerminalShowsNothingKnown() {
        let s = screen("see a.cn and 中文", link: "http://a.cn", at: 4..<8)
        #expect(s.linkRuns(changedSince: nil, rows: [0, 1]) == [LinkRun(y: 0, x: 4, end: 8, target: "http://a.cn")])
    }

    @Test func anUnchangedRunIsNotWrittenAgain() {
        let s = screen("see a.cn", link: "http://a.cn", at: 4..<8)
        #expect(s.linkRuns(changedSince: s, rows: [0, 1]).isEmpty)
        // A change elsewhere in the row leaves the run alone; one inside it rewrites it whole.
        var t = s
        t.put("S", cellWidth: 1, x: 0, y: 0, style: .plain)
        #expect(t.linkRuns(changedSince: s, rows: [0]).isEmpty)
        t[5, 0].style = Style(attributes: .bold)
        #expect(t.linkRuns(changedSince: s, rows: [0]) == [LinkRun(y: 0, x: 4, end: 8, target: "http://a.cn")])
    }

    @Test func runsSplitWhereTheTargetChangesAndKeepWideCharactersWhole() {
        var s = screen("中文ab", width: 10)
        for x in 0..<4 { s[x, 0].link = "http://x.cn" }
        for x in 4..<6 { s[x, 0].link = "http://y.cn" }
        #expect(s.linkRuns(changedSince: nil, rows: [0]) == [
            LinkRun(y: 0, x: 0, end: 4, target: "http://x.cn"), LinkRun(y: 0, x: 4, end: 6, target: "http://y.cn"),
        ])
    }

    @Test func cellsThatLoseTheirLinkButLookTheSameAreWrittenPlain() {
        let linked = screen("see 中文", link: "http://a.cn", at: 4..<8)
        let plain = screen("see 中文")
        #expect(plain.linkRuns(changedSince: linked, rows: [0]) == [LinkRun(y: 0, x: 4, end: 8, target: nil)])
        // Text that changed is rewritten by the terminal diff anyway.
        let other = screen("see 英文")
        #expect(other.linkRuns(changedSince: linked, rows: [0]) == [LinkRun(y: 0, x: 6, end: 8, target: nil)])
    }

    @Test func rowsNotAskedForAreLeftOut() {
        let s = screen("see a.cn", link: "http://a.cn", at: 4..<8)
        #expect(s.linkRuns(changedSince: nil, rows: [1]).isEmpty)
    }
}
