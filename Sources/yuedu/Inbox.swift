import Foundation
import Grid
import Terminal

/// Messages from background work to the main loop: `post` from any thread appends under a
/// lock and wakes the loop; the loop takes everything waiting with `drain()` on `.wake`.
final class Inbox<Message: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [Message] = []

    init() {}

    /// Hands `message` to the main loop and wakes it. Never blocks on the loop.
    func post(_ message: Message) {
        lock.lock()
        messages.append(message)
        lock.unlock()
        TerminalSession.wakeUp()
    }

    /// Everything posted since the last drain, in the order posted.
    func drain() -> [Message] {
        lock.lock()
        defer { lock.unlock() }
        let taken = messages
        messages.removeAll()
        return taken
    }
}
