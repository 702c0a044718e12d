import Foundation

/// Per-code-point properties for layout, looked up in the generated two-stage table.
///
/// One 16-bit word per code point (see `scripts/unicode/generate_tables.py`): Line_Break
/// class, terminal width, East Asian Width flags, Extended_Pictographic, unassigned, and
/// Grapheme_Cluster_Break.
final class UnicodeProperties: @unchecked Sendable {
    /// The table, decoded once.
    static let shared = UnicodeProperties()

    private let stage1: UnsafeMutableBufferPointer<UInt16>
    private let stage2: UnsafeMutableBufferPointer<UInt16>
    private let shift = UInt32(UnicodeTableData.blockShift)
    private let mask = UInt32((1 << UnicodeTableData.blockShift) - 1)

    private init() {
        stage1 = Self.decode(UnicodeTableData.stage1Base64)
        stage2 = Self.decode(UnicodeTableData.stage2Base64)
    }

    private static func decode(_ base64: String) -> UnsafeMutableBufferPointer<UInt16> {
        guard let data = Data(base64Encoded: base64, options: .ignoreUnknownCharacters) else {
            fatalError("corrupt generated Unicode table")
        }
        let buffer = UnsafeMutableBufferPointer<UInt16>.allocate(capacity: data.count / 2)
        data.withUnsafeBytes { raw in
            for i in 0..<buffer.count {
                buffer[i] = UInt16(raw[2 * i]) | UInt16(raw[2 * i + 1]) << 8
            }
        }
        return buffer
    }

    /// The property word of a code point (values past U+10FFFF read as unassigned).
    @inline(__always)
    func word(_ scalar: UInt32) -> UInt16 {
        guard scalar < 0x110000 else { return stage2[0] }
        let block = Int(stage1[Int(scalar >> shift)])
        return stage2[block << Int(shift) | Int(scalar & mask)]
    }
}

/// Accessors of a property word.
enum PropertyWord {
    @inline(__always) static func lineBreak(_ w: UInt16) -> UInt8 { UInt8(w & 0x3F) }
    @inline(__always) static func width(_ w: UInt16) -> Int { Int((w >> 6) & 3) }
    @inline(__always) static func isAmbiguous(_ w: UInt16) -> Bool { w & 0x100 != 0 }
    @inline(__always) static func isEastAsianFullOrWideOrHalf(_ w: UInt16) -> Bool { w & 0x200 != 0 }
    @inline(__always) static func isExtendedPictographic(_ w: UInt16) -> Bool { w & 0x400 != 0 }
    @inline(__always) static func isUnassigned(_ w: UInt16) -> Bool { w & 0x800 != 0 }
    @inline(__always) static func graphemeBreak(_ w: UInt16) -> UInt8 { UInt8(w >> 12) }

    /// Cells the code point takes; ambiguous narrow characters take two when asked.
    @inline(__always) static func width(_ w: UInt16, ambiguousIsWide: Bool) -> Int {
        let cells = Int((w >> 6) & 3)
        return (ambiguousIsWide && cells == 1 && w & 0x100 != 0) ? 2 : cells
    }
}
