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
        forEachShown(text) { _, shown in if let shown { out.append(shown) } }
        return String(out)
    }

    /// `displayable(text)` with `spans` (UTF-8 ranges of `text`) moved to where their text
    /// went: a link or a style around characters that were replaced keeps covering what
    /// shows in their place. A span left empty is dropped. One pass over the text.
    public static func displayable(_ text: String, spans: [InlineSpan]) -> (text: String, spans: [InlineSpan]) {
        if isAlreadyDisplayable(text) { return (text, spans) }
        // Where each UTF-8 offset of `text` lands in the result (offsets at scalar starts).
        var offsets = [Int](repeating: 0, count: text.utf8.count + 1)
        var out = String.UnicodeScalarView()
        var written = 0, read = 0
        forEachShown(text) { scalar, shown in
            let length = UTF8.width(scalar)
            for k in 0..<length { offsets[read + k] = written }
            read += length
            if let shown {
                out.append(shown)
                written += UTF8.width(shown)
            }
        }
        offsets[read] = written
        let moved = spans.compactMap { span -> InlineSpan? in
            guard span.range.lowerBound >= 0, span.range.upperBound < offsets.count else { return nil }
            let range = offsets[span.range.lowerBound]..<offsets[span.range.upperBound]
            return range.isEmpty ? nil : InlineSpan(span.kind, range)
        }
        return (String(out), moved)
    }

    /// Each scalar of `text` with what shows in its place: `ControlPolicy`'s treatment, and
    /// nil for a scalar dropped or a space after a space (runs of spaces collapse to one).
    private static func forEachShown(_ text: String, _ body: (_ scalar: Unicode.Scalar, _ shown: Unicode.Scalar?) -> Void) {
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            var s = scalar
            switch ControlPolicy.treatment(of: scalar) {
            case .keep: break
            case .replace(let shown): s = shown
            case .drop:
                body(scalar, nil)
                continue
            }
            if s == " " {
                if lastWasSpace {
                    body(scalar, nil)
                    continue
                }
                lastWasSpace = true
            } else {
                lastWasSpace = false
            }
            body(scalar, s)
        }
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

    /// A line of a code block made safe, its spacing kept: tabs become spaces up to the next
    /// multiple of four columns, runs of spaces stay, other control and format characters
    /// become what `ControlPolicy` says.
    public static func verbatim(_ line: String) -> String {
        var out = String.UnicodeScalarView()
        var column = 0
        for scalar in line.unicodeScalars {
            if scalar == "\t" {
                let next = (column / 4 + 1) * 4
                while column < next { out.append(" "); column += 1 }
                continue
            }
            switch ControlPolicy.treatment(of: scalar) {
            case .keep: out.append(scalar)
            case .replace(let shown): out.append(shown)
            case .drop: continue
            }
            column += 1
        }
        return String(out)
    }
}
