import Grid

/// What a terminal answered to the start-up queries, picked out of the bytes read while
/// waiting, and the bytes that were something else (keys typed meanwhile), in order.
///
/// The answers: OSC 11 (`ESC ] 11 ; rgb:RRRR/GGGG/BBBB` ended by BEL or `ESC \`), the
/// background colour; and a cursor position report (`ESC [ row ; column R`), which also says
/// that every earlier query has been answered.
struct TerminalReplies: Equatable {
    var background: RGB?
    /// The column of the cursor position report (1-based), once it has arrived.
    var cursorColumn: Int?
    /// Bytes that are not part of an answer, for the reader's input.
    var other: [UInt8] = []
    /// An answer that has begun but not ended yet (more bytes are needed).
    var incomplete: [UInt8] = []

    /// Takes in bytes read from the terminal (in as many pieces as they come).
    mutating func feed(_ bytes: [UInt8]) {
        let data = incomplete + bytes
        incomplete = []
        var i = 0
        while i < data.count {
            guard data[i] == 0x1B else { other.append(data[i]); i += 1; continue }
            if i + 1 == data.count { incomplete = [0x1B]; return }
            switch Self.match(data, at: i) {
            case .answer(let end, let colour, let column):
                if let colour { background = colour }
                if let column { cursorColumn = column }
                i = end
            case .needMore:
                incomplete = Array(data[i...])
                return
            case .none:
                other.append(data[i]); i += 1
            }
        }
    }

    /// The bytes for the reader's input once waiting is over: the other bytes, and what
    /// looked like the start of an answer but never became one.
    var leftover: [UInt8] { other + incomplete }

    private enum Match { case answer(end: Int, colour: RGB?, column: Int?), needMore, none }

    private static func match(_ d: [UInt8], at start: Int) -> Match {
        let introducer = d[start + 1]
        if introducer == UInt8(ascii: "]") {
            let prefix = Array("\u{1B}]11;".utf8)
            for (k, byte) in prefix.enumerated() {
                if start + k >= d.count { return .needMore }
                if d[start + k] != byte { return .none }
            }
            var j = start + prefix.count
            while j < d.count {
                if d[j] == 0x07 { return .answer(end: j + 1, colour: colour(d[(start + prefix.count)..<j]), column: nil) }
                if d[j] == 0x1B {
                    if j + 1 >= d.count { return .needMore }
                    if d[j + 1] == UInt8(ascii: "\\") {
                        return .answer(end: j + 2, colour: colour(d[(start + prefix.count)..<j]), column: nil)
                    }
                    return .none
                }
                if j - start > 64 { return .none }
                j += 1
            }
            return .needMore
        }
        if introducer == UInt8(ascii: "[") {
            // ESC [ digits ; digits R
            var j = start + 2
            var numbers: [Int] = [0]
            var digits = 0
            while j < d.count {
                let b = d[j]
                if b >= 0x30 && b <= 0x39 {
                    numbers[numbers.count - 1] = numbers[numbers.count - 1] * 10 + Int(b - 0x30)
                    digits += 1
                    if digits > 6 { return .none }
                } else if b == UInt8(ascii: ";"), numbers.count == 1, digits > 0 {
                    numbers.append(0); digits = 0
                } else if b == UInt8(ascii: "R"), numbers.count == 2, digits > 0 {
                    return .answer(end: j + 1, colour: nil, column: numbers[1])
                } else {
                    return .none
                }
                j += 1
            }
            return .needMore
        }
        return .none
    }

    /// `rgb:RRRR/GGGG/BBBB` (1 to 4 hex digits a channel) as 8-bit channels.
    static func colour(_ bytes: ArraySlice<UInt8>) -> RGB? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.hasPrefix("rgb:") else { return nil }
        let parts = text.dropFirst(4).split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        var channels: [Int] = []
        for part in parts {
            guard (1...4).contains(part.count), let value = Int(part, radix: 16) else { return nil }
            let max = (1 << (4 * part.count)) - 1
            channels.append((value * 255 + max / 2) / max)
        }
        return RGB(channels[0], channels[1], channels[2])
    }
}
