import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a listing shows of an article: its title, date and path.
public struct ArticleHead: Hashable, Sendable {
    public var title: String
    public var date: ArticleDate?
    public var path: String

    public init(title: String, date: ArticleDate?, path: String) {
        self.title = title
        self.date = date
        self.path = path
    }
}

/// A buffer that files are read into, reused from file to file (one per thread).
final class ReadBuffer {
    private(set) var base: UnsafeMutableRawPointer
    private(set) var capacity: Int

    init(capacity: Int = 64 * 1024) {
        self.capacity = capacity
        base = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
    }

    deinit { base.deallocate() }

    /// Makes room for at least `count` bytes (the contents are not kept).
    func reserve(_ count: Int) {
        guard count > capacity else { return }
        base.deallocate()
        capacity = max(count, capacity * 2)
        base = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
    }
}

extension ArticleFile {
    /// Reads only what a listing needs of the article at `path`: title and date.
    ///
    /// The same as `read(path:)` for every file: the same title and date, and a file that is
    /// not an article is refused with the same reason (the whole file is still checked for
    /// binary content and its encoding). What is skipped is the body: in the common cases (a
    /// valid UTF-8 file in the plain-text layout, or Markdown whose front matter has a title)
    /// only the first lines are parsed; other files are parsed in full.
    public static func readHead(path: String) -> Result<ArticleHead, ArticleProblem> {
        readHead(path: path, into: ReadBuffer())
    }

    /// `readHead(path:)`, reading the file into `buffer`.
    static func readHead(path: String, into buffer: ReadBuffer) -> Result<ArticleHead, ArticleProblem> {
        readTop(path: path, into: buffer).parsed.result.map { ArticleHead(title: $0.title, date: $0.date, path: path) }
    }

    /// Reads the article at `path` as far as its top says what the list needs, into `buffer`:
    /// a head (`Article` without body) with the title, date and site, and the fields the top
    /// of the file names (a source on the date line; Markdown's front matter), or why the
    /// file is not an article; with its format and encoding, and the stamp of what was read.
    /// Every field it gives is the full reader's (`readParsed`); the ones it leaves out (an
    /// editor or tags written after the body, the lead, the related list) are found only by
    /// reading the whole article.
    static func readTop(path: String, into buffer: ReadBuffer) -> (parsed: Parsed, stamp: FileStamp?) {
        let opened: OpenedFile
        switch open(path: path) {
        case .success(let file): opened = file
        case .failure(let failure): return (Parsed(result: .failure(failure.problem)), failure.stamp)
        }
        defer { close(opened.fd) }
        buffer.reserve(opened.size)
        var filled = 0
        while filled < opened.size {
            let n = systemRead(opened.fd, buffer.base + filled, opened.size - filled)
            if n < 0 {
                if errno == EINTR { continue }
                return (Parsed(result: .failure(ArticleProblem("cannot be read (\(errorText(errno)))"))), opened.stamp)
            }
            if n == 0 { break } // shrank while being read: keep what there is
            filled += n
        }
        if filled == 0 { return (Parsed(result: .failure(ArticleProblem("empty file"))), opened.stamp) }
        let bytes = UnsafeBufferPointer(start: buffer.base.assumingMemoryBound(to: UInt8.self), count: filled)
        return (top(of: bytes, path: path), opened.stamp)
    }

    /// The top of the article in `bytes`, read from `path`: as `article(from:path:)` decides
    /// whether it is one, and with its format and encoding.
    static func top(of bytes: UnsafeBufferPointer<UInt8>, path: String) -> Parsed {
        let scan = scanControls(bytes)
        if !scan.isUTF16, scan.hasNUL {
            return Parsed(result: .failure(binaryProblem(scan, invalidSequences: 0, byteCount: bytes.count)!))
        }
        var knownNotUTF8 = false
        if !scan.isUTF16 {
            // Valid UTF-8 (after a byte-order mark, if any) decodes to itself: no copy.
            let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
            let text = hasBOM ? UnsafeBufferPointer(rebasing: bytes[3...]) : bytes
            if UTF8Check.isValid(text) {
                let encoding = DecodedText.Encoding.utf8.rawValue
                if let problem = binaryProblem(scan, invalidSequences: 0, byteCount: bytes.count) {
                    return Parsed(result: .failure(problem), encoding: encoding)
                }
                return top(ofText: text, path: path, encoding: encoding, note: nil)
            }
            knownNotUTF8 = !hasBOM
        }
        // Anything else decodes as the full reader decodes it (without trying UTF-8 again).
        let decoded = knownNotUTF8 ? TextDecoding.decodeNotUTF8(Array(bytes)) : TextDecoding.decode(Array(bytes))
        if let problem = binaryProblem(scan, invalidSequences: decoded.invalidSequences, byteCount: bytes.count) {
            return Parsed(result: .failure(problem), encoding: decoded.encoding.rawValue)
        }
        var text = decoded.text
        return text.withUTF8 { top(ofText: $0, path: path, encoding: decoded.encoding.rawValue, note: decoded.note) }
    }

    /// The top of the article whose decoded text (valid UTF-8) is `text`.
    static func top(ofText text: UnsafeBufferPointer<UInt8>, path: String, encoding: String, note: String?) -> Parsed {
        let markdown = isMarkdown(path: path, opening: text)
        let format = markdown ? "markdown" : "plain"
        guard var head = markdown ? markdownTop(text, path: path) : plainTextTop(text, path: path) else {
            return Parsed(result: .failure(ArticleProblem("no text (only white space)")), format: format, encoding: encoding)
        }
        head.path = path
        head.decodingNote = note
        return Parsed(result: .success(head), format: format, encoding: encoding)
    }

