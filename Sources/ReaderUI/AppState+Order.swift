import Grid
import ReaderCore

/// How the article list is sorted (`O` cycles through them).
public enum ListOrder: String, CaseIterable, Hashable, Sendable {
    /// Newest first, undated last: the library's own order.
    case date
    /// By title: Chinese by its pinyin, Latin letters without regard to case.
    case title
    /// By site (in the same order as titles), newest first within a site; no site last.
    case site
    /// Furthest read first; articles never opened last.
    case progress
    /// Best match first: only while a library search is on.
    case relevance

    /// The orders `O` goes through outside a library search, in turn.
    public static let listCycle: [ListOrder] = [.date, .title, .site, .progress]
    /// And during one.
    public static let findCycle: [ListOrder] = [.relevance, .date, .title, .site, .progress]

    /// The word in the list header.
    public var label: String {
        switch self {
        case .date: return "by date"
        case .title: return "by title"
        case .site: return "by site"
        case .progress: return "by progress"
        case .relevance: return "best first"
        }
    }
}

extension AppState {
    /// The order the list is in now: the search's during a library search.
    public var effectiveOrder: ListOrder { find != nil ? findOrder : listOrder }

    /// `O`: the next order. Outside a search the choice is kept for the next run.
    mutating func cycleOrder() -> [Effect] {
        let cycle = find != nil ? ListOrder.findCycle : ListOrder.listCycle
        let now = effectiveOrder
        let next = cycle[((cycle.firstIndex(of: now) ?? -1) + 1) % cycle.count]
        let selected = libraryIndex(ofRow: selection) ?? current
        if find != nil { findOrder = next } else { listOrder = next }
        deriveListRows()
        selection = row(of: selected) ?? 0
        scrollListToSelection()
        message = "sorted " + next.label
        return find != nil ? [] : [.saveListOrder(next)]
    }

    /// The order kept from an earlier run.
    public mutating func adoptListOrder(_ order: ListOrder) {
        guard ListOrder.listCycle.contains(order), order != listOrder else { return }
        let selected = libraryIndex(ofRow: selection) ?? current
        listOrder = order
        deriveListRows()
        selection = row(of: selected) ?? 0
        scrollListToSelection()
    }

    /// Makes the list's rows again from what decides them: bookmarks only or all, the
    /// library search's matches, and the order. The selection is the caller's to keep.
    mutating func deriveListRows() {
        let order = effectiveOrder
        var rows: [Int]?
        if let find {
            let hits = find.hits.compactMap { library.index(of: $0) }
            let allowed = bookmarksOnly ? Set(bookmarkRows) : nil
            rows = allowed.map { set in hits.filter { set.contains($0) } } ?? hits
        } else if bookmarksOnly {
            rows = bookmarkRows
        }
        switch order {
        case .relevance:
            break
        case .date:
            // Library order is newest first; bookmarks keep their own order (newest bookmark
            // first), as does a search sorted by date once it is in library order.
            if find != nil { rows?.sort() }
        case .title, .site, .progress:
            rows = sorted(rows ?? Array(library.indices), by: order)
        }
        listRows = rows
        listRowOf = [:]
        if let rows {
            listRowOf.reserveCapacity(rows.count)
            for (row, index) in rows.enumerated() { listRowOf[index] = row }
        }
    }

    /// `indices` sorted by `order`, library order within equal keys.
    private func sorted(_ indices: [Int], by order: ListOrder) -> [Int] {
        switch order {
        case .title:
            let keys = indices.map { TitleSortKey.make(articles[$0].title) }
            var order = Array(indices.indices)
            order.sort { a, b in
                TitleSortKey.precedes(keys[a], keys[b]) || (keys[a] == keys[b] && indices[a] < indices[b])
            }
            return order.map { indices[$0] }
        case .site:
            // Sites repeat: each one's key is made once.
            var made: [String: [UInt8]] = [:]
            let keys = indices.map { index in
                articles[index].site.map { site in
                    if let key = made[site] { return key }
                    let key = TitleSortKey.make(site)
                    made[site] = key
                    return key
                }
            }
            return zip(indices, keys).sorted { a, b in
                switch (a.1, b.1) {
                case let (x?, y?) where x != y: return TitleSortKey.precedes(x, y)
                case (.some, nil): return true
                case (nil, .some): return false
                default: return a.0 < b.0
                }
            }.map(\.0)
        case .progress:
            let fractions = indices.map { position(ofArticle: $0)?.fraction ?? -1 }
            return zip(indices, fractions).sorted { a, b in a.1 != b.1 ? a.1 > b.1 : a.0 < b.0 }.map(\.0)
        case .date, .relevance:
            return indices.sorted()
        }
    }
}
