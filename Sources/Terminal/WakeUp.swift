import Glibc

/// Wakes the terminal's event loop from any thread: `wakeUp()` makes the next (or the
/// current, waiting) `TerminalSession.events(timeout:)` return `.wake`.
///
/// Work done in the background (loading a library, building an index) puts its results in a
/// place the main loop reads, then calls `wakeUp()`; the loop picks the results up on `.wake`.
/// Wake-ups that arrive before the loop looks are merged into one `.wake`.
public final class WakeUp: Sendable {
    private let readFD: Int32
    private let writeFD: Int32

    init() {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for fd in fds {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
        }
        readFD = fds[0]
        writeFD = fds[1]
    }

    deinit {
        if readFD >= 0 { close(readFD) }
        if writeFD >= 0 { close(writeFD) }
    }

    /// Wakes the loop. Safe from any thread; never blocks (a full pipe already means "wake").
    public func wakeUp() {
        var byte: UInt8 = 1
        _ = write(writeFD, &byte, 1)
    }

    /// The descriptor the loop polls.
    var fd: Int32 { readFD }

    /// Empties the pipe; true when there was at least one wake-up.
    func drain() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 256)
        var woken = false
        while read(readFD, &buffer, buffer.count) > 0 { woken = true }
        return woken
    }
}
