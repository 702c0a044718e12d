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
    private var kept: [ArticleID: Article] = [:]
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
        if let article = kept[id] {
            touch(id)
            return article
        }
        let article = read(head, id: id)
        kept[id] = article
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

    private func read(_ head: Article, id: ArticleID) -> Article {
        let indexed = (try? store?.file(id)) ?? nil
        let (parsed, stamp) = ArticleFile.readParsed(path: id.rawValue)
        switch parsed.result {
        case .success(let article):
            if let indexed, let stamp, indexed.stamp != stamp {
                notices.append("this article's file changed since it was indexed: read again")
                stale = true
            }
            return article
        case .failure(let problem):
            var gone = head
            gone.body = [Block(.paragraph, "The file of this article cannot be read now: \(problem.reason). It is left out at the next refresh.")]
            notices.append("this article's file is gone or unreadable (\(problem.reason))")
            stale = true
            return gone
        }
    }

    /// Clears `stale` once a refresh has been asked for.
    public func refreshRequested() { stale = false }
}
