/// What a query may match under some `MatchOptions`, worked out without any text: for another
/// index to use (the library's full-text search, say) the way the in-article search does.
///
/// ```swift
/// let alternatives = QueryAlternatives("乡村图书馆", options: MatchOptions())
/// alternatives.characters   // [["乡", "鄉"], ["村"], ["图", "圖"], ["书", "書"], ["馆", "舘", "館"]]
/// alternatives.folded       // "乡村图书馆": what the folded text holds where it matches
/// QueryAlternatives("xczx", options: MatchOptions()).pinyin?.spellings()   // [[x, c, z, x], …]
/// ```
///
/// An index that stores text can store `ChineseVariants.fold(_:)` of it and look for
/// ``folded``; one that cannot fold can look for every combination of ``characters``.
public struct QueryAlternatives: Sendable {
    /// For each character of the query, the characters it may stand for, itself first; one
    /// each when variants are off (or OpenCC's data is missing).
    public let characters: [[Character]]
    /// The query with each Han character in its canonical variant (the query itself when
    /// variants are off): a text folded by `ChineseVariants.fold(_:)` matches where it holds this.
    public let folded: String
    /// The query as pinyin, when pinyin is on and the query is pinyin (see `PinyinQuery`).
    public let pinyin: PinyinQuery?

    public init(_ query: String, options: MatchOptions) {
        let table: ChineseVariants? = options.variants ? (try? ChineseVariants.shared.get()) : nil
        characters = query.map { table?.variants(of: $0) ?? [$0] }
        folded = table?.fold(query) ?? query
        pinyin = options.pinyin ? PinyinQuery(query) : nil
    }
}
