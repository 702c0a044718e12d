import Foundation

/// Runs independent pieces of work on plain threads that end when the work ends.
///
/// `DispatchQueue.concurrentPerform` would do the same, but on Linux the first use of
/// Dispatch's global queues starts a pool monitor that wakes the process every second for the
/// rest of its life; a reader left open over SSH must cost nothing while idle.
public enum ParallelWork {
    /// Calls `body` once for each index in `0..<iterations`, spread over the cores, and
    /// returns when all calls have returned. `body` must be safe to call concurrently.
    public static func perform(iterations: Int, _ body: (Int) -> Void) {
        let workers = min(iterations, max(1, ProcessInfo.processInfo.activeProcessorCount))
        guard workers > 1 else {
            for i in 0..<iterations { body(i) }
            return
        }
        withoutActuallyEscaping(body) { body in
            let job = Job(body: body, iterations: iterations, workers: workers)
            let context = Unmanaged.passRetained(job)
            var threads: [pthread_t] = []
            for _ in 1..<workers {
                var thread = pthread_t()
                _ = context.retain()
                if pthread_create(&thread, nil, { raw in
                    let job = Unmanaged<Job>.fromOpaque(raw!).takeRetainedValue()
                    job.run()
                    return nil
                }, context.toOpaque()) == 0 {
                    threads.append(thread)
                } else {
                    context.release()
                }
            }
            job.run()
            for thread in threads { pthread_join(thread, nil) }
            context.release()
        }
    }

    /// Runs `body` on a new thread of its own that ends when `body` returns (a background
    /// job that must not start Dispatch's pool, see above).
    public static func detach(_ body: @escaping @Sendable () -> Void) {
        let thread = Thread(block: body)
        thread.start()
    }

    /// Starts `body` on a thread of its own; `wait()` on what it returns gives its result.
    /// For work that overlaps the caller's: the next step parsed while this one is written.
    public static func start<T: Sendable>(_ body: @escaping @Sendable () -> T) -> Started<T> {
        let started = Started<T>()
        detach { started.finish(body()) }
        return started
    }

    /// The result of work `start` began, when it is done.
    public final class Started<T: Sendable>: @unchecked Sendable {
        private var value: T?
        private let condition = NSCondition()

        fileprivate init() {}

        fileprivate func finish(_ result: T) {
            condition.lock()
            value = result
            condition.broadcast()
            condition.unlock()
        }

        /// Blocks until the work is done, and returns its result.
        public func wait() -> T {
            condition.lock()
            defer { condition.unlock() }
            while value == nil { condition.wait() }
            return value!
        }
    }

    /// The shared state of one `perform`: the next index to hand out.
    private final class Job: @unchecked Sendable {
        let body: (Int) -> Void
        let iterations: Int
        private var next = 0
        private let lock = NSLock()

        init(body: @escaping (Int) -> Void, iterations: Int, workers: Int) {
            self.body = body
            self.iterations = iterations
        }

        func run() {
            while true {
                lock.lock()
                let i = next
                next += 1
                lock.unlock()
                if i >= iterations { return }
                body(i)
            }
        }
    }
}
