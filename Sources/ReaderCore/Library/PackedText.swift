import CZlib
import Foundation

/// Text kept compressed with zlib: the folded text the search index keeps of each article,
/// which tells it what to remove from the full-text table when the article changes or goes,
/// and checks what tokens cannot (punctuation in a query). Chinese text packs to about half.
enum PackedText {
    /// `text` as UTF-8, compressed (zlib's fast level: the index is written far more often
    /// than it would gain from the last few per cent).
    static func pack(_ text: String) -> Data {
        let utf8 = Array(text.utf8)
        var size = compressBound(uLong(utf8.count))
        var out = Data(count: Int(size) + 4)
        // The length first, for `unpack` to size its buffer.
        let n = UInt32(utf8.count)
        out.withUnsafeMutableBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            bytes[0] = UInt8(n & 0xFF); bytes[1] = UInt8(n >> 8 & 0xFF)
            bytes[2] = UInt8(n >> 16 & 0xFF); bytes[3] = UInt8(n >> 24)
            let status = utf8.withUnsafeBufferPointer { source in
                compress2(bytes.baseAddress! + 4, &size, source.baseAddress, uLong(source.count), 1)
            }
            precondition(status == Z_OK, "zlib compress2 failed (\(status))")
        }
        out.count = Int(size) + 4
        return out
    }

    /// The text `pack` made, nil for anything else.
    static func unpack(_ data: Data) -> String? {
        unpackBytes(data).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The UTF-8 bytes of the text `pack` made, nil for anything else.
    static func unpackBytes(_ data: Data) -> [UInt8]? {
        guard data.count >= 4 else { return nil }
        return data.withUnsafeBytes { raw -> [UInt8]? in
            let bytes = raw.bindMemory(to: UInt8.self)
            let n = Int(bytes[0]) | Int(bytes[1]) << 8 | Int(bytes[2]) << 16 | Int(bytes[3]) << 24
            guard n <= 1 << 30 else { return nil }
            var size = uLong(n)
            var out = [UInt8](repeating: 0, count: max(n, 1))
            let status = out.withUnsafeMutableBufferPointer { target in
                uncompress(target.baseAddress, &size, bytes.baseAddress! + 4, uLong(bytes.count - 4))
            }
            guard status == Z_OK, Int(size) == n else { return nil }
            out.removeLast(out.count - n)
            return out
        }
    }

    /// Whether the UTF-8 of `needle` occurs in `bytes`.
    static func contains(_ bytes: [UInt8], _ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { n in
            guard !n.isEmpty else { return true }
            return bytes.withUnsafeBytes { h in
                // memchr to each place the first byte is, memcmp the rest there.
                var at = 0
                let last = h.count - n.count
                while at <= last {
                    guard let p = memchr(h.baseAddress! + at, Int32(n[0]), last - at + 1) else { return false }
                    if memcmp(p, n.baseAddress!, n.count) == 0 { return true }
                    at = UnsafeRawPointer(p) - h.baseAddress! + 1
                }
                return false
            }
        }
    }
}
