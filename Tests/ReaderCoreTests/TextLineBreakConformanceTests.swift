import Foundation
import Testing
@testable import ReaderCore

/// Unicode's own test data: UAX #14 (plain rules) and UAX #29 grapheme clusters.
@Suite struct TextLineBreakConformanceTests {
    /// Every case of LineBreakTest.txt, in plain UAX #14 mode.
    @Test func lineBreakTestFile() throws {
        guard let lines = UnicodeDataFiles.lines("auxiliary/LineBreakTest.txt") else { return }
        var total = 0
        var failures: [String] = []
        for line in lines {
            guard let (text, scalars, expected) = UnicodeDataFiles.parseBreakTest(line) else { continue }
            total += 1
            // Scalar index of each UTF-8 offset the breaker answers.
            var offsetToIndex: [Int: Int] = [:]
            var offset = 0
            for (i, s) in scalars.enumerated() {
                offsetToIndex[offset] = i
                offset += String(s).utf8.count
            }
            offsetToIndex[offset] = scalars.count
            let got = LineBreaker.breakOpportunities(text, tailoring: .none).map { offsetToIndex[$0]! }
            if got != expected, failures.count < 20 {
                failures.append("\(line)\n    got breaks before scalars \(got)")
            }
        }
        print("LineBreakTest.txt: \(total - failures.count) of \(total) cases pass")
        #expect(total == 7654, "LineBreakTest.txt should hold 7,654 cases (Unicode 15.0)")
        #expect(failures.isEmpty, "\(failures.count) failing cases, first ones:\n\(failures.joined(separator: "\n"))")
    }

    /// Every case of GraphemeBreakTest.txt, through the cluster boundaries wrapping uses.
    @Test func graphemeBreakTestFile() throws {
        guard let lines = UnicodeDataFiles.lines("auxiliary/GraphemeBreakTest.txt") else { return }
        var total = 0
        var failures: [String] = []
        for line in lines {
            guard let (_, scalars, expected) = UnicodeDataFiles.parseBreakTest(line) else { continue }
            total += 1
            let table = UnicodeProperties.shared
            let words = scalars.map { table.word($0.value) }
            var boundary = [Bool](repeating: false, count: words.count)
            words.withUnsafeBufferPointer { w in
                boundary.withUnsafeMutableBufferPointer { GraphemeBreaker.boundaries(w, into: $0) }
            }
            var got = (1..<max(words.count, 1)).filter { boundary[$0] }
            got.append(words.count)
            if got != expected { failures.append(String(line)) }
        }
        print("GraphemeBreakTest.txt: \(total - failures.count) of \(total) cases pass")
        #expect(total == 602)
        #expect(failures.isEmpty, "failing cases:\n\(failures.prefix(20).joined(separator: "\n"))")
    }
}
