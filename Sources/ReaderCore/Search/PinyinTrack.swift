/// The Han characters of a folded text with their readings, in order: what a pinyin query is
/// matched against (see `PinyinQuery`).
///
/// One entry per Han character that has a reading and is a grapheme cluster of its own; a
/// break entry between two that are not next to each other in the text (a pinyin match never
/// crosses anything else: a space, a comma, a Latin letter, the end of a block). Built in one
/// pass over the folded text; about sixteen bytes an entry. An entry keeps its character's
/// place in the text as written, so a match costs no look-up in the folded text's origins
/// (which, four bytes per byte of text, would mostly miss the cache).
struct PinyinTrack: Sendable {
    /// For each entry: its set of readings in `PinyinTable` (low 16 bits) and the letters its
    /// readings start with (a = bit 16 and up); 0 for a break.
    let entries: [UInt64]
    /// For each entry: its character's UTF-8 offset in its block, and (as a tag in the top
    /// bit) whether the character takes four bytes rather than three.
    let offsets: [UInt32]
    /// For each block, its first entry.
    let blockEntries: [Int]
    /// For each letter a–z, the entries with a reading that starts with it, in order: where a
    /// match of a query starting with that letter may start.
    let starts: [[UInt32]]

    private static let fourBytes: UInt32 = 1 << 31

    init(_ text: FoldedText) {
        let table = PinyinTable.shared
        var entries: [UInt64] = []
        var offsets: [UInt32] = []
        var blockEntries: [Int] = []
        var starts = [[UInt32]](repeating: [], count: 26)
        var lastEnd = -1
        let blockStarts = text.blockStarts
        text.bytes.withUnsafeBufferPointer { bytes in
            text.origin.withUnsafeBufferPointer { origin in
                let n = bytes.count
                var i = 0
                while i < n {
                    while blockEntries.count < blockStarts.count, blockStarts[blockEntries.count] <= i {
                        if !entries.isEmpty, entries.last != 0 {
                            entries.append(0)
                            offsets.append(0)
                        }
                        blockEntries.append(entries.count)
                    }
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
                    // variation selector, say): a match may start and end around it, and it
                    // takes as many bytes in the text as written as in the fold.
                    if set != 0, origin[i] != FoldedText.inside, origin[i + length] != FoldedText.inside {
                        if lastEnd != i, !entries.isEmpty, entries.last != 0 {
                            entries.append(0)
                            offsets.append(0)
                        }
                        var letters = table.setInitials[set]
                        entries.append(UInt64(set) | UInt64(letters) << 16)
                        while letters != 0 {
                            starts[letters.trailingZeroBitCount].append(UInt32(offsets.count))
                            letters &= letters - 1
                        }
                        offsets.append(origin[i] | (length == 4 ? Self.fourBytes : 0))
                        lastEnd = i + length
                    }
                    i += length
                }
            }
        }
        while blockEntries.count < blockStarts.count { blockEntries.append(entries.count) }
        self.entries = entries
        self.offsets = offsets
        self.blockEntries = blockEntries
        self.starts = starts
    }

    /// The non-overlapping runs of Han characters that spell `query`, left to right, each the
    /// shortest from its first character.
    func matches(of query: PinyinQuery) -> [SearchMatch] {
        var matcher = PinyinQuery.Matcher(query, table: PinyinTable.shared)
        var found: [SearchMatch] = []
        var block = 0
        let blockEntries = blockEntries
        entries.withUnsafeBufferPointer { entries in
            starts[Int(query.letters[0] &- 0x61)].withUnsafeBufferPointer { candidates in
                let n = entries.count
                // Only characters with a reading that starts with the query's first letter can
                // start a match; one after a match's end (no overlaps).
                var from = 0
                for candidate in candidates {
                    let i = Int(candidate)
                    if i < from { continue }
                    // The first step depends on the character's readings alone: memoized.
                    var (state, done) = matcher.firstStep(set: Int(entries[i] & 0xFFFF))
                    var last = done ? i : -1
                    var j = i + 1
                    while !done, state != 0, j < n {
                        // A character none of whose readings starts with a letter the query is
                        // at cannot go on (a break has none): one test before the full step.
                        let entry = entries[j]
                        if UInt32(truncatingIfNeeded: entry >> 16) & matcher.letters(at: state) == 0 { break }
                        (state, done) = matcher.step(state, set: Int(entry & 0xFFFF))
                        if done { last = j }
                        j += 1
                    }
                    guard last >= 0 else { continue }
                    while block + 1 < blockEntries.count, blockEntries[block + 1] <= i { block += 1 }
                    let start = Int(offsets[i] & ~Self.fourBytes)
                    let end = Int(offsets[last] & ~Self.fourBytes) + (offsets[last] & Self.fourBytes != 0 ? 4 : 3)
                    found.append(SearchMatch(block: block, range: start..<end, kind: .pinyin))
                    from = last + 1
                }
            }
        }
        return found
    }
}
