// Config and theme files: TOML through the same parsing the reader does. No input may abort
// (toml++ asserts on some table headers), every issue names a line that exists.
@testable import ReaderCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let lineCount = text.utf8.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    let config = Configuration.parse(text, file: "config.toml")
    for issue in config.issues {
        if let line = issue.line, !(1...lineCount).contains(line) {
            violated("config issue names line \(line) of \(lineCount)", issue.message)
        }
    }
    let (_, themeIssues) = ThemeCatalog.parse(text, name: "fuzzed")
    for issue in themeIssues {
        if let line = issue.line, !(1...lineCount).contains(line) {
            violated("theme issue names line \(line) of \(lineCount)", issue.message)
        }
    }
    return 0
}
