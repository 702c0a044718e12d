import Glibc

/// Signals delivered to a pipe the main loop polls, so that a signal arriving on any thread
/// wakes the loop and is handled there, outside the handler.
///
/// The write end must be reachable from a C signal handler, which cannot capture context:
/// hence these process-wide file descriptors, written once at start-up.
nonisolated(unsafe) private var signalPipeWrite: Int32 = -1

enum SignalPipe {
    /// The signals the reader handles itself.
    static let handled: [Int32] = [SIGTERM, SIGHUP, SIGINT, SIGWINCH, SIGCONT]

    /// Creates the pipe and installs the handlers; returns the read end.
    static func install() -> Int32 {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return -1 }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        signalPipeWrite = fds[1]
        for signal in handled {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                var byte = UInt8(truncatingIfNeeded: number)
                let saved = errno
                _ = write(signalPipeWrite, &byte, 1)
                errno = saved
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(signal, &action, nil)
        }
        // Make sure these signals reach this (the main) thread.
        var set = sigset_t()
        sigemptyset(&set)
        for signal in handled { sigaddset(&set, signal) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        return fds[0]
    }

    /// The byte `wake()` writes: no signal has the number 0.
    static let wakeByte: Int32 = 0

    /// Writes `wakeByte` to the pipe, from any thread; nothing happens before `install()`.
    static func wake() {
        var byte = UInt8(wakeByte)
        _ = write(signalPipeWrite, &byte, 1)
    }

    /// Reads the signals waiting in the pipe.
    static func drain(_ fd: Int32) -> [Int32] {
        var buffer = [UInt8](repeating: 0, count: 64)
        var signals: [Int32] = []
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n <= 0 { break }
            signals += buffer[0..<n].map { Int32($0) }
        }
        return signals
    }
}
