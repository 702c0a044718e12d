/// Which line-breaking rules apply on top of UAX #14.
public enum LineBreakTailoring: Sendable, Hashable {
    /// UAX #14 as published (LB1–LB31, numbers tailored as in its Example 7, the form
    /// Unicode's LineBreakTest uses): the conformance baseline.
    case none
    /// The strict CJK tailoring (small kana and `ー` never start a line; `“ ‘` open and `” ’`
    /// close next to wide characters) plus the Chinese rules of docs/typography.md: dashes and
    /// ellipses as units, interpunct and connectors glued, the indent glued, URLs kept whole.
    case chineseStrict
}

/// Finds where lines may break (UAX #14, optionally tailored for Chinese).
public enum LineBreaker {
    /// UTF-8 offsets in `text` where a new line may start, the end of the text included
    /// (LB3); the start of the text never is. With the Chinese tailoring, URLs count as
    /// fitting on a line and no break falls inside a grapheme cluster.
    public static func breakOpportunities(_ text: String, tailoring: LineBreakTailoring = .chineseStrict) -> [Int] {
        let scalarText = ScalarText(text)
        let n = scalarText.count
        guard n > 0 else { return [] }
        var result: [Int] = []
        if tailoring == .none {
            // Plain UAX #14 answers even inside grapheme clusters (e.g. before a lone emoji modifier).
            var allowed = [Bool](repeating: false, count: n)
            scalarText.words.withUnsafeBufferPointer { words in
                scalarText.scalars.withUnsafeBufferPointer { scalars in
                    var classes = [LineBreakClass](repeating: .al, count: n)
                    classes.withUnsafeMutableBufferPointer { cls in
                        resolveClasses(words, scalars, chinese: false, into: cls)
                        allowed.withUnsafeMutableBufferPointer { UAX14.opportunities(UnsafeBufferPointer(cls), words, into: $0) }
                    }
                }
            }
            for i in 1..<n where allowed[i] { result.append(scalarText.offsets[i]) }
            result.append(scalarText.offsets[n])
            return result
        }
        var levels = [BreakLevel](repeating: .inside, count: n + 1)
        levels.withUnsafeMutableBufferPointer { out in
            computeLevels(scalarText, tailoring: tailoring, urlWidthLimit: nil, keepIndent: true,
                          ambiguousIsWide: false, into: out)
        }
        for i in 1..<n where levels[i] == .allowed { result.append(scalarText.offsets[i]) }
        result.append(scalarText.offsets[n])
        return result
    }

    // MARK: - Levels

    /// What a position between two code points is good for, best first.
    enum BreakLevel: UInt8, Comparable {
        /// Inside a grapheme cluster: never.
        case inside = 0
        /// A cluster boundary, the last resort of an overlong run.
        case cluster = 1
        /// A cluster boundary that does not cut a word: tried before `cluster`.
        case word = 2
        /// An opportunity the Chinese rules took away: tried first in an overlong run.
        case removed = 3
        /// A line break opportunity.
        case allowed = 4

        static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    }

    /// Fills `levels[i]` (position before code point `i`, `i` in `1..<count`) for a paragraph.
    /// `urlWidthLimit`: URLs no wider than this keep no opportunity inside (nil: all URLs).
    static func computeLevels(_ text: ScalarText, tailoring: LineBreakTailoring, urlWidthLimit: Int?,
                              keepIndent: Bool, ambiguousIsWide: Bool,
                              into levels: UnsafeMutableBufferPointer<BreakLevel>) {
        let n = text.count
        guard n > 1 else { return }
        text.words.withUnsafeBufferPointer { words in
            text.scalars.withUnsafeBufferPointer { scalars in
                withUnsafeTemporaryAllocation(of: LineBreakClass.self, capacity: n) { cls in
                withUnsafeTemporaryAllocation(of: Bool.self, capacity: 2 * n) { flags in
                    cls.initialize(repeating: .al)
                    flags.initialize(repeating: false)
                    let allowed = UnsafeMutableBufferPointer(rebasing: flags[0..<n])
                    let clusters = UnsafeMutableBufferPointer(rebasing: flags[n..<(2 * n)])
                    resolveClasses(words, scalars, chinese: tailoring == .chineseStrict, into: cls)
                    UAX14.opportunities(UnsafeBufferPointer(cls), words, into: allowed)
                    GraphemeBreaker.boundaries(words, into: clusters)
                    for i in 1..<n {
                        if !clusters[i] {
                            levels[i] = .inside
                        } else if allowed[i] {
                            levels[i] = .allowed
                        } else if isWordCharacter(cls[i - 1], scalars[i - 1]) && isWordCharacter(cls[i], scalars[i]) {
                            levels[i] = .cluster
                        } else if scalars[i - 1] == scalars[i] && isUnitHalf(scalars[i]) {
                            levels[i] = .cluster
                        } else {
                            levels[i] = .word
                        }
                    }
                    if tailoring == .chineseStrict {
                        ChineseRules.apply(scalars, words, UnsafeBufferPointer(cls), urlWidthLimit: urlWidthLimit,
                                           keepIndent: keepIndent, ambiguousIsWide: ambiguousIsWide, to: levels)
                    }
                }
                }
            }
        }
    }

    /// Letters, digits and marks: cutting between two of them cuts a word.
    @inline(__always)
    private static func isWordCharacter(_ c: LineBreakClass, _ scalar: UInt32) -> Bool {
        switch c {
        case .al, .hl, .nu, .cm, .zwj: return scalar != 0x20
        default: return false
        }
    }

    /// The halves of `——` and `……`.
    @inline(__always)
    static func isUnitHalf(_ s: UInt32) -> Bool {
        s == 0x2014 || s == 0x2015 || s == 0x2E3A || s == 0x2E3B || s == 0x2026 || s == 0x22EF
    }

    /// LB1 for what the table leaves open (CJ), and the strict quote tailoring.
    private static func resolveClasses(_ words: UnsafeBufferPointer<UInt16>, _ scalars: UnsafeBufferPointer<UInt32>,
                                       chinese: Bool, into cls: UnsafeMutableBufferPointer<LineBreakClass>) {
        let n = words.count
        for i in 0..<n {
            var c = unsafeBitCast(PropertyWord.lineBreak(words[i]), to: LineBreakClass.self)
            if c == .cj { c = .ns }
            cls[i] = c
        }
        guard chinese else { return }
        for i in 0..<n {
            let s = scalars[i]
            guard s == 0x201C || s == 0x2018 || s == 0x201D || s == 0x2019 else { continue }
            let wideBefore = i > 0 && PropertyWord.width(words[i - 1]) == 2
            let wideAfter = i + 1 < n && PropertyWord.width(words[i + 1]) == 2
            if wideBefore || wideAfter {
                cls[i] = (s == 0x201C || s == 0x2018) ? .op : .cl
            }
        }
    }
}
