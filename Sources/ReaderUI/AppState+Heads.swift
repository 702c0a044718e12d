import ReaderCore

extension AppState {
    /// The heads of the library as the index holds them once its articles were read whole: a
    /// first build lists each article from the top of its file (title, date, site), then
    /// reads it whole for search and learns the rest of its head (source, editor, author,
    /// tags). The articles, their order and identities are the same, so only the heads are
    /// put in place and the rows sorted again when the order is by site; nothing else moves.
    /// A list that is not the same articles in the same order (the library changed since) is
    /// left for the refresh that change brings.
    public mutating func completeHeads(_ heads: [Article]) {
        guard heads.count == library.count,
              zip(heads, library.ids).allSatisfy({ $0.id == $1 }) else { return }
        let selectedRow = selection - listTop
        let selectedID = libraryIndex(ofRow: selection).map { library.ids[$0] }
        library.replace(with: heads)
        guard effectiveOrder == .site else { return }
        deriveListRows()
        selection = selectedID.flatMap { library.index(of: $0) }.flatMap { row(of: $0) } ?? row(of: current) ?? 0
        keepSelection(onRow: selectedRow)
    }
}
