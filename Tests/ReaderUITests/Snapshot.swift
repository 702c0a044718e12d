import Foundation
import Grid
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
    compareSnapshot(text, named: name, sourceLocation: sourceLocation)
}

/// Like `assertSnapshot`, with the screen's text followed by a style mask, so that highlights
/// are part of the golden file: one mask row per screen row, one character per cell, `marks`'
/// character where the cell has that style (named in a legend line) and a space elsewhere (trailing blanks trimmed).
/// A wide character's two cells both carry the mark, so in a terminal the mask lines up
/// under the text above it.
func assertSnapshot(_ screen: Screen, named name: String, marking marks: [(mark: Character, name: String, style: Style)],
                    sourceLocation: SourceLocation = #_sourceLocation) {
    var text = screen.textLines.joined(separator: "\n") + "\n"
    let legend = marks.map { "\($0.mark) \($0.name)" }.joined(separator: ", ")
    text += "── styles: \(legend) ──\n"
    text += styleMask(screen, marking: marks).joined(separator: "\n") + "\n"
    compareSnapshot(text, named: name, sourceLocation: sourceLocation)
}

/// The style mask of `screen`: for each row, the mark of each cell's style, or a space.
func styleMask(_ screen: Screen, marking marks: [(mark: Character, name: String, style: Style)]) -> [String] {
    (0..<screen.height).map { y in
        var row = ""
        for x in 0..<screen.width {
            row.append(marks.first { $0.style == screen[x, y].style }?.mark ?? " ")
        }
        while row.hasSuffix(" ") { row.removeLast() }
        return row
    }
}

private func compareSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation) {
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
