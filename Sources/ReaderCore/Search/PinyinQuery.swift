import Foundation

/// A query read as pinyin: the letters a run of Han characters must spell.
///
/// A query is pinyin when, once tone marks (`ā`, `ǎ`…), tone numbers (1–5), spaces and
/// apostrophes are dropped and `ü` is written `v`, it is two to 62 ASCII letters: `xiangcunzhenxing`,
/// `xiang cun zhen xing`, `xiāngcūn`, `xiang1cun1`, `xczx`, `Beijing`. Anything else (a digit
/// 0 or 6–9, punctuation, a Han character) makes it no pinyin query.
///
/// A run of consecutive Han characters (within one block) matches when its characters, in
/// order, spell all the letters, each character by one of its readings (every reading of a
/// polyphonic character counts: `行` is `xing` and `hang`) written out in full or by its first
/// letter alone: `xiangcunzhenxing`, `xczx` and `xiangcunzx` all find `乡村振兴`. The last
/// character may also be spelt by the start of a reading (`xiangcunzhenxi`), so a match holds
/// while the reader is typing.
public struct PinyinQuery: Hashable, Sendable {
    /// The letters to spell, lower-case ASCII (`ü` as `v`).
    public let letters: [UInt8]

    /// The query as pinyin, or nil when it is not one (see the type's summary).
    public init?(_ query: String) {
        var letters: [UInt8] = []
        // NFD puts tone marks (and the diaeresis of ü) apart from their letters.
        for scalar in query.decomposedStringWithCanonicalMapping.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x61...0x7A: letters.append(UInt8(v))
            case 0x41...0x5A: letters.append(UInt8(v | 0x20))
            case 0x31...0x35, 0x20, 0x27, 0x2019, 0x3000: continue  // tone numbers, spaces, apostrophes
            case 0x0308:  // ü: u + diaeresis
                guard letters.last == 0x75 else { return nil }
                letters[letters.count - 1] = 0x76
            case 0x0300...0x030C: continue  // tone marks: macron, acute, caron, grave
            default: return nil
            }
        }
        guard letters.count >= 2, letters.count <= 62 else { return nil }
        self.letters = letters
    }

    /// The letters as a string (`xiangcunzhenxing`).
    public var text: String { String(decoding: letters, as: UTF8.self) }

    /// One way to spell the letters: each unit is what one Han character must read as.
    public enum Unit: Hashable, Sendable {
        /// A whole reading (`xiang`).
        case syllable(String)
        /// The first letter of a reading (`x`).
        case initial(Character)
        /// The start of a reading, for the last character only (`xi` of `xing`).
        case prefix(String)
    }

    /// Every way (up to `limit`) to cut the letters into readings, initials and, last, the
    /// start of a reading: what a run of Han characters must read as to match, character by
    /// character. `xczx` gives `[x, c, z, x]` (initials) among others; `xian` gives `[xian]`,
    /// `[xi, an]`, `[x, ian…]`… For an index that stores readings, say, and not the text.
    public func spellings(limit: Int = 64) -> [[Unit]] {
        let table = PinyinTable.shared
        let starts = Set(table.syllables.map { $0[0] })
        var found: [[Unit]] = []
        var units: [Unit] = []
        func walk(_ p: Int) {
            guard found.count < limit else { return }
            if p == letters.count {
                found.append(units)
                return
            }
            let rest = letters[p...]
            for syllable in table.syllables {
                if rest.starts(with: syllable) {
                    units.append(.syllable(String(decoding: syllable, as: UTF8.self)))
                    walk(p + syllable.count)
                    units.removeLast()
                } else if rest.count < syllable.count, syllable.starts(with: rest), rest.count > 1 {
                    units.append(.prefix(String(decoding: rest, as: UTF8.self)))
                    walk(letters.count)
                    units.removeLast()
                }
            }
            if starts.contains(letters[p]) {
                units.append(.initial(Character(Unicode.Scalar(letters[p]))))
                walk(p + 1)
                units.removeLast()
            }
        }
        walk(0)
        return found
    }

    /// How many leading characters of `characters` spell the query, the fewest that do; nil
    /// when no run from the first character does. `"乡村振兴", "xczx"` gives 4.
    public func matchLength(_ characters: some Sequence<Character>) -> Int? {
        let table = PinyinTable.shared
        let matcher = Matcher(self, table: table)
        var state = matcher.start
        var count = 0
        for character in characters {
            let scalars = character.unicodeScalars
            guard scalars.count == 1, let value = scalars.first?.value else { return nil }
            let set = table.set(of: value)
            guard set != 0 else { return nil }
            count += 1
            let (next, done) = matcher.step(state, set: set)
            if done { return count }
            if next == 0 { return nil }
            state = next
        }
        return nil
    }

    /// The query compiled against the syllables of a `PinyinTable`: positions in the letters
    /// as bits, so that a character's step is a few shifts per reading.
    struct Matcher {
        let table: PinyinTable
        /// For each syllable: the positions the letters spell it from, in full.
        private var whole: [UInt64]
        /// For each syllable: the positions from which the rest of the letters is a proper
        /// start of it (the query ends inside this character's reading).
        private var partial: [UInt64]
        /// For each letter a–z: the positions it is at.
        private var at: [UInt64]
        /// For each position: its letter, as a bit (a = bit 0).
        private var letterBits: [UInt32]
        /// ``step(_:set:)`` from the start, by set, worked out the first time a set is seen:
        /// the next positions, with ``doneFlag`` when the character ends a match;
        /// ``unknown`` before.
        private var firstSteps: [UInt64]
        private static let unknown = UInt64.max
        private static let doneFlag: UInt64 = 1 << 63
        /// The bit of the position past the last letter: reaching it is a match.
        let end: UInt64
        /// Before the first character: at position 0.
        let start: UInt64 = 1

        init(_ query: PinyinQuery, table: PinyinTable) {
            self.table = table
            let q = query.letters
            let n = q.count
            end = 1 << UInt64(n)
            at = [UInt64](repeating: 0, count: 26)
            for (p, letter) in q.enumerated() where letter >= 0x61 && letter <= 0x7A {
                at[Int(letter - 0x61)] |= 1 << UInt64(p)
            }
            letterBits = q.map { 1 << UInt32($0 &- 0x61) }
            firstSteps = [UInt64](repeating: Self.unknown, count: table.setInitials.count)
            whole = [UInt64](repeating: 0, count: table.syllables.count)
            partial = whole
            for (s, syllable) in table.syllables.enumerated() {
                let first = syllable[0]
                var positions = first >= 0x61 && first <= 0x7A ? at[Int(first - 0x61)] : 0
                while positions != 0 {
                    let p = positions.trailingZeroBitCount
                    positions &= positions - 1
                    let rest = n - p
                    if rest >= syllable.count {
                        var same = true
                        for k in 1..<syllable.count where q[p + k] != syllable[k] { same = false; break }
                        if same { whole[s] |= 1 << UInt64(p) }
                    } else if rest >= 2 {
                        var same = true
                        for k in 1..<rest where q[p + k] != syllable[k] { same = false; break }
                        if same { partial[s] |= 1 << UInt64(p) }
                    }
                }
            }
        }

        /// ``step(_:set:)`` from the start (before the first character of a match).
        @inline(__always)
        mutating func firstStep(set: Int) -> (next: UInt64, done: Bool) {
            var known = firstSteps[set]
            if known == Self.unknown {
                let (next, done) = step(start, set: set)
                known = next | (done ? Self.doneFlag : 0)
                firstSteps[set] = known
            }
            return (known & ~Self.doneFlag, known & Self.doneFlag != 0)
        }

        /// The letters at the positions of `state`, as bits: a character goes on from there
        /// only if a reading of it starts with one of them.
        @inline(__always)
        func letters(at state: UInt64) -> UInt32 {
            var letters: UInt32 = 0
            var state = state
            while state != 0 {
                letters |= letterBits[state.trailingZeroBitCount]
                state &= state - 1
            }
            return letters
        }

        /// From the positions `state` reached before a character whose readings are set
        /// `set`: the positions reached after it, and whether it ends a match.
        @inline(__always)
        func step(_ state: UInt64, set: Int) -> (next: UInt64, done: Bool) {
            var next: UInt64 = 0
            var done = false
            // Initials: one letter, whichever reading it starts.
            var initials = table.setInitials[set]
            while initials != 0 {
                let letter = initials.trailingZeroBitCount
                initials &= initials - 1
                next |= (state & at[letter]) << 1
            }
            for k in table.members(of: set) {
                let s = Int(table.setMembers[k])
                next |= (state & whole[s]) << UInt64(table.syllables[s].count)
                if state & partial[s] != 0 { done = true }
            }
            if next & end != 0 { done = true }
            return (next & (end - 1), done)
        }
    }
}
