#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An article's text folded once for searching, so that each keystroke's search is one scan.
///
/// Build it from the text blocks the reading pane shows, in reading order (title, lead, body
/// paragraphs), already sanitized; then call ``search(_:)`` with whatever the reader has typed.
/// Matching runs on the text, not on wrapped lines: a match may cross what the pane shows as a
/// soft wrap, never the end of a block.
///
/// How text matches:
/// - **Smart case.** A query without capitals ignores case (`swift` finds `Swift`, `SWIFT`);
///   a query with any capital letter matches case exactly (`Swift` finds only `Swift`). This
///   holds for every cased script (Latin, Greek, Cyrillic); CJK has no case.
/// - **Width.** Full-width and half-width forms match each other, both ways: `ＡＢＣ`/`ABC`,
///   `１２３`/`123`, `，`/`,`, `：`/`:`, `？`/`?` (the whole U+FF01–U+FF5E block), U+3000 and a
///   space, half-width katakana and katakana. See `TextFolding`.
/// - **Whole grapheme clusters.** A match starts and ends on cluster boundaries of the text:
///   `e` does not find the `e` of `é` written as `e` + U+0301, and a lone combining mark finds
///   nothing. Clusters of several scalars compare in NFC, so `é` finds `é` however either is
///   written.
/// - **Non-overlapping, left to right.** `aa` in `aaaa` gives two matches (at 0 and 2), as in
///   `less`, `grep -o` and a browser's find bar. Every highlighted run is then exactly one
///   match, the count the status bar shows is the count the eye sees, and each `n` moves to a
///   new highlight instead of one character along the same one (`哈哈` in `哈哈哈哈` is two
///   laughs, not three).
/// - An empty query, or one longer than the text, has no matches.
/// - **Variants** (with `MatchOptions.variants`): simplified and traditional characters match
///   each other, one character at a time (`乡村图书馆` finds `鄉村圖書館`); both text and query
///   are folded to canonical forms (`ChineseVariants`), and a match whose text as written
///   differs from the query is a ``SearchMatch/Kind/variant`` one.
/// - **Pinyin** (with `MatchOptions.pinyin`): a query of Latin letters also finds runs of Han
///   characters that spell it, in full or by initials (`xczx` finds `乡村振兴`), as
///   ``SearchMatch/Kind/pinyin`` matches merged in reading order (see `PinyinQuery`).
///
/// Cost: building is linear in the text (a few milliseconds per megabyte of Han, kana, Latin,
/// Greek or Cyrillic text; clusters of several scalars cost more; about three times that with
/// variants and pinyin); a search is a `memchr` scan for the query's rarest byte followed by a
/// `memcmp` at each candidate, well under a millisecond per megabyte for typical queries, plus,
/// for a pinyin query, a walk over the Han characters whose readings start with its first
/// letter. Memory is about six bytes per byte of text (ten when lower-casing changes the
/// length of some letter's UTF-8, as `Ⱥ` → `ⱥ`); variants add two, pinyin about sixteen per
/// Han character (five per byte of Han text).
public struct SearchIndex: Sendable {
    /// The text folded with case kept (for queries with capitals).
    let exact: FoldedText
    /// The text folded with case ignored (for queries without capitals).
    let caseless: FoldedText
    /// `exact` and `caseless` with every Han character in its canonical variant, when
    /// variants are matched (the same folds when no character of the text changes).
    let variantFolds: (exact: FoldedText, caseless: FoldedText)?
    /// The table `variantFolds` were folded with (queries are folded with it too).
    let variants: ChineseVariants?
    /// The Han characters and their readings, when pinyin is matched.
    let pinyin: PinyinTrack?
    /// The kinds of match asked for; `variants` is off here when OpenCC's data is missing.
    public let options: MatchOptions

    /// Folds `blocks` (title, lead, paragraphs, … as displayed) for searching, matching the
    /// text as written and, as `options` asks, across variants and by pinyin.
    public init(blocks: [String], options: MatchOptions = .exact) {
        self.init(blocks: blocks, options: options, variants: ChineseVariants.shared)
    }

