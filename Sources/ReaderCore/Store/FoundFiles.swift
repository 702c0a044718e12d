import Foundation

/// Files found on disk, one at a time, in byte order of their paths, each with its stamp:
/// what `LibraryRefresh.check` merges with the stored stamps.
public protocol FoundFiles {
    /// Moves to the next file: false when there is none left.
    mutating func next() -> Bool
    /// The current file's path (UTF-8 bytes).
    var path: [UInt8] { get }
    /// The current file's path as a string.
    var pathString: String { get }
    /// The current file's stamp; nil when it cannot be stat'ed.
    var stamp: FileStamp? { get }
    /// How many files `next()` gave.
    var count: Int { get }
    /// What could not be read, complete once `next()` returned false.
    var skipped: [SkippedFile] { get }
}

extension FileWalk: FoundFiles {}

/// The files under `roots` in byte order: one root is walked as the merge goes (`FileWalk`);
/// several (each walked in order, but not the whole) are collected first and sorted.
public struct FilesInOrder: FoundFiles {
    private var walk: FileWalk
    private var collected: [(path: [UInt8], stamp: FileStamp?)]?
    private var position = -1

    public init(roots: [String]) {
        walk = FileWalk(roots: roots)
        guard roots.count > 1 else { return }
        var all: [(path: [UInt8], stamp: FileStamp?)] = []
        while walk.next() { all.append((walk.path, walk.stamp)) }
        // Stable: a file named twice stays twice, as the walk gave it.
        let order = all.indices.sorted {
            let a = all[$0].path, b = all[$1].path
            return a.lexicographicallyPrecedes(b) || (a == b && $0 < $1)
        }
        collected = order.map { all[$0] }
    }

    public mutating func next() -> Bool {
        guard let collected else { return walk.next() }
        position += 1
        return position < collected.count
    }

    public var path: [UInt8] { collected.map { $0[position].path } ?? walk.path }
    public var pathString: String { String(decoding: path, as: UTF8.self) }
    public var stamp: FileStamp? { collected.map { $0[position].stamp } ?? walk.stamp }
    public var count: Int { collected == nil ? walk.count : position }
    public var skipped: [SkippedFile] { walk.skipped }
}
