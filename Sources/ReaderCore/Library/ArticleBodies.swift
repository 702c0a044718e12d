import Foundation

/// Articles' bodies read from their files when they are opened, a few kept: the list holds
/// heads only (see `Article.head`), so the library costs what is on screen.
///
/// An article whose file changed since it was indexed is read as it is now, and one whose file
/// is gone says so in its body; both are noted (`takeNotices()`) so that the reader can say so
/// and refresh the index. Main thread only.
public final class ArticleBodies: @unchecked Sendable {
    /// How many full articles are kept.
    public let capacity: Int
    private let store: LibraryStore?
    private var kept: [ArticleID: Kept] = [:]

    /// A kept article, the stamp of the file it was read from, and when that was last checked.
    private struct Kept {
        var article: Article
        var stamp: FileStamp?
        var checked: Date
        /// A change was found and told (the refresh it asked for will replace it).
        var reported = false
    }

    /// The article asked for last (the one on screen).
    private var lastShown: ArticleID?
    /// How often a kept article's file is checked for changes while it is shown.
    static let recheckInterval: TimeInterval = 0.5
    /// Least recently used first.
    private var order: [ArticleID] = []
    private var notices: [String] = []
    /// Files found changed or gone since they were indexed (a refresh picks them up).
    public private(set) var stale = false

    public init(store: LibraryStore?, capacity: Int = 16) {
        self.store = store
        self.capacity = max(1, capacity)
    }

    /// `head` with its body, lead and related list, from the cache or its file.
    public func full(_ head: Article) -> Article {
        guard let path = head.path else { return head }
        let id = ArticleID(path: path)
        if var entry = kept[id] {
            touch(id)
            let now = Date()
            // Checked each time the article is opened again, and now and then while it is shown.
            let reopened = lastShown != id
            lastShown = id
            if !entry.reported, reopened || now.timeIntervalSince(entry.checked) >= Self.recheckInterval {
                entry.checked = now
                let stamp = FileStamp.of(id.rawValue)
                if stamp != entry.stamp {
                    // Shown as read until the refresh this asks for brings the new text.
                    entry.reported = true
                    notices.append(stamp == nil ? "this article's file is gone: it is left out at the next refresh"
                                                : "this article's file changed: reading it again")
                    stale = true
                }
                kept[id] = entry
            }
            return entry.article
        }
        lastShown = id
        let (article, stamp) = read(head, id: id)
        kept[id] = Kept(article: article, stamp: stamp, checked: Date())
        order.append(id)
        if order.count > capacity { kept[order.removeFirst()] = nil }
        return article
    }

    /// Forgets what is kept for `ids` (their files changed), or everything.
    public func forget(_ ids: [ArticleID]? = nil) {
        guard let ids else {
            kept = [:]
            order = []
            return
        }
        for id in ids where kept.removeValue(forKey: id) != nil { order.removeAll { $0 == id } }
    }

    /// What the reader should be told about files read since the last call.
    public func takeNotices() -> [String] {
        defer { notices = [] }
        return notices
    }

    /// How many articles are kept now.
    public var count: Int { kept.count }

    private func touch(_ id: ArticleID) {
        if let i = order.firstIndex(of: id) {
            order.remove(at: i)
            order.append(id)
        }
    }

    private func read(_ head: Article, id: ArticleID) -> (Article, FileStamp?) {
        let indexed = (try? store?.file(id)) ?? nil
        let (parsed, stamp) = ArticleFile.readParsed(path: id.rawValue)
        switch parsed.result {
        case .success(let article):
            if let indexed, let stamp, indexed.stamp != stamp {
                notices.append("this article's file changed since it was indexed: read again")
                stale = true
            }
            return (article, stamp)
        case .failure(let problem):
            var gone = head
            gone.body = [Block(.paragraph, "The file of this article cannot be read now: \(problem.reason). It is left out at the next refresh.")]
            notices.append("this article's file is gone or unreadable (\(problem.reason))")
            stale = true
            return (gone, stamp)
        }
    }

    /// Clears `stale` once a refresh has been asked for.
    public func refreshRequested() { stale = false }
}
