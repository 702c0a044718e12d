/// Extended grapheme cluster boundaries (UAX #29, rules GB3–GB999) over property words.
enum GraphemeBreaker {
    /// Marks `isBoundary[i] = true` where a cluster starts at code point `i` (`i` in `1..<count`);
    /// index 0 is left as it is.
    static func boundaries(_ words: UnsafeBufferPointer<UInt16>, into isBoundary: UnsafeMutableBufferPointer<Bool>) {
        let n = words.count
        guard n > 1 else { return }
        typealias G = GraphemeBreakProperty
        func gcb(_ i: Int) -> G { unsafeBitCast(PropertyWord.graphemeBreak(words[i]), to: G.self) }
        var previous = gcb(0)
        var regionalRun = previous == .regionalIndicator ? 1 : 0
        // 0: none; 1: Extended_Pictographic Extend*; 2: that followed by ZWJ.
        var emoji = PropertyWord.isExtendedPictographic(words[0]) ? 1 : 0
        for i in 1..<n {
            let current = gcb(i)
            let pictographic = PropertyWord.isExtendedPictographic(words[i])
            let breaks: Bool
            switch (previous, current) {
            case (.cr, .lf): breaks = false                                   // GB3
            case (.control, _), (.cr, _), (.lf, _): breaks = true             // GB4
            case (_, .control), (_, .cr), (_, .lf): breaks = true             // GB5
            case (.l, .l), (.l, .v), (.l, .lv), (.l, .lvt): breaks = false    // GB6
            case (.lv, .v), (.lv, .t), (.v, .v), (.v, .t): breaks = false     // GB7
            case (.lvt, .t), (.t, .t): breaks = false                         // GB8
            case (_, .extend), (_, .zwj): breaks = false                      // GB9
            case (_, .spacingMark): breaks = false                            // GB9a
            case (.prepend, _): breaks = false                                // GB9b
            case (.zwj, _) where emoji == 2 && pictographic: breaks = false   // GB11
            case (.regionalIndicator, .regionalIndicator): breaks = regionalRun % 2 == 0  // GB12, GB13
            default: breaks = true                                            // GB999
            }
            isBoundary[i] = breaks
            regionalRun = current == .regionalIndicator ? regionalRun + 1 : 0
            if pictographic { emoji = 1 }
            else if emoji == 1 && current == .extend { emoji = 1 }
            else if emoji == 1 && current == .zwj { emoji = 2 }
            else { emoji = 0 }
            previous = current
        }
    }
}
