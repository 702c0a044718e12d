import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finding article files under the paths a user gave.
public enum ArticleFiles {
    /// Files under `paths`, in `FileWalk`'s order (each path's files in byte order of their
    /// paths, a folder's name followed by its `/`). Directories are read recursively; hidden
    /// files and folders (names that start with `.`) are skipped; symbolic links are
    /// followed, each folder read once, so that a link back to a parent is reported as a loop
    /// instead of followed. What cannot be an article (a path that does not exist, a dangling
    /// link, a named pipe, a name that is not UTF-8, a folder that cannot be opened) is
    /// recorded in `skipped` with its reason. The one walk of the folders: the index's check
    /// takes the same files one at a time.
    public static func list(paths: [String], skipped: inout [SkippedFile]) -> [String] {
        var walk = FileWalk(roots: paths)
        var files: [String] = []
        while walk.next() { files.append(walk.pathString) }
        skipped += walk.skipped
        return files
    }

    struct DirectoryID: Hashable {
        var device: UInt64
        var inode: UInt64
        init(_ st: stat) {
            device = UInt64(st.st_dev)
            inode = UInt64(st.st_ino)
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
