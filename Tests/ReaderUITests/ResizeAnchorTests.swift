import ReaderCore
import Grid
import Testing
@testable import ReaderUI

/// The same text stays at the top of the reading pane through any sequence of resizes, and a
/// reading position taken on a blank row comes back to that row.
@Suite struct ResizeAnchorTests {
    /// An article of `paragraphs` numbered paragraphs, each about `length` characters.
    func article(paragraphs: Int, length: Int = 60) -> Article {
        let body = (1...paragraphs).map { n in
            Block(.paragraph, "第\(n)段" + String(repeating: "阅读终端文字排版测试", count: max(1, length / 10)))
        }
        return Article(title: "长文：缩放之后", date: ArticleDate(year: 2024, month: 1, day: 1), site: "测试", body: body)
    }

    func topText(_ s: AppState) -> String { s.layout!.lines[s.readingTop].text }

    @Test func aRoundTripThroughALargerTerminalKeepsTheTop() {
        // Tall enough at 80×24 to scroll 20 rows; short enough at 200×60 that the end of the
        // article pulls the top up.
        var s = AppState(articles: [article(paragraphs: 12)], width: 80, height: 24)
        _ = s.apply(.top)
        _ = s.apply(.lineDown, count: 20)
        #expect(s.readingTop == 20)
        let before = topText(s)
        s.resize(width: 200, height: 60)
        #expect(s.readingTop == s.maxReadingTop && s.readingTop < 20, "clamped in the large terminal")
        s.resize(width: 80, height: 24)
        #expect(s.readingTop == 20)
        #expect(topText(s) == before)
    }

    @Test func anySequenceOfResizesComesBackToTheSameText() {
        var s = AppState(articles: [article(paragraphs: 30)], width: 100, height: 30)
        _ = s.apply(.lineDown, count: 37)
        let top = s.readingTop, text = topText(s)
        var seed: UInt64 = 0x5EED
        for _ in 0..<60 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let width = 30 + Int((seed >> 33) % 200), height = 5 + Int((seed >> 13) % 70)
            s.resize(width: width, height: height)
        }
        s.resize(width: 100, height: 30)
        #expect(s.readingTop == top)
        #expect(topText(s) == text)
    }

    @Test func scrollingAfterAResizeMovesTheAnchor() {
        var s = AppState(articles: [article(paragraphs: 12)], width: 80, height: 24)
        _ = s.apply(.lineDown, count: 20)
        s.resize(width: 200, height: 60)
        _ = s.apply(.top)
        s.resize(width: 80, height: 24)
        #expect(s.readingTop == 0, "the reader scrolled to the top in between: that is the place now")
    }

    @Test func aBlankRowAtTheTopComesBackExactly() throws {
        var s = AppState(articles: [article(paragraphs: 12)], width: 80, height: 24)
        let layout = try #require(s.layout)
        let blank = try #require(layout.lines.indices.first { $0 > 3 && layout.lines[$0].isBlank })
        _ = s.apply(.lineDown, count: blank)
        #expect(s.layout!.lines[s.readingTop].isBlank)
        let position = try #require(s.readingPosition)
        // Restored in a fresh state, as at the next start.
        var again = AppState(articles: [article(paragraphs: 12)], width: 80, height: 24)
        again.adoptPositions([again.key(ofArticle: 0): position])
        #expect(again.readingTop == blank)
        // And across a resize, where the blank row sits elsewhere.
        s.resize(width: 50, height: 24)
        #expect(s.layout!.lines[s.readingTop].isBlank)
        let next = s.layout!.lines[s.readingTop + 1]
        #expect(next.start == 0 && next.block == layout.lines[blank + 1].block, "the blank before the same paragraph")
    }
}
