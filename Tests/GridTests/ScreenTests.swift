import Testing
@testable import Grid

@Suite struct ScreenTests {
    @Test func wideCharactersTakeTwoCellsAndNeverStraddleTheEdge() {
        var s = Screen(width: 5, height: 1)
        #expect(s.put("中", cellWidth: 2, x: 0, y: 0, style: .plain) == 2)
        #expect(s[1, 0].isContinuation)
        #expect(s.put("文", cellWidth: 2, x: 4, y: 0, style: .plain) == 0, "would cross the right edge")
        #expect(s.text(row: 0) == "中   ")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var s = Screen(width: 4, height: 1)
        s.put("中", cellWidth: 2, x: 0, y: 0, style: .plain)
        s.put("a", cellWidth: 1, x: 1, y: 0, style: .plain)
        #expect(s.text(row: 0) == " a  ")
        s.put("文", cellWidth: 2, x: 2, y: 0, style: .plain)
        s.put("b", cellWidth: 1, x: 2, y: 0, style: .plain)
        #expect(s.text(row: 0) == " ab ")
    }

    @Test func changedRows() {
        var a = Screen(width: 3, height: 3)
        var b = a
        #expect(b.changedRows(since: a).isEmpty)
        b.put("x", cellWidth: 1, x: 1, y: 2, style: .plain)
        #expect(b.changedRows(since: a) == [2])
        a.put("y", cellWidth: 1, x: 0, y: 0, style: Style(attributes: .bold))
        #expect(b.changedRows(since: a) == [0, 2])
        #expect(b.changedRows(since: nil) == [0, 1, 2])
        #expect(b.changedRows(since: Screen(width: 2, height: 3)) == [0, 1, 2])
    }

    @Test func keysDecode() {
        #expect(Key.fromCharacter(0x0A) == .enter)
        #expect(Key.fromCharacter(0x0D) == .enter)
        #expect(Key.fromCharacter(0x09) == .tab)
        #expect(Key.fromCharacter(0x1B) == .escape)
        #expect(Key.fromCharacter(0x7F) == .backspace)
        #expect(Key.fromCharacter(0x03) == .control("c"))
        #expect(Key.fromCharacter(0x4E2D) == .character("中"))
        #expect(Key.fromCharacter(0x20) == .character(" "))
    }

    @Test func colorsMapToWhatTheTerminalHas() {
        #expect(ColorMapping.nearest(196, available: 256) == 196)
        #expect(ColorMapping.nearest(196, available: 16) == 9, "bright red")
        #expect(ColorMapping.nearest(196, available: 8) == 1, "red")
        #expect(ColorMapping.nearest(21, available: 8) == 4, "blue")
        #expect(ColorMapping.nearest(231, available: 16) == 15, "white")
        #expect(ColorMapping.nearest(255, available: 16) == 7, "light grey")
        #expect(ColorMapping.nearest(3, available: 8) == 3)
    }
}
