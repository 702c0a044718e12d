// Text decoding: UTF-8 (with or without BOM), UTF-16 and GB18030 guessing.
@testable import ReaderCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDecoding(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let input = bytes(data, size)
    let decoded = TextDecoding.decode(input)
    // Valid UTF-8 without a BOM is taken as it is, byte for byte.
    if input.first != 0xEF, input.first != 0xFE, input.first != 0xFF,
       let valid = String(validating: input, as: UTF8.self) {
        if decoded.text != valid || decoded.invalidSequences != 0 {
            violated("valid UTF-8 not kept as it is", debugString(valid))
        }
    }
    // Whatever the encoding, the result is text the sanitizer makes safe.
    assertSafe(Sanitizer.displayable(decoded.text), "sanitized decoded text")
    return 0
}
