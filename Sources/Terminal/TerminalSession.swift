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

/// What the terminal answered to `TerminalSession.query`: nil where it did not answer.
public struct TerminalAnswers: Hashable, Sendable {
    /// The background colour (OSC 11).
    public var background: RGB?
    /// Whether an East Asian ambiguous character took two cells.
    public var ambiguousIsWide: Bool?

    public init(background: RGB? = nil, ambiguousIsWide: Bool? = nil) {
        self.background = background
        self.ambiguousIsWide = ambiguousIsWide
    }
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
    /// The frame the terminal shows (nil: unknown, the next draw writes every cell).
    private(set) var previous: Screen?
    private var pairs: [PairKey: Int32] = [:]
    private var looks: [Style: (attributes: attr_t, pair: Int32)] = [:]
    private var colorsEnabled = false
    private var colorCount: Int32 = 0
    private(set) var active = false
    /// The locale's character set is UTF-8 (else each character is checked before it is written).
    private var localeIsUTF8 = true
    private var glyphs: [GlyphKey: [wchar_t]] = [:]
    /// Keys read while waiting for the terminal's answers and handed back to ncurses: the
    /// next `events` returns them without waiting (the descriptor does not show them).
    private var typedAhead = false

    private struct GlyphKey: Hashable { var cluster: String; var cells: Int }

    private struct PairKey: Hashable { var foreground: Int32; var background: Int32 }

    /// The terminal's own background, which colours are chosen against (see
    /// `ColorMapping.resolve`). Set it before drawing; by default a dark one.
    public var background: TerminalBackground = .dark {
        didSet { if background != oldValue { looks = [:]; previous = nil } }
    }

    /// How many cells the terminal itself gives a cluster, when that is not what the C
    /// library says: set it on a terminal that draws East Asian ambiguous characters two cells
    /// wide, so that a character ncurses would write a cell off is drawn as a look-alike.
    public var drawnWidth: ((String) -> Int)? {
        didSet { glyphs = [:]; previous = nil }
    }

    /// How colours are drawn: none (NO_COLOR or no colour), 8, 16, 256, or direct RGB.
    public var depth: ColorDepth { colorsEnabled ? ColorDepth(colors: Int(colorCount)) : .none }

    /// Whether the cells of a link are wrapped in an OSC 8 hyperlink to its target, so that
    /// a click opens it on the reader's own machine (see `TerminalSession+Hyperlinks.swift`).
    public var hyperlinks = false {
        didSet { if hyperlinks != oldValue { previous = nil } }
    }

    public init() {}

