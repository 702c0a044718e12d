import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock` that a process which keeps coming back for it cannot take away from
/// one that waits.
///
/// A plain `flock` is not fair: when its holder releases it and asks again at once, the
/// holder usually wins over a waiter the kernel has only just woken, and a waiter that polls
/// (`LOCK_NB` every few milliseconds) almost never sees it free. So the lock is taken through
/// a turnstile, a second `flock` on the file's directory: a taker holds the turnstile while
/// it waits for the lock and lets go once it has it. A holder that comes back finds the
/// turnstile held by the waiter and queues behind it, so the waiter gets the lock at the
/// holder's next release. Both waits block in the kernel, on a thread of their own, so that
/// the caller can give up at a deadline; a thread that gets the locks after the caller gave
/// up releases them at once.
enum FairLock {
    /// Takes the exclusive lock on the open lock file `fd` (through the turnstile `gateFD`,
    /// an open descriptor of the directory); false when `timeout` passed first or a lock
    /// cannot be taken at all. Released with `flock(fd, LOCK_UN)` or by closing `fd`.
    static func lock(_ fd: Int32, gate gateFD: Int32, timeout: TimeInterval) -> Bool {
        // At once when nobody waits or holds.
        if flock(gateFD, LOCK_EX | LOCK_NB) == 0 {
            let locked = flock(fd, LOCK_EX | LOCK_NB) == 0
            if locked {
                flock(gateFD, LOCK_UN)
                return true
            }
            flock(gateFD, LOCK_UN)
        }
        guard errno == EWOULDBLOCK || errno == EINTR || errno == EAGAIN else { return false }
        return Waiter(fd: fd, gate: gateFD).wait(timeout: timeout)
    }

    /// Blocks in `flock` on a thread of its own. The descriptors are duplicates: a `flock`
    /// belongs to the open file, so the lock taken through the duplicate is the caller's.
    private final class Waiter: @unchecked Sendable {
        enum State { case waiting, locked, failed, abandoned }
        private let condition = NSCondition()
        private var state = State.waiting
        private let fd: Int32
        private let gate: Int32

        init(fd: Int32, gate: Int32) {
            self.fd = dup(fd)
            self.gate = dup(gate)
        }

        func wait(timeout: TimeInterval) -> Bool {
            guard fd >= 0, gate >= 0 else {
                if fd >= 0 { close(fd) }
                if gate >= 0 { close(gate) }
                return false
            }
            let thread = Thread { [self] in take() }
            thread.stackSize = 64 * 1024
            thread.start()
            let deadline = Date().addingTimeInterval(timeout)
            condition.lock()
            defer { condition.unlock() }
            while state == .waiting {
                if !condition.wait(until: deadline) { break }
            }
            if state == .locked { return true }
            if state == .waiting { state = .abandoned }
            return false
        }

        private func take() {
            var ok = Self.blockingLock(gate)
            if ok {
                ok = Self.blockingLock(fd)
                flock(gate, LOCK_UN)
            }
            condition.lock()
            if state == .abandoned, ok { flock(fd, LOCK_UN) }
            if state == .waiting { state = ok ? .locked : .failed }
            condition.signal()
            condition.unlock()
            close(gate)
            close(fd)
        }

        private static func blockingLock(_ fd: Int32) -> Bool {
            while true {
                if flock(fd, LOCK_EX) == 0 { return true }
                if errno != EINTR { return false }
            }
        }
    }
}
