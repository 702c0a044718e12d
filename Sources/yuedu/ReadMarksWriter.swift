import Foundation
import ReaderCore

/// The read marks (`read.json`), read and written on a thread of its own, as `BookmarkWriter`
/// does for bookmarks: with 100,000 articles read, reading or writing the file takes long
/// enough to be felt (BENCHMARKS.md), and opening an article must not wait for it.
///
/// The main thread sends requests and goes on; a `BatchThread` works through them in order,
/// all that are waiting at once (several articles opened cost one write), and a `Report` is
/// posted after each batch. `finish()` waits for the queue to empty and saves what is left.
final class ReadMarksWriter: @unchecked Sendable {
    enum Request: Sendable {
        /// Read the file; when there is none yet, the articles with a reading position count
        /// as read (as `is:unread` counted them before marks were kept).
        case load(positions: [ArticleKey])
        case set(ArticleKey, Bool, Date)
    }

    struct Report: Sendable {
        /// Every article marked read, after a batch with a load in it; nil otherwise.
        var readKeys: Set<ArticleKey>?
        var messages: [String]
        /// How many requests have been done in all, this batch included.
        var done: Int
    }

    private var store: ReadStateStore
    private let deliver: @Sendable (Report) -> Void
    /// Requests done so far; the thread's own.
    private var done = 0
    private lazy var thread = BatchThread<Request>(name: "yuedu read marks") { [unowned self] in work($0) }

    init(store: ReadStateStore, deliver: @escaping @Sendable (Report) -> Void) {
        self.store = store
        self.deliver = deliver
    }

    /// Queues a request; never waits for the disk.
    func submit(_ request: Request) { thread.submit(request) }

    /// Waits until every request is done and saves what is left; returns the messages.
    func finish() -> [String] { thread.finish { store.save() } }

    private func work(_ batch: [Request]) {
        var messages: [String] = []
        var loaded = false
        for request in batch {
            switch request {
            case .load(let positions):
                let firstRun = !store.fileExists
                messages += store.reload()
                if firstRun { for key in positions { store.set(key, read: true) } }
                loaded = true
            case .set(let key, let read, let now):
                store.set(key, read: read, now: now)
            }
        }
        messages += store.save()
        let report = Report(readKeys: loaded ? store.readKeys : nil, messages: messages, done: done + batch.count)
        done += batch.count
        deliver(report)
    }
}
