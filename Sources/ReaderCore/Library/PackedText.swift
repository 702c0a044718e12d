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
        guard data.count >= 4 else { return nil }
        return data.withUnsafeBytes { raw -> String? in
            let bytes = raw.bindMemory(to: UInt8.self)
            let n = Int(bytes[0]) | Int(bytes[1]) << 8 | Int(bytes[2]) << 16 | Int(bytes[3]) << 24
            guard n <= 1 << 30 else { return nil }
            var size = uLong(n)
            var out = [UInt8](repeating: 0, count: max(n, 1))
            let status = out.withUnsafeMutableBufferPointer { target in
                uncompress(target.baseAddress, &size, bytes.baseAddress! + 4, uLong(bytes.count - 4))
            }
            guard status == Z_OK, Int(size) == n else { return nil }
            return String(decoding: out[0..<n], as: UTF8.self)
        }
    }
}
