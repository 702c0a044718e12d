import CWidth
import Foundation
import Testing
@testable import ReaderCore

/// The generated width table against the C library's `wcwidth` (what ncurses places text with).
@Suite struct TextDisplayWidthTests {
    /// Every assigned code point of the BMP and of plane 1 (the emoji plane) has the width
    /// `wcwidth` gives it in a UTF-8 locale. Accepted differences, each with its reason:
    /// - controls (Cc) and the separators U+2028, U+2029 (Zl, Zp): `wcwidth` says -1 (not
    ///   printable); the table says 0, since they are hard breaks or
    ///   turned into visible placeholders before layout and never reach the terminal;
    /// - surrogates (Cs) are no Unicode scalars and cannot occur in a Swift string;
    /// - code points assigned in a Unicode version newer than the C library's data
    ///   (`wcwidth` -1): the table gives them their Unicode 15 width.
    @Test func agreesWithTheCLibrary() throws {
        #expect(cwidth_use_utf8_locale() == 1, "no UTF-8 locale (C.UTF-8) on this system")
        guard let unicodeData = UnicodeDataFiles.lines("UnicodeData.txt"),
              let derivedAge = UnicodeDataFiles.lines("DerivedAge.txt") else { return }
        // The newest Unicode version a code point was assigned in, per code point of planes 0-1.
        var age = [String](repeating: "", count: 0x20000)
        for line in derivedAge {
            let fields = line.split(separator: "#")[safe: 0]?.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let fields, fields.count == 2 else { continue }
            let bounds = fields[0].components(separatedBy: "..").compactMap { UInt32($0, radix: 16) }
            guard let lo = bounds.first, lo < 0x20000 else { continue }
            for cp in lo...min(bounds.last!, 0x1FFFF) { age[Int(cp)] = fields[1] }
        }
        // C library's version: the newest age among code points it knows.
        var checked = 0
        var newerThanCLibrary = 0
        var mismatches: [String] = []
        var rangeStart: UInt32?
        for line in unicodeData {
            let fields = line.split(separator: ";", omittingEmptySubsequences: false)
            guard fields.count > 2, let cp = UInt32(fields[0], radix: 16) else { continue }
            let name = fields[1]
            if name.hasSuffix(", First>") { rangeStart = cp; continue }
            let first = name.hasSuffix(", Last>") ? (rangeStart ?? cp) : cp
            rangeStart = nil
            guard first < 0x20000 else { continue }
            let category = fields[2]
            if category == "Cs" { continue }
            if category == "Cc" || category == "Zl" || category == "Zp" {
                for code in first...cp where DisplayWidth.of(scalar: Unicode.Scalar(code)!) != 0 {
                    mismatches.append(String(format: "U+%04X (%@): table %d, expected 0", code, String(category),
                                             DisplayWidth.of(scalar: Unicode.Scalar(code)!)))
                }
                continue
            }
            for code in first...min(cp, 0x1FFFF) {
                let scalar = Unicode.Scalar(code)!
                let c = Int(cwidth_wcwidth(code))
                let ours = DisplayWidth.of(scalar: scalar)
                checked += 1
                if c == -1 && age[Int(code)] == "15.0" { newerThanCLibrary += 1; continue }
                if c != ours, mismatches.count < 40 {
                    mismatches.append(String(format: "U+%04X %@ (%@): wcwidth %d, table %d",
                                             code, String(name), String(category), c, ours))
                }
            }
        }
        print("width table: \(checked) assigned code points checked, \(newerThanCLibrary) newer than the C library's data")
        #expect(checked > 80_000)
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
    }

    @Test func clustersTakeTheSumOfTheirCodePoints() {
        #expect(DisplayWidth.of("中" as Character) == 2)
        #expect(DisplayWidth.of("e\u{301}" as Character) == 1)
        #expect(DisplayWidth.of("🇨🇳" as Character) == 2)
        #expect(DisplayWidth.of("😀" as Character) == 2)
        #expect(DisplayWidth.of("한" as Character) == 2)
        #expect(DisplayWidth.of("\u{1100}\u{1161}\u{11A8}" as Character) == 2)
        #expect(DisplayWidth.of("，。、；：？！（）《》「」") == 26)
        #expect(DisplayWidth.of("“”‘’—…·") == 7)
        #expect(DisplayWidth.of("“”‘’—…·", ambiguousIsWide: true) == 14)
        #expect(DisplayWidth.of("abc 12") == 6)
        #expect(DisplayWidth.of("\u{200B}") == 0)
    }

    @Test func sanitizerLeavesNothingThatStartsAnEscape() {
        let text = Sanitizer.displayable("a\u{1B}[31mb\tc  d\u{7F}\u{9B}e\u{202E}")
        #expect(text == "a␛[31mb c d␡\u{FFFD}e\u{FFFD}")
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) })
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
