/// The reader's own terminal sequences for links and the clipboard: OSC 8 hyperlinks and
/// OSC 52 copies. Only these, built here from checked text, ever reach the terminal.
public enum TerminalSequences {
    /// `target` cut at its first control, space or other character that could end or change
    /// a sequence (C0, DEL, C1, white space, bidi controls).
    public static func safeTarget(_ target: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in target.unicodeScalars {
            let v = scalar.value
            if v <= 0x20 || (0x7F...0xA0).contains(v) || v == 0x1680 || (0x2000...0x200F).contains(v)
                || (0x2028...0x202F).contains(v) || (0x205F...0x206F).contains(v) || v == 0x3000 || v == 0xFEFF {
                break
            }
            out.append(scalar)
        }
        return String(out)
    }

    /// Opens an OSC 8 hyperlink to `target` (cut as `safeTarget` cuts it); nil when nothing
    /// is left of it.
    public static func hyperlinkStart(_ target: String) -> String? {
        let safe = safeTarget(target)
        guard !safe.isEmpty else { return nil }
        return "\u{1B}]8;;\(safe)\u{1B}\\"
    }

    /// Closes an OSC 8 hyperlink.
    public static let hyperlinkEnd = "\u{1B}]8;;\u{1B}\\"

    /// The largest payload a copy sends, in bytes of text before base64.
    public static let clipboardLimit = 100_000

    /// An OSC 52 sequence that puts `text` on the clipboard (`c`), base64-encoded, and whether
    /// the text was cut to `limit` bytes (at a character boundary) to fit.
    public static func clipboard(_ text: String, limit: Int = clipboardLimit) -> (sequence: String, cut: Bool) {
        let (bytes, cut) = clippedBytes(text, limit: limit)
        return ("\u{1B}]52;c;\(base64(bytes))\u{1B}\\", cut)
    }

    /// What of `text` a copy sends: all of it, or its first `limit` bytes cut at a character
    /// boundary, and whether it was cut.
    public static func clipped(_ text: String, limit: Int = clipboardLimit) -> (text: String, cut: Bool) {
        let (bytes, cut) = clippedBytes(text, limit: limit)
        return cut ? (String(decoding: bytes, as: UTF8.self), true) : (text, false)
    }

    private static func clippedBytes(_ text: String, limit: Int) -> (bytes: [UInt8], cut: Bool) {
        var bytes = Array(text.utf8)
        guard bytes.count > limit else { return (bytes, false) }
        var end = max(0, limit)
        while end > 0, bytes[end] & 0xC0 == 0x80 { end -= 1 }  // not inside a character
        bytes.removeSubrange(end...)
        return (bytes, true)
    }

    /// Standard base64 with padding.
    static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 3 <= bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)], alphabet[Int(n & 63)]]
            i += 3
        }
        let rest = bytes.count - i
        if rest > 0 {
            let n = UInt32(bytes[i]) << 16 | (rest == 2 ? UInt32(bytes[i + 1]) << 8 : 0)
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)]]
            out += rest == 2 ? [alphabet[Int(n >> 6 & 63)], UInt8(ascii: "=")] : [UInt8(ascii: "="), UInt8(ascii: "=")]
        }
        return String(decoding: out, as: UTF8.self)
    }
}
