/// What a cell shows when the terminal would not draw its character as the screen laid it
/// out: in a locale whose character set is not UTF-8 (GB18030, GBK, Big5, EUC-JP), which
/// only takes what it can encode at the width it gives; and on a terminal that draws East
/// Asian ambiguous characters two cells wide, which ncursesw (measuring them one cell wide
/// in a UTF-8 locale) would otherwise write one cell off.
enum LocaleGlyph {
    /// One-cell look-alikes for the frame and punctuation the reader draws.
    static let lookAlikes: [Unicode.Scalar: String] = [
        "│": "|", "┃": "|", "─": "-", "┌": "+", "┐": "+", "└": "+", "┘": "+",
        "…": ".", "·": ".", "—": "-", "–": "-", "“": "\"", "”": "\"", "‘": "'", "’": "'",
    ]
    /// Two-cell look-alikes (full-width forms, which everyone draws two cells wide) for
    /// punctuation laid out two cells wide.
    static let wideLookAlikes: [Unicode.Scalar: String] = [
        "“": "＂", "”": "＂", "‘": "＇", "’": "＇", "…": "．", "·": "・", "—": "－", "–": "－",
        "│": "｜", "─": "－",
    ]

    /// The text to draw instead of `cluster` in `cells` cells, or nil to draw it as it is.
    ///
    /// It is drawn as it is when every code point can be encoded (`encodable`), ncurses gives
    /// it `cells` cells (`width`, the C library's) and so does the terminal (`drawn`, when it
    /// is known to differ from the C library). Otherwise it is `?` padded with spaces to
    /// `cells` when it cannot be encoded, and a look-alike of the right width (or `?`) when
    /// it can but would take another width.
    static func replacement(for cluster: String, cells: Int, encodable: (Unicode.Scalar) -> Bool,
                            width: (Unicode.Scalar) -> Int, drawn: ((String) -> Int)? = nil) -> String? {
        let scalars = Array(cluster.unicodeScalars)
        guard let first = scalars.first else { return nil }
        let fits = scalars.allSatisfy(encodable)
        let measured = scalars.reduce(0) { $0 + max(0, width($1)) }
        if fits, measured == cells, (drawn?(cluster) ?? measured) == cells { return nil }
        // A character the locale cannot encode is a `?`; one it has at another width, a look-alike.
        if fits, scalars.count == 1 {
            if cells == 2, let wide = wideLookAlikes[first], wide.unicodeScalars.allSatisfy(encodable) { return wide }
            if let narrow = lookAlikes[first] { return narrow + String(repeating: " ", count: max(0, cells - 1)) }
        }
        return "?" + String(repeating: " ", count: max(0, cells - 1))
    }
}