    /// Takes the terminal over. Throws with a clear message when it cannot (no terminal, an
    /// unknown or too limited TERM).
    public func start() throws {
        guard isatty(0) == 1, isatty(1) == 1 else {
            throw TerminalError(description: "a terminal is needed: standard input and output must be a tty")
        }
        notice = Self.setUpLocale()
        localeIsUTF8 = Self.codesetIsUTF8()
        var termName = getenv("TERM").map { String(cString: $0) } ?? ""
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
        if let direct = Self.directColourVariant(of: termName) { termName = direct }
        if getenv("ESCDELAY") == nil { set_escdelay(25) }
        CrashGuard.saveTerminalSettings(fd: 0)
        signalFD = SignalPipe.install()

        guard let output = fdopen(1, "w"), let input = fdopen(0, "r"),
              let s = newterm(termName, output, input) else {
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

    /// Asks the terminal, once at start, for its background colour (OSC 11) and how wide it
    /// draws an East Asian ambiguous character (`…`, measured with a cursor position report),
    /// and waits at most `timeout` milliseconds for the answers. The position report comes
    /// last and every terminal answers it, so a terminal that ignores OSC 11 costs no wait.
    /// Keys typed meanwhile are kept for `events(timeout:)`, in order.
    public func query(background: Bool, ambiguousWidth: Bool, timeout: Int32 = 1000) -> TerminalAnswers {
        guard active, background || ambiguousWidth else { return TerminalAnswers() }
        var request: [UInt8] = []
        if background { request += Array("\u{1B}]11;?\u{1B}\\".utf8) }
        var probing = false
        if ambiguousWidth, let probe = Self.encodedInLocale("…") {
            request += Array("\u{1B}[H".utf8) + probe
            probing = true
        }
        request += Array("\u{1B}[6n".utf8)
        // On the alternate screen first (the first refresh goes there), so nothing is left
        // on the user's screen; the next draw paints over the probe.
        wnoutrefresh(yd_stdscr())
        doupdate()
        var written = 0
        while written < request.count {
            let n = request[written...].withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
            if n <= 0 { if errno == EINTR { continue }; break }
            written += n
        }
        var replies = TerminalReplies()
        var start = timespec()
        clock_gettime(CLOCK_MONOTONIC, &start)
        while replies.cursorColumn == nil {
            var now = timespec()
            clock_gettime(CLOCK_MONOTONIC, &now)
            let elapsed = Int32((now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1_000_000)
            guard elapsed < timeout else { break }
            var fd = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            let ready = poll(&fd, 1, timeout - elapsed)
            if ready < 0 { if errno == EINTR { continue }; break }
            if ready == 0 { break }
            var buffer = [UInt8](repeating: 0, count: 256)
            let n = read(0, &buffer, buffer.count)
            if n <= 0 { break }
            replies.feed(Array(buffer[..<n]))
        }
        // Keys typed while waiting go back to ncurses, which reads them as if just typed
        // (ungetch is last in, first out).
        for byte in replies.leftover.reversed() { ungetch(Int32(byte)) }
        typedAhead = !replies.leftover.isEmpty
        clearok(yd_stdscr(), true)
        previous = nil
        return TerminalAnswers(background: replies.background,
                               ambiguousIsWide: probing ? replies.cursorColumn.map { $0 >= 3 } : nil)
    }

    /// `text` in the locale's character set; nil when it has no encoding there.
    static func encodedInLocale(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        var state = mbstate_t()
        for scalar in text.unicodeScalars {
            var buffer = [CChar](repeating: 0, count: 16)
            let n = wcrtomb(&buffer, wchar_t(bitPattern: scalar.value), &state)
            if n == -1 { return nil }
            bytes += buffer[..<n].map { UInt8(bitPattern: $0) }
        }
        return bytes
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
        if typedAhead {
            typedAhead = false
            let keys = readInput()
            if !keys.isEmpty { return keys }
        }
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

    /// Ctrl-L: forgets what the terminal shows, so that the next `draw` clears it and writes
    /// every cell again (whatever another program wrote over the screen is gone).
    public func repaint() {
        guard active else { return }
        previous = nil
        clearok(yd_stdscr(), true)
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

    /// Gives the terminal back (normal screen, cooked mode) while `body` runs a program on
    /// it, then takes it again and repaints everything on the next draw.
    public func giveBack(while body: () -> Void) {
        guard active else { return body() }
        endwin()
        body()
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
                let look = look(of: cell.style)
                var pair = look.pair
                wattr_set(win, look.attributes, 0, &pair)
                // The cluster's code points in order, as ncurses places them (a combining mark
                // joins the cell before); controls never reach the terminal, and no more
                // marks than a cell can hold (ncurses drops a cell given more).
                var span = 1
                while x + span < frame.width, frame[x + span, y].isContinuation { span += 1 }
                text = glyph(cell.text, cells: span)
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
        if hyperlinks { rewriteLinks(of: frame, rows: rows, cursor: cursor) }
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

    /// The attributes and colour pair `style` is drawn with, at this terminal's depth and
    /// against its background (worked out once per style).
    func look(of style: Style) -> (attributes: attr_t, pair: Int32) {
        if let known = looks[style] { return known }
        let resolved = ColorMapping.resolve(style, depth: depth, background: background)
        let look = (attributes(resolved.attributes), pairNumber(resolved))
        looks[style] = look
        return look
    }

    private func pairNumber(_ style: TerminalStyle) -> Int32 {
        guard colorsEnabled, style.foreground != -1 || style.background != -1 else { return 0 }
        let key = PairKey(foreground: style.foreground, background: style.background)
        if let pair = pairs[key] { return pair }
        let pair = Int32(pairs.count + 1)
        guard pair < yd_color_pairs() else { return 0 }
        init_extended_pair(pair, style.foreground, style.background)
        pairs[key] = pair
        return pair
    }

    /// What to hand ncurses for a cluster that takes `cells` cells: its code points (controls
    /// left out), or, in a locale that is not UTF-8, `?` for a character the locale cannot
    /// encode and a look-alike (`|`, `-`, `.`) or `?` for one the locale gives another width,
    /// padded to `cells` so that the row stays in place.
    func glyph(_ cluster: String, cells: Int) -> [wchar_t] {
        var text: [wchar_t] = []
        for scalar in cluster.unicodeScalars where Self.isSafeToWrite(scalar) {
            if text.count == Self.maximumCharactersPerCell { break }
            text.append(wchar_t(bitPattern: scalar.value))
        }
        if text.isEmpty { text.append(0x20) }
        guard !localeIsUTF8 || drawnWidth != nil, cluster.unicodeScalars.contains(where: { !$0.isASCII }) else { return text }
        let key = GlyphKey(cluster: cluster, cells: cells)
        if let known = glyphs[key] { return known }
        if let shown = LocaleGlyph.replacement(for: cluster, cells: cells, encodable: Self.encodable,
                                               width: { Int(wcwidth(wchar_t(bitPattern: $0.value))) },
                                               drawn: drawnWidth) {
            text = shown.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        }
        if glyphs.count > 4096 { glyphs.removeAll(keepingCapacity: true) }
        glyphs[key] = text
        return text
    }

    /// Whether the locale's character set has `scalar`.
    private static func encodable(_ scalar: Unicode.Scalar) -> Bool {
        var state = mbstate_t()
        var buffer = [CChar](repeating: 0, count: 16)
        return wcrtomb(&buffer, wchar_t(bitPattern: scalar.value), &state) != -1
    }

    // MARK: - Set-up helpers

    /// Sets the C library's locale from the environment, so that ncursesw writes in the
    /// user's character set (UTF-8, GB18030, GBK, Big5, EUC-JP…). Only the C/POSIX locale (or
    /// one this machine lacks, which leaves C) is switched to C.UTF-8, with a notice.
    static func setUpLocale() -> String? {
        let resolved = setlocale(LC_ALL, "").map { String(cString: $0) }
        // Name the locale as the user set it (LANG=POSIX resolves to "C").
        var chosen = resolved ?? "C"
        for variable in ["LC_ALL", "LC_CTYPE", "LANG"] {
            if let value = getenv(variable).map({ String(cString: $0) }), !value.isEmpty {
                chosen = value
                break
            }
        }
        let codeset = String(cString: nl_langinfo(nl_item(CODESET))).uppercased()
        let ascii = ["ANSI_X3.4-1968", "ASCII", "US-ASCII", "646"].contains(codeset)
        if resolved != nil, !ascii { return nil }
        let why = resolved == nil ? "is not installed" : "is not UTF-8"
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_ALL, name) != nil {
            return "locale \(chosen) \(why): using \(name)"
        }
        return "locale \(chosen) \(why) and no UTF-8 locale exists: Chinese may not show"
    }

    static func codesetIsUTF8() -> Bool {
        String(cString: nl_langinfo(nl_item(CODESET))).uppercased().filter { $0 != "-" } == "UTF8"
    }

    /// With `COLORTERM=truecolor` (or `24bit`) on a terminal type without direct colour, its
    /// direct-colour sibling (`xterm-256color` → `xterm-direct`) when terminfo has one.
    static func directColourVariant(of term: String) -> String? {
        let colorterm = getenv("COLORTERM").map { String(cString: $0).lowercased() } ?? ""
        guard colorterm == "truecolor" || colorterm == "24bit", tigetnum("colors") < 0x100_0000,
              let base = term.split(separator: "-").first, !term.hasSuffix("-direct") else { return nil }
        let candidate = String(base) + "-direct"
        var status: Int32 = 0
        guard setupterm(candidate, 1, &status) == OK else {
            _ = setupterm(nil, 1, &status)
            return nil
        }
        return candidate
    }

    static func capability(_ name: String) -> [UInt8]? {
        guard let raw = tigetstr(name), Int(bitPattern: raw) != -1 else { return nil }
        return Array(String(cString: raw).utf8)
    }
}
