import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file is not an article.
public struct ArticleProblem: Error, Hashable, Sendable {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
}

/// What identifies one version of a file on disk: changed when the file is.
public struct FileStamp: Hashable, Sendable {
    public var device: UInt64
    public var inode: UInt64
    public var size: Int64
    public var modified: Int64
    public var modifiedNanoseconds: Int64

    public init(device: UInt64, inode: UInt64, size: Int64, modified: Int64, modifiedNanoseconds: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
        self.modifiedNanoseconds = modifiedNanoseconds
    }

    init(_ st: stat) {
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
        size = Int64(st.st_size)
        #if canImport(Darwin)
        modified = Int64(st.st_mtimespec.tv_sec)
        modifiedNanoseconds = Int64(st.st_mtimespec.tv_nsec)
        #else
        modified = Int64(st.st_mtim.tv_sec)
        modifiedNanoseconds = Int64(st.st_mtim.tv_nsec)
        #endif
    }

    /// The stamp of the file at `path` (symbolic links followed), nil when it cannot be stat'ed.
    public static func of(_ path: String) -> FileStamp? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return FileStamp(st)
    }
}

/// Reading one file into an article.
public enum ArticleFile {
    /// Files larger than this are not articles; they are refused without being read.
    public static let maximumSize = 32 * 1024 * 1024
    /// A file whose bytes are this much not text (after decoding) is refused as binary.
    static let maximumInvalidFraction = 0.1

    /// Reads the article at `path`: Markdown (`.md`, `.markdown`, or text that opens with a
    /// `---` front-matter block) or the plain-text layout; UTF-8, GB18030 or UTF-16.
    public static func read(path: String) -> Result<Article, ArticleProblem> {
        read(path: path, stamp: nil).result
    }

    /// Reads the article at `path`, and the stamp of what was read.
    static func read(path: String, stamp: FileStamp?) -> (result: Result<Article, ArticleProblem>, stamp: FileStamp?) {
        let opened: OpenedFile
        switch open(path: path) {
        case .success(let file): opened = file
        case .failure(let failure): return (.failure(failure.problem), failure.stamp)
        }
        defer { close(opened.fd) }
        let bytes: [UInt8]
        switch readAll(opened.fd, expected: opened.size) {
        case .success(let b): bytes = b
        case .failure(let problem): return (.failure(problem), opened.stamp)
        }
        if bytes.isEmpty { return (.failure(ArticleProblem("empty file")), opened.stamp) }
        return (article(from: bytes, path: path), opened.stamp)
    }

    /// A file opened for reading that may be an article: regular, not empty, not too large.
    struct OpenedFile {
        var fd: Int32
        var size: Int
        var stamp: FileStamp
    }

    /// Why a file could not be opened as an article, and its stamp when it could be stat'ed.
    struct OpenFailure: Error {
        var problem: ArticleProblem
        var stamp: FileStamp?
    }

