import Foundation
import Testing

/// The Unicode Character Database files the text tests read: Unicode 15.0 copies pinned in
/// `Data/` next to this file, so that the answer does not depend on the machine.
enum UnicodeDataFiles {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Data").path

    /// The lines of a UCD file, or a recorded failure naming the missing file.
    static func lines(_ relativePath: String, sourceLocation: SourceLocation = #_sourceLocation) -> [Substring]? {
        let path = directory + "/" + relativePath
        guard let data = FileManager.default.contents(atPath: path) else {
            Issue.record("\(relativePath) is missing from the tests' Data folder", sourceLocation: sourceLocation)
            return nil
        }
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// Parses a break test line (`× 0023 ÷ 0020 ÷`) into its text and the scalar indices
    /// (1...count) where a break is allowed.
    static func parseBreakTest(_ line: Substring) -> (text: String, scalars: [Unicode.Scalar], breaks: [Int])? {
        let body = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let tokens = body.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard !tokens.isEmpty else { return nil }
        var scalars: [Unicode.Scalar] = []
        var breaks: [Int] = []
        for token in tokens {
            if token == "÷" {
                if !scalars.isEmpty { breaks.append(scalars.count) }
            } else if token == "×" {
                continue
            } else if let v = UInt32(token, radix: 16), let s = Unicode.Scalar(v) {
                scalars.append(s)
            } else {
                return nil
            }
        }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars)
        return (String(text), scalars, breaks)
    }
}
