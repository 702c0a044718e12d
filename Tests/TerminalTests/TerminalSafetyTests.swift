import Testing
@testable import Terminal

/// The draw path's last line of defence: what may never be written to the terminal.
struct TerminalSafetyTests {
    @Test func controlsAndBidiNeverReachTheTerminal() {
        let unsafe: [UInt32] = [0x00, 0x07, 0x08, 0x0A, 0x1B, 0x7F, 0x80, 0x9B, 0x9D, 0x9F,
                                0x200E, 0x200F, 0x2028, 0x2029, 0x202A, 0x202E, 0x2066, 0x2069, 0x061C, 0xFEFF]
        for value in unsafe {
            #expect(!TerminalSession.isSafeToWrite(Unicode.Scalar(value)!), "U+\(String(value, radix: 16))")
        }
    }

    @Test func ordinaryTextAndPlaceholdersPass() {
        for scalar in "中文 abc ␛␇�「」—…\u{301}".unicodeScalars {
            #expect(TerminalSession.isSafeToWrite(scalar), "U+\(String(scalar.value, radix: 16))")
        }
    }
}
