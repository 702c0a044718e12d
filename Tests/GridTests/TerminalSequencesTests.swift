import Foundation
import Testing
@testable import Grid

/// OSC 8 and OSC 52 as the reader builds them: nothing from an article can end or change them.
@Suite struct TerminalSequencesTests {
    @Test func hyperlinkTargetsAreCutAtTheFirstControlOrSpace() {
        #expect(TerminalSequences.hyperlinkStart("http://www.cpsa.org.cn/default.ashx")
                == "\u{1B}]8;;http://www.cpsa.org.cn/default.ashx\u{1B}\\")
        // An embedded OSC 52 in a URL: cut at the ESC, nothing of it is sent.
        #expect(TerminalSequences.hyperlinkStart("https://e.org/a\u{1B}]52;c;aGk=\u{7}")
                == "\u{1B}]8;;https://e.org/a\u{1B}\\")
        #expect(TerminalSequences.safeTarget("https://e.org/a b") == "https://e.org/a")
        #expect(TerminalSequences.safeTarget("https://e.org/\u{9C}x") == "https://e.org/")
        #expect(TerminalSequences.safeTarget("https://e.org/\u{202E}x") == "https://e.org/")
        #expect(TerminalSequences.hyperlinkStart("\u{7}x") == nil)
        #expect(TerminalSequences.hyperlinkEnd == "\u{1B}]8;;\u{1B}\\")
    }

    @Test func clipboardPayloadDecodesToTheText() throws {
        for text in ["", "a", "ab", "abc", "中文，链接 http://x.cn", String(repeating: "段落。", count: 1000)] {
            let (sequence, cut) = TerminalSequences.clipboard(text)
            #expect(!cut)
            #expect(sequence.hasPrefix("\u{1B}]52;c;") && sequence.hasSuffix("\u{1B}\\"))
            let payload = String(sequence.dropFirst(7).dropLast(2))
            let decoded = try #require(Data(base64Encoded: payload))
            #expect(String(decoding: decoded, as: UTF8.self) == text)
            #expect(!payload.unicodeScalars.contains { $0.value < 0x20 })
        }
    }

    @Test func clipboardPayloadIsCappedAtACharacterBoundary() throws {
        let text = String(repeating: "中", count: 50_000)  // 150,000 bytes
        let (sequence, cut) = TerminalSequences.clipboard(text)
        #expect(cut)
        let decoded = try #require(Data(base64Encoded: String(sequence.dropFirst(7).dropLast(2))))
        #expect(decoded.count <= TerminalSequences.clipboardLimit && decoded.count > TerminalSequences.clipboardLimit - 3)
        #expect(String(data: decoded, encoding: .utf8) == String(repeating: "中", count: decoded.count / 3))
    }
}
