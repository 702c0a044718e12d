import Grid
import CNCursesW

extension TerminalSession {
    /// Turns mouse reporting on (wheel and left button) or off. With it on, the terminal's
    /// own selection needs Shift held, as in other fullscreen programs.
    public func enableMouse(_ on: Bool) {
        let mask = on ? YD_BUTTON1_PRESSED | YD_BUTTON1_CLICKED | YD_BUTTON4_PRESSED | YD_BUTTON5_PRESSED : 0
        _ = mousemask(mmask_t(mask), nil)
        if on { _ = mouseinterval(0) }
    }

    /// The mouse event ncurses has queued after KEY_MOUSE.
    static func mouseEvent() -> MouseEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        return mouseEvent(state: mmask_t(event.bstate), x: Int(event.x), y: Int(event.y))
    }

    /// Decodes a button state: wheel up is button 4, wheel down button 5.
    static func mouseEvent(state: mmask_t, x: Int, y: Int) -> MouseEvent? {
        if state & mmask_t(YD_BUTTON4_PRESSED) != 0 { return MouseEvent(.wheelUp, x: x, y: y) }
        if state & mmask_t(YD_BUTTON5_PRESSED) != 0 { return MouseEvent(.wheelDown, x: x, y: y) }
        if state & mmask_t(YD_BUTTON1_PRESSED | YD_BUTTON1_CLICKED) != 0 { return MouseEvent(.press, x: x, y: y) }
        return nil
    }
}
