import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files under one path, one at a time, each with its stamp, in byte order of their
/// paths: what a refresh merges with the stored stamps (in the same order) without holding
/// every path found.
///
/// It is the one walk of the library's folders (`ArticleFiles.list` collects what it finds):
/// hidden names left out, links followed, each folder read once, loops reported, each file
/// that cannot be an article skipped with its reason. A folder's entries are visited in byte
/// order of how their paths go on, a folder's name followed by its `/`, so that `a.txt` and
/// `a-b.txt` come before the folder `a` (`-` and `.` are below `/`). A folder that two paths
/// lead to (through a link) is read at the first of them in this order. Each folder is read
/// whole and sorted, and each regular file is stat'ed relative to its open folder when its
/// turn comes: what is held is one folder's names per level of depth. The skipped files come
/// out in the order of a walk by names, depth first (`/` below every other byte).
public struct FileWalk {
    /// The current file's path (UTF-8 bytes): valid until the next call of `next()`.
    public private(set) var path: [UInt8] = []
    /// The current file's stamp (links followed); nil when it cannot be stat'ed.
    public private(set) var stamp: FileStamp?
    /// How many files `next()` gave.
    public private(set) var count = 0
    /// What could not be read, by names depth first (see above), complete once `next()`
    /// returned false.
    public private(set) var skipped: [SkippedFile] = []

    private var roots: [String]
    private var frames: [Frame] = []
    private var visited: Set<ArticleFiles.DirectoryID> = []
    /// The folders being read, outermost first: a link to one of them is a loop.
    private var ancestors: [ArticleFiles.DirectoryID: String] = [:]
    /// The skipped files of the root being walked, each with the key of its walk order.
    private var rootSkipped: [(key: [UInt8], file: SkippedFile)] = []

    /// Walks `roots` one after the other (each in byte order; the whole in byte order when
    /// there is one root).
    public init(roots: [String]) {
        self.roots = Array(roots.reversed())
    }

    /// The current path as a string (a name that is not UTF-8 was skipped, so it is valid).
    public var pathString: String { String(decoding: path, as: UTF8.self) }

    /// Moves to the next file: false when there is none left.
    public mutating func next() -> Bool {
        while true {
            guard frames.isEmpty == false else {
                flushSkipped()
                guard let root = roots.popLast() else { return false }
                if visit(root: root) { return true }
                continue
            }
            if step() { return true }
        }
    }

    // MARK: - Folders

    private enum Kind: UInt8 { case file, directory, link, fifo, socket, device, unknown }

    private struct Entry {
        /// Where the name is in `Frame.names` (followed by a NUL there).
        var start: Int
        var count: Int
        var kind: Kind
        /// A folder, or a link to one: ordered as if its name ended in `/`.
        var isDirectory: Bool
    }

    /// One folder being read: its entries sorted, the next one to visit, the folder open.
    private final class Frame {
        let prefix: [UInt8]
        let stream: OpaquePointer
        let id: ArticleFiles.DirectoryID
        var names: [UInt8] = []
        var entries: [Entry] = []
        var next = 0
        var fd: Int32 { dirfd(stream) }

        init(prefix: [UInt8], stream: OpaquePointer, id: ArticleFiles.DirectoryID) {
            self.prefix = prefix
            self.stream = stream
            self.id = id
        }

        deinit { closedir(stream) }
    }

    /// Visits the next entry of the innermost folder: true when it is a file (now current).
    private mutating func step() -> Bool {
        let frame = frames[frames.count - 1]
        guard frame.next < frame.entries.count else {
            ancestors[frame.id] = nil
            frames.removeLast()
            return false
        }
        let entry = frame.entries[frame.next]
        frame.next += 1
        let names = frame.names
        return names.withUnsafeBufferPointer { (names: UnsafeBufferPointer<UInt8>) -> Bool in
            visit(entry, in: frame, names: names)
        }
    }

