import ReaderCore
import Grid
import Testing
@testable import ReaderUI

// MARK: - Helpers

/// Sends text as the terminal delivers it: one `.character` key per code point (an input
/// method's commit arrives as several keys in one batch).
func type(_ text: String, into state: inout AppState) {
    for scalar in text.unicodeScalars { _ = state.press(.character(Character(scalar))) }
}

/// Opens the prompt, types `query` and presses Enter.
func search(_ query: String, in state: inout AppState) {
    _ = state.apply(.search)
    type(query, into: &state)
    _ = state.press(.enter)
}

let matchStyle = Theme.defaultDark.style("ui.search.match")
let currentStyle = Theme.defaultDark.style("ui.search.current")
let searchMarks: [(mark: Character, name: String, style: Style)] = [
    ("^", "ui.search.current", currentStyle), ("~", "ui.search.match", matchStyle),
]

/// The text of the cells drawn in `style`, row by row (rows without any left out).
func text(in style: Style, on screen: Screen) -> [String] {
    (0..<screen.height).compactMap { y in
        var run = ""
        for x in 0..<screen.width where screen[x, y].style == style && !screen[x, y].isContinuation {
            run += screen[x, y].text
        }
        return run.isEmpty ? nil : run
    }
}

/// The seed article open, alone on a screen of the given size.
func seedState(width: Int, height: Int) throws -> AppState {
    try state(width: width, height: height, [.nextArticle])
}

// MARK: - Tests

@Suite struct SearchTests {
    @Test func promptEditsWholeGraphemeClusters() throws {
        var s = try seedState(width: 80, height: 24)
        _ = s.apply(.search)
        #expect(s.prompt?.text == "")
        type("党建x", into: &s)
        #expect(s.prompt?.text == "党建x")
        _ = s.press(.backspace)
        #expect(s.prompt?.text == "党建")
        // e + combining acute arrive as two keys but are one cluster: one Backspace removes both.
        type("e\u{301}", into: &s)
        #expect(s.prompt?.text.count == 3)
        _ = s.press(.backspace)
        #expect(s.prompt?.text == "党建")
        type("🇨🇳", into: &s)
        _ = s.press(.backspace)
        #expect(s.prompt?.text == "党建")
        _ = s.press(.control("u"))
        #expect(s.prompt?.text == "")
        #expect(s.search == nil, "an empty query highlights nothing")
        _ = s.press(.backspace)
        #expect(s.prompt?.text == "", "Backspace on an empty prompt keeps it open")
        // Keys go to the prompt, not the keymap: q types a q.
        _ = s.press(.character("q"))
        #expect(s.prompt?.text == "q")
    }

    @Test func historyRecallsEarlierSearches() throws {
        var s = try seedState(width: 80, height: 24)
        search("党建", in: &s)
        search("乡村", in: &s)
        search("党建", in: &s)  // again: moves to the newest, not listed twice
        #expect(s.searchHistory == ["乡村", "党建"])
        _ = s.apply(.search)
        type("农", into: &s)
        _ = s.press(.up)
        #expect(s.prompt?.text == "党建")
        #expect(s.search?.query == "党建", "a recalled query is searched at once")
        _ = s.press(.up)
        #expect(s.prompt?.text == "乡村")
        _ = s.press(.up)
        #expect(s.prompt?.text == "乡村", "↑ stops at the oldest")
        _ = s.press(.down)
        #expect(s.prompt?.text == "党建")
        _ = s.press(.down)
        #expect(s.prompt?.text == "农", "↓ past the newest gives back what was typed")
        _ = s.press(.down)
        #expect(s.prompt?.text == "农")
    }

