import Foundation

/// A key that sorts titles the way a Chinese reader expects: each Han character as its pinyin
/// (the first of its readings, through `PinyinTable`), other letters and digits lower-cased,
/// so `安` (an) comes before `Apple`, `八` (ba) and `zoo`. A syllable ends with a byte lower
/// than any letter, so `西安` (xi an) comes before `先` (xian); white space sorts low too, and
/// punctuation as nothing (`《蟋蟀》` beside `蟋蟀`). Compare keys byte by byte.
public enum TitleSortKey {
    /// The key of `title`: one pass over its code points, a table lookup for each (about a
    /// tenth of a second for 100,000 titles, see BENCHMARKS.md).
    public static func make(_ title: String, table: PinyinTable = .shared) -> [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(title.utf8.count)
        for scalar in title.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                switch value {
                case 0x41...0x5A: key.append(UInt8(value) + 0x20)
                case 0x61...0x7A, 0x30...0x39: key.append(UInt8(value))
                case 0x20, 0x09: key.append(0x02)
                default: break
                }
                continue
            }
            let set = table.set(of: value)
            if set != 0 {
                let members = table.members(of: set)
                key += table.syllables[Int(table.setMembers[members.lowerBound])]
                key.append(0x01)
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                key += Array(scalar.properties.lowercaseMapping.utf8)
            } else if scalar.properties.isWhitespace {
                key.append(0x02)
            }
        }
        return key
    }

    /// Whether key `a` sorts before key `b` (bytes compared with `memcmp`; a key before the
    /// longer keys it begins).
    @inline(__always)
    public static func precedes(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard !a.isEmpty, !b.isEmpty else { return a.count < b.count }
        let order = a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in memcmp(x.baseAddress!, y.baseAddress!, min(x.count, y.count)) }
        }
        return order != 0 ? order < 0 : a.count < b.count
    }
}