    /// The top of the plain-text layout: its first lines that are not blank, as
    /// `PlainTextFormat.parse` reads them (`PlainTextFormat.top`).
    static func plainTextTop(_ text: UnsafeBufferPointer<UInt8>, path: String) -> Article? {
        // The parser trims lines keeping a U+3000 indent, then drops the indent from all but
        // body paragraphs: " \u{3000} x" is read as " x".
        var lines = TrimmedLineCursor(text, keepingIndent: true)
        var first: [String] = []
        while first.count < 3, let line = lines.nextNonBlank() { first.append(TextLines.withoutIndent(line)) }
        return PlainTextFormat.top(first)?.0
    }

    /// The top of Markdown: the front matter's fields when it names a title; otherwise (the
    /// title is the first heading or the first paragraph) a parse of the text only as far as
    /// the title (`MarkdownFormat.headPrefix`), or of all of it when a shorter parse could
    /// answer differently.
    static func markdownTop(_ text: UnsafeBufferPointer<UInt8>, path: String) -> Article? {
        var lines = TrimmedLineCursor(text)
        var bodyStart = 0
        if let first = lines.nextNonBlank(), first == "---" {
            var block = [first]
            while let line = lines.next() {
                block.append(line)
                guard line == "---" || line == "..." else { continue }
                if let (fields, _) = MarkdownFormat.frontMatter(block) {
                    var article = Article(title: "", path: path)
                    MarkdownFormat.apply(fields, to: &article)
                    if !article.title.isEmpty { return article.head }
                    bodyStart = lines.done ? text.count : lines.start
                }
                break
            }
        }
        if let (end, heading) = MarkdownFormat.headPrefix(text, from: bodyStart),
           let article = MarkdownFormat.parse(String(decoding: UnsafeBufferPointer(rebasing: text[..<end]), as: UTF8.self),
                                              path: path, titleFromHeadingOnly: heading) {
            return article.head
        }
        return MarkdownFormat.parse(String(decoding: text, as: UTF8.self), path: path)?.head
    }
}

/// The lines of valid UTF-8 text one at a time, split and trimmed as `TextLines.trimmedLines`
/// splits and trims them (with the same `keepingIndent`).
struct TrimmedLineCursor {
    let text: UnsafeBufferPointer<UInt8>
    let keepingIndent: Bool
    var start = 0
    var done = false

    init(_ text: UnsafeBufferPointer<UInt8>, keepingIndent: Bool = false) {
        self.text = text
        self.keepingIndent = keepingIndent
    }

    /// The bounds of the next line, trimmed; nil after the last line.
    mutating func nextRange() -> Range<Int>? {
        guard !done else { return nil }
        var end = start
        let count = text.count
        while end < count, text[end] != 0x0A, text[end] != 0x0D { end += 1 }
        let line = start..<end
        if end == count {
            done = true
        } else {
            let byte = text[end]
            end += 1
            if byte == 0x0D, end < count, text[end] == 0x0A { end += 1 }
            start = end
        }
        let trimmed = TextLines.trimmedRange(UnsafeBufferPointer(rebasing: text[line]), keepingIndent: keepingIndent)
        return (line.lowerBound + trimmed.lowerBound)..<(line.lowerBound + trimmed.upperBound)
    }

    /// The next line, trimmed; nil after the last line.
    mutating func next() -> String? {
        nextRange().map { String(decoding: UnsafeBufferPointer(rebasing: text[$0]), as: UTF8.self) }
    }

    /// The next line that is not blank, trimmed; nil when there is none.
    mutating func nextNonBlank() -> String? {
        while let range = nextRange() {
            if !range.isEmpty { return String(decoding: UnsafeBufferPointer(rebasing: text[range]), as: UTF8.self) }
        }
        return nil
    }
}

/// Checking bytes for well-formed UTF-8 without making a String of them.
enum UTF8Check {
    /// Whether `bytes` are well-formed UTF-8 (no overlong forms, surrogates or values past
    /// U+10FFFF), as `String(validating:as:)` accepts.
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var i = 0
        while i < count {
            // Eight ASCII bytes at a time.
            if i + 8 <= count {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            }
            let b0 = base[i]
            if b0 < 0x80 { i += 1; continue }
            @inline(__always) func isContinuation(_ k: Int) -> Bool { base[k] & 0xC0 == 0x80 }
            switch b0 {
            case 0xC2...0xDF:
                guard i + 1 < count, isContinuation(i + 1) else { return false }
                i += 2
            case 0xE0...0xEF:
                guard i + 2 < count else { return false }
                let b1 = base[i + 1]
                switch b0 {
                case 0xE0: guard b1 >= 0xA0 && b1 <= 0xBF else { return false }
                case 0xED: guard b1 >= 0x80 && b1 <= 0x9F else { return false }
                default: guard b1 & 0xC0 == 0x80 else { return false }
                }
                guard isContinuation(i + 2) else { return false }
                i += 3
            case 0xF0...0xF4:
                guard i + 3 < count else { return false }
                let b1 = base[i + 1]
                switch b0 {
                case 0xF0: guard b1 >= 0x90 && b1 <= 0xBF else { return false }
                case 0xF4: guard b1 >= 0x80 && b1 <= 0x8F else { return false }
                default: guard b1 & 0xC0 == 0x80 else { return false }
                }
                guard isContinuation(i + 2), isContinuation(i + 3) else { return false }
                i += 4
            default:
                return false
            }
        }
        return true
    }
}
