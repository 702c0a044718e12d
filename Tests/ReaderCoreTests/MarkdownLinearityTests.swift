import Foundation
import Testing
@testable import ReaderCore

/// The Markdown reader stays linear on the worst shapes of input: time grows with the input,
/// not with its square. Each shape is parsed at two sizes eight times apart (the best of
/// two runs each); a linear parser takes about 8 times as long, a quadratic one 64 times.
@Suite(.serialized) struct MarkdownLinearityTests {
    static let shapes: [(name: String, make: @Sendable (Int) -> String)] = [
        ("deep block quotes", { n in "# T\n\n" + String(repeating: ">", count: n) + " x\n" }),
        ("50,000 opening brackets", { n in "# T\n\n" + String(repeating: "[", count: min(50_000, n / 2)) + String(repeating: "x", count: n - min(50_000, n / 2)) }),
        ("nested links", { n in "# T\n\n" + String(repeating: "[", count: n / 10) + "x" + String(repeating: "](u)", count: n / 10) }),
        ("a table row of many cells", { n in "# T\n\n" + String(repeating: "|a", count: n / 6) + "|\n" + String(repeating: "|-", count: n / 6) + "|\n" + String(repeating: "|x", count: n / 6) + "|\n" }),
        ("one long line of addresses", { n in "# T\n\n" + String(repeating: "a@b.", count: n / 4) }),
    ]

    /// The parse's time on this thread's CPU clock (other work on a busy machine does not
    /// count against it), the best of `runs`.
    static func seconds(_ text: String, runs: Int = 3) -> Double {
        func cpu() -> Double {
            var t = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
            return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
        }
        var best = Double.infinity
        for _ in 0..<runs {
            let start = cpu()
            _ = MarkdownFormat.parse(text)
            best = min(best, cpu() - start)
        }
        return best
    }

    @Test(arguments: 0..<shapes.count)
    func linear(_ index: Int) {
        let shape = Self.shapes[index]
        let small = shape.make(32 * 1024), large = shape.make(256 * 1024)
        let t1 = Self.seconds(small), t8 = Self.seconds(large, runs: 1)
        print("\(shape.name): 32 KB \(t1) s, 256 KB \(t8) s")
        // Below a few milliseconds the clock says little; otherwise far from 64 times.
        #expect(t8 < 0.02 || t8 < 24 * t1, "\(shape.name): 32 KB \(t1) s, 256 KB \(t8) s")
    }

    /// A megabyte of 50,000 opening brackets, and of links nested in links.
    @Test func oneMegabyteOfTheWorst() {
        for shape in Self.shapes[1...2] {
            let text = shape.make(1 << 20)
            let t = Self.seconds(text, runs: 1)
            #expect(t < 5, "\(shape.name): \(t) s for 1 MB")
        }
    }
}
