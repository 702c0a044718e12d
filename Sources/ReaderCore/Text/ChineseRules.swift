/// The Chinese rules of docs/typography.md (GB/T 15834, W3C clreq strict) that take line break
/// opportunities away from UAX #14's: they become `.removed`, used only by an overlong run.
enum ChineseRules {
    static func apply(_ scalars: UnsafeBufferPointer<UInt32>, _ words: UnsafeBufferPointer<UInt16>,
                      _ cls: UnsafeBufferPointer<LineBreakClass>, urlWidthLimit: Int?, keepIndent: Bool,
                      ambiguousIsWide: Bool, to levels: UnsafeMutableBufferPointer<LineBreaker.BreakLevel>) {
        let n = scalars.count
        var lastNonSpace: UInt32 = 0
        for i in 1..<n {
            if scalars[i - 1] != 0x20 { lastNonSpace = scalars[i - 1] }
            guard levels[i] == .allowed else { continue }
            let s = scalars[i]
            let p = scalars[i - 1]
            if LineBreaker.isUnitHalf(s)                      // no dash or ellipsis starts a line
                || cls[i] == .ns                               // ；： after a space (UAX #14 LB18 allows it)
                || s == 0x00B7                                 // 达·芬奇
                || s == 0xFF5E || s == 0xFF0D || s == 0xFF0F   // ～ － ／ glue to what is before
                || p == 0xFF0F                                 // and ／ to what follows
                || s == 0x201D || s == 0x2019                  // a closing quote never starts a line
                || lastNonSpace == 0x201C || lastNonSpace == 0x2018 { // an opening one never ends it
                levels[i] = .removed
            }
        }
        if keepIndent {
            var k = 0
            while k < n, scalars[k] == 0x3000 { k += 1 }
            if k > 0 {
                for i in 1...min(k, n - 1) where levels[i] > .inside { levels[i] = .removed }
            }
        }
        markURLs(scalars, words, cls, widthLimit: urlWidthLimit, ambiguousIsWide: ambiguousIsWide, levels)
    }

    /// Keeps URLs that fit on a line whole, and lets a line break right before one.
    private static func markURLs(_ scalars: UnsafeBufferPointer<UInt32>, _ words: UnsafeBufferPointer<UInt16>,
                                 _ cls: UnsafeBufferPointer<LineBreakClass>, widthLimit: Int?, ambiguousIsWide: Bool,
                                 _ levels: UnsafeMutableBufferPointer<LineBreaker.BreakLevel>) {
        let n = scalars.count
        var i = 0
        while i < n {
            let s = scalars[i]
            guard s == 0x68 || s == 0x48 || s == 0x66 || s == 0x46 || s == 0x77 || s == 0x57,
                  i == 0 || !isASCIIAlphanumeric(scalars[i - 1]),
                  let end = urlEnd(scalars, from: i) else {
                i += 1
                continue
            }
            var width = 0
            for j in i..<end { width += PropertyWord.width(words[j], ambiguousIsWide: ambiguousIsWide) }
            if widthLimit == nil || width <= widthLimit! {
                for j in (i + 1)..<end where levels[j] == .allowed { levels[j] = .removed }
            }
            if i > 0, levels[i] > .inside, levels[i] != .allowed {
                switch cls[i - 1] {
                case .op, .qu, .gl, .wj, .zwj, .bb, .pr: break
                default:
                    if scalars[i - 1] != 0x201C && scalars[i - 1] != 0x2018 { levels[i] = .allowed }
                }
            }
            i = end
        }
    }

    private static let prefixes: [[UInt32]] = ["http://", "https://", "ftp://", "www."].map {
        $0.unicodeScalars.map(\.value)
    }

    /// The end of the URL starting at `start`, if one does.
    private static func urlEnd(_ scalars: UnsafeBufferPointer<UInt32>, from start: Int) -> Int? {
        let n = scalars.count
        var matched = 0
        for prefix in prefixes where start + prefix.count < n {
            var ok = true
            for (k, c) in prefix.enumerated() {
                var s = scalars[start + k]
                if s >= 0x41 && s <= 0x5A { s += 0x20 }
                if s != c { ok = false; break }
            }
            if ok { matched = prefix.count; break }
        }
        guard matched > 0 else { return nil }
        var end = start
        var parens = 0, brackets = 0
        while end < n, isURLCharacter(scalars[end]) {
            switch scalars[end] {
            case 0x28: parens += 1
            case 0x29: parens -= 1
            case 0x5B: brackets += 1
            case 0x5D: brackets -= 1
            default: break
            }
            end += 1
        }
        // Trailing sentence punctuation and unbalanced closers belong to the text, not the URL.
        while end > start + matched {
            let last = scalars[end - 1]
            if last == 0x2E || last == 0x2C || last == 0x3A || last == 0x3B || last == 0x21 || last == 0x3F {
                end -= 1
            } else if last == 0x29 && parens < 0 {
                parens += 1; end -= 1
            } else if last == 0x5D && brackets < 0 {
                brackets += 1; end -= 1
            } else {
                break
            }
        }
        return end > start + matched ? end : nil
    }

    @inline(__always)
    private static func isURLCharacter(_ s: UInt32) -> Bool {
        guard s > 0x20 && s < 0x7F else { return false }
        switch s {
        case 0x22, 0x27, 0x3C, 0x3E, 0x5C, 0x5E, 0x60, 0x7B, 0x7C, 0x7D: return false
        default: return true
        }
    }

    @inline(__always)
    private static func isASCIIAlphanumeric(_ s: UInt32) -> Bool {
        (s >= 0x30 && s <= 0x39) || (s >= 0x41 && s <= 0x5A) || (s >= 0x61 && s <= 0x7A)
    }
}
