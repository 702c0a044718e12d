/// Makes untrusted article text safe and plain for a terminal cell grid.
public enum Sanitizer {
    /// Control characters become visible placeholders (ESC is `␛`, other C0 are the control
    /// pictures, DEL `␡`, C1 and bidi controls `�`), a tab becomes a space and runs of spaces
    /// collapse to one. Nothing in the result can start a terminal control sequence.
    public static func displayable(_ text: String) -> String {
        if isAlreadyDisplayable(text) { return text }
        var out = String.UnicodeScalarView()
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            var s = scalar
            switch scalar.value {
            case 0x09, 0x20:
                if lastWasSpace { continue }
                lastWasSpace = true
                out.append(" ")
                continue
            case 0x00...0x1F:
                s = Unicode.Scalar(0x2400 + scalar.value)!
            case 0x7F:
                s = "\u{2421}"
            case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069:
                s = "\u{FFFD}"
            default:
                break
            }
            lastWasSpace = false
            out.append(s)
        }
        return String(out)
    }

    /// Whether the text holds nothing to replace: a byte scan, so clean text costs no copy.
    private static func isAlreadyDisplayable(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var previous: UInt8 = 0
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b < 0x20 || b == 0x7F { return false }
                if b == 0x20 && previous == 0x20 { return false }
                if b == 0xC2, i + 1 < n, bytes[i + 1] < 0xA0 { return false }          // C1
                if b == 0xE2, i + 2 < n {
                    let b1 = bytes[i + 1], b2 = bytes[i + 2]
                    if b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE { return false }        // U+202A-202E
                    if b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9 { return false }        // U+2066-2069
                }
                previous = b
                i += 1
            }
            return true
        }
    }

    /// A line of a code block made safe, its spacing kept: tabs become spaces up to the next
    /// multiple of four columns, runs of spaces stay, control characters become placeholders
    /// as in `displayable`.
    public static func verbatim(_ line: String) -> String {
        var out = String.UnicodeScalarView()
        var column = 0
        for scalar in line.unicodeScalars {
            switch scalar.value {
            case 0x09:
                let next = (column / 4 + 1) * 4
                while column < next { out.append(" "); column += 1 }
                continue
            case 0x20:
                out.append(scalar)
            case 0x00...0x1F:
                out.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F:
                out.append("\u{2421}")
            case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069:
                out.append("\u{FFFD}")
            default:
                out.append(scalar)
            }
            column += 1
        }
        return String(out)
    }
}
