/// The matches of one query in reading order, with the stepping the reader does through them.
public struct SearchResults: Hashable, Sendable {
    /// One step from a match to the next or previous one.
    public struct Step: Hashable, Sendable {
        /// The index of the match stepped to.
        public var index: Int
        /// Whether the step went past the end (or the start) and came round to the other side.
        public var wrapped: Bool

        public init(index: Int, wrapped: Bool) {
            self.index = index
            self.wrapped = wrapped
        }
    }

    /// All matches, in reading order, never overlapping.
    public let matches: [SearchMatch]

    public init(matches: [SearchMatch]) {
        self.matches = matches
    }

    public var isEmpty: Bool { matches.isEmpty }
    public var count: Int { matches.count }
    public subscript(index: Int) -> SearchMatch { matches[index] }

    /// The first match starting at or after `position`, wrapping round to the first match of the
    /// article when none does; `nil` only when there are no matches.
    ///
    /// This is where a new search lands: at the first match from the reader's current place.
    public func firstIndex(atOrAfter position: SearchPosition) -> Step? {
        guard !matches.isEmpty else { return nil }
        // Binary search: the first match whose start is not before `position`.
        var low = 0, high = matches.count
        while low < high {
            let mid = (low + high) / 2
            if matches[mid].start < position { low = mid + 1 } else { high = mid }
        }
        return low == matches.count ? Step(index: 0, wrapped: true) : Step(index: low, wrapped: false)
    }

    /// The match after `index`, coming round to the first after the last (`wrapped`).
    public func step(after index: Int) -> Step? {
        guard !matches.isEmpty else { return nil }
        let next = index + 1
        return next >= matches.count ? Step(index: 0, wrapped: true) : Step(index: max(next, 0), wrapped: false)
    }

    /// The match before `index`, coming round to the last before the first (`wrapped`).
    public func step(before index: Int) -> Step? {
        guard !matches.isEmpty else { return nil }
        let previous = index - 1
        return previous < 0
            ? Step(index: matches.count - 1, wrapped: true)
            : Step(index: min(previous, matches.count - 1), wrapped: false)
    }
}
