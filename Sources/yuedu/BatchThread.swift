import Foundation

/// Requests worked through in order on a thread of their own, so that the main thread never
/// waits for the disk: `submit` queues one and returns; the thread takes all that are waiting
/// at once (several presses cost one write) and hands them to `work` as one batch. The thread
/// ends when the queue is empty and starts again with the next request, so an idle reader has
/// one thread. `finish(then:)` waits for the queue to empty and runs its closure while no
/// batch can run (the last save before the program ends).
final class BatchThread<Request: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [Request] = []
    private var running = false
    private let name: String
    private let work: ([Request]) -> Void

    /// `work` runs on the thread only, one batch at a time.
    init(name: String, work: @escaping ([Request]) -> Void) {
        self.name = name
        self.work = work
    }

    /// Queues a request; never waits for the disk.
    func submit(_ request: Request) {
        condition.lock()
        queue.append(request)
        if !running {
            running = true
            let thread = Thread { [self] in run() }
            thread.name = name
            thread.start()
        }
        condition.unlock()
    }

    /// Waits until every request is done, then runs `last` with no batch running.
    func finish<T>(then last: () -> T) -> T {
        condition.lock()
        defer { condition.unlock() }
        while running { condition.wait() }
        return last()
    }

    private func run() {
        while true {
            condition.lock()
            if queue.isEmpty {
                running = false
                condition.broadcast()
                condition.unlock()
                return
            }
            let batch = queue
            queue.removeAll()
            condition.unlock()
            work(batch)
        }
    }
}
