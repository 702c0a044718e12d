// Timing and statistics shared by every benchmark mode.
import Foundation

/// Milliseconds taken by `body`.
func milliseconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}

/// The middle of `values` (the mean of the two middle ones when their count is even).
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

/// The value below which 99% of `values` fall.
func p99(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int((Double(sorted.count) * 0.99).rounded(.up)) - 1)]
}

/// Milliseconds with three decimals, e.g. `0.152 ms`.
func format(_ ms: Double) -> String { String(format: "%.3f ms", ms) }
