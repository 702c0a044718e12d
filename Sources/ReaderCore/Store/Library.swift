/// The library as the reader shows it: the articles in library order (newest first), each
/// with its identity (`ArticleID`), computed once when it arrives. Bookmark keys
/// (`ArticleKey`) are computed when asked for: a library of a million articles would hold a
/// second copy of most titles for the few that are bookmarked.
///
/// A value: copies never share anything mutable. A batch is merged in with the same merge
/// the store uses (`ArticleStore.merged`); nothing is remembered by position, so nothing
/// has to follow articles when a batch pushes them down the list.
public struct Library: Sendable {
    public private(set) var articles: [Article] = []
    public private(set) var ids: [ArticleID] = []
    private var table = IdentityTable()

    /// `articles`, already in library order and without copies.
    public init(_ articles: [Article] = []) {
        replace(with: articles)
    }

    public var count: Int { articles.count }
    public var isEmpty: Bool { articles.isEmpty }
    public var indices: Range<Int> { articles.indices }

    public subscript(index: Int) -> Article { articles[index] }

    /// Where the article `id` is in the list now.
    public func index(of id: ArticleID) -> Int? { table.index(of: id, in: ids) }

    /// The article `id`, if the library has it.
    public func article(_ id: ArticleID) -> Article? { index(of: id).map { articles[$0] } }

    /// Merges `batch` (in library order, without copies of articles already here).
    public mutating func merge(_ batch: [Article]) {
        guard !batch.isEmpty else { return }
        // The first batch (all of an index's listing at once) is the library as it comes.
        if articles.isEmpty { return replace(with: batch) }
        // The two lists walked side by side into two new arrays: no intermediate pairs
        // (a first build merges what it has read every half second, up to 100,000 articles).
        let count = articles.count + batch.count
        var mergedArticles: [Article] = [], mergedIDs: [ArticleID] = []
        mergedArticles.reserveCapacity(count)
        mergedIDs.reserveCapacity(count)
        var i = 0, j = 0
        while i < articles.count || j < batch.count {
            if j < batch.count, i == articles.count || ArticleStore.precedes(batch[j], articles[i]) {
                mergedArticles.append(batch[j])
                mergedIDs.append(batch[j].id)
                j += 1
            } else {
                mergedArticles.append(articles[i])
                mergedIDs.append(ids[i])
                i += 1
            }
        }
        articles = mergedArticles
        ids = mergedIDs
        reindex()
    }

    /// Puts `articles` (in library order, without copies) in place of everything.
    public mutating func replace(with articles: [Article]) {
        self.articles = articles
        // Read in place, each identity made and placed in the table while its path is at hand:
        // a copy of each article (as `map(\.id)` makes) would retain and release all of its
        // strings, and a second pass would fetch every path from memory again.
        var table = IdentityTable(capacity: articles.count)
        ids = articles.withUnsafeBufferPointer { articles in
            [ArticleID](unsafeUninitializedCapacity: articles.count) { ids, count in
                for i in articles.indices {
                    (ids.baseAddress! + i).initialize(to: articles[i].path.map(ArticleID.init(path:)) ?? articles[i].id)
                    table.insert(at: i, in: UnsafeBufferPointer(rebasing: ids[...i]))
                }
                count = articles.count
            }
        }
        self.table = table
    }

    /// The bookmark key of the article at `index`.
    public func key(at index: Int) -> ArticleKey { ArticleKey(articles[index]) }

    /// How many articles have one of `keys`. Only titles of articles dated as one of the keys
    /// are normalized.
    public func count(of keys: Set<ArticleKey>) -> Int {
        guard !keys.isEmpty else { return 0 }
        let dates = Set(keys.map(\.date))
        var count = 0
        for article in articles where dates.contains(article.date) {
            if keys.contains(ArticleKey(title: article.title, date: article.date)) { count += 1 }
        }
        return count
    }

    /// Where the first article of each of `keys` is, for those the library has. Only titles
    /// of articles dated as one of the keys are normalized.
    public func indices(of keys: Set<ArticleKey>) -> [ArticleKey: Int] {
        guard !keys.isEmpty else { return [:] }
        let dates = Set(keys.map(\.date))
        var found: [ArticleKey: Int] = [:]
        for (i, article) in articles.enumerated() where dates.contains(article.date) {
            let key = ArticleKey(title: article.title, date: article.date)
            if keys.contains(key), found[key] == nil {
                found[key] = i
                if found.count == keys.count { break }
            }
        }
        return found
    }

    /// The table of identities, made again from `ids`.
    private mutating func reindex() {
        var table = IdentityTable(capacity: ids.count)
        ids.withUnsafeBufferPointer { ids in
            for i in ids.indices { table.insert(at: i, in: ids) }
        }
        self.table = table
    }
}

/// Where each identity of a list is, for `Library.index(of:)`: positions in the list, in an
/// open-addressing table, each with the upper half of its identity's hash.
///
/// Not a `Dictionary<ArticleID, Int>`: a dictionary holds (and retains) a copy of each
/// identity and, keeping no hashes, compares the key with every identity its probe passes,
/// fetching that path's bytes from wherever it lies in memory. Here a probe reads 8-byte
/// slots and compares bytes only when the hash's upper half matches; the identities stay in
/// the list, which the table is always asked with. Made at once for 100,000 articles when
/// the library arrives from its index, this was most of the start's time after the reading.
struct IdentityTable: Sendable {
    /// 0 for an empty slot, else the upper half of the hash above the position + 1.
    private var slots: [UInt64] = []
    private var mask = 0

    init() {}

    /// Room for `capacity` identities, at most half the slots used.
    init(capacity: Int) {
        var size = 8
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
    }

    /// The hash of an identity (`ArticleID.hash(into:)`: its bytes through the seeded
    /// `Hasher`, so that no set of paths can make the probes long).
    private static func hash(_ id: ArticleID) -> UInt64 {
        var hasher = Hasher()
        id.hash(into: &hasher)
        return UInt64(bitPattern: Int64(hasher.finalize()))
    }

    /// Adds the identity at `position` of `ids` (the list so far: positions are added in
    /// order), unless the list has it at an earlier position already.
    mutating func insert(at position: Int, in ids: UnsafeBufferPointer<ArticleID>) {
        let id = ids[position]
        let hash = Self.hash(id)
        let tag = hash >> 32
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 {
                slots[slot] = tag << 32 | UInt64(position + 1)
                return
            }
            if entry >> 32 == tag, ids[Int(entry & 0xFFFF_FFFF) - 1] == id { return }
            slot = (slot + 1) & mask
        }
    }

    /// Where `id` first is in `ids` (the list the table was made from).
    func index(of id: ArticleID, in ids: [ArticleID]) -> Int? {
        guard !slots.isEmpty else { return nil }
        let hash = Self.hash(id)
        let tag = hash >> 32
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            if entry >> 32 == tag {
                let position = Int(entry & 0xFFFF_FFFF) - 1
                if ids[position] == id { return position }
            }
            slot = (slot + 1) & mask
        }
    }
}
