/// Greedy first-fit filling of one paragraph over its break levels.
struct LineLayout {
    /// One line, as code point indices into `text`.
    struct Line: Equatable {
        var start: Int
        var end: Int
        var width: Int
        /// The line ends at no line break opportunity: its run was wider than the line.
        var forced: Bool
    }

    let text: ScalarText
    private(set) var lines: [Line] = []

    /// Lays out a paragraph's UTF-8.
    init(utf8 bytes: UnsafeBufferPointer<UInt8>, width: Int, options: WrapOptions) {
        text = ScalarText(utf8: bytes)
        lines = Self.fill(text, width: max(width, 1), options: options)
    }

    /// White space that hangs at a break (never starts or ends a line).
    @inline(__always)
    static func isHangingSpace(_ s: UInt32) -> Bool {
        s == 0x20 || s == 0x3000 || s == 0x1680 || (s >= 0x2000 && s <= 0x200A && s != 0x2007) || s == 0x205F
    }

    private static func fill(_ text: ScalarText, width: Int, options: WrapOptions) -> [Line] {
        let n = text.count
        // The indent: leading U+3000, kept while it takes at most a quarter of the line.
        var indent = 0
        while indent < n, text.scalars[indent] == 0x3000 { indent += 1 }
        let indentWidth = 2 * indent
        let keepIndent = options.keepIndent && indent > 0 && indent < n && indentWidth * 4 <= width

        return withUnsafeTemporaryAllocation(of: LineBreaker.BreakLevel.self, capacity: n + 1) { levels in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: n + 11) { ints in
                withUnsafeTemporaryAllocation(of: Bool.self, capacity: n) { space in
                    levels.initialize(repeating: .inside)
                    ints.initialize(repeating: -1)
                    space.initialize(repeating: false)
                    LineBreaker.computeLevels(text, tailoring: .chineseStrict, urlWidthLimit: width,
                                              keepIndent: keepIndent, ambiguousIsWide: options.ambiguousIsWide,
                                              into: levels)
                    let cumulative = UnsafeMutableBufferPointer(rebasing: ints[0..<(n + 1)])
                    cumulative[0] = 0
                    for i in 0..<n {
                        cumulative[i + 1] = cumulative[i]
                            + PropertyWord.width(text.words[i], ambiguousIsWide: options.ambiguousIsWide)
                        // A space that carries a mark (U+0020 U+0308) is a cluster of its own
                        // to show, not white space to hang: hanging it would drop the mark or
                        // start the next line with it alone.
                        space[i] = isHangingSpace(text.scalars[i]) && !(keepIndent && i < indent)
                            && (i + 1 >= n || levels[i + 1] != .inside)
                    }
                    return greedy(n: n, width: width, levels: levels, cumulative: cumulative, space: space,
                                  candidatePosition: UnsafeMutableBufferPointer(rebasing: ints[(n + 1)..<(n + 6)]),
                                  candidateEnd: UnsafeMutableBufferPointer(rebasing: ints[(n + 6)..<(n + 11)]))
                }
            }
        }
    }

    /// First fit: at each overflow, break at the last candidate of the best level.
    private static func greedy(n: Int, width: Int, levels: UnsafeMutableBufferPointer<LineBreaker.BreakLevel>,
                               cumulative: UnsafeMutableBufferPointer<Int>, space: UnsafeMutableBufferPointer<Bool>,
                               candidatePosition: UnsafeMutableBufferPointer<Int>,
                               candidateEnd: UnsafeMutableBufferPointer<Int>) -> [Line] {
        var lines: [Line] = []
        var lineStart = 0
        while lineStart < n, space[lineStart] { lineStart += 1 }
        // The last candidate of each level: (position, end of the line's content before it).
        var contentEnd = lineStart
        var i = lineStart
        while i < n {
            var next = i + 1
            while next < n, levels[next] == .inside { next += 1 }
            if i > lineStart {
                let level = Int(levels[i].rawValue)
                if level > 0, contentEnd > lineStart {
                    candidatePosition[level] = i
                    candidateEnd[level] = contentEnd
                }
            }
            if space[i] { i = next; continue }
            while cumulative[next] - cumulative[lineStart] > width {
                var chosen = -1
                for level in stride(from: 4, through: 1, by: -1)
                where candidatePosition[level] > lineStart && candidateEnd[level] > lineStart {
                    chosen = level
                    break
                }
                guard chosen > 0 else { break }  // a single cluster wider than the line
                let position = candidatePosition[chosen], end = candidateEnd[chosen]
                lines.append(Line(start: lineStart, end: end, width: cumulative[end] - cumulative[lineStart],
                                  forced: chosen < 4))
                lineStart = position
                while lineStart < i, space[lineStart] { lineStart += 1 }
                for level in 1...4 where candidatePosition[level] <= lineStart {
                    candidatePosition[level] = -1
                    candidateEnd[level] = -1
                }
            }
            contentEnd = next
            i = next
        }
        if contentEnd > lineStart || lines.isEmpty {
            let end = max(contentEnd, lineStart)
            lines.append(Line(start: lineStart, end: end, width: cumulative[end] - cumulative[lineStart], forced: false))
        }
        return lines
    }
}