    /// Visits `entry` of `frame`, whose names are `names`: true when it is a file (now current).
    private mutating func visit(_ entry: Entry, in frame: Frame, names: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = UnsafeBufferPointer(rebasing: names[entry.start..<(entry.start + entry.count)])
        path.removeAll(keepingCapacity: true)
        path += frame.prefix
        if !Self.isUTF8(raw) {
            let shown = String(decoding: frame.prefix, as: UTF8.self) + ArticleFiles.escaped(Array(raw))
            skip(frame.prefix + Array(raw), shown, "file name is not valid UTF-8 (shown with \\x escapes); rename it to read it")
            return false
        }
        path.append(contentsOf: raw)
        let name = UnsafeRawPointer(names.baseAddress! + entry.start).assumingMemoryBound(to: CChar.self)
        switch entry.kind {
        case .file:
            var st = stat()
            return found(fstatat(frame.fd, name, &st, 0) == 0 ? st : nil)
        case .directory:
            enterDirectory(at: frame.fd, name)
            return false
        case .link:
            return follow(at: frame.fd, name)
        case .fifo:
            skipHere("not a regular file (a named pipe)")
        case .socket:
            skipHere("not a regular file (a socket)")
        case .device:
            skipHere("not a regular file (a device)")
        case .unknown:
            return classify(at: frame.fd, name)
        }
        return false
    }

    private mutating func found(_ st: stat?) -> Bool {
        stamp = st.map(FileStamp.init)
        count += 1
        return true
    }

    /// A path given: a folder is walked, anything else is a file (read even if hidden or odd).
    private mutating func visit(root: String) -> Bool {
        var st = stat()
        guard stat(root, &st) == 0 else {
            skip(Array(root.utf8), root, ArticleFile.openFailure(errno: errno, path: root))
            return false
        }
        if st.st_mode & S_IFMT == S_IFDIR {
            let prefix = root.hasByteSuffix("/") ? root : root + "/"
            open(opendir(root), at: root, prefix: Array(prefix.utf8), id: ArticleFiles.DirectoryID(st), errno: errno)
            return false
        }
        path = Array(root.utf8)
        return found(st)
    }

