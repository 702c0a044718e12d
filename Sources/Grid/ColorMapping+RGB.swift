extension ColorMapping {
    /// The indexed colour (16–255: the 6×6×6 cube and the grey ramp) nearest to an RGB value.
    /// The first 16 are left out: terminals show them in colours of their own choosing.
    public static func nearest256(red: Int, green: Int, blue: Int) -> Int {
        var best = 16
        var bestDistance = Int.max
        for candidate in 16..<256 {
            let c = rgb(candidate)
            let d = (c.0 - red) * (c.0 - red) + (c.1 - green) * (c.1 - green) + (c.2 - blue) * (c.2 - blue)
            if d < bestDistance { bestDistance = d; best = candidate }
        }
        return best
    }
}
