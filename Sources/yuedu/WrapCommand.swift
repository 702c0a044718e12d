import ArgumentParser
import Foundation
import ReaderCore

/// `yuedu wrap`: a CJK-aware `fold`. Each input line is a paragraph; prints the wrapped lines.
struct Wrap: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Wrap plain text the way the reading pane does (a CJK-aware fold).",
        discussion: """
            Each input line is a paragraph (lines end at LF, CR, CRLF, VT, FF, U+0085, U+2028 or \
            U+2029); an empty line stays empty. Lines break where a Chinese typesetter would: never \
            before ，。、 or after （《“, never inside ——, ……, a word or a URL that fits; no last line holds a lone character when \
            the line above can give it one more.
            """)

    @Option(name: .shortAndLong, help: "Line width in terminal cells.")
    var width: Int = 80

    @Flag(help: "East Asian Ambiguous characters (“ ” — …) take two cells.")
    var ambiguousWide = false

    @Flag(help: "Drop a paragraph's leading U+3000 indent.")
    var noIndent = false

    @Flag(help: "Leave a lone character on a paragraph's last line (greedy filling only).")
    var allowLoneCharacter = false

    @Argument(help: "A text file; standard input when omitted.")
    var file: String?

    func validate() throws {
        guard width >= 1 else { throw ValidationError("--width must be at least 1 (got \(width))") }
    }

    func run() throws {
        let data: Data
        if let file {
            guard let d = FileManager.default.contents(atPath: file) else {
                throw Failure("cannot read \(file)")
            }
            data = d
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        let options = WrapOptions(ambiguousIsWide: ambiguousWide, keepIndent: !noIndent,
                                  avoidLoneCharacter: !allowLoneCharacter)
        let output = BufferedOutput()
        let invalid = data.withUnsafeBytes { raw in
            Self.wrapAll(raw.bindMemory(to: UInt8.self), width: width, options: options, into: output)
        }
        output.flush()
        if invalid > 0 {
            FileHandle.standardError.write(Data(
                "yuedu wrap: the input is not valid UTF-8 (\(invalid) bad byte sequence(s), shown as �)\n".utf8))
        }
    }

    /// Wraps every paragraph of `bytes`; returns how many paragraphs held invalid UTF-8.
    static func wrapAll(_ bytes: UnsafeBufferPointer<UInt8>, width: Int, options: WrapOptions,
                        into output: BufferedOutput) -> Int {
        var invalid = 0
        var start = 0
        var i = 0
        let n = bytes.count
        func paragraph(_ end: Int) {
            let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
            var text: String
            if let valid = String(validating: slice, as: UTF8.self) {
                text = valid
            } else {
                invalid += 1
                text = String(decoding: slice, as: UTF8.self)
            }
            text = Sanitizer.displayable(text)
            for line in wrap(text, width: width, options: options) {
                output.append(line.text)
                output.append(newline: ())
            }
        }
        while i < n {
            let b = bytes[i]
            var breakLength = 0
            switch b {
            case 0x0A, 0x0B, 0x0C: breakLength = 1
            case 0x0D: breakLength = (i + 1 < n && bytes[i + 1] == 0x0A) ? 2 : 1
            case 0xC2 where i + 1 < n && bytes[i + 1] == 0x85: breakLength = 2
            case 0xE2 where i + 2 < n && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                breakLength = 3
            default: break
            }
            if breakLength > 0 {
                paragraph(i)
                i += breakLength
                start = i
            } else {
                i += 1
            }
        }
        if start < n { paragraph(n) }
        return invalid
    }
}

/// Standard output in large writes.
final class BufferedOutput {
    private var buffer: [UInt8] = []
    private let limit = 1 << 20

    init() { buffer.reserveCapacity(limit + 4096) }

    func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= limit { flush() }
    }

    func append(newline: Void) { buffer.append(0x0A) }

    func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(STDOUT_FILENO, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { break }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
