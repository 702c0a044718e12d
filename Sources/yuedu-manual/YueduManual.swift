import Foundation

/// `yuedu-manual [FILE]`: reads the page swift-argument-parser's `generate-manual` made from
/// the command definitions (FILE, or standard input) and writes the whole man page to standard
/// output, with the sections of `Manual` before EXIT STATUS. scripts/install.sh runs it.
@main
enum YueduManual {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        let data: Data?
        if let path = arguments.first {
            data = FileManager.default.contents(atPath: path)
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        guard let data, let generated = String(data: data, encoding: .utf8), generated.contains(".Sh ") else {
            FileHandle.standardError.write(Data("yuedu-manual: expected the mdoc page generate-manual writes, on standard input or in FILE\n".utf8))
            exit(1)
        }
        FileHandle.standardOutput.write(Data(Manual.page(generated: generated).utf8))
    }
}
