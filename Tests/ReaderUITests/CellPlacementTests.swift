import Testing
@testable import ReaderUI
import Grid

/// The one placement routine: what `Screen.write` draws and what search highlights light.
struct CellPlacementTests {
    @Test func aJoinerBetweenLettersIsNotDrawn() {
        var screen = Screen(width: 6, height: 1)
        let used = screen.write("a\u{200D}bc", x: 0, y: 0, maxWidth: 6, style: .plain)
        #expect(used == 3)
        #expect(screen[0, 0].text == "a")
        #expect(screen[1, 0].text == "b")
        #expect(screen[2, 0].text == "c")
    }

    @Test func anEmojiSequenceTakesTheCellsTheLayoutCounted() {
        // 🏳 (1) + VS16 + ZWJ + 🌈 (2): three cells, as the wrapper measured it.
        var screen = Screen(width: 8, height: 1)
        let used = screen.write("🏳️‍🌈x", x: 0, y: 0, maxWidth: 8, style: .plain)
        #expect(used == 4)
        #expect(screen[0, 0].text == "🏳")
        #expect(screen[1, 0].text == "🌈")
        #expect(screen[2, 0].isContinuation)
        #expect(screen[3, 0].text == "x")
        #expect(screen.textLines[0] == "🏳🌈x")
    }

    @Test func aCellCarriesAtMostFourMarks() {
        var screen = Screen(width: 4, height: 1)
        screen.write("中" + String(repeating: "\u{308}", count: 50) + "x", x: 0, y: 0, maxWidth: 4, style: .plain)
        #expect(screen[0, 0].text.unicodeScalars.count == 5)
        #expect(screen[2, 0].text == "x")
    }

    @Test func placementsMapEveryClusterToItsCells() {
        let text = "a\u{200D}b中🏳️‍🌈"
        let placements = Screen.placements(of: text, limit: 20)
        #expect(placements.map(\.x) == [0, 1, 2, 4])
        #expect(placements.map(\.width) == [1, 1, 2, 3])
        #expect(placements.last?.range == text.utf8.count - "🏳️‍🌈".utf8.count..<text.utf8.count)
    }
}
