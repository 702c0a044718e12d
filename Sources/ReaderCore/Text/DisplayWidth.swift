/// How many terminal cells text takes, measured as the terminal (glibc `wcwidth`) measures it.
///
/// ncurses gives every code point of a string the cells `wcwidth` gives it and attaches the
/// zero-width ones to the cell before, so a grapheme cluster takes the sum of its code points'
/// widths: `中` 2, `é` (e + U+0301) 1, `🇨🇳` 2. East Asian Wide and Fullwidth characters take 2,
/// combining marks and format characters 0, controls 0 (they never reach the terminal), the
/// rest 1; East Asian Ambiguous characters (`“ ” — … ·`) take 2 when `ambiguousIsWide`.
public enum DisplayWidth {
    /// The cells one grapheme cluster takes.
    public static func of(_ character: Character, ambiguousIsWide: Bool = false) -> Int {
        let table = UnicodeProperties.shared
        var width = 0
        for scalar in character.unicodeScalars {
            width += PropertyWord.width(table.word(scalar.value), ambiguousIsWide: ambiguousIsWide)
        }
        return width
    }

    /// The cells a string takes.
    public static func of<S: StringProtocol>(_ text: S, ambiguousIsWide: Bool = false) -> Int {
        let table = UnicodeProperties.shared
        var width = 0
        for scalar in text.unicodeScalars {
            width += PropertyWord.width(table.word(scalar.value), ambiguousIsWide: ambiguousIsWide)
        }
        return width
    }

    /// The cells `text` takes, counted only until they pass `limit` (a number above `limit`
    /// then): enough to compare with a bound without walking a whole paragraph.
    public static func of<S: StringProtocol>(_ text: S, upTo limit: Int, ambiguousIsWide: Bool = false) -> Int {
        let table = UnicodeProperties.shared
        var width = 0
        for scalar in text.unicodeScalars {
            width += PropertyWord.width(table.word(scalar.value), ambiguousIsWide: ambiguousIsWide)
            if width > limit { return width }
        }
        return width
    }

    /// The cells one code point takes (0, 1 or 2); what `wcwidth` answers in a UTF-8 locale,
    /// except that controls count 0 instead of -1.
    public static func of(scalar: Unicode.Scalar, ambiguousIsWide: Bool = false) -> Int {
        PropertyWord.width(UnicodeProperties.shared.word(scalar.value), ambiguousIsWide: ambiguousIsWide)
    }
}
