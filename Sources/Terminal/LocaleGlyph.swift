/// What a cell shows in a locale whose character set is not UTF-8 (GB18030, GBK, Big5,
/// EUC-JP): the screen was laid out in Unicode, and the terminal only takes what the locale
/// can encode, at the width the locale gives it.
enum LocaleGlyph {
    /// Look-alikes for the frame and punctuation the reader draws, used when the locale has the
    /// character at another width (GBK draws `│` and `…` two cells wide) or not at all.
    static let lookAlikes: [Unicode.Scalar: String] = [
        "│": "|", "┃": "|", "─": "-", "┌": "+", "┐": "+", "└": "+", "┘": "+",
        "…": ".", "·": ".", "—": "-", "–": "-", "“": "\"", "”": "\"", "‘": "'", "’": "'",
    ]

    /// The text to draw instead of `cluster` in `cells` cells, or nil to draw it as it is:
    /// when a code point cannot be encoded (`encodable`), or the locale's `width` of the
    /// cluster is not `cells`, a look-alike or `?`, padded with spaces to `cells`.
    static func replacement(for cluster: String, cells: Int, encodable: (Unicode.Scalar) -> Bool,
                            width: (Unicode.Scalar) -> Int) -> String? {
        let scalars = Array(cluster.unicodeScalars)
        guard let first = scalars.first else { return nil }
        let fits = scalars.allSatisfy(encodable)
        let drawn = scalars.reduce(0) { $0 + max(0, width($1)) }
        if fits, drawn == cells { return nil }
        let stand = (fits || scalars.count == 1 ? lookAlikes[first] : nil) ?? "?"
        return stand + String(repeating: " ", count: max(0, cells - 1))
    }
}
