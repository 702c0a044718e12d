/// Makes untrusted article text safe and plain for a terminal cell grid.
public enum Sanitizer {
    /// Control characters become visible placeholders (ESC is `␛`, other C0 are the control
    /// pictures, DEL `␡`, C1 and bidi controls `�`), a tab becomes a space and runs of spaces
    /// collapse to one. Nothing in the result can start a terminal control sequence.
    public static func displayable(_ text: String) -> String {
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
}
