// Wrapping: no text lost, no line wider than the width (but a single cluster wider than the
// whole line), widths as measured, and no control character out of `yuedu wrap`'s path.
@testable import ReaderCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWrap(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 1 else { return 0 }
    let width = Int(data[0] & 0x3F) + 1
    let options = WrapOptions(ambiguousIsWide: data[1] & 1 == 1, keepIndent: data[1] & 2 == 2)
    let raw = String(decoding: UnsafeBufferPointer(start: data + 2, count: size - 2), as: UTF8.self)
    // One paragraph, as `yuedu wrap` and the reading pane give it.
    let text = Sanitizer.displayable(raw.filter { !$0.isNewline })
    let lines = wrap(text, width: width, options: options)
    if lines.isEmpty { violated("no line for a paragraph") }
    let utf8 = Array(text.utf8)
    // Where clusters start, by the segmentation the wrapper itself follows (UAX #29 with the
    // project's Unicode data), as UTF-8 offsets.
    let scalarText = ScalarText(text)
    var flags = [Bool](repeating: false, count: scalarText.count)
    scalarText.words.withUnsafeBufferPointer { words in
        flags.withUnsafeMutableBufferPointer { GraphemeBreaker.boundaries(words, into: $0) }
    }
    let boundaries = Set(flags.indices.filter { flags[$0] }.map { scalarText.offsets[$0] } + [utf8.count])
    var previousEnd = 0
    for line in lines {
        assertSafe(line.text, "wrapped line")
        if line.start < previousEnd || line.end < line.start || line.end > utf8.count {
            violated("line \(line.start)..<\(line.end) out of order (after \(previousEnd), of \(utf8.count))")
        }
        // Between two lines only spaces (hung at the break) may be left out.
        let gap = String(decoding: utf8[previousEnd..<line.start], as: UTF8.self)
        if !isHanging(gap) {
            violated("text lost between lines", debugString(gap))
        }
        if String(decoding: utf8[line.start..<line.end], as: UTF8.self) != line.text {
            violated("line text is not its slice")
        }
        let measured = DisplayWidth.of(line.text, ambiguousIsWide: options.ambiguousIsWide)
        if measured != line.width { violated("line width \(line.width), measured \(measured)", debugString(line.text)) }
        if line.width > width && line.text.count > 1 {
            violated("line of \(line.width) cells at width \(width)", debugString(line.text))
        }
        if line.start > 0, !boundaries.contains(line.start) {
            violated("a line starts inside a cluster", debugString(line.text))
        }
        previousEnd = line.end
    }
    let tail = String(decoding: utf8[previousEnd...], as: UTF8.self)
    if !isHanging(tail) {
        violated("text lost at the end", debugString(tail))
    }
    return 0
}

/// Only white space that hangs at a break (spaces, U+3000 and the like, each a cluster of its
/// own) may be left out of the lines.
private func isHanging(_ text: String) -> Bool {
    text.unicodeScalars.allSatisfy { LineLayout.isHangingSpace($0.value) }
        && text.count == text.unicodeScalars.count
}
