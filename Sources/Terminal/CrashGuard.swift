import Grid
import CNCursesW
import Glibc

/// What a crash handler needs to put the terminal back, prepared before the terminal is
/// taken over: the saved terminal settings and the bytes that leave full-screen mode.
/// Only async-signal-safe calls (write, tcsetattr, lseek, read, dup2, raise) run in the handler.
/// The saved settings live in a buffer of their own, larger than any `struct termios`: Swift
/// lays the imported struct out in fewer bytes (57) than the C library's `tcgetattr` writes
/// (60), so a global `termios()` would be overrun at every start.
nonisolated(unsafe) private let savedTermios: UnsafeMutablePointer<termios> = {
    let raw = UnsafeMutableRawPointer.allocate(byteCount: CrashGuard.settingsBytes, alignment: 16)
    raw.initializeMemory(as: UInt8.self, repeating: 0, count: CrashGuard.settingsBytes)
    return raw.bindMemory(to: termios.self, capacity: 1)
}()
nonisolated(unsafe) private var haveTermios = false
nonisolated(unsafe) private var exitBytes: UnsafeMutablePointer<UInt8>? = nil
nonisolated(unsafe) private var exitByteCount = 0
nonisolated(unsafe) private var capturedStderr: Int32 = -1
nonisolated(unsafe) private var realStderr: Int32 = -1
nonisolated(unsafe) private var guardArmed: Int32 = 0

enum CrashGuard {
    static let fatalSignals: [Int32] = [SIGSEGV, SIGILL, SIGBUS, SIGFPE, SIGABRT, SIGTRAP, SIGSYS]

    /// Room for the terminal settings: more than any C library's `struct termios` takes.
    static let settingsBytes = 256

    /// Saves the terminal's settings; call before ncurses changes them.
    static func saveTerminalSettings(fd: Int32) {
        haveTermios = tcgetattr(fd, savedTermios) == 0
    }

    /// Arms the handlers with the bytes that restore the screen (leave the alternate screen,
    /// show the cursor, reset attributes).
    static func arm(exitSequence: [UInt8]) {
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, exitSequence.count))
        buffer.initialize(from: exitSequence, count: exitSequence.count)
        exitBytes = buffer
        exitByteCount = exitSequence.count
        captureStandardError()
        guardArmed = 1
        for fatal in fatalSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                CrashGuard.restoreFromHandler()
                signal(number, SIG_DFL)
                raise(number)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND)
            sigaction(fatal, &action, nil)
        }
    }

    /// While the screen is taken, what is written to stderr (a Swift runtime error, say) would
    /// be drawn over and lost: keep it in an unnamed file and replay it on the normal screen.
    private static func captureStandardError() {
        guard isatty(2) == 1 else { return }
        let fd = memfd_create("yuedu-stderr", 0)
        guard fd >= 0 else { return }
        realStderr = dup(2)
        capturedStderr = fd
        dup2(fd, 2)
    }

    /// Puts stderr back and replays what was written while the screen was taken.
    static func releaseStandardError() {
        guard capturedStderr >= 0, realStderr >= 0 else { return }
        replayStandardError()
        dup2(realStderr, 2)
        close(capturedStderr)
        capturedStderr = -1
    }

    private static func replayStandardError() {
        guard capturedStderr >= 0, realStderr >= 0 else { return }
        lseek(capturedStderr, 0, SEEK_SET)
        var buffer = (0..<4096).map { _ in UInt8(0) }
        while true {
            let n = buffer.withUnsafeMutableBytes { read(capturedStderr, $0.baseAddress, 4096) }
            if n <= 0 { break }
            _ = buffer.withUnsafeBytes { write(realStderr, $0.baseAddress, n) }
        }
        ftruncate(capturedStderr, 0)
        lseek(capturedStderr, 0, SEEK_SET)
    }

    /// The crash path: restore settings and screen, replay stderr. Async-signal-safe.
    static func restoreFromHandler() {
        guard guardArmed == 1 else { return }
        guardArmed = 0
        if let exitBytes { _ = write(1, exitBytes, exitByteCount) }
        if haveTermios { tcsetattr(0, TCSANOW, savedTermios) }
        if capturedStderr >= 0, realStderr >= 0 {
            lseek(capturedStderr, 0, SEEK_SET)
            var chunk: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
            withUnsafeMutableBytes(of: &chunk) { raw in
                while true {
                    let n = read(capturedStderr, raw.baseAddress, raw.count)
                    if n <= 0 { break }
                    _ = write(realStderr, raw.baseAddress, n)
                }
            }
            dup2(realStderr, 2)
        }
    }

    /// The normal way out: the terminal was restored by ncurses; disarm.
    static func disarm() {
        guardArmed = 0
        for signal in fatalSignals { Glibc.signal(signal, SIG_DFL) }
        releaseStandardError()
    }
}
