import Foundation

/// The files under some roots, walked on a thread of their own and handed over in batches,
/// in byte order of their paths: a merge that reads the index meanwhile takes them as they
/// come, on another core.
public struct WalkedFiles: FoundFiles {
    /// Files per batch handed over.
    static let batchSize = 2048

    /// What the walking thread hands over: paths end to end, where each ends, their stamps.
    struct Batch: Sendable {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        var stamps: [FileStamp?] = []
    }

    /// The batches between the two threads.
    final class HandOver: @unchecked Sendable {
        private let condition = NSCondition()
        private var batches: [Batch] = []
        private var first = 0
        private var finished: (count: Int, skipped: [SkippedFile])?

        func put(_ batch: Batch) {
            condition.lock()
            batches.append(batch)
            condition.signal()
            condition.unlock()
        }

        func finish(count: Int, skipped: [SkippedFile]) {
            condition.lock()
            finished = (count, skipped)
            condition.signal()
            condition.unlock()
        }

        /// The next batch, waiting for it; nil once the walk is done and all are taken.
        func take() -> Batch? {
            condition.lock()
            defer { condition.unlock() }
            while first == batches.count && finished == nil { condition.wait() }
            guard first < batches.count else { return nil }
            let batch = batches[first]
            batches[first] = Batch()
            first += 1
            if first == batches.count {
                batches.removeAll(keepingCapacity: true)
                first = 0
            }
            return batch
        }

        var result: (count: Int, skipped: [SkippedFile]) {
            condition.lock()
            defer { condition.unlock() }
            return finished ?? (0, [])
        }
    }

    private let handOver = HandOver()
    private var batch = Batch()
    private var index = -1
    private var done = false
    public private(set) var path: [UInt8] = []
    public private(set) var stamp: FileStamp?

    /// Starts walking `roots` (as `FilesInOrder` does) on a new thread.
    public init(roots: [String]) {
        let handOver = handOver
        let thread = Thread {
            var files = FilesInOrder(roots: roots)
            var batch = Batch()
            while files.next() {
                batch.bytes += files.path
                batch.ends.append(batch.bytes.count)
                batch.stamps.append(files.stamp)
                if batch.ends.count == Self.batchSize {
                    handOver.put(batch)
                    batch = Batch()
                }
            }
            if !batch.ends.isEmpty { handOver.put(batch) }
            handOver.finish(count: files.count, skipped: files.skipped)
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    public mutating func next() -> Bool {
        guard !done else { return false }
        index += 1
        while index >= batch.ends.count {
            guard let next = handOver.take() else {
                done = true
                return false
            }
            batch = next
            index = 0
        }
        let start = index == 0 ? 0 : batch.ends[index - 1]
        path.removeAll(keepingCapacity: true)
        path += batch.bytes[start..<batch.ends[index]]
        stamp = batch.stamps[index]
        return true
    }

    public var pathString: String { String(decoding: path, as: UTF8.self) }
    /// Complete once `next()` returned false.
    public var count: Int { handOver.result.count }
    public var skipped: [SkippedFile] { handOver.result.skipped }
}
