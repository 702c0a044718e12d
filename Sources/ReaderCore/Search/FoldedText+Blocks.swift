/// Folding whole blocks straight from their UTF-8, a table lookup per scalar for common text.
///
/// `TextFolding` folds one grapheme cluster at a time, and finding clusters and asking Unicode
/// properties of each costs about 50 ms per megabyte. Most scalars of real articles need neither:
/// an ASCII letter, a Han ideograph, a kana, CJK or general punctuation, a full-width form or
/// a Latin, Greek or Cyrillic letter stands alone as a cluster whenever the scalar after it is
/// one of these too, and folds to one known scalar. Such *simple* scalars are folded here by
/// table; a scalar that is not simple, or is followed by one that is not (a combining mark, a
/// joiner, a half-width katakana, an emoji, CR), starts a cluster that goes through
/// `TextFolding` as before. The result is byte for byte what folding cluster by cluster gives.
extension FoldedText {
    /// A scalar that is not simple (see ``simpleFold(_:lowTable:)``).
    static let notSimple = UInt32.max

    /// The case-kept and case-ignored folds of every block, built together in one pass.
    static func fold(blocks: [String]) -> (exact: FoldedText, caseless: FoldedText) {
        let total = blocks.reduce(0) { $0 + $1.utf8.count }
        var sink = Sink(capacity: total + blocks.count + 64)
        var blockStarts: (exact: [Int], caseless: [Int]) = ([], [])
        blockStarts.exact.reserveCapacity(blocks.count)
        blockStarts.caseless.reserveCapacity(blocks.count)
        lowTable.withUnsafeBufferPointer { table in
            for block in blocks {
                blockStarts.exact.append(sink.exact.count)
                blockStarts.caseless.append(sink.caseless.count)
                var block = block
                block.makeContiguousUTF8()
                block.utf8.withContiguousStorageIfAvailable { utf8 in
                    foldBlock(block, utf8: utf8, table: table.baseAddress!, into: &sink)
                }!
                sink.endBlock(length: block.utf8.count)
            }
        }
        return sink.build(blockStarts: blockStarts)
    }

    /// Folds one block's `utf8` (the UTF-8 of `block`) into `sink`.
    @inline(__always)
    private static func foldBlock(
        _ block: String, utf8: UnsafeBufferPointer<UInt8>, table: UnsafePointer<UInt32>, into sink: inout Sink
    ) {
        let n = utf8.count
        guard n > 0 else { return }
        let p = utf8.baseAddress!
        var i = 0
        var (scalar, length) = decode(p, at: i)
        var fold = simpleFold(scalar, lowTable: table)
        while i < n {
            let next = i + length
            var nextScalar: UInt32 = 0
            var nextLength = 0
            var nextFold = (exact: notSimple, caseless: notSimple)
            if next < n {
                (nextScalar, nextLength) = decode(p, at: next)
                nextFold = simpleFold(nextScalar, lowTable: table)
            }
            if fold.exact != notSimple, next == n || nextFold.exact != notSimple {
                // A cluster of one simple scalar: a simple scalar after a simple one always
                // starts a new cluster.
                sink.append(exact: fold.exact, caseless: fold.caseless, at: i)
                i = next
                (scalar, length, fold) = (nextScalar, nextLength, nextFold)
                continue
            }
            // Anything else: the whole cluster starting here, the slow way.
            let index = block.utf8.index(block.utf8.startIndex, offsetBy: i)
            let character = block[index...].first!
            sink.append(character, at: i)
            i += character.utf8.count
            if i < n {
                (scalar, length) = decode(p, at: i)
                fold = simpleFold(scalar, lowTable: table)
            }
        }
    }

    /// The scalar whose valid UTF-8 starts at `p[i]`, and its length in bytes.
    @inline(__always)
    private static func decode(_ p: UnsafePointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b0 = UInt32(p[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(p[i + 1]) & 0x3F, 2) }
        if b0 < 0xF0 {
            return ((b0 & 0x0F) << 12 | (UInt32(p[i + 1]) & 0x3F) << 6 | UInt32(p[i + 2]) & 0x3F, 3)
        }
        return ((b0 & 0x07) << 18 | (UInt32(p[i + 1]) & 0x3F) << 12 | (UInt32(p[i + 2]) & 0x3F) << 6
            | UInt32(p[i + 3]) & 0x3F, 4)
    }

