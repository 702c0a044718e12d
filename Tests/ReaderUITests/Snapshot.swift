import Foundation
import Terminal
import Testing

/// The repository root, found from this file's path.
let repositoryRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
    }
    return URL(fileURLWithPath: ".")
}()

/// Compares a screen's text with `Snapshots/<name>.txt`. With RECORD_SNAPSHOTS=1 the file is
/// written instead (re-record on purpose only, and read the diff).
func assertSnapshot(_ screen: Screen, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let text = screen.textLines.joined(separator: "\n") + "\n"
    let file = repositoryRoot.appendingPathComponent("Tests/ReaderUITests/Snapshots/\(name).txt")
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try? text.write(to: file, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
        Issue.record("no snapshot \(name).txt: run with RECORD_SNAPSHOTS=1 and check it by eye", sourceLocation: sourceLocation)
        return
    }
    if expected != text {
        let e = expected.components(separatedBy: "\n"), a = text.components(separatedBy: "\n")
        var diff = ""
        for i in 0..<max(e.count, a.count) {
            let l = i < e.count ? e[i] : "<none>", r = i < a.count ? a[i] : "<none>"
            if l != r { diff += "row \(i)\n  expected: \(l)\n  actual:   \(r)\n" }
        }
        Issue.record("screen differs from \(name).txt:\n\(diff)", sourceLocation: sourceLocation)
    }
}
