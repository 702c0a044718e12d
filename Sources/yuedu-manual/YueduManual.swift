import Foundation

/// `yuedu-manual PAGE [DUMP]`: reads the page swift-argument-parser's `generate-manual` made
/// from the command definitions (PAGE, `-` for standard input) and writes the whole man page to
/// standard output (see `Manual.page`). DUMP is `yuedu --experimental-dump-help`'s output, the
/// help texts with the characters generate-manual drops. scripts/install.sh runs it.
@main
enum YueduManual {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let data: Data?
        if let path = arguments.first, path != "-" {
            data = FileManager.default.contents(atPath: path)
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        let dump = arguments.count > 1 ? FileManager.default.contents(atPath: arguments[1]) : nil
        guard let data, let generated = String(data: data, encoding: .utf8), generated.contains(".Sh ") else {
            FileHandle.standardError.write(Data("yuedu-manual: expected the mdoc page generate-manual writes, in PAGE or on standard input\n".utf8))
            exit(1)
        }
        FileHandle.standardOutput.write(Data(Manual.page(generated: generated, dumpHelp: dump).utf8))
    }
}
