/// The rules of UAX #14 (Unicode 15.0, LB4–LB31; LB25 as in its Example 7, which is what
/// LineBreakTest uses) over resolved classes.
enum UAX14 {
    /// Sets `allowed[i]` to whether a line may break before code point `i` (`i` in `1..<count`).
    static func opportunities(_ cls: UnsafeBufferPointer<LineBreakClass>, _ words: UnsafeBufferPointer<UInt16>,
                              into allowed: UnsafeMutableBufferPointer<Bool>) {
        let n = cls.count
        guard n > 1 else { return }
        var prevActual = cls[0]
        var before: LineBreakClass = (prevActual == .cm || prevActual == .zwj) ? .al : prevActual
        var beforeBefore: LineBreakClass = .xx
        var lastNonSpace: LineBreakClass = before == .sp ? .xx : before
        var number = before == .nu ? 1 : 0     // 1: NU (NU|SY|IS)*; 2: that and (CL|CP)
        var regionalRun = before == .ri ? 1 : 0
        var baseIsUnassignedPictograph = isUnassignedPictograph(words[0])

        for i in 1..<n {
            let a = cls[i]
            // Fast paths for Chinese text; each is what the rules below give for these pairs.
            if prevActual == .id && before == .id {
                var decided: Bool? = nil
                switch a {
                case .id: decided = true                                     // LB31
                case .cl, .cp, .ex, .is, .sy: decided = false               // LB13
                case .ns, .ba, .hy: decided = false                         // LB21
                default: break
                }
                if let decided {
                    allowed[i] = decided
                    prevActual = a
                    beforeBefore = before
                    before = a
                    lastNonSpace = a
                    number = 0
                    regionalRun = 0
                    baseIsUnassignedPictograph = isUnassignedPictograph(words[i])
                    continue
                }
            }
            let absorbed = (a == .cm || a == .zwj)
                && !(before == .bk || before == .cr || before == .lf || before == .nl || before == .sp || before == .zw)
            let c: LineBreakClass = (a == .cm || a == .zwj) ? (absorbed ? before : .al) : a
            let b = before
            var brk: Bool
            if prevActual == .bk { brk = true }                                          // LB4
            else if prevActual == .cr && a == .lf { brk = false }                        // LB5
            else if prevActual == .cr || prevActual == .lf || prevActual == .nl { brk = true }
            else if a == .bk || a == .cr || a == .lf || a == .nl { brk = false }         // LB6
            else if a == .sp || a == .zw { brk = false }                                 // LB7
            else if lastNonSpace == .zw { brk = true }                                   // LB8
            else if prevActual == .zwj { brk = false }                                   // LB8a
            else if absorbed { brk = false }                                             // LB9
            else if c == .wj || b == .wj { brk = false }                                 // LB11
            else if b == .gl { brk = false }                                             // LB12
            else if c == .gl && !(b == .sp || b == .ba || b == .hy) { brk = false }      // LB12a
            else if c == .cl || c == .cp || c == .ex || c == .`is` || c == .sy { brk = false } // LB13
            else if lastNonSpace == .op { brk = false }                                  // LB14
            else if lastNonSpace == .qu && c == .op { brk = false }                      // LB15
            else if (lastNonSpace == .cl || lastNonSpace == .cp) && c == .ns { brk = false } // LB16
            else if lastNonSpace == .b2 && c == .b2 { brk = false }                      // LB17
            else if b == .sp { brk = true }                                              // LB18
            else if c == .qu || b == .qu { brk = false }                                 // LB19
            else if c == .cb || b == .cb { brk = true }                                  // LB20
            else if c == .ba || c == .hy || c == .ns || b == .bb { brk = false }         // LB21
            else if (b == .hy || b == .ba) && beforeBefore == .hl { brk = false }        // LB21a
            else if b == .sy && c == .hl { brk = false }                                 // LB21b
            else if c == .`in` { brk = false }                                             // LB22
            else if ((b == .al || b == .hl) && c == .nu) || (b == .nu && (c == .al || c == .hl)) { brk = false } // LB23
            else if (b == .pr && (c == .id || c == .eb || c == .em))
                        || ((b == .id || b == .eb || b == .em) && c == .po) { brk = false } // LB23a
            else if ((b == .pr || b == .po) && (c == .al || c == .hl))
                        || ((b == .al || b == .hl) && (c == .pr || c == .po)) { brk = false } // LB24
            else if numberRule(b, c, number: number, next: { nextClass(after: i, cls) }) { brk = false } // LB25
            else if (b == .jl && (c == .jl || c == .jv || c == .h2 || c == .h3))
                        || ((b == .jv || b == .h2) && (c == .jv || c == .jt))
                        || ((b == .jt || b == .h3) && c == .jt) { brk = false }          // LB26
            else if (isKorean(b) && c == .po) || (b == .pr && isKorean(c)) { brk = false } // LB27
            else if (b == .al || b == .hl) && (c == .al || c == .hl) { brk = false }    // LB28
            else if b == .`is` && (c == .al || c == .hl) { brk = false }                   // LB29
            else if (b == .al || b == .hl || b == .nu) && c == .op
                        && !PropertyWord.isEastAsianFullOrWideOrHalf(words[i]) { brk = false } // LB30
            else if b == .cp && (c == .al || c == .hl || c == .nu) { brk = false }
            else if b == .ri && c == .ri && regionalRun % 2 == 1 { brk = false }         // LB30a
            else if c == .em && (b == .eb || baseIsUnassignedPictograph) { brk = false } // LB30b
            else { brk = true }                                                          // LB31
            allowed[i] = brk

            prevActual = a
            if absorbed { continue }
            beforeBefore = before
            before = c
            if c != .sp { lastNonSpace = c }
            if c == .nu { number = 1 }
            else if number == 1 && (c == .sy || c == .`is`) { number = 1 }
            else if number == 1 && (c == .cl || c == .cp) { number = 2 }
            else { number = 0 }
            regionalRun = c == .ri ? regionalRun + 1 : 0
            baseIsUnassignedPictograph = isUnassignedPictograph(words[i])
        }
    }

