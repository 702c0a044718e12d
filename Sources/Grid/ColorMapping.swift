/// Maps the 256 indexed colours onto what a terminal has (8, 16 or 256 colours).
public enum ColorMapping {
    /// The colour of `index` that a terminal with `available` colours can show: itself when it
    /// has it, otherwise the nearest of its first 8 or 16 by RGB distance.
    public static func nearest(_ index: Int, available: Int) -> Int32 {
        if index < available || available >= 256 { return Int32(index) }
        let limit = available >= 16 ? 16 : 8
        let target = rgb(index)
        var best = 0
        var bestDistance = Int.max
        for candidate in 0..<limit {
            let c = rgb(candidate)
            let d = (c.0 - target.0) * (c.0 - target.0) + (c.1 - target.1) * (c.1 - target.1)
                + (c.2 - target.2) * (c.2 - target.2)
            if d < bestDistance { bestDistance = d; best = candidate }
        }
        return Int32(best)
    }

    /// The RGB value xterm gives an indexed colour.
    public static func rgb(_ index: Int) -> (Int, Int, Int) {
        let basic: [(Int, Int, Int)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        if index < 16 { return basic[max(0, index)] }
        if index < 232 {
            let i = index - 16
            let steps = [0, 95, 135, 175, 215, 255]
            return (steps[i / 36], steps[(i / 6) % 6], steps[i % 6])
        }
        let gray = 8 + (index - 232) * 10
        return (gray, gray, gray)
    }
}
