import ArgumentParser
import Foundation
import ReaderCore

/// `yuedu wrap`: a CJK-aware `fold`. Each input line is a paragraph; prints the wrapped lines.
struct Wrap: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Wrap plain text the way the reading pane does (a CJK-aware fold).")

    @Option(name: .shortAndLong, help: "Line width in terminal cells.")
    var width: Int = 80

    @Argument(help: "A text file; standard input when omitted.")
    var file: String?

    func run() throws {
        let data: Data
        if let file {
            guard let d = FileManager.default.contents(atPath: file) else {
                throw ValidationError("cannot read \(file)")
            }
            data = d
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        let text = String(decoding: data, as: UTF8.self)
        var out = ""
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        for line in lines {
            let paragraph = Sanitizer.displayable(String(line))
            for wrapped in wrap(paragraph, width: width) { out += wrapped.text + "\n" }
        }
        FileHandle.standardOutput.write(out.data(using: .utf8)!)
    }
}
