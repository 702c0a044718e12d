import CNCursesW
import Grid
import Testing
@testable import Terminal

@Suite struct KeyAndMouseDecodingTests {
    @Test func functionKeysDecode() {
        #expect(TerminalSession.functionKey(KEY_DOWN) == .down)
    }

    @Test func mouseButtonsDecode() {
        #expect(TerminalSession.mouseEvent(state: mmaskWheelUp, x: 3, y: 4) == MouseEvent(.wheelUp, x: 3, y: 4))
        #expect(TerminalSession.mouseEvent(state: mmaskWheelDown, x: 0, y: 0) == MouseEvent(.wheelDown, x: 0, y: 0))
        #expect(TerminalSession.mouseEvent(state: mmaskPress, x: 1, y: 2) == MouseEvent(.press, x: 1, y: 2))
        #expect(TerminalSession.mouseEvent(state: 0, x: 1, y: 2) == nil)
    }
}

private let mmaskWheelUp = mmask_t(YD_BUTTON4_PRESSED)
private let mmaskWheelDown = mmask_t(YD_BUTTON5_PRESSED)
private let mmaskPress = mmask_t(YD_BUTTON1_PRESSED)