    /// A folder met in the walk, at `path`: read unless it leads back to one being read.
    private mutating func enterDirectory(at folder: Int32, _ name: UnsafePointer<CChar>) {
        var st = stat()
        guard fstatat(folder, name, &st, 0) == 0 else {
            skipHere("folder cannot be read (\(ArticleFile.errorText(errno)))")
            return
        }
        let id = ArticleFiles.DirectoryID(st)
        if let ancestor = ancestors[id] {
            skipHere("directory loop: it leads back to \(ancestor), which is being read")
            return
        }
        guard !visited.contains(id) else { return } // already read through another path
        let fd = openat(folder, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        let stream = fd < 0 ? nil : fdopendir(fd)
        let code = errno
        if fd >= 0, stream == nil { close(fd) }
        open(stream, at: pathString, prefix: path + [UInt8(ascii: "/")], id: id, errno: code)
    }

    /// Reads the folder `stream` at `folderPath` (nil: it could not be opened, for `errno`)
    /// and puts it on top of the walk, its entries in byte order.
    private mutating func open(_ stream: OpaquePointer?, at folderPath: String, prefix: [UInt8], id: ArticleFiles.DirectoryID,
                               errno code: Int32) {
        guard !visited.contains(id) else {
            if let stream { closedir(stream) }
            return
        }
        visited.insert(id)
        guard let stream else {
            skip(Array(folderPath.utf8), folderPath, "folder cannot be read (\(ArticleFile.errorText(code)))")
            return
        }
        let frame = Frame(prefix: prefix, stream: stream, id: id)
        let fd = frame.fd
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        while let ent = readdir(stream) {
            let name = UnsafeRawPointer(ent).advanced(by: nameOffset).assumingMemoryBound(to: CChar.self)
            if name.pointee == CChar(UInt8(ascii: ".")) { continue } // hidden, and `.`/`..`
            let length = strlen(name)
            var kind = Kind.unknown
            var isDirectory = false
            switch Int32(ent.pointee.d_type) {
            case Int32(DT_REG): kind = .file
            case Int32(DT_DIR): kind = .directory; isDirectory = true
            case Int32(DT_LNK):
                kind = .link
                isDirectory = Self.leadsToFolder(fd, name)
            case Int32(DT_FIFO): kind = .fifo
            case Int32(DT_SOCK): kind = .socket
            case Int32(DT_CHR), Int32(DT_BLK): kind = .device
            default:
                // Not said by the listing: what it is decides where it sorts.
                var st = stat()
                if fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 {
                    switch st.st_mode & S_IFMT {
                    case S_IFDIR: isDirectory = true
                    case S_IFLNK: isDirectory = Self.leadsToFolder(fd, name)
                    default: break
                    }
                }
            }
            let start = frame.names.count
            name.withMemoryRebound(to: UInt8.self, capacity: length + 1) {
                frame.names.append(contentsOf: UnsafeBufferPointer(start: $0, count: length + 1))
            }
            frame.entries.append(Entry(start: start, count: length, kind: kind, isDirectory: isDirectory))
        }
        frame.names.withUnsafeBufferPointer { names in
            frame.entries.sort { Self.precedes($0, $1, names) }
        }
        ancestors[id] = folderPath
        frames.append(frame)
    }

    /// Whether the link `name` in the folder `fd` leads to a folder.
    private static func leadsToFolder(_ fd: Int32, _ name: UnsafePointer<CChar>) -> Bool {
        var st = stat()
        return fstatat(fd, name, &st, 0) == 0 && st.st_mode & S_IFMT == S_IFDIR
    }

    /// Byte order of the paths under two entries of one folder: a folder's name goes on with `/`.
    private static func precedes(_ a: Entry, _ b: Entry, _ names: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = min(a.count, b.count)
        if n > 0 {
            let c = memcmp(names.baseAddress! + a.start, names.baseAddress! + b.start, n)
            if c != 0 { return c < 0 }
        }
        if a.count == b.count { return false }
        // One name is the start of the other: the shorter ends, or goes on with `/`.
        if a.count < b.count {
            return !a.isDirectory || UInt8(ascii: "/") < names[b.start + n]
        }
        return b.isDirectory && names[a.start + n] < UInt8(ascii: "/")
    }

    /// A symbolic link: followed to what it points at, once.
    private mutating func follow(at folder: Int32, _ name: UnsafePointer<CChar>) -> Bool {
        var st = stat()
        guard fstatat(folder, name, &st, 0) == 0 else {
            skipHere(ArticleFile.openFailure(errno: errno, path: pathString))
            return false
        }
        switch st.st_mode & S_IFMT {
        case S_IFDIR:
            enterDirectory(at: folder, name)
            return false
        case S_IFREG: return found(st)
        default:
            skipHere("not a regular file (\(ArticleFile.nonRegularKind(st.st_mode) ?? "unknown"))")
            return false
        }
    }

    /// An entry whose type the folder listing did not say.
    private mutating func classify(at folder: Int32, _ name: UnsafePointer<CChar>) -> Bool {
        var st = stat()
        guard fstatat(folder, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else {
            skipHere("cannot be read (\(ArticleFile.errorText(errno)))")
            return false
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG:
            return found(fstatat(folder, name, &st, 0) == 0 ? st : nil)
        case S_IFDIR:
            enterDirectory(at: folder, name)
            return false
        case S_IFLNK: return follow(at: folder, name)
        default:
            skipHere("not a regular file (\(ArticleFile.nonRegularKind(st.st_mode) ?? "unknown"))")
            return false
        }
    }

    // MARK: - Skipped files

    private mutating func skipHere(_ reason: String) {
        skip(path, pathString, reason)
    }

    /// Records a skipped file; `raw` is its path's bytes, which give its place in walk order.
    private mutating func skip(_ raw: [UInt8], _ shown: String, _ reason: String) {
        // Walk order is byte order with `/` first (each folder's names sorted, read depth first).
        rootSkipped.append((raw.map { $0 == UInt8(ascii: "/") ? 1 : $0 }, SkippedFile(path: shown, reason: reason)))
    }

    /// The skipped files of the root just walked, put in walk order.
    private mutating func flushSkipped() {
        guard !rootSkipped.isEmpty else { return }
        let order = rootSkipped.indices.sorted {
            let a = rootSkipped[$0].key, b = rootSkipped[$1].key
            return a.lexicographicallyPrecedes(b) || (a == b && $0 < $1)
        }
        skipped += order.map { rootSkipped[$0].file }
        rootSkipped.removeAll()
    }

    /// Whether `bytes` are valid UTF-8 (ASCII at once).
    static func isUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if !bytes.contains(where: { $0 >= 0x80 }) { return true }
        return String(validating: bytes, as: UTF8.self) != nil
    }
}
