/// Which Chinese-aware kinds of match a search adds to matching the text as written
/// (`[search]` in `config.toml`).
public struct MatchOptions: Hashable, Sendable {
    /// Simplified and traditional characters match each other (`乡` finds `鄉`), see
    /// `ChineseVariants`.
    public var variants: Bool
    /// A query of Latin letters also finds Han text by its pinyin (`xczx` finds `乡村振兴`),
    /// see `PinyinQuery`.
    public var pinyin: Bool

    public init(variants: Bool = true, pinyin: Bool = true) {
        self.variants = variants
        self.pinyin = pinyin
    }

    /// The text as written only: neither kind.
    public static let exact = MatchOptions(variants: false, pinyin: false)
}
