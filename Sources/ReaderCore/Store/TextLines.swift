/// Splitting decoded text into lines, fast on large files.
enum TextLines {
    /// The lines of `text`, split at LF, CRLF and CR, with white space (including the
    /// ideographic space U+3000 and a leading BOM) trimmed from both ends of each line.
    static func trimmedLines(_ text: String) -> [String] {
        var lines: [String] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var i = start
        while i != utf8.endIndex {
            let byte = utf8[i]
            if byte == 0x0A || byte == 0x0D {
                lines.append(trimmed(text[start..<i]))
                var next = utf8.index(after: i)
                if byte == 0x0D, next != utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
                start = next
                i = next
            } else {
                i = utf8.index(after: i)
            }
        }
        lines.append(trimmed(text[start..<utf8.endIndex]))
        return lines
    }

    static func trimmed(_ line: Substring) -> String {
        let scalars = line.unicodeScalars
        var lower = scalars.startIndex
        var upper = scalars.endIndex
        while lower != upper, isBlank(scalars[lower]) { lower = scalars.index(after: lower) }
        while upper != lower, isBlank(scalars[scalars.index(before: upper)]) { upper = scalars.index(before: upper) }
        return String(Substring(scalars[lower..<upper]))
    }

    static func isBlank(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0x0B, 0x0C, 0xA0, 0x3000, 0xFEFF, 0x200B: return true
        case 0..<0x80: return false
        default: return s.properties.isWhitespace
        }
    }
}
