import Grid
import TextSafety
import CNCursesW
import Glibc

/// Something that happened at the terminal.
public enum TerminalEvent: Hashable, Sendable {
    case key(Key)
    /// A click or a turn of the wheel (only after `enableMouse(true)`).
    case mouse(MouseEvent)
    /// The terminal has a new size (columns, rows).
    case resize(width: Int, height: Int)
    /// The terminal went away (the SSH connection dropped): save and leave.
    case hangup
    /// SIGTERM, SIGINT or SIGHUP: save and leave.
    case terminate(signal: Int32)
    /// Another thread called `TerminalSession.wakeUp()`: work done in the background is ready.
    case wake
}

/// Why the terminal could not be taken over.
public struct TerminalError: Error, CustomStringConvertible {
    public var description: String
}

/// The terminal, taken over fullscreen through ncursesw: the only place that talks to ncurses.
///
/// It owns the locale, the screen mode, raw keys and colours, restores the terminal on every
/// way out (normal exit, a signal, a crash) and flushes `Screen`s, writing only what changed.
public final class TerminalSession {
    public private(set) var width: Int = 0
    public private(set) var height: Int = 0
    /// A note for the user about how the terminal was set up (e.g. a locale switched to UTF-8).
    public private(set) var notice: String?

    private var screen: OpaquePointer?
    private var signalFD: Int32 = -1
    private var previous: Screen?
    private var pairs: [Int: Int32] = [:]
    private var colorsEnabled = false
    private var colorCount: Int32 = 0
    private var active = false

    public init() {}

    /// Takes the terminal over. Throws with a clear message when it cannot (no terminal, an
    /// unknown or too limited TERM).
    public func start() throws {
        guard isatty(0) == 1, isatty(1) == 1 else {
            throw TerminalError(description: "a terminal is needed: standard input and output must be a tty")
        }
        notice = Self.setUpLocale()
        let termName = getenv("TERM").map { String(cString: $0) } ?? ""
        if termName.isEmpty || termName == "dumb" {
            throw TerminalError(description: "TERM is \(termName.isEmpty ? "not set" : "'dumb'"): yuedu needs a terminal that can move the cursor (e.g. TERM=xterm-256color)")
        }
        var status: Int32 = 0
        guard setupterm(nil, 1, &status) == OK else {
            throw TerminalError(description: "unknown terminal type '\(termName)': no terminfo entry for it (try TERM=xterm-256color)")
        }
        guard Self.capability("cup") != nil else {
            throw TerminalError(description: "terminal type '\(termName)' cannot move the cursor; yuedu needs one that can")
        }
        if getenv("ESCDELAY") == nil { set_escdelay(25) }
        CrashGuard.saveTerminalSettings(fd: 0)
        signalFD = SignalPipe.install()

        guard let output = fdopen(1, "w"), let input = fdopen(0, "r"),
              let s = newterm(nil, output, input) else {
            throw TerminalError(description: "cannot start the terminal '\(termName)'")
        }
        screen = s
        set_term(s)
        active = true
        var exitSequence: [UInt8] = []
        for cap in ["sgr0", "cnorm", "rmcup"] { exitSequence += Self.capability(cap) ?? [] }
        CrashGuard.arm(exitSequence: exitSequence)

        raw()
        noecho()
        nonl()
        keypad(yd_stdscr(), true)
        nodelay(yd_stdscr(), true)
        idlok(yd_stdscr(), true)
        leaveok(yd_stdscr(), true)
        curs_set(0)
        if has_colors(), getenv("NO_COLOR").map({ String(cString: $0).isEmpty }) ?? true {
            start_color()
            use_default_colors()
            colorsEnabled = true
            colorCount = yd_colors()
        }
        width = Int(yd_cols())
        height = Int(yd_lines())
    }

    /// The number of colours the terminal has, 0 without colour (or with NO_COLOR set).
    public var colors: Int { colorsEnabled ? Int(colorCount) : 0 }

    /// Gives the terminal back: attributes reset, cursor shown, normal screen, cooked mode.
    public func stop() {
        guard active else { return }
        active = false
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
        CrashGuard.disarm()
    }