    /// The case-kept and case-ignored folds of `v` when it is a simple scalar, both
    /// ``notSimple`` otherwise.
    ///
    /// A simple scalar has no grapheme-cluster rule joining it to a neighbour (it is not a
    /// combining mark, joiner, prepended mark, CR, regional indicator or Hangul jamo) and
    /// folds, alone, to one scalar: itself, its single-scalar lower-case, or (full-width forms
    /// and U+3000) its half-width form. Tests check every one against `TextFolding`.
    @inline(__always)
    static func simpleFold(_ v: UInt32, lowTable: UnsafePointer<UInt32>) -> (exact: UInt32, caseless: UInt32) {
        if v < 0x80 {
            if v == 0x0D { return (notSimple, notSimple) }  // CR joins a following LF
            return (v, v &- 0x41 < 26 ? v | 0x20 : v)
        }
        if v < 0x800 {
            let lower = lowTable[Int(v)]
            return lower == notSimple ? (notSimple, notSimple) : (v, lower)
        }
        if v >= 0x4E00, v <= 0x9FFF { return (v, v) }  // CJK unified ideographs
        if v >= 0xFF01, v <= 0xFF5E {  // full-width ASCII
            let ascii = v - 0xFEE0
            return (ascii, ascii &- 0x41 < 26 ? ascii | 0x20 : ascii)
        }
        switch v {
        case 0x3000:
            return (0x20, 0x20)
        case 0x2010...0x2027, 0x2030...0x205E,  // general punctuation: dashes, quotes, …
             0x3001...0x3029,  // CJK punctuation: 、。《》「」【】…
             0x3041...0x3096, 0x309D...0x30FF,  // hiragana, katakana
             0x3400...0x4DBF,  // CJK extension A
             0xAC00...0xD7A3:  // Hangul syllables
            return (v, v)
        default:
            return (notSimple, notSimple)
        }
    }

