// Shared by every harness: what "no control byte out" means, and a failure that libFuzzer
// reports as a crash with the input that caused it.
@testable import ReaderCore
import TextSafety
#if canImport(Glibc)
import Glibc
#endif

/// Stops the run with a message: libFuzzer saves the input as a crash.
func violated(_ what: String, _ detail: @autoclosure () -> String = "") -> Never {
    let text = "invariant violated: \(what) \(detail())\n"
    _ = text.withCString { fputs($0, stderr) }
    abort()
}

/// Whether text may go to a terminal as it is: nothing the control policy would change.
func assertSafe(_ text: String, _ what: String) {
    for scalar in text.unicodeScalars where !ControlPolicy.isSafe(scalar) {
        violated("\(what) holds U+\(String(scalar.value, radix: 16, uppercase: true))", debugString(text))
    }
}

func debugString(_ text: String) -> String {
    String(reflecting: text.count > 200 ? String(text.prefix(200)) + "…" : text)
}

/// The bytes of one input.
func bytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
    Array(UnsafeBufferPointer(start: data, count: size))
}
