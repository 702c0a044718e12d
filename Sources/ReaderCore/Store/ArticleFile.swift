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
struct FileStamp: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: Int64
    var modifiedNanoseconds: Int64

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
    static func of(_ path: String) -> FileStamp? {
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
        // Non-blocking, so that a named pipe cannot hang the reader; refused below by its type.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            return (.failure(ArticleProblem(openFailure(errno: errno, path: path))), nil)
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            return (.failure(ArticleProblem("cannot be read (\(errorText(errno)))")), nil)
        }
        let stamp = FileStamp(st)
        if let kind = nonRegularKind(st.st_mode) {
            return (.failure(ArticleProblem("not a regular file (\(kind))")), stamp)
        }
        let size = Int(st.st_size)
        if size > maximumSize {
            return (.failure(ArticleProblem(
                "too large to be an article (\(size) bytes; the limit is \(maximumSize) bytes, 32 MB)")), stamp)
        }
        if size == 0 { return (.failure(ArticleProblem("empty file")), stamp) }
        let bytes: [UInt8]
        switch readAll(fd, expected: size) {
        case .success(let b): bytes = b
        case .failure(let problem): return (.failure(problem), stamp)
        }
        if bytes.isEmpty { return (.failure(ArticleProblem("empty file")), stamp) }
        return (article(from: bytes, path: path), stamp)
    }

    /// The article in `bytes`, which were read from `path`.
    static func article(from bytes: [UInt8], path: String) -> Result<Article, ArticleProblem> {
        let isUTF16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        // NUL bytes, and control characters other than line breaks, tabs and ESC, do not
        // occur in text: look for them in the first 8 KB.
        let head = bytes.prefix(8192)
        var controls = 0
        var nul = false
        head.withUnsafeBufferPointer { buffer in
            for b in buffer where b < 0x20 || b == 0x7F {
                if b == 0 { nul = true }
                if b < 0x09 || b > 0x0D && b < 0x20 && b != 0x1B || b == 0x7F { controls += 1 }
            }
        }
        if !isUTF16, nul {
            return .failure(ArticleProblem("binary file, not text (it contains NUL bytes)"))
        }
        let decoded = TextDecoding.decode(bytes)
        if isUTF16 { controls = 0 }
        let notText = decoded.invalidSequences + controls
        if notText > 8, Double(decoded.invalidSequences) > Double(bytes.count) * maximumInvalidFraction
            || Double(controls) > Double(head.count) * maximumInvalidFraction {
            return .failure(ArticleProblem(
                "binary file, not text (\(notText) of \(bytes.count) bytes are control characters or neither UTF-8 nor GB18030)"))
        }
        let parsed: Article?
        if isMarkdown(path: path, text: decoded.text) {
            parsed = MarkdownFormat.parse(decoded.text, path: path)
        } else {
            parsed = PlainTextFormat.parse(decoded.text, path: path)
        }
        guard var article = parsed else {
            return .failure(ArticleProblem("no text (only white space)"))
        }
        article.decodingNote = decoded.note
        return .success(article)
    }

    static func isMarkdown(path: String, text: String) -> Bool {
        let ext = (path as NSString).pathExtension.lowercased()
        if ["md", "markdown", "mdown", "mkd"].contains(ext) { return true }
        if ["txt", "text"].contains(ext) { return false }
        // No telling extension: a front-matter block says Markdown.
        var head = text.utf8.prefix(4096).drop(while: { $0 == 0xEF || $0 == 0xBB || $0 == 0xBF || $0 == 0x0A || $0 == 0x0D || $0 == 0x20 })
        guard head.starts(with: "---".utf8) else { return false }
        head = head.dropFirst(3)
        return head.first == 0x0A || head.first == 0x0D
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
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