    /// For each scalar below U+0800: its lower-case when it is simple (itself when it has no
    /// case), ``notSimple`` when it is not (marks, format and control characters, CR, letters
    /// whose lower-case is several scalars).
    static let lowTable: [UInt32] = (0..<0x800).map { v -> UInt32 in
        guard let scalar = Unicode.Scalar(UInt32(v)), v != 0x0D else { return notSimple }
        if v < 0x80 { return UInt32(v >= 0x41 && v <= 0x5A ? v | 0x20 : v) }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol, .spaceSeparator:
            break
        default:
            return notSimple
        }
        guard scalar.properties.changesWhenLowercased else { return UInt32(v) }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first!.value : notSimple
    }

    /// The folded bytes and their origins, case kept and case ignored, as they are built.
    ///
    /// Memory is grown by hand (appending to arrays byte by byte would cost more than the
    /// folding) and handed over to the result without a copy. The two folds share one origin
    /// buffer for as long as every cluster folds to as many bytes either way, which is always
    /// for Han, kana, ASCII, Greek and Cyrillic text.
    struct Sink {
        struct Part {
            var bytes: UnsafeMutablePointer<UInt8>
            var origin: UnsafeMutablePointer<UInt32>?
            var count = 0
        }

        private(set) var exact: Part
        private(set) var caseless: Part
        private var capacity: Int
        private var scratch: (exact: [UInt8], caseless: [UInt8]) = ([], [])

        init(capacity: Int) {
            self.capacity = max(capacity, 16)
            exact = Part(bytes: .allocate(capacity: self.capacity), origin: .allocate(capacity: self.capacity))
            caseless = Part(bytes: .allocate(capacity: self.capacity), origin: nil)
        }

        private static func grown<T>(_ pointer: UnsafeMutablePointer<T>, count: Int, to capacity: Int) -> UnsafeMutablePointer<T> {
            let grown = UnsafeMutablePointer<T>.allocate(capacity: capacity)
            grown.moveInitialize(from: pointer, count: count)
            pointer.deallocate()
            return grown
        }

        /// Makes room for `extra` more bytes in either fold.
        private mutating func reserve(_ extra: Int) {
            guard max(exact.count, caseless.count) + extra > capacity else { return }
            let newCapacity = max(capacity * 2, max(exact.count, caseless.count) + extra)
            exact.bytes = Self.grown(exact.bytes, count: exact.count, to: newCapacity)
            exact.origin = Self.grown(exact.origin!, count: exact.count, to: newCapacity)
            caseless.bytes = Self.grown(caseless.bytes, count: caseless.count, to: newCapacity)
            caseless.origin = caseless.origin.map { Self.grown($0, count: caseless.count, to: newCapacity) }
            capacity = newCapacity
        }

        /// Gives the case-ignored fold an origin buffer of its own: its layout is about to
        /// differ from the case-kept one (which, up to now, it equals).
        private mutating func unshare() {
            let origin = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity)
            origin.initialize(from: exact.origin!, count: caseless.count)
            caseless.origin = origin
        }

        @inline(__always)
        private static func length(_ v: UInt32) -> Int { v < 0x80 ? 1 : v < 0x800 ? 2 : 3 }

        @inline(__always)
        private static func write(_ v: UInt32, at offset: Int, to part: inout Part, origin: Bool) {
            let c = part.count
            let start = UInt32(truncatingIfNeeded: offset)
            if v < 0x80 {
                part.bytes[c] = UInt8(v)
                if origin { part.origin![c] = start }
                part.count = c + 1
            } else if v < 0x800 {
                part.bytes[c] = UInt8(0xC0 | v >> 6)
                part.bytes[c + 1] = UInt8(0x80 | v & 0x3F)
                if origin {
                    part.origin![c] = start
                    part.origin![c + 1] = FoldedText.inside
                }
                part.count = c + 2
            } else {
                // Simple scalars are all in the BMP.
                part.bytes[c] = UInt8(0xE0 | v >> 12)
                part.bytes[c + 1] = UInt8(0x80 | (v >> 6) & 0x3F)
                part.bytes[c + 2] = UInt8(0x80 | v & 0x3F)
                if origin {
                    part.origin![c] = start
                    part.origin![c + 1] = FoldedText.inside
                    part.origin![c + 2] = FoldedText.inside
                }
                part.count = c + 3
            }
        }

        /// Appends a simple scalar, a cluster of its own from UTF-8 offset `offset`, folded
        /// with case kept (`exact`) and ignored (`caseless`).
        @inline(__always)
        mutating func append(exact v: UInt32, caseless w: UInt32, at offset: Int) {
            if max(exact.count, caseless.count) + 3 > capacity { reserve(3) }
            if caseless.origin == nil, Self.length(v) != Self.length(w) { unshare() }
            Self.write(v, at: offset, to: &exact, origin: true)
            Self.write(w, at: offset, to: &caseless, origin: caseless.origin != nil)
        }

        private static func copy(_ folded: [UInt8], at offset: Int, to part: inout Part, origin: Bool) {
            guard !folded.isEmpty else { return }
            if origin { part.origin![part.count] = UInt32(truncatingIfNeeded: offset) }
            for (k, byte) in folded.enumerated() {
                part.bytes[part.count + k] = byte
                if origin, k > 0 { part.origin![part.count + k] = FoldedText.inside }
            }
            part.count += folded.count
        }

        /// Appends a whole cluster from UTF-8 offset `offset`, folded by `TextFolding`.
        mutating func append(_ character: Character, at offset: Int) {
            scratch.exact.removeAll(keepingCapacity: true)
            scratch.caseless.removeAll(keepingCapacity: true)
            TextFolding.appendUTF8(of: character, foldingCase: false, to: &scratch.exact)
            TextFolding.appendUTF8(of: character, foldingCase: true, to: &scratch.caseless)
            reserve(max(scratch.exact.count, scratch.caseless.count))
            if caseless.origin == nil, scratch.exact.count != scratch.caseless.count { unshare() }
            Self.copy(scratch.exact, at: offset, to: &exact, origin: true)
            Self.copy(scratch.caseless, at: offset, to: &caseless, origin: caseless.origin != nil)
        }

        mutating func endBlock(length: Int) {
            reserve(1)
            let end = UInt32(truncatingIfNeeded: length)
            exact.bytes[exact.count] = 0xFF
            exact.origin![exact.count] = end
            exact.count += 1
            caseless.bytes[caseless.count] = 0xFF
            caseless.origin?[caseless.count] = end
            caseless.count += 1
        }

        /// The two folds; the sink's memory now belongs to them.
        consuming func build(blockStarts: (exact: [Int], caseless: [Int])) -> (exact: FoldedText, caseless: FoldedText) {
            let exactBytes = FoldedBuffer(owning: exact.bytes, count: exact.count)
            let exactOrigin = FoldedBuffer(owning: exact.origin!, count: exact.count)
            let caselessBytes = FoldedBuffer(owning: caseless.bytes, count: caseless.count)
            let caselessOrigin = caseless.origin.map { FoldedBuffer(owning: $0, count: caseless.count) } ?? exactOrigin
            return (
                FoldedText(bytes: exactBytes, origin: exactOrigin, blockStarts: blockStarts.exact,
                           histogram: FoldedText.histogram(of: exactBytes)),
                FoldedText(bytes: caselessBytes, origin: caselessOrigin, blockStarts: blockStarts.caseless,
                           histogram: FoldedText.histogram(of: caselessBytes))
            )
        }
    }

    /// How often each byte value occurs in `bytes`.
    static func histogram(of bytes: FoldedBuffer<UInt8>) -> [Int] {
        var histogram = [Int](repeating: 0, count: 256)
        histogram.withUnsafeMutableBufferPointer { counts in
            bytes.withUnsafeBufferPointer { bytes in
                for byte in bytes { counts[Int(byte)] += 1 }
            }
        }
        return histogram
    }
}

/// A fixed run of folded values in memory of its own, shared by the copies of an index.
final class FoldedBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
    // Written only before the buffer is handed out; read-only after, hence Sendable.
    private let base: UnsafeMutablePointer<Element>
    let count: Int

    /// Takes over `base`, `count` initialized elements allocated with `allocate(capacity:)`.
    init(owning base: UnsafeMutablePointer<Element>, count: Int) {
        self.base = base
        self.count = count
    }

    convenience init(copying elements: [Element]) {
        let base = UnsafeMutablePointer<Element>.allocate(capacity: max(elements.count, 1))
        elements.withUnsafeBufferPointer { source in
            if let start = source.baseAddress { base.initialize(from: start, count: source.count) }
        }
        self.init(owning: base, count: elements.count)
    }

    deinit { base.deallocate() }

    func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// The elements, copied into an array.
    var elements: [Element] { withUnsafeBufferPointer { Array($0) } }
}
