/// How many terminal cells text takes, measured as the terminal (glibc `wcwidth`) measures it.
public enum DisplayWidth {
    /// The cells one grapheme cluster takes: 0, 1 or 2.
    public static func of(_ character: Character, ambiguousIsWide: Bool = false) -> Int {
        var width = 0
        for (i, scalar) in character.unicodeScalars.enumerated() {
            let w = scalarWidth(scalar.value, ambiguousIsWide: ambiguousIsWide)
            if i == 0 { width = w } else if w == 2 { width = 2 }
        }
        return width
    }

    /// The cells a string takes.
    public static func of<S: StringProtocol>(_ text: S, ambiguousIsWide: Bool = false) -> Int {
        var total = 0
        for character in text { total += of(character, ambiguousIsWide: ambiguousIsWide) }
        return total
    }

    static func scalarWidth(_ v: UInt32, ambiguousIsWide: Bool) -> Int {
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 {
            if ambiguousIsWide, isAmbiguous(v) { return 2 }
            return 1
        }
        if (0x300...0x36F).contains(v) || (0x200B...0x200F).contains(v) || v == 0xFE0F || v == 0xFE0E { return 0 }
        if isWide(v) { return 2 }
        if ambiguousIsWide, isAmbiguous(v) { return 2 }
        return 1
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    static func isAmbiguous(_ v: UInt32) -> Bool {
        switch v {
        case 0xA1, 0xA4, 0xA7, 0xA8, 0xAA, 0xAD, 0xAE, 0xB0...0xB4, 0xB6...0xBA, 0xBC...0xBF,
             0x2010, 0x2013...0x2016, 0x2018, 0x2019, 0x201C, 0x201D, 0x2020...0x2022, 0x2024...0x2027,
             0x2030, 0x2032, 0x2033, 0x2035, 0x203B, 0x203E:
            return true
        default:
            return false
        }
    }
}
