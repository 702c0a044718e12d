import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finding article files under the paths a user gave.
public enum ArticleFiles {
    /// Files under `paths`, in path order (each directory's entries sorted by name, read
    /// depth first). Directories are read recursively; hidden files and folders (names that
    /// start with `.`) are skipped; symbolic links are followed, each folder read once, so
    /// that a link back to a parent is reported as a loop instead of followed. What cannot
    /// be an article (a path that does not exist, a dangling link, a named pipe, a name that
    /// is not UTF-8, a folder that cannot be opened) is recorded in `skipped` with its reason.
    public static func list(paths: [String], skipped: inout [SkippedFile]) -> [String] {
        var walker = Walker()
        for path in paths { walker.visit(root: path) }
        skipped += walker.skipped
        return walker.files
    }

    struct DirectoryID: Hashable {
        var device: UInt64
        var inode: UInt64
        init(_ st: stat) {
            device = UInt64(st.st_dev)
            inode = UInt64(st.st_ino)
        }
    }

    struct Walker {
        var files: [String] = []
        var skipped: [SkippedFile] = []
        var visited: Set<DirectoryID> = []
        /// The folders being read, outermost first: a link to one of them is a loop.
        var ancestors: [DirectoryID: String] = [:]

        mutating func visit(root path: String) {
            var st = stat()
            guard stat(path, &st) == 0 else {
                skip(path, ArticleFile.openFailure(errno: errno, path: path))
                return
            }
            if st.st_mode & S_IFMT == S_IFDIR {
                walk(path, DirectoryID(st))
            } else {
                found(path, st) // a file named on purpose is read even if hidden or odd
            }
        }

        mutating func found(_ path: String, _ st: stat?) {
            files.append(path)
        }

        mutating func skip(_ path: String, _ reason: String) {
            skipped.append(SkippedFile(path: path, reason: reason))
        }

        mutating func walk(_ directory: String, _ id: DirectoryID) {
            guard !visited.contains(id) else { return } // already read through another path
            visited.insert(id)
            ancestors[id] = directory
            defer { ancestors[id] = nil }

            guard let stream = opendir(directory) else {
                skip(directory, "folder cannot be read (\(ArticleFile.errorText(errno)))")
                return
            }
            var entries: [(name: [UInt8], type: UInt8)] = []
            while let entry = readdir(stream) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    Array(raw.prefix(while: { $0 != 0 }))
                }
                if name.first == UInt8(ascii: ".") { continue } // hidden, and `.`/`..`
                entries.append((name, entry.pointee.d_type))
            }
            defer { closedir(stream) }
            entries.sort { $0.name.lexicographicallyPrecedes($1.name) }

            let prefix = directory.hasByteSuffix("/") ? directory : directory + "/"
            for (raw, type) in entries {
                guard let name = String(validating: raw, as: UTF8.self) else {
                    skip(prefix + ArticleFiles.escaped(raw),
                         "file name is not valid UTF-8 (shown with \\x escapes); rename it to read it")
                    continue
                }
                let path = prefix + name
                switch Int32(type) {
                case Int32(DT_REG): files.append(path)
                case Int32(DT_DIR): enterDirectory(path)
                case Int32(DT_LNK): follow(path)
                case Int32(DT_FIFO): skip(path, "not a regular file (a named pipe)")
                case Int32(DT_SOCK): skip(path, "not a regular file (a socket)")
                case Int32(DT_CHR), Int32(DT_BLK): skip(path, "not a regular file (a device)")
                default: classify(path)
                }
            }
        }

        mutating func enterDirectory(_ path: String) {
            var st = stat()
            guard stat(path, &st) == 0 else {
                skip(path, "folder cannot be read (\(ArticleFile.errorText(errno)))")
                return
            }
            let id = DirectoryID(st)
            if let ancestor = ancestors[id] {
                skip(path, "directory loop: it leads back to \(ancestor), which is being read")
                return
            }
            walk(path, id)
        }

        /// A symbolic link: followed to what it points at, once.
        mutating func follow(_ path: String) {
            var st = stat()
            guard stat(path, &st) == 0 else {
                skip(path, ArticleFile.openFailure(errno: errno, path: path))
                return
            }
            switch st.st_mode & S_IFMT {
            case S_IFDIR: enterDirectory(path)
            case S_IFREG: found(path, st)
            default: skip(path, "not a regular file (\(ArticleFile.nonRegularKind(st.st_mode) ?? "unknown"))")
            }
        }

        /// An entry whose type the folder listing did not say.
        mutating func classify(_ path: String) {
            var st = stat()
            guard lstat(path, &st) == 0 else {
                skip(path, "cannot be read (\(ArticleFile.errorText(errno)))")
                return
            }
            switch st.st_mode & S_IFMT {
            case S_IFREG: found(path, st)
            case S_IFDIR: enterDirectory(path)
            case S_IFLNK: follow(path)
            default: skip(path, "not a regular file (\(ArticleFile.nonRegularKind(st.st_mode) ?? "unknown"))")
            }
        }
    }

    /// A file name for display: valid UTF-8 as is, other bytes as `\xNN`.
    static func escaped(_ bytes: [UInt8]) -> String {
        var out = ""
        var i = 0
        while i < bytes.count {
            var matched = false
            for n in [1, 2, 3, 4] where i + n <= bytes.count {
                if let s = String(validating: bytes[i..<(i + n)], as: UTF8.self), !(n == 1 && bytes[i] < 0x20) {
                    out += s
                    i += n
                    matched = true
                    break
                }
            }
            if !matched {
                out += String(format: "\\x%02X", bytes[i])
                i += 1
            }
        }
        return out
    }
}
