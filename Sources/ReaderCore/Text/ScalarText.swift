/// A paragraph decoded once into code points, their UTF-8 offsets and property words, so
/// that segmentation and line breaking run over flat arrays instead of `Character`s.
struct ScalarText {
    /// The code points.
    var scalars: [UInt32]
    /// UTF-8 offset of each code point, plus the total length at the end (`count + 1` entries).
    var offsets: [Int]
    /// The property word of each code point.
    var words: [UInt16]

    var count: Int { scalars.count }

    /// Decodes well-formed UTF-8 (as a `String` always holds).
    init(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        let table = UnicodeProperties.shared
        var scalars: [UInt32] = []
        var offsets: [Int] = []
        var words: [UInt16] = []
        scalars.reserveCapacity(bytes.count)
        offsets.reserveCapacity(bytes.count + 1)
        words.reserveCapacity(bytes.count)
        var i = 0
        let n = bytes.count
        while i < n {
            let b0 = UInt32(bytes[i])
            var value: UInt32
            var length: Int
            if b0 < 0x80 {
                value = b0; length = 1
            } else if b0 < 0xE0 {
                value = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F); length = 2
            } else if b0 < 0xF0 {
                value = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                length = 3
            } else {
                value = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12
                    | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
                length = 4
            }
            scalars.append(value)
            offsets.append(i)
            words.append(table.word(value))
            i += length
        }
        offsets.append(n)
        self.scalars = scalars
        self.offsets = offsets
        self.words = words
    }

    /// Decodes a string's UTF-8.
    init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        self = text.utf8.withContiguousStorageIfAvailable { ScalarText(utf8: $0) }!
    }
}