    @inline(__always)
    private static func isUnassignedPictograph(_ w: UInt16) -> Bool {
        PropertyWord.isExtendedPictographic(w) && PropertyWord.isUnassigned(w)
    }

    @inline(__always)
    private static func isKorean(_ c: LineBreakClass) -> Bool {
        c == .jl || c == .jv || c == .jt || c == .h2 || c == .h3
    }

    /// LB25 as in UAX #14 Example 7:
    /// `(PR|PO) × (OP|HY)? NU`, `(OP|HY) × NU`, `NU (NU|SY|IS)* × (NU|SY|IS|CL|CP)`,
    /// `NU (NU|SY|IS)* (CL|CP)? × (PO|PR)`.
    @inline(__always)
    private static func numberRule(_ b: LineBreakClass, _ c: LineBreakClass, number: Int,
                                   next: () -> LineBreakClass) -> Bool {
        if (b == .pr || b == .po) && c == .nu { return true }
        if (b == .pr || b == .po) && (c == .op || c == .hy) && next() == .nu { return true }
        if (b == .op || b == .hy) && c == .nu { return true }
        if number == 1 && (c == .nu || c == .sy || c == .`is` || c == .cl || c == .cp) { return true }
        if number >= 1 && (c == .po || c == .pr) { return true }
        return false
    }

    /// The class of the first code point after `i` that is not a combining mark.
    private static func nextClass(after i: Int, _ cls: UnsafeBufferPointer<LineBreakClass>) -> LineBreakClass {
        var j = i + 1
        while j < cls.count, cls[j] == .cm || cls[j] == .zwj { j += 1 }
        return j < cls.count ? cls[j] : .xx
    }
}
