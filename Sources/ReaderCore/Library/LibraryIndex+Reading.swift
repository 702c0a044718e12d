import Foundation
import GRDB
import GRDBSQLite
import TextSafety

extension LibraryIndex {
    /// Runs `body` with one read transaction of the index: what it reads through the
    /// `Reading` is of one state of the index, whatever other processes write meanwhile.
    public func reading<T>(_ body: (Reading) throws -> T) throws -> T {
        try read { db in try body(Reading(db: db)) }
    }

    /// Reads of one transaction (see `reading(_:)`), through SQLite's statements directly:
    /// these read every row of a large library, where a `Row` per row and a `String` per
    /// column cost more than the reading.
    public struct Reading {
        let db: Database

        /// Calls `body` with the path (its UTF-8 bytes, valid only during the call) and stamp
        /// of every file, in byte order of the paths (the `file_stamps` SQL index is in that
        /// order: SQLite compares text bytewise).
        public func forEachStamp(_ body: (UnsafeRawBufferPointer, FileStamp) throws -> Void) throws {
            let statement = try db.makeStatement(sql: """
                SELECT path, device, inode, size, mtime, mtime_ns FROM file INDEXED BY file_stamps ORDER BY path
                """)
            let s = statement.sqliteStatement
            while try step(s) {
                let stamp = FileStamp(device: UInt64(bitPattern: sqlite3_column_int64(s, 1)),
                                      inode: UInt64(bitPattern: sqlite3_column_int64(s, 2)),
                                      size: sqlite3_column_int64(s, 3), modified: sqlite3_column_int64(s, 4),
                                      modifiedNanoseconds: sqlite3_column_int64(s, 5))
                try body(Self.text(s, 0), stamp)
            }
        }

        /// `yuedu list`'s standard output: one line per article of the list, in its order
        /// (`listing()`'s): the date (`2023-01-16`, empty when there is none), the title and
        /// the path, separated by tabs, made safe for a terminal (`ControlPolicy`).
        public func listLines() throws -> [UInt8] {
            // `file_list` holds just these columns in this order: fewer pages than `file_heads`.
            let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM file INDEXED BY file_list WHERE skip IS NULL AND dup = 0") ?? 0
            var out: [UInt8] = []
            out.reserveCapacity(count * 96)
            let statement = try db.makeStatement(sql: """
                SELECT path, title, date FROM file INDEXED BY file_list
                WHERE skip IS NULL AND dup = 0 ORDER BY date DESC, title, path
                """)
            let s = statement.sqliteStatement
            while try step(s) {
                let day = Int(sqlite3_column_int64(s, 2))
                if day > 0 { ListLine.appendDate(year: day / 10_000, month: day / 100 % 100, day: day % 100, to: &out) }
                out.append(0x09)
                ListLine.appendField(Self.text(s, 1), to: &out)
                out.append(0x09)
                ListLine.appendField(Self.text(s, 0), to: &out)
                out.append(0x0A)
            }
            return out
        }

        /// The skipped files, in path order.
        public func skippedFiles() throws -> [SkippedFile] {
            try LibraryIndex.skippedFiles(db)
        }

        private func step(_ s: SQLiteStatement) throws -> Bool {
            switch sqlite3_step(s) {
            case SQLITE_ROW: return true
            case SQLITE_DONE: return false
            case let code:
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
        }

        /// A text column's bytes (empty for NULL), valid until the next step.
        private static func text(_ s: SQLiteStatement, _ column: Int32) -> UnsafeRawBufferPointer {
            guard let bytes = sqlite3_column_text(s, column) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
            return UnsafeRawBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(s, column)))
        }
    }
}

/// The line `yuedu list` prints for an article, as bytes.
public enum ListLine {
    /// Appends `2023-01-16`, as `ArticleDate.description` gives it.
    public static func appendDate(year: Int, month: Int, day: Int, to out: inout [UInt8]) {
        appendNumber(year, width: 4, to: &out)
        out.append(UInt8(ascii: "-"))
        appendNumber(month, width: 2, to: &out)
        out.append(UInt8(ascii: "-"))
        appendNumber(day, width: 2, to: &out)
    }

    /// Appends `n` in decimal, with zeros before it up to `width` digits.
    static func appendNumber(_ n: Int, width: Int, to out: inout [UInt8]) {
        guard n >= 0 else {
            let digits = Array(String(n).utf8)
            out += repeatElement(UInt8(ascii: "0"), count: max(0, width - digits.count))
            out += digits
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = n
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[19 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            for _ in count..<max(count, width) { out.append(UInt8(ascii: "0")) }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: d[(20 - count)...]))
        }
    }

    /// Appends text from an article or a file name made safe for a terminal: as it is when
    /// it holds nothing `ControlPolicy` changes (one scan of its bytes), else as the policy shows it.
    public static func appendField(_ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        let clean = bytes.withMemoryRebound(to: UInt8.self) { ControlPolicy.isClean($0) }
        if clean {
            out.append(contentsOf: bytes)
        } else {
            out += ControlPolicy.apply(String(decoding: bytes, as: UTF8.self)).utf8
        }
    }
}
