import Foundation

/// Every Mandarin reading of a Han character, without tones, from Unihan (see
/// `scripts/unicode/generate_pinyin.py`): `中` reads `zhong`; `行` reads `hang`, `xing`,
/// `heng`; `绿` reads `lv`, `lu`.
///
/// Readings are numbered syllables (424 of them); a character has a *set* of them, and the
/// generated two-stage table gives each code point its set. Decoded once, on first use (about
/// a millisecond).
public final class PinyinTable: @unchecked Sendable {
    // Read-only after init, hence Sendable.

    /// The table, decoded once.
    public static let shared = PinyinTable()

    /// Each syllable's letters (ASCII, lower-case).
    let syllables: [[UInt8]]
    /// For set n (numbered from 1; 0 is "no reading"): where its syllable numbers start in
    /// `setMembers`, and one past the end at n + 1.
    let setStarts: [Int32]
    /// The syllable numbers of every set, one set after another.
    let setMembers: [UInt16]
    /// For each set, a bit for each letter (a = bit 0) some reading of it starts with.
    let setInitials: [UInt32]
    private let stage1: [UInt16]
    private let stage2: [UInt16]

    /// Decodes the generated table (a new copy; use ``shared``).
    public init() {
        syllables = PinyinTableData.syllables.split(whereSeparator: \.isWhitespace).map { Array($0.utf8) }
        let words = Self.decode(PinyinTableData.setsBase64)
        var starts: [Int32] = [0, 0]
        var members: [UInt16] = []
        var initials: [UInt32] = [0]
        var i = 0
        while i < words.count {
            let count = Int(words[i])
            var mask: UInt32 = 0
            for k in 0..<count {
                let syllable = words[i + 1 + k]
                members.append(syllable)
                mask |= 1 << UInt32(syllables[Int(syllable)][0] &- 0x61)
            }
            starts.append(Int32(members.count))
            initials.append(mask)
            i += 1 + count
        }
        setStarts = starts
        setMembers = members
        setInitials = initials
        stage1 = Self.decode(PinyinTableData.stage1Base64)
        stage2 = Self.decode(PinyinTableData.stage2Base64)
    }

    private static func decode(_ base64: String) -> [UInt16] {
        guard let data = Data(base64Encoded: base64, options: .ignoreUnknownCharacters) else {
            fatalError("corrupt generated pinyin table")
        }
        return data.withUnsafeBytes { raw in
            (0..<(raw.count / 2)).map { UInt16(raw[2 * $0]) | UInt16(raw[2 * $0 + 1]) << 8 }
        }
    }

    /// The number of the set of readings of code point `value`; 0 when it has none.
    @inline(__always)
    func set(of value: UInt32) -> Int {
        guard value < PinyinTableData.limit else { return 0 }
        let shift = UInt32(PinyinTableData.blockShift)
        let block = Int(stage1[Int(value >> shift)])
        return Int(stage2[block << Int(shift) | Int(value & ((1 << shift) - 1))])
    }

    /// The syllable numbers of set `set`.
    @inline(__always)
    func members(of set: Int) -> Range<Int> {
        Int(setStarts[set])..<Int(setStarts[set + 1])
    }

    /// Every toneless reading of `character` (lower-case, ü as `v` and as `u`), in Unihan's
    /// order; none for anything but a Han character with a known reading.
    public func readings(of character: Character) -> [String] {
        let scalars = character.unicodeScalars
        guard scalars.count == 1, let value = scalars.first?.value else { return [] }
        return members(of: set(of: value)).map { String(decoding: syllables[Int(setMembers[$0])], as: UTF8.self) }
    }
}