    /// Folds `blocks` with the variant table `variants` (or, when it failed to load, without:
    /// matching is then as if `options.variants` were off).
    init(blocks: [String], options: MatchOptions, variants: Result<ChineseVariants, ChineseVariants.LoadError>) {
        (exact, caseless) = FoldedText.fold(blocks: blocks)
        var options = options
        if options.variants, case .success(let table) = variants {
            self.variants = table
            let caseless = caseless
            // A text without a character to change is its own fold (a query may still have one).
            variantFolds = exact.mappingVariants(table).map { ($0, caseless.mappingVariants(table) ?? caseless) }
                ?? (exact, caseless)
        } else {
            options.variants = false
            self.variants = nil
            variantFolds = nil
        }
        pinyin = options.pinyin ? PinyinTrack(exact) : nil
        self.options = options
    }

    /// Folds `blocks` one grapheme cluster at a time with `TextFolding`: the reference the
    /// table-driven fold of ``init(blocks:)`` must equal, byte for byte.
    init(foldingClusterByCluster blocks: [String]) {
        var exact = FoldedText.Builder(capacity: blocks.reduce(0) { $0 + $1.utf8.count })
        var caseless = exact
        for block in blocks {
            exact.beginBlock()
            caseless.beginBlock()
            var offset = 0
            for character in block {
                exact.append(character, at: offset, foldingCase: false)
                caseless.append(character, at: offset, foldingCase: true)
                offset += character.utf8.count
            }
            exact.endBlock(length: offset)
            caseless.endBlock(length: offset)
        }
        self.exact = exact.build()
        self.caseless = caseless.build()
        (variantFolds, variants, pinyin, options) = (nil, nil, nil, .exact)
    }

    /// The number of blocks searched.
    public var blockCount: Int { exact.blockStarts.count }

    /// All matches of `query`, in reading order: the text as written, across variants and by
    /// pinyin as the index's options allow, each with its kind. Pinyin matches lie on Han
    /// characters and literal ones of a Latin query on Latin text, so they never overlap.
    public func search(_ query: String) -> SearchResults {
        guard !query.isEmpty else { return SearchResults(matches: []) }
        let foldingCase = !TextFolding.hasUpperCase(query)
        var needle: [UInt8] = []
        needle.reserveCapacity(query.utf8.count)
        for character in query {
            TextFolding.appendUTF8(of: character, foldingCase: foldingCase, to: &needle)
        }
        var found: [SearchMatch]
        if let variants, let folds = variantFolds {
            var folded = needle
            folded.withUnsafeMutableBufferPointer { variants.fold(utf8: $0) }
            let plain = foldingCase ? caseless : exact
            found = (foldingCase ? folds.caseless : folds.exact).matches(of: folded, literal: (plain.bytes, needle))
        } else {
            found = (foldingCase ? caseless : exact).matches(of: needle)
        }
        if let pinyin, let query = PinyinQuery(query) {
            let spelt = pinyin.matches(of: query)
            if !spelt.isEmpty { found = found.isEmpty ? spelt : Self.merge(found, spelt) }
        }
        return SearchResults(matches: found)
    }

    /// Two lists of matches in reading order, merged; where two overlap, the first to start
    /// stays (the literal one when both start together).
    static func merge(_ a: [SearchMatch], _ b: [SearchMatch]) -> [SearchMatch] {
        var merged: [SearchMatch] = []
        merged.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            let next: SearchMatch
            if j == b.count || (i < a.count && a[i].start <= b[j].start) {
                next = a[i]; i += 1
            } else {
                next = b[j]; j += 1
            }
            if let last = merged.last, last.block == next.block, next.range.lowerBound < last.range.upperBound { continue }
            merged.append(next)
        }
        return merged
    }
}

// MARK: - Folded text

/// Folded UTF-8 of all blocks, each block followed by a 0xFF byte (never in UTF-8, so never in
/// a query), with the way back to the original offsets.
struct FoldedText: Sendable {
    /// The folded bytes.
    let bytes: FoldedBuffer<UInt8>
    /// For each folded byte that starts a grapheme cluster, the cluster's UTF-8 offset in its
    /// original block; for each block's 0xFF, the block's length; `UInt32.max` for bytes inside
    /// a cluster (a match may neither start nor end there).
    let origin: FoldedBuffer<UInt32>
    /// Where each block starts in `bytes`.
    let blockStarts: [Int]
    /// How often each byte value occurs in `bytes`: the scan looks for the query's rarest byte.
    let histogram: [Int]