    deinit { stop() }

    // MARK: - Input

    /// Waits for input, a resize or a signal, at most `timeout` milliseconds (-1: no limit;
    /// an idle reader makes no wake-ups), and returns what happened.
    public func events(timeout: Int32) -> [TerminalEvent] {
        var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: signalFD, events: Int16(POLLIN), revents: 0)]
        let ready = poll(&fds, 2, timeout)
        if ready < 0 { return errno == EINTR ? [] : [.hangup] }
        var events: [TerminalEvent] = []
        if fds[1].revents & Int16(POLLIN) != 0 {
            for signal in SignalPipe.drain(signalFD) {
                switch signal {
                case SignalPipe.wakeByte:
                    if !events.contains(.wake) { events.append(.wake) }
                case SIGWINCH, SIGCONT:
                    events.append(resized())
                case SIGHUP:
                    events.append(.hangup)
                default:
                    events.append(.terminate(signal: signal))
                }
            }
        }
        if fds[0].revents & Int16(POLLIN) != 0 {
            let input = readInput()
            // A hung-up terminal reads as ready with nothing in it (and POLLHUP): no signal
            // need arrive for the reader to notice.
            if input.isEmpty, fds[0].revents & Int16(POLLHUP | POLLERR) != 0 || Self.inputClosed() {
                events.append(.hangup)
            }
            events += input
        } else if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
            events.append(.hangup)
        }
        return events
    }

    private static func inputClosed() -> Bool {
        var fd = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        guard poll(&fd, 1, 0) > 0 else { return false }
        var pending: Int32 = 0
        // After a hang-up the terminal answers FIONREAD with EIO.
        return ioctl(0, UInt(FIONREAD), &pending) != 0 || pending == 0
    }

    private func readInput() -> [TerminalEvent] {
        var keys: [TerminalEvent] = []
        var wch: wint_t = 0
        while true {
            let result = wget_wch(yd_stdscr(), &wch)
            if result == OK {
                if let key = Key.fromCharacter(UInt32(wch)) { keys.append(.key(key)) }
            } else if result == KEY_CODE_YES {
                if Int32(wch) == KEY_RESIZE { continue }
                if Int32(wch) == KEY_MOUSE {
                    if let event = Self.mouseEvent() { keys.append(.mouse(event)) }
                    continue
                }
                if let key = Self.functionKey(Int32(wch)) { keys.append(.key(key)) }
            } else {
                break
            }
        }
        return keys
    }

    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_F0 + 1...KEY_F0 + 63: return .function(Int(code - KEY_F0))
        default: return nil
        }
    }

    private func resized() -> TerminalEvent {
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0, size.ws_col > 0 {
            resize_term(Int32(size.ws_row), Int32(size.ws_col))
        }
        width = Int(yd_cols())
        height = Int(yd_lines())
        previous = nil
        clearok(yd_stdscr(), true)
        return .resize(width: width, height: height)
    }

    /// Wakes the loop waiting in `events(timeout:)`, which then returns `.wake`; callable from
    /// any thread (it writes a byte to the pipe the loop polls for signals). A wake-up that
    /// comes before the loop waits is kept until it does; several coalesce into one event.
    public static func wakeUp() {
        SignalPipe.wake()
    }

    // MARK: - Suspend

    /// Ctrl-Z: gives the terminal back to the shell, stops, and repaints on `fg`.
    public func suspend() {
        endwin()
        signal(SIGTSTP, SIG_DFL)
        kill(0, SIGTSTP)
        // Continued.
        _ = resized()
        refresh()
    }

    // MARK: - Output

    /// Shows `frame`: writes the cells that differ from the last frame, then one `doupdate`.
    /// `cursor` places a visible cursor (a prompt); nil hides it.
    public func draw(_ frame: Screen, cursor: (x: Int, y: Int)? = nil) {
        guard active else { return }
        let win = yd_stdscr()
        let rows = frame.changedRows(since: previous)
        var text: [wchar_t] = []
        for y in rows {
            var x = 0
            while x < frame.width {
                let cell = frame[x, y]
                if cell.isContinuation { x += 1; continue }
                var pair = pairNumber(cell.style)
                wattr_set(win, attributes(cell.style.attributes), 0, &pair)
                // The cluster's code points in order, as ncurses places them (a combining mark
                // joins the cell before); controls never reach the terminal, and no more
                // marks than a cell can hold (ncurses drops a cell given more).
                text.removeAll(keepingCapacity: true)
                for scalar in cell.text.unicodeScalars where Self.isSafeToWrite(scalar) {
                    if text.count == Self.maximumCharactersPerCell { break }
                    text.append(wchar_t(bitPattern: scalar.value))
                }
                if text.isEmpty { text.append(0x20) }
                mvwaddnwstr(win, Int32(y), Int32(x), text, Int32(text.count))
                x += 1
            }
        }
        var zero: Int32 = 0
        wattr_set(win, YD_A_NORMAL, 0, &zero)
        if let cursor {
            curs_set(1)
            leaveok(win, false)
            wmove(win, Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
            leaveok(win, true)
        }
        wnoutrefresh(win)
        doupdate()
        previous = frame
    }

    /// A spacing character and four marks: ncurses' `CCHARW_MAX`.
    static let maximumCharactersPerCell = 5

    /// Whether a code point can go to the terminal as it is, by `ControlPolicy`: never a C0
    /// or C1 control, DEL, nor a bidi or line-separator control that would reorder or break
    /// the rows. A `Screen` holds no such character already; this is the last line of defence.
    static func isSafeToWrite(_ scalar: Unicode.Scalar) -> Bool {
        ControlPolicy.isSafe(scalar)
    }

    private func attributes(_ a: Attributes) -> attr_t {
        var value = YD_A_NORMAL
        if a.contains(.bold) { value |= YD_A_BOLD }
        if a.contains(.dim) { value |= YD_A_DIM }
        if a.contains(.italic) { value |= YD_A_ITALIC }
        if a.contains(.underline) { value |= YD_A_UNDERLINE }
        if a.contains(.reverse) { value |= YD_A_REVERSE }
        return value
    }

    private func colorNumber(_ c: Color) -> Int32 {
        switch c {
        case .default: return -1
        case .indexed(let i): return ColorMapping.nearest(Int(i), available: Int(colorCount))
        }
    }

    private func pairNumber(_ style: Style) -> Int32 {
        guard colorsEnabled, style.foreground != .default || style.background != .default else { return 0 }
        let fg = colorNumber(style.foreground), bg = colorNumber(style.background)
        let key = Int((fg + 1) * 1024 + (bg + 1))
        if let pair = pairs[key] { return pair }
        let pair = Int32(pairs.count + 1)
        guard pair < yd_color_pairs() else { return 0 }
        init_extended_pair(pair, fg, bg)
        pairs[key] = pair
        return pair
    }

    // MARK: - Set-up helpers

    /// Makes sure the C library speaks UTF-8: the locale from the environment when it is a
    /// UTF-8 one, otherwise C.UTF-8. Returns a notice when it had to switch.
    static func setUpLocale() -> String? {
        let resolved = setlocale(LC_ALL, "").map { String(cString: $0) } ?? "C"
        // Name the locale as the user set it (LANG=POSIX resolves to "C").
        var chosen = resolved
        for variable in ["LC_ALL", "LC_CTYPE", "LANG"] {
            if let value = getenv(variable).map({ String(cString: $0) }), !value.isEmpty {
                chosen = value
                break
            }
        }
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset.uppercased().filter({ $0 != "-" }) == "UTF8" { return nil }
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_ALL, name) != nil {
            return "locale \(chosen) is not UTF-8: using \(name)"
        }
        return "locale \(chosen) is not UTF-8 and no UTF-8 locale exists: Chinese may not show"
    }

    static func capability(_ name: String) -> [UInt8]? {
        guard let raw = tigetstr(name), Int(bitPattern: raw) != -1 else { return nil }
        return Array(String(cString: raw).utf8)
    }
}
