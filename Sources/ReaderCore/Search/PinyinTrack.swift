/// The Han characters of a folded text with their readings, in order: what a pinyin query is
/// matched against (see `PinyinQuery`).
///
/// One entry per Han character that has a reading and is a grapheme cluster of its own; a
/// break entry between two that are not next to each other in the text (a pinyin match never
/// crosses anything else: a space, a comma, a Latin letter, the end of a block). Built in one
/// pass over the folded text; about fourteen bytes an entry.
struct PinyinTrack: Sendable {
    /// For each entry, its set of readings in `PinyinTable`; 0 for a break.
    let sets: [UInt16]
    /// For each entry, the letters its readings start with (a = bit 0); 0 for a break.
    let initials: [UInt32]
    /// For each letter a–z, the entries with a reading that starts with it, in order: where a
    /// match of a query starting with that letter may start.
    let starts: [[UInt32]]
    /// For each entry, where its character starts in the folded text, and (as a tag in the
    /// top bit) whether it takes four bytes rather than three.
    let positions: [UInt32]

    private static let fourBytes: UInt32 = 1 << 31

    init(_ text: FoldedText) {
        let table = PinyinTable.shared
        var sets: [UInt16] = []
        var starts = [[UInt32]](repeating: [], count: 26)
        var initials: [UInt32] = []
        var positions: [UInt32] = []
        var lastEnd = -1
        text.bytes.withUnsafeBufferPointer { bytes in
            text.origin.withUnsafeBufferPointer { origin in
                let n = bytes.count
                var i = 0
                while i < n {
                    let b0 = bytes[i]
                    if b0 < 0xE3 || b0 == 0xFF {
                        i += b0 < 0x80 || b0 == 0xFF ? 1 : b0 < 0xE0 ? 2 : 3
                        continue
                    }
                    let length = b0 >= 0xF0 ? 4 : 3
                    guard i + length < n else { break }
                    let v: UInt32 = length == 3
                        ? (UInt32(b0) & 0x0F) << 12 | (UInt32(bytes[i + 1]) & 0x3F) << 6 | UInt32(bytes[i + 2]) & 0x3F
                        : (UInt32(b0) & 0x07) << 18 | (UInt32(bytes[i + 1]) & 0x3F) << 12
                            | (UInt32(bytes[i + 2]) & 0x3F) << 6 | UInt32(bytes[i + 3]) & 0x3F
                    let set = table.set(of: v)
                    // A Han character with a reading, alone in its cluster (not with a
                    // variation selector, say): a match may start and end around it.
                    if set != 0, origin[i] != FoldedText.inside, origin[i + length] != FoldedText.inside {
                        if lastEnd != i, !sets.isEmpty {
                            sets.append(0)
                            initials.append(0)
                            positions.append(0)
                        }
                        var letters = table.setInitials[set]
                        initials.append(letters)
                        while letters != 0 {
                            starts[letters.trailingZeroBitCount].append(UInt32(sets.count))
                            letters &= letters - 1
                        }
                        sets.append(UInt16(set))
                        positions.append(UInt32(i) | (length == 4 ? Self.fourBytes : 0))
                        lastEnd = i + length
                    }
                    i += length
                }
            }
        }
        self.sets = sets
        self.starts = starts
        self.initials = initials
        self.positions = positions
    }

    /// The non-overlapping runs of Han characters that spell `query`, left to right, each the
    /// shortest from its first character; `text` is the folded text the track was built from.
    func matches(of query: PinyinQuery, in text: FoldedText) -> [SearchMatch] {
        var matcher = PinyinQuery.Matcher(query, table: PinyinTable.shared)
        var found: [SearchMatch] = []
        var block = 0
        let blockStarts = text.blockStarts
        sets.withUnsafeBufferPointer { sets in
            initials.withUnsafeBufferPointer { initials in
                starts[Int(query.letters[0] &- 0x61)].withUnsafeBufferPointer { candidates in
                    text.origin.withUnsafeBufferPointer { origin in
                        let n = sets.count
                        // Only characters with a reading that starts with the query's first letter
                        // can start a match; one after a match's end (no overlaps).
                        var from = 0
                        for candidate in candidates {
                            let i = Int(candidate)
                            if i < from { continue }
                            // The first step depends on the character's readings alone: memoized.
                            var (state, done) = matcher.firstStep(set: Int(sets[i]))
                            var last = done ? i : -1
                            var j = i + 1
                            while !done, state != 0, j < n {
                                // A character none of whose readings starts with a letter the
                                // query is at cannot go on: one test before the full step.
                                if initials[j] & matcher.letters(at: state) == 0 { break }
                                (state, done) = matcher.step(state, set: Int(sets[j]))
                                if done { last = j }
                                j += 1
                            }
                            guard last >= 0 else { continue }
                            let start = Int(positions[i] & ~Self.fourBytes)
                            let end = Int(positions[last] & ~Self.fourBytes) + (positions[last] & Self.fourBytes != 0 ? 4 : 3)
                            while block + 1 < blockStarts.count, blockStarts[block + 1] <= start { block += 1 }
                            found.append(SearchMatch(block: block, range: Int(origin[start])..<Int(origin[end]), kind: .pinyin))
                            from = last + 1
                        }
                    }
                }
            }
        }
        return found
    }
}
