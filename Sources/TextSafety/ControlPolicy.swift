/// What a control or format character becomes wherever text meets a terminal: the one table
/// the sanitizer, the screen, the terminal session and every line the command line prints
/// follow.
///
/// Text from articles, file names and user files is untrusted. A C0 or C1 control, DEL or ESC
/// could start a terminal control sequence (retitle the window, hide output, move the
/// cursor); a bidi control reorders what follows it; a line separator breaks a row the layout
/// counted as one. None of them reaches a terminal, stdout or stderr as it is.
///
/// | characters                                              | become                         |
/// |---------------------------------------------------------|--------------------------------|
/// | tab; line breaks LF VT FF CR, NEL, U+2028, U+2029       | a space                        |
/// | other C0 controls U+0000–U+001F (ESC among them)        | their control picture (`␛`)    |
/// | DEL U+007F                                              | `␡`                            |
/// | other C1 controls U+0080–U+009F                         | `�`                            |
/// | bidi embeddings, overrides, isolates U+202A–U+202E, U+2066–U+2069 | `�` (a sign that something was there) |
/// | bidi marks U+200E, U+200F, U+061C; U+FEFF; deprecated format controls U+206A–U+206F; interlinear annotation U+FFF9–U+FFFB | dropped (invisible) |
/// | everything else                                         | kept                           |
public enum ControlPolicy {
    /// What one character becomes.
    public enum Treatment: Hashable, Sendable {
        /// Safe as it is.
        case keep
        /// Shown as this character instead.
        case replace(Unicode.Scalar)
        /// Left out.
        case drop
    }

    /// The table above, for one code point.
    @inline(__always)
    public static func treatment(of scalar: Unicode.Scalar) -> Treatment {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return .keep }
        switch v {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029:
            return .replace(" ")
        case 0x00...0x1F:
            return .replace(Unicode.Scalar(0x2400 + v)!)
        case 0x7F:
            return .replace("\u{2421}")
        case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069:
            return .replace("\u{FFFD}")
        case 0x061C, 0x200E, 0x200F, 0xFEFF, 0x206A...0x206F, 0xFFF9...0xFFFB:
            return .drop
        default:
            return .keep
        }
    }

    /// Whether a code point may go to a terminal as it is.
    @inline(__always)
    public static func isSafe(_ scalar: Unicode.Scalar) -> Bool {
        treatment(of: scalar) == .keep
    }

    /// `text` with the table applied: the only form in which untrusted text is printed.
    /// Clean text (the common case) is returned as it is after one byte scan, without a copy.
    public static func apply(_ text: String) -> String {
        if isClean(text) { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch treatment(of: scalar) {
            case .keep: out.append(scalar)
            case .replace(let shown): out.append(shown)
            case .drop: break
            }
        }
        return String(out)
    }

    /// Whether `text` holds nothing the table changes: a scan of its UTF-8 bytes.
    public static func isClean(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(isClean)
    }

    /// Whether these UTF-8 bytes hold nothing the table changes.
    public static func isClean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        var i = 0
        while i < n {
            // Eight bytes at a time while none of them can start what the table changes
            // (a byte below space, DEL, or the lead bytes 0xC2, 0xD8, 0xE2, 0xEF).
            while i + 8 <= n {
                let word = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self))
                if mayStartChange(word) { break }
                i += 8
            }
            guard i < n else { break }
            let b = bytes[i]
            if b >= 0x20 && b != 0x7F && b != 0xC2 && b != 0xD8 && b != 0xE2 && b != 0xEF {
                i += 1
                continue
            }
            if b < 0x80 { return false }
            let b1: UInt8 = i + 1 < n ? bytes[i + 1] : 0
            let b2: UInt8 = i + 2 < n ? bytes[i + 2] : 0
            switch b {
            case 0xC2 where b1 < 0xA0:                                        // C1, NEL
                return false
            case 0xD8 where b1 == 0x9C:                                       // U+061C
                return false
            case 0xE2 where b1 == 0x80 && (b2 == 0x8E || b2 == 0x8F || (0xA8...0xAE).contains(b2)):
                return false                                                  // U+200E/F, U+2028–202E
            case 0xE2 where b1 == 0x81 && (0xA6...0xAF).contains(b2):         // U+2066–206F
                return false
            case 0xEF where (b1 == 0xBB && b2 == 0xBF) || (b1 == 0xBF && (0xB9...0xBB).contains(b2)):
                return false                                                  // U+FEFF, U+FFF9–FFFB
            default:
                break
            }
            i += 1
        }
        return true
    }

    /// Whether one of the eight bytes of `word` is below 0x20, or 0x7F, 0xC2, 0xD8, 0xE2 or
    /// 0xEF (exact: no byte is missed, and none is said that is not there).
    @inline(__always)
    static func mayStartChange(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        // A byte below 0x20: below 0x20 after the bytes of 0x80 and above are set aside.
        let below = (word &- ones &* 0x20) & ~word & highs != 0
        return below || hasZero(word ^ (ones &* 0x7F)) || hasZero(word ^ (ones &* 0xC2))
            || hasZero(word ^ (ones &* 0xD8)) || hasZero(word ^ (ones &* 0xE2)) || hasZero(word ^ (ones &* 0xEF))
    }
}
