/// Splitting decoded text into lines, fast on large files.
enum TextLines {
    /// The lines of `text`, split at LF, CRLF and CR, with white space (including the
    /// ideographic space U+3000 and a leading BOM) trimmed from both ends of each line.
    static func trimmedLines(_ text: String, keepingIndent: Bool = false) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var lines: [String] = []
            var start = 0
            var i = 0
            let count = bytes.count
            while i < count {
                let byte = bytes[i]
                if byte == 0x0A || byte == 0x0D {
                    lines.append(trimmed(UnsafeBufferPointer(rebasing: bytes[start..<i]), keepingIndent: keepingIndent))
                    i += 1
                    if byte == 0x0D, i < count, bytes[i] == 0x0A { i += 1 }
                    start = i
                } else {
                    i += 1
                }
            }
            lines.append(trimmed(UnsafeBufferPointer(rebasing: bytes[start..<count]), keepingIndent: keepingIndent))
            return lines
        }
    }

    /// A line of valid UTF-8 as a String, blanks trimmed from both ends. With `keepingIndent`,
    /// a leading run of ideographic spaces (U+3000, a Chinese paragraph's indent) is kept.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, keepingIndent: Bool = false) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[trimmedRange(bytes, keepingIndent: keepingIndent)]), as: UTF8.self)
    }

    /// The part of a line of valid UTF-8 that `trimmed(_:keepingIndent:)` keeps.
    static func trimmedRange(_ bytes: UnsafeBufferPointer<UInt8>, keepingIndent: Bool = false) -> Range<Int> {
        var lower = 0
        var upper = bytes.count
        while lower < upper {
            let (scalar, length) = scalarAt(bytes, lower)
            guard isBlank(scalar), !(keepingIndent && scalar.value == 0x3000) else { break }
            lower += length
        }
        while upper > lower {
            var start = upper - 1
            while start > lower, bytes[start] & 0xC0 == 0x80 { start -= 1 }
            guard isBlank(scalarAt(bytes, start).0) else { break }
            upper = start
        }
        return lower..<upper
    }

    /// The scalar starting at `i` of valid UTF-8, and its length in bytes.
    static func scalarAt(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Unicode.Scalar, Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
        let length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2
        guard i + length <= bytes.count else { return ("\u{FFFD}", 1) }
        var value = b0 & (0xFF >> (length + 1))
        for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// The same as `trimmed(_:)`, for a piece of a String.
    static func trimmed(_ line: Substring) -> String {
        var s = String(line)
        return s.withUTF8 { trimmed($0) }
    }

    /// `line` without a leading ideographic-space indent.
    static func withoutIndent(_ line: String) -> String {
        guard line.unicodeScalars.first == "\u{3000}" else { return line }
        return String(line.unicodeScalars.drop { $0 == "\u{3000}" })
    }

    static func isBlank(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0x0B, 0x0C, 0xA0, 0x3000, 0xFEFF, 0x200B: return true
        case 0x85, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F: return true
        default: return false
        }
    }
}

extension TextLines {
    /// Whether `text` contains `needle`, compared as UTF-8 bytes (much faster than Foundation's
    /// locale-aware search, and the same for the plain strings the parsers look for).
    static func contains(_ text: String, _ needle: String) -> Bool {
        var text = text
        var needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { pattern in
                guard let first = pattern.first else { return true }
                guard pattern.count <= haystack.count else { return false }
                let last = haystack.count - pattern.count
                var i = 0
                while i <= last {
                    if haystack[i] == first {
                        var j = 1
                        while j < pattern.count, haystack[i + j] == pattern[j] { j += 1 }
                        if j == pattern.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}

extension StringProtocol {
    /// `hasPrefix`, byte for byte: the stdlib's compares characters under canonical
    /// equivalence, which is many times slower on Chinese text and not needed for syntax.
    @inline(__always)
    func hasBytePrefix(_ prefix: String) -> Bool {
        utf8.starts(with: prefix.utf8)
    }

    /// `hasSuffix`, byte for byte.
    @inline(__always)
    func hasByteSuffix(_ suffix: String) -> Bool {
        utf8.reversed().starts(with: suffix.utf8.reversed())
    }
}
