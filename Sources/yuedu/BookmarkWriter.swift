import Foundation
import ReaderCore

/// The bookmarks file, read and written on a thread of its own, so that no keystroke waits
/// for the disk: with 100,000 bookmarks one write (read under the lock, change, write, fsync)
/// takes more than a second.
///
/// The main thread sends requests and goes on; a `BatchThread` works through them in order,
/// all that are waiting at once (several `m` presses cost one write), and a `Report` is posted
/// after each batch. `finish()` waits for the queue to empty and saves what is left.
final class BookmarkWriter: @unchecked Sendable {
    enum Request: Sendable {
        case load
        case add(Article, Date)
        case remove(ArticleKey)
    }

    /// What a batch of requests came to.
    struct Report: Sendable {
        /// The bookmarks as the file (and this process's unsaved changes) have them, newest
        /// first; nil when that is the list last reported with this batch's changes applied,
        /// which the main thread already shows.
        var keys: [ArticleKey]?
        /// Problems to show; empty when all went well.
        var messages: [String]
        /// Whether a change is only in memory (its write failed).
        var unsaved: Bool
        /// How many requests have been done in all, this batch included.
        var done: Int
    }

    private var store: BookmarkStore
    private let deliver: @Sendable (Report) -> Void
    /// Requests done so far; the thread's own.
    private var done = 0
    /// What the main thread shows once it has applied the requests done so far.
    private var shown: BookmarkList?
    private lazy var thread = BatchThread<Request>(name: "yuedu bookmarks") { [unowned self] in work($0) }

    init(store: BookmarkStore, deliver: @escaping @Sendable (Report) -> Void) {
        self.store = store
        self.deliver = deliver
    }

    /// Queues a request; never waits for the disk.
    func submit(_ request: Request) { thread.submit(request) }

    /// Waits until every request is done, saves what could not be saved yet, stops the thread;
    /// returns the messages of that last save.
    func finish() -> [String] { thread.finish { store.save() } }

    private func work(_ batch: [Request]) {
        var messages: [String] = []
        var expected = shown
        for request in batch {
            switch request {
            case .load:
                messages += store.reload()
                expected = nil
            case .add(let article, let now):
                messages += store.add(article, now: now).messages
                if expected?.contains(ArticleKey(article)) == false { expected?.toggle(ArticleKey(article)) }
            case .remove(let key):
                messages += store.remove(key).messages
                if expected?.contains(key) == true { expected?.toggle(key) }
            }
        }
        let keys = store.bookmarks.map(\.key)
        let changed = expected?.keys != keys
        shown = BookmarkList(keys)
        var seen = Set<String>()
        messages = messages.filter { seen.insert($0).inserted }
        let report = Report(keys: changed ? keys : nil, messages: messages,
                            unsaved: store.hasUnsavedChanges, done: done + batch.count)
        done += batch.count
        deliver(report)
    }
}