    /// Opens `path` and checks its kind and size; the caller closes the descriptor.
    static func open(path: String) -> Result<OpenedFile, OpenFailure> {
        // Non-blocking, so that a named pipe cannot hang the reader; refused below by its type.
        let fd = systemOpen(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            return .failure(OpenFailure(problem: ArticleProblem(openFailure(errno: errno, path: path))))
        }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            let problem = ArticleProblem("cannot be read (\(errorText(errno)))")
            close(fd)
            return .failure(OpenFailure(problem: problem))
        }
        let stamp = FileStamp(st)
        var problem: ArticleProblem?
        let size = Int(st.st_size)
        if let kind = nonRegularKind(st.st_mode) {
            problem = ArticleProblem("not a regular file (\(kind))")
        } else if size > maximumSize {
            problem = ArticleProblem(
                "too large to be an article (\(size) bytes; the limit is \(maximumSize) bytes, 32 MB)")
        } else if size == 0 {
            problem = ArticleProblem("empty file")
        }
        if let problem {
            close(fd)
            return .failure(OpenFailure(problem: problem, stamp: stamp))
        }
        return .success(OpenedFile(fd: fd, size: size, stamp: stamp))
    }

    /// What the first 8 KB of a file say about whether it is text.
    struct ControlScan {
        /// The file opens with a UTF-16 byte-order mark.
        var isUTF16: Bool
        /// NUL bytes occur (they do not in text, but for UTF-16).
        var hasNUL: Bool
        /// Control characters other than line breaks, tabs and ESC (0 for UTF-16).
        var controls: Int
        /// The bytes looked at.
        var scanned: Int
    }

    /// Looks for NUL bytes and control characters in the first 8 KB of `bytes`.
    static func scanControls(_ bytes: UnsafeBufferPointer<UInt8>) -> ControlScan {
        let isUTF16 = bytes.count >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF)
        let head = UnsafeBufferPointer(rebasing: bytes.prefix(8192))
        var controls = 0
        var nul = false
        var i = 0
        while i < head.count {
            // Eight bytes at a time while none is below 0x20 or 0x7F (text is mostly such words).
            if i + 8 <= head.count {
                let w = UnsafeRawPointer(head.baseAddress! + i).loadUnaligned(as: UInt64.self)
                let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
                let below20 = (w &- ones &* 0x20) & ~w & highs
                let del = w ^ (ones &* 0x7F)
                let is7F = (del &- ones) & ~del & highs
                if below20 | is7F == 0 { i += 8; continue }
            }
            let b = head[i]
            i += 1
            guard b < 0x20 || b == 0x7F else { continue }
            if b == 0 { nul = true }
            if b < 0x09 || b > 0x0D && b < 0x20 && b != 0x1B || b == 0x7F { controls += 1 }
        }
        return ControlScan(isUTF16: isUTF16, hasNUL: nul, controls: isUTF16 ? 0 : controls, scanned: head.count)
    }

    /// Why bytes that scanned as `scan` and decoded with `invalidSequences` are not text, nil
    /// when they are text.
    static func binaryProblem(_ scan: ControlScan, invalidSequences: Int, byteCount: Int) -> ArticleProblem? {
        if !scan.isUTF16, scan.hasNUL {
            return ArticleProblem("binary file, not text (it contains NUL bytes)")
        }
        let notText = invalidSequences + scan.controls
        if notText > 8, Double(invalidSequences) > Double(byteCount) * maximumInvalidFraction
            || Double(scan.controls) > Double(scan.scanned) * maximumInvalidFraction {
            return ArticleProblem(
                "binary file, not text (\(notText) of \(byteCount) bytes are control characters or neither UTF-8 nor GB18030)")
        }
        return nil
    }

    /// The article in `bytes`, which were read from `path`.
    static func article(from bytes: [UInt8], path: String) -> Result<Article, ArticleProblem> {
        parse(bytes, path: path).result
    }

    /// A file read whole: the article or why it is not one, and how it was written.
    struct Parsed {
        var result: Result<Article, ArticleProblem>
        /// `markdown` or `plain`, once the bytes were found to be text.
        var format: String?
        /// The encoding the bytes were decoded from (`UTF-8`, `GB18030`, `UTF-16`).
        var encoding: String?
    }

    /// The article in `bytes`, which were read from `path`, with its format and encoding.
    static func parse(_ bytes: [UInt8], path: String) -> Parsed {
        let scan = bytes.withUnsafeBufferPointer(scanControls)
        if !scan.isUTF16, scan.hasNUL {
            return Parsed(result: .failure(binaryProblem(scan, invalidSequences: 0, byteCount: bytes.count)!))
        }
        let decoded = TextDecoding.decode(bytes)
        if let problem = binaryProblem(scan, invalidSequences: decoded.invalidSequences, byteCount: bytes.count) {
            return Parsed(result: .failure(problem), encoding: decoded.encoding.rawValue)
        }
        let parsed: Article?
        let markdown = isMarkdown(path: path, text: decoded.text)
        if markdown {
            parsed = MarkdownFormat.parse(decoded.text, path: path)
        } else {
            parsed = PlainTextFormat.parse(decoded.text, path: path)
        }
        let format = markdown ? "markdown" : "plain"
        guard var article = parsed else {
            return Parsed(result: .failure(ArticleProblem("no text (only white space)")), format: format,
                          encoding: decoded.encoding.rawValue)
        }
        article.decodingNote = decoded.note
        return Parsed(result: .success(article), format: format, encoding: decoded.encoding.rawValue)
    }

    /// Reads the file at `path` whole, for the index: the parse and the stamp of what was read.
    static func readParsed(path: String) -> (parsed: Parsed, stamp: FileStamp?) {
        let opened: OpenedFile
        switch open(path: path) {
        case .success(let file): opened = file
        case .failure(let failure): return (Parsed(result: .failure(failure.problem)), failure.stamp)
        }
        defer { close(opened.fd) }
        switch readAll(opened.fd, expected: opened.size) {
        case .success(let bytes):
            if bytes.isEmpty { return (Parsed(result: .failure(ArticleProblem("empty file"))), opened.stamp) }
            return (parse(bytes, path: path), opened.stamp)
        case .failure(let problem):
            return (Parsed(result: .failure(problem)), opened.stamp)
        }
    }

    static func isMarkdown(path: String, text: String) -> Bool {
        isMarkdown(path: path, opening: text.utf8)
    }

    /// Whether the text whose UTF-8 bytes begin with `opening`, read from `path`, is Markdown.
    static func isMarkdown(path: String, opening: some Sequence<UInt8>) -> Bool {
        if let markdown = isMarkdown(extensionOf: path) { return markdown }
        // No telling extension: a front-matter block says Markdown.
        var head = opening.prefix(4096).drop(while: { $0 == 0xEF || $0 == 0xBB || $0 == 0xBF || $0 == 0x0A || $0 == 0x0D || $0 == 0x20 })
            .makeIterator()
        guard head.next() == 0x2D, head.next() == 0x2D, head.next() == 0x2D else { return false }
        let next = head.next()
        return next == 0x0A || next == 0x0D
    }

    /// True for a Markdown extension, false for a plain-text one, nil for any other.
    static func isMarkdown(extensionOf path: String) -> Bool? {
        let ext: String
        if let fast = asciiExtension(path) {
            ext = fast
        } else {
            ext = (path as NSString).pathExtension.lowercased()
        }
        if ["md", "markdown", "mdown", "mkd"].contains(ext) { return true }
        if ["txt", "text"].contains(ext) { return false }
        return nil
    }

    /// The extension of `path` lowercased, as `NSString.pathExtension` gives it, in the plain
    /// cases: `name.ext` or `name` with an ASCII letter-or-digit extension. Nil otherwise
    /// (then ask Foundation).
    static func asciiExtension(_ path: String) -> String? {
        var bytes = path.utf8.reversed().makeIterator()
        var ext: [UInt8] = []
        func isPlain(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 || (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
        while let b = bytes.next() {
            if b == UInt8(ascii: "/") { return ext.isEmpty ? nil : "" }
            if b == UInt8(ascii: ".") {
                guard !ext.isEmpty, let before = bytes.next(), before != UInt8(ascii: "/"), before != UInt8(ascii: ".") else {
                    return nil
                }
                return String(decoding: ext.reversed().map { $0 | 0x20 }, as: UTF8.self)
            }
            guard isPlain(b), ext.count < 16 else { return nil }
            ext.append(b)
        }
        return nil
    }

    static func readAll(_ fd: Int32, expected: Int) -> Result<[UInt8], ArticleProblem> {
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, initialized in
            var filled = 0
            while filled < expected {
                let n = systemRead(fd, buffer.baseAddress! + filled, expected - filled)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if n == 0 { break } // shrank while being read: keep what there is
                filled += n
            }
            initialized = filled
        }
        if failure != 0 { return .failure(ArticleProblem("cannot be read (\(errorText(failure)))")) }
        return .success(bytes)
    }

    /// A name for a file type that is not a regular file, nil for a regular file.
    static func nonRegularKind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a directory"
        case S_IFIFO: return "a named pipe"
        case S_IFSOCK: return "a socket"
        case S_IFCHR, S_IFBLK: return "a device"
        default: return "an unknown kind of file"
        }
    }

    static func openFailure(errno code: Int32, path: String) -> String {
        switch code {
        case EACCES: return "cannot be read (permission denied)"
        case ENOENT:
            var st = stat()
            if lstat(path, &st) == 0, st.st_mode & S_IFMT == S_IFLNK {
                return "dangling symbolic link (its target does not exist)"
            }
            return "no such file or directory"
        case ELOOP: return "symbolic link loop (the link leads back to itself)"
        default: return "cannot be read (\(errorText(code)))"
        }
    }

    static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

/// `read(2)`, under a name that the `read` methods above do not hide.
func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}

/// `open(2)`, under a name that the `open` method above does not hide.
func systemOpen(_ path: String, _ flags: Int32) -> Int32 {
    open(path, flags)
}
