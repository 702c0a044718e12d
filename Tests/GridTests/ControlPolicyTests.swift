import Testing
import Grid
import TextSafety

/// The one table for control and format characters, and the grid that follows it.
struct ControlPolicyTests {
    @Test func everyControlIsReplacedOrDropped() {
        var unsafe: [UInt32] = Array(0x00...0x1F) + [0x7F] + Array(0x80...0x9F)
        unsafe += [0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0xFEFF, 0xFFF9, 0xFFFA, 0xFFFB]
        unsafe += Array(0x202A...0x202E) + Array(0x2066...0x206F)
        for value in unsafe {
            let scalar = Unicode.Scalar(value)!
            #expect(!ControlPolicy.isSafe(scalar), "U+\(String(value, radix: 16))")
            #expect(!ControlPolicy.isClean(String(scalar)), "the byte scan agrees for U+\(String(value, radix: 16))")
            for shown in ControlPolicy.apply(String(scalar)).unicodeScalars {
                #expect(ControlPolicy.isSafe(shown))
            }
        }
    }

    @Test func theTableSaysWhatEachBecomes() {
        #expect(ControlPolicy.apply("a\tb\nc\r\nd\u{85}e\u{2028}f") == "a b c  d e f")
        #expect(ControlPolicy.apply("\u{1B}]2;PWNED\u{7}\u{1B}[8m") == "␛]2;PWNED␇␛[8m")
        #expect(ControlPolicy.apply("x\u{7F}\u{9B}y") == "x␡\u{FFFD}y")
        #expect(ControlPolicy.apply("\u{202E}abc\u{2066}") == "\u{FFFD}abc\u{FFFD}")
        #expect(ControlPolicy.apply("a\u{200E}b\u{200F}c\u{61C}d\u{FEFF}") == "abcd")
    }

    @Test func theByteScanAgreesWithTheTableForEveryCodePoint() {
        // Alone, and between text (the scan looks at the bytes after a lead byte).
        var disagree: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let kept = ControlPolicy.isSafe(scalar)
            if ControlPolicy.isClean(String(scalar)) != kept { disagree.append("U+\(String(value, radix: 16))") }
            if ControlPolicy.isClean("a" + String(scalar) + "文") != kept { disagree.append("U+\(String(value, radix: 16)) in text") }
            // Longer: the scan takes eight bytes at a time; at each offset in turn.
            let before = String(repeating: "x", count: Int(value % 8)) + "中文"
            if ControlPolicy.isClean(before + String(scalar) + "文字abcdefgh") != kept {
                disagree.append("U+\(String(value, radix: 16)) after \(before.utf8.count) bytes")
            }
        }
        #expect(disagree.isEmpty, "\(disagree.prefix(20))")
    }

    @Test func ordinaryTextIsKeptWithoutACopy() {
        for text in ["中文 abc", "␛␇�「」—…", "e\u{301}", "👍🏽", "a\u{200D}b", "\u{200B}", "\u{3000}"] {
            #expect(ControlPolicy.isClean(text), "\(text.unicodeScalars.map { $0.value })")
            #expect(ControlPolicy.apply(text) == text)
        }
    }

    @Test func aGridCellNeverHoldsAControl() {
        var screen = Screen(width: 4, height: 1)
        screen.put("\u{1B}", cellWidth: 1, x: 0, y: 0, style: .plain)
        screen.put("\u{200E}", cellWidth: 1, x: 1, y: 0, style: .plain)
        #expect(screen[0, 0].text == "␛")
        #expect(screen[1, 0].text == " ")
    }
}
