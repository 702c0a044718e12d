import Foundation

/// The text of a file, decoded, and how well that went.
public struct DecodedText: Sendable {
    /// The encodings articles come in.
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case gb18030 = "GB18030"
        case utf16 = "UTF-16"
    }

    public var text: String
    public var encoding: Encoding
    /// How many bytes (or byte sequences) were not text in `encoding` and became U+FFFD.
    public var invalidSequences: Int

    /// A note for the reader when some bytes were replaced, nil when all was well.
    public var note: String? {
        guard invalidSequences > 0 else { return nil }
        let what = invalidSequences == 1 ? "1 invalid byte sequence" : "\(invalidSequences) invalid byte sequences"
        return "\(what) in \(encoding.rawValue) shown as \u{FFFD}"
    }
}

/// Decoding a file's bytes: UTF-8 (with or without BOM), GB18030/GBK, UTF-16 with a BOM.
public enum TextDecoding {
    /// The GB18030 encoding as Foundation names it (kCFStringEncodingGB_18030_2000 = 0x0632,
    /// as an NSStringEncoding).
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    /// Decodes `bytes`, choosing the encoding: UTF-8 when the bytes are valid UTF-8 (or when
    /// they are closer to UTF-8 than to GB18030), GB18030 otherwise. Invalid bytes become U+FFFD.
    public static func decode(_ bytes: [UInt8]) -> DecodedText {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return decodeUTF8(bytes[3...])
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return decodeUTF16(bytes)
        }
        // One pass: decode with repair; the text is valid when nothing was repaired.
        let text = String(decoding: bytes, as: UTF8.self)
        if isUnchanged(text, bytes[...]) {
            return DecodedText(text: text, encoding: .utf8, invalidSequences: 0)
        }
        return decodeNotUTF8(bytes)
    }

    /// Decodes `bytes`, which have no byte-order mark and are known not to be valid UTF-8:
    /// as GB18030, or as UTF-8 with repairs when that replaces fewer sequences.
    ///
    /// GB18030 can read almost any pair of bytes, so UTF-8 with a few bad bytes would often
    /// decode as GB18030 with fewer errors (`原始字节` as `鍘熷瀛楄妭`). Valid UTF-8 sequences of
    /// three or four bytes are the evidence: in GB18030 text they occur by chance about once
    /// in a hundred characters. When they are at least a quarter as many as the UTF-8
    /// errors, the text is UTF-8 with some damage.
    static func decodeNotUTF8(_ bytes: [UInt8]) -> DecodedText {
        let (utf8Errors, longSequences) = utf8Evidence(bytes[...])
        if longSequences > 0, longSequences * 4 >= utf8Errors {
            return DecodedText(text: String(decoding: bytes, as: UTF8.self), encoding: .utf8, invalidSequences: utf8Errors)
        }
        let gb = decodeGB18030(bytes[...])
        if gb.invalidSequences < utf8Errors { return gb }
        return DecodedText(text: String(decoding: bytes, as: UTF8.self), encoding: .utf8, invalidSequences: utf8Errors)
    }

    static func decodeUTF8(_ bytes: ArraySlice<UInt8>) -> DecodedText {
        let text = String(decoding: bytes, as: UTF8.self)
        if isUnchanged(text, bytes) {
            return DecodedText(text: text, encoding: .utf8, invalidSequences: 0)
        }
        return DecodedText(text: text, encoding: .utf8, invalidSequences: countUTF8Errors(bytes))
    }

    static func decodeUTF16(_ bytes: [UInt8]) -> DecodedText {
        let little = bytes[0] == 0xFF
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 2
        while i + 1 < bytes.count {
            let (a, b) = (UInt16(bytes[i]), UInt16(bytes[i + 1]))
            units.append(little ? a | b << 8 : a << 8 | b)
            i += 2
        }
        var errors = bytes.count % 2
        var scalars = String.UnicodeScalarView()
        var iterator = units.makeIterator()
        var parser = Unicode.UTF16.ForwardParser()
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let s): scalars.append(Unicode.UTF16.decode(s))
            case .error: errors += 1; scalars.append("\u{FFFD}")
            case .emptyInput: break loop
            }
        }
        if bytes.count % 2 == 1 { scalars.append("\u{FFFD}") }
        return DecodedText(text: String(scalars), encoding: .utf16, invalidSequences: errors)
    }

    /// Whether decoding `bytes` as UTF-8 gave `text` without repairs: the same bytes.
    static func isUnchanged(_ text: String, _ bytes: ArraySlice<UInt8>) -> Bool {
        var text = text
        return text.withUTF8 { decoded in
            bytes.withUnsafeBufferPointer { original in
                decoded.count == original.count
                    && (original.isEmpty || memcmp(decoded.baseAddress!, original.baseAddress!, original.count) == 0)
            }
        }
    }

    /// The number of maximal invalid subsequences, and of valid sequences of three or four
    /// bytes (CJK and beyond), in one pass.
    static func utf8Evidence(_ bytes: ArraySlice<UInt8>) -> (errors: Int, longSequences: Int) {
        var errors = 0
        var long = 0
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let sequence): if sequence.count >= 3 { long += 1 }
            case .error: errors += 1
            case .emptyInput: return (errors, long)
            }
        }
    }

    /// The number of maximal invalid subsequences, as `String(decoding:as:)` replaces them.
    static func countUTF8Errors(_ bytes: ArraySlice<UInt8>) -> Int {
        var errors = 0
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid: continue
            case .error: errors += 1
            case .emptyInput: return errors
            }
        }
    }

    /// Decodes GB18030 (a superset of GBK and GB2312). The bytes are cut into sequences by the
    /// encoding's structure (1, 2 or 4 bytes); runs of well-formed sequences are decoded by
    /// Foundation, and what is malformed or unmapped becomes U+FFFD, one per sequence.
    static func decodeGB18030(_ bytes: ArraySlice<UInt8>) -> DecodedText {
        var text = ""
        text.reserveCapacity(bytes.count * 3 / 2)
        var errors = 0
        var runStart = bytes.startIndex
        var i = bytes.startIndex
        let end = bytes.endIndex

        func flush(upTo stop: Int) {
            guard runStart < stop else { return }
            let run = bytes[runStart..<stop]
            if let decoded = String(data: Data(run), encoding: gb18030) {
                text += decoded
            } else {
                decodeEach(run)
            }
        }
        // A run Foundation refused as a whole: sequence by sequence.
        func decodeEach(_ run: ArraySlice<UInt8>) {
            var j = run.startIndex
            while j < run.endIndex {
                let n = sequenceLength(run, at: j) ?? 1
                if let one = String(data: Data(run[j..<j + n]), encoding: gb18030) {
                    text += one
                } else {
                    text += "\u{FFFD}"
                    errors += 1
                }
                j += n
            }
        }

        while i < end {
            if bytes[i] < 0x80 { i += 1; continue }
            if let n = sequenceLength(bytes, at: i) {
                i += n
            } else {
                flush(upTo: i)
                text += "\u{FFFD}"
                errors += 1
                i += 1
                runStart = i
            }
        }
        flush(upTo: end)
        return DecodedText(text: text, encoding: .gb18030, invalidSequences: errors)
    }

    /// The length of the well-formed GB18030 sequence at `i`, nil when it is malformed.
    static func sequenceLength(_ bytes: ArraySlice<UInt8>, at i: Int) -> Int? {
        let b1 = bytes[i]
        if b1 < 0x80 { return 1 }
        guard (0x81...0xFE).contains(b1), i + 1 < bytes.endIndex else { return nil }
        let b2 = bytes[i + 1]
        if (0x40...0x7E).contains(b2) || (0x80...0xFE).contains(b2) { return 2 }
        guard (0x30...0x39).contains(b2), i + 3 < bytes.endIndex,
              (0x81...0xFE).contains(bytes[i + 2]), (0x30...0x39).contains(bytes[i + 3]) else { return nil }
        return 4
    }
}