    static let inside = UInt32.max

    struct Builder {
        var bytes: [UInt8] = []
        var origin: [UInt32] = []
        var blockStarts: [Int] = []

        init(capacity: Int) {
            bytes.reserveCapacity(capacity + capacity / 8)
            origin.reserveCapacity(capacity + capacity / 8)
        }

        mutating func beginBlock() { blockStarts.append(bytes.count) }

        @inline(__always)
        mutating func append(_ character: Character, at offset: Int, foldingCase: Bool) {
            let start = bytes.count
            TextFolding.appendUTF8(of: character, foldingCase: foldingCase, to: &bytes)
            guard bytes.count > start else { return }
            origin.append(UInt32(truncatingIfNeeded: offset))
            for _ in (start + 1)..<bytes.count { origin.append(FoldedText.inside) }
        }

        mutating func endBlock(length: Int) {
            bytes.append(0xFF)
            origin.append(UInt32(truncatingIfNeeded: length))
        }

        func build() -> FoldedText {
            let bytes = FoldedBuffer(copying: bytes)
            return FoldedText(bytes: bytes, origin: FoldedBuffer(copying: origin), blockStarts: blockStarts,
                              histogram: FoldedText.histogram(of: bytes))
        }
    }

    /// This text with every Han character in its canonical variant (same layout, so the
    /// origins are shared); nil when no character changes.
    func mappingVariants(_ table: ChineseVariants) -> FoldedText? {
        guard bytes.count > 0 else { return nil }
        var mapped = bytes.elements
        mapped.withUnsafeMutableBufferPointer { table.fold(utf8: $0) }
        let changed = bytes.withUnsafeBufferPointer { original in
            mapped.withUnsafeBufferPointer { memcmp(original.baseAddress!, $0.baseAddress!, $0.count) != 0 }
        }
        guard changed else { return nil }
        let buffer = FoldedBuffer(copying: mapped)
        return FoldedText(bytes: buffer, origin: origin, blockStarts: blockStarts, histogram: FoldedText.histogram(of: buffer))
    }

    /// The non-overlapping matches of `needle` (folded the same way), left to right. With
    /// `literal` (the text before variant folding, and the needle before it), a match whose
    /// bytes there differ from that needle is a ``SearchMatch/Kind/variant`` one.
    func matches(of needle: [UInt8], literal: (bytes: FoldedBuffer<UInt8>, needle: [UInt8])? = nil) -> [SearchMatch] {
        let m = needle.count
        let n = bytes.count
        guard m > 0, m < n else { return [] }
        // Scan for the needle byte that is rarest in the text; check the rest with memcmp.
        var pivot = 0
        for j in 1..<m where histogram[Int(needle[j])] < histogram[Int(needle[pivot])] { pivot = j }
        if histogram[Int(needle[pivot])] == 0 { return [] }
        let pivotByte = Int32(needle[pivot])

        var found: [SearchMatch] = []
        var block = 0
        bytes.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { needleBuffer in
                origin.withUnsafeBufferPointer { origin in
                    let base = haystack.baseAddress!
                    let pattern = needleBuffer.baseAddress!
                    // The last byte is a block end (0xFF), never part of a match, so a match
                    // starts at s ≤ n - 1 - m; its pivot byte sits at s + pivot.
                    let end = n - m + pivot
                    var from = pivot
                    while from < end {
                        guard let hit = memchr(base + from, pivotByte, end - from) else { break }
                        let p = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                        let s = p - pivot
                        if origin[s] != FoldedText.inside, origin[s + m] != FoldedText.inside,
                           memcmp(base + s, pattern, m) == 0
                        {
                            while block + 1 < blockStarts.count, blockStarts[block + 1] <= s { block += 1 }
                            var kind = SearchMatch.Kind.literal
                            if let literal {
                                let same = literal.bytes.withUnsafeBufferPointer { plain in
                                    literal.needle.withUnsafeBufferPointer { memcmp(plain.baseAddress! + s, $0.baseAddress!, m) == 0 }
                                }
                                if !same { kind = .variant }
                            }
                            found.append(SearchMatch(block: block, range: Int(origin[s])..<Int(origin[s + m]), kind: kind))
                            from = s + m + pivot
                        } else {
                            from = p + 1
                        }
                    }
                }
            }
        }
        return found
    }
}
