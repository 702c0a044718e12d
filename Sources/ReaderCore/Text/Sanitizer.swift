import TextSafety

/// Makes untrusted article text safe and plain for a terminal cell grid.
public enum Sanitizer {
    /// Control and format characters become what `ControlPolicy` says (a tab or a line break
    /// a space, ESC `␛`, other C0 their control pictures, DEL `␡`, C1 and bidi embeddings `�`,
    /// bidi marks nothing), and runs of spaces collapse to one. Nothing in the result can
    /// start a terminal control sequence or reorder a row.
    public static func displayable(_ text: String) -> String {
        if isAlreadyDisplayable(text) { return text }
        var out = String.UnicodeScalarView()
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            var s = scalar
            switch ControlPolicy.treatment(of: scalar) {
            case .keep: break
            case .replace(let shown): s = shown
            case .drop: continue
            }
            if s == " " {
                if lastWasSpace { continue }
                lastWasSpace = true
            } else {
                lastWasSpace = false
            }
            out.append(s)
        }
        return String(out)
    }

    /// Whether the text holds nothing to replace: a byte scan, so clean text costs no copy.
    private static func isAlreadyDisplayable(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard ControlPolicy.isClean(bytes) else { return false }
            var previous: UInt8 = 0
            for b in bytes {
                if b == 0x20 && previous == 0x20 { return false }
                previous = b
            }
            return true
        }
    }
}