    @Test func typingJumpsToTheFirstMatchFromWhereTheReaderIs() throws {
        var s = try seedState(width: 80, height: 24)
        for _ in 0..<15 { _ = s.apply(.lineDown) }
        let layout = try #require(s.layout)
        let top = layout.lines[s.readingTop]
        let from = SearchPosition(block: top.block, offset: top.start)
        _ = s.apply(.search)
        type("共同", into: &s)
        let search = try #require(s.search)
        let current = try #require(search.current)
        let match = search.results[current]
        #expect(match.start >= from, "at or after the top line")
        if current > 0 { #expect(search.results[current - 1].start < from, "the first such match") }
        #expect(search.results.count > 1)
        // On screen, lit as the current match; the others as matches.
        let screen = RootView.render(s)
        let row = layout.lineIndex(block: match.block, offset: match.range.lowerBound)
        #expect((s.readingTop..<(s.readingTop + s.readingColumn.height)).contains(row))
        #expect(text(in: currentStyle, on: screen).joined() == "共同")
        #expect(text(in: matchStyle, on: screen).allSatisfy { $0.allSatisfy { "共同".contains($0) } })
        // Typing on narrows the search from the same starting place, not from the match.
        type("体", into: &s)
        #expect(s.search!.results[s.search!.current!].start >= from)
    }

    @Test func escapeReturnsToTheExactPlaceAndClearsHighlights() throws {
        var s = try seedState(width: 80, height: 24)
        for _ in 0..<7 { _ = s.apply(.lineDown) }
        #expect(s.readingTop == 7)
        _ = s.apply(.search)
        type("科研室", into: &s)  // only in the last paragraph
        #expect(s.readingTop != 7, "the view jumped to the match")
        _ = s.press(.escape)
        #expect(s.readingTop == 7)
        #expect(s.prompt == nil && s.search == nil)
        let screen = RootView.render(s)
        #expect(text(in: currentStyle, on: screen).isEmpty && text(in: matchStyle, on: screen).isEmpty)
        #expect(s.cursor == nil)
    }

    @Test func noMatchIsSaidPlainly() throws {
        var s = try seedState(width: 80, height: 24)
        for _ in 0..<3 { _ = s.apply(.lineDown) }
        _ = s.apply(.search)
        type("xyz", into: &s)
        let bar = RootView.render(s).textLines[23]
        #expect(bar.hasPrefix("/xyz"))
        #expect(bar.hasSuffix("no match for 'xyz'"))
        #expect(s.readingTop == 3)
        _ = s.press(.enter)
        #expect(s.search == nil && s.readingTop == 3)
        #expect(RootView.render(s).textLines[23].contains("no match for 'xyz'"))
    }

    @Test func nextAndPreviousWrapWithANotice() throws {
        var s = try seedState(width: 80, height: 24)
        search("党建", in: &s)
        let count = try #require(s.search?.results.count)
        let blocks = try #require(s.layout?.blocks)
        #expect(count == blocks.reduce(0) { $0 + $1.text.components(separatedBy: "党建").count - 1 })
        #expect(s.search?.current == 0)
        #expect(RootView.render(s).textLines[23].contains("[1/\(count)]"))
        for i in 1..<count {
            _ = s.apply(.searchNext)
            #expect(s.search?.current == i)
            #expect(s.message == nil)
        }
        #expect(RootView.render(s).textLines[23].contains("[\(count)/\(count)]"))
        _ = s.apply(.searchNext)
        #expect(s.search?.current == 0)
        #expect(s.message == "search wrapped to the top")
        #expect(RootView.render(s).textLines[23].contains("[1/\(count)] search wrapped to the top"))
        _ = s.apply(.searchPrevious)
        #expect(s.search?.current == count - 1)
        #expect(s.message == "search wrapped to the bottom")
        _ = s.apply(.searchPrevious)
        #expect(s.search?.current == count - 2)
        #expect(s.message == nil)
    }

    @Test func nextStartsFromWhereTheReaderScrolled() throws {
        var s = try seedState(width: 80, height: 24)
        search("党建", in: &s)
        _ = s.apply(.bottom)
        let layout = try #require(s.layout)
        let top = layout.lines[s.readingTop]
        _ = s.apply(.searchNext)
        let results = try #require(s.search?.results)
        let expected = results.firstIndex(atOrAfter: SearchPosition(block: top.block, offset: top.start))!
        #expect(s.search?.current == expected.index)
        #expect(s.search?.current != 1, "not the match after the one left behind")
    }

    @Test func withoutASearchNextSaysHow() throws {
        var s = try seedState(width: 80, height: 24)
        _ = s.apply(.searchNext)
        #expect(s.message == "no search: press / to search")
    }

    @Test func aMatchCutBySoftWrapIsLitOnBothRows() throws {
        // At 52 columns (fullscreen 54), the lead wraps inside 党建: "…以高质量党" / "建引领…".
        var s = try seedState(width: 54, height: 20)
        #expect(s.readingColumn.width == 52)
        let layout = try #require(s.layout)
        let cut = try #require(layout.lines.firstIndex { $0.text.hasSuffix("高质量党") })
        #expect(layout.lines[cut + 1].text.hasPrefix("建引领"))
        search("党建", in: &s)
        // Step to the match that is cut.
        func startRow(_ s: AppState) -> Int {
            let match = s.search!.results[s.search!.current!]
            return layout.lineIndex(block: match.block, offset: match.range.lowerBound)
        }
        for _ in 0..<s.search!.results.count where !(startRow(s) == cut && layout.lines[cut].end < s.search!.results[s.search!.current!].range.upperBound) {
            _ = s.apply(.searchNext)
        }
        let screen = RootView.render(s)
        #expect(text(in: currentStyle, on: screen) == ["党", "建"])
        let y = cut - s.readingTop
        #expect(screen.textLines[y].hasSuffix("高质量党"))
        let mask = styleMask(screen, marking: searchMarks)
        #expect(mask[y].hasSuffix("^^"))
        #expect(mask[y + 1].hasPrefix("   ^^"), "after the margin and the lead's bar")
        assertSnapshot(screen, named: "search-soft-wrap-54x20", marking: searchMarks)
    }

    @Test func resizeKeepsTheCurrentMatchInView() throws {
        var s = try seedState(width: 120, height: 40)
        search("科研室", in: &s)
        let match = try #require(s.search.map { $0.results[$0.current!] })
        s.resize(width: 50, height: 10)
        let layout = try #require(s.layout)
        let row = layout.lineIndex(block: match.block, offset: match.range.lowerBound)
        #expect((s.readingTop..<(s.readingTop + s.readingColumn.height)).contains(row))
        let screen = RootView.render(s)
        #expect(text(in: currentStyle, on: screen).joined() == "科研室")
        s.resize(width: 120, height: 40)
        #expect(text(in: currentStyle, on: RootView.render(s)).joined() == "科研室")
    }

    @Test func theIndexIsBuiltOncePerArticleAndSwitchingClearsTheSearch() throws {
        var s = try seedState(width: 80, height: 24)
        _ = s.apply(.search)
        type("基层党建联建", into: &s)
        _ = s.press(.backspace)
        _ = s.press(.enter)
        search("乡村", in: &s)
        #expect(s.searchIndexBuilds == 1)
        #expect(s.search != nil)
        _ = s.apply(.nextArticle)
        #expect(s.search == nil)
        _ = s.apply(.previousArticle)
        search("乡村", in: &s)
        #expect(s.searchIndexBuilds == 1, "the index of the article is kept")
    }

    @Test func cursorSitsAfterThePromptText() throws {
        var s = try seedState(width: 80, height: 24)
        #expect(s.cursor == nil)
        _ = s.apply(.search)
        #expect(s.cursor! == (1, 23))
        type("党建", into: &s)
        #expect(s.cursor! == (5, 23), "two wide characters after the slash")
        let screen = RootView.render(s)
        #expect(screen.text(row: 23).hasPrefix("/党建"))
        #expect(screen.textLines[23].hasSuffix("[1/\(s.search!.results.count)]"))
    }

    @Test func searchesTitleLeadAndBody() throws {
        var s = try seedState(width: 80, height: 24)
        search("新视点", in: &s)
        #expect(s.search?.results.matches.map(\.block) == [0])
        search("农业强国", in: &s)
        let lead = try #require(s.layout?.blocks.firstIndex { $0.role == .lead })
        #expect(s.search?.results.matches.map(\.block) == [lead])
        // Width folding from the matcher: a full-width comma finds the half-width one.
        search("因此，城乡", in: &s)
        #expect(s.search?.results.count == 1)
    }

    @Test func escapeOutsideThePromptClearsHighlights() throws {
        var s = try seedState(width: 80, height: 24)
        search("党建", in: &s)
        _ = s.apply(.cancel)
        #expect(s.search == nil)
    }

    @Test func goldenScreenWhileTyping() throws {
        var s = try seedState(width: 80, height: 24)
        _ = s.apply(.search)
        type("党建", into: &s)
        assertSnapshot(RootView.render(s), named: "search-typing-80x24", marking: searchMarks)
    }
}
