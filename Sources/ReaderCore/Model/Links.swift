/// Finding links in plain text and making their targets safe to hand to a terminal.
public enum Links {
    /// `url` cut at its first control character or white space: what may follow a link's
    /// text into a terminal sequence (OSC 8) or the clipboard (OSC 52).
    public static func safeTarget(_ url: String) -> String {
        var end = url.unicodeScalars.startIndex
        for index in url.unicodeScalars.indices {
            let v = url.unicodeScalars[index].value
            if v <= 0x20 || (0x7F...0xA0).contains(v) || v == 0x1680 || (0x2000...0x200B).contains(v)
                || v == 0x2028 || v == 0x2029 || v == 0x202F || v == 0x205F || v == 0x3000 || v == 0xFEFF
                || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) {
                return String(url.unicodeScalars[..<index])
            }
            end = url.unicodeScalars.index(after: index)
        }
        return String(url.unicodeScalars[..<end])
    }

    /// The bare URLs (`http://`, `https://`, `www.`) in `text`, as UTF-8 ranges: a URL runs
    /// to the first space, control, non-ASCII or quoting character; sentence punctuation and
    /// an unbalanced closing bracket at its end are not part of it. One pass over the bytes.
    public static func bareURLs(in text: String) -> [Range<Int>] {
        let bytes = Array(text.utf8)
        let n = bytes.count
        var found: [Range<Int>] = []
        var i = 0
        func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
        func startsWith(_ prefix: String, at k: Int) -> Bool {
            let p = Array(prefix.utf8)
            guard k + p.count <= n else { return false }
            for j in 0..<p.count where lower(bytes[k + j]) != p[j] { return false }
            return true
        }
        func isWord(_ b: UInt8) -> Bool { (lower(b) >= 0x61 && lower(b) <= 0x7A) || (b >= 0x30 && b <= 0x39) }
        func isURLByte(_ b: UInt8) -> Bool {
            guard b > 0x20 && b < 0x7F else { return false }
            switch b {
            case 0x22, 0x27, 0x3C, 0x3E, 0x5C, 0x5E, 0x60, 0x7B, 0x7C, 0x7D: return false
            default: return true
            }
        }
        while i < n {
            let b = lower(bytes[i])
            guard b == UInt8(ascii: "h") || b == UInt8(ascii: "w"), i == 0 || !isWord(bytes[i - 1]) else { i += 1; continue }
            var prefix = 0
            for p in ["https://", "http://", "www."] where startsWith(p, at: i) { prefix = p.utf8.count; break }
            guard prefix > 0 else { i += 1; continue }
            var end = i + prefix
            var parens = 0
            while end < n, isURLByte(bytes[end]) {
                if bytes[end] == UInt8(ascii: "(") { parens += 1 }
                if bytes[end] == UInt8(ascii: ")") { parens -= 1 }
                end += 1
            }
            while end > i + prefix {
                let last = bytes[end - 1]
                if ".,:;!?".utf8.contains(last) {
                    end -= 1
                } else if last == UInt8(ascii: ")"), parens < 0 {
                    parens += 1
                    end -= 1
                } else {
                    break
                }
            }
            if end > i + prefix { found.append(i..<end) }
            i = max(end, i + 1)
        }
        return found
    }

    /// Link spans for the bare URLs of `text` (a `www.` address leads to `http://www.…`).
    public static func bareURLSpans(in text: String) -> [InlineSpan] {
        let utf8 = Array(text.utf8)
        return bareURLs(in: text).map { range in
            var target = String(decoding: utf8[range], as: UTF8.self)
            if target.lowercased().hasPrefix("www.") { target = "http://" + target }
            return InlineSpan(.link(safeTarget(target)), range)
        }
    }
}
