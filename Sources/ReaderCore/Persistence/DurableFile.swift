import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A versioned JSON document that `DurableFile` keeps on disk: a list of entries.
protocol DurableDocument: Codable {
    /// One entry of the list (a bookmark, a position): what a damaged file is mined for.
    associatedtype Entry: Decodable
    /// The format version this build writes; a file with a greater one is left alone.
    static var currentVersion: Int { get }
    /// What the document names itself in messages: "bookmarks", "reading positions".
    static var noun: String { get }
    /// The empty document.
    init()
    /// A document of the entries that could be read from a damaged file.
    init(recovered entries: [Entry])
}

/// What a transaction on a `DurableFile` came to.
struct DurableOutcome<Document> {
    /// The document as read (and changed); the empty document when nothing could be read.
    var document: Document
    /// Whether the document read is now on disk with the change applied.
    var saved: Bool
    /// Whether `document` is what is on disk (plus the change); false when the file could not
    /// be read, so that the caller keeps its own copy.
    var read: Bool = true
    /// Messages for the user: a file moved aside, a directory that cannot be written.
    var messages: [String]
}

/// One JSON file changed only by read–change–write under an exclusive lock, and replaced
/// atomically, so that two processes never lose each other's changes and a crash at any
/// instant leaves either the old or the new file, never a torn one.
///
/// - The lock is `flock` on `NAME.lock` next to the file (released by the kernel when a
///   process dies, so a killed writer never leaves it held), taken through `FairLock` so
///   that a busy writer cannot starve another.
/// - A write goes to `.NAME.tmp-PID` in the same directory, is fsynced, renamed over the
///   file, and the directory is fsynced.
/// - A file that cannot be decoded whole is mined for the entries that can (each `{…}` object
///   decoded on its own), so one mistyped entry costs that entry only. It is never changed
///   by reading: the next write renames it to `NAME.corrupt-YYYYMMDDTHHMMSS` (UTC), kept as
///   it was, and writes what was recovered plus the change; the messages say where it went.
/// - Nothing throws: every failure becomes a message, and the caller keeps its changes in
///   memory to try again.
struct DurableFile<Document: DurableDocument> {
    let path: String
    /// How long to wait for another process's lock before giving up on this write.
    var lockTimeout: TimeInterval = 3

    var directory: String { (path as NSString).deletingLastPathComponent }
    var name: String { (path as NSString).lastPathComponent }
    var lockPath: String { path + ".lock" }
    private var tempPrefix: String { "." + name + ".tmp-" }

    /// Reads the document under the lock, applies `change`, and writes the result when
    /// `change` returns true. `write: false` only reads, and leaves a damaged file as it is.
    func transaction(now: Date = Date(), write: Bool = true,
                     _ change: (inout Document) -> Bool = { _ in false }) -> DurableOutcome<Document> {
        var messages: [String] = []
        let cannotSave = "\(Document.noun) cannot be saved"

        // 1. The directory.
        if let problem = Self.makeDirectory(directory) {
            var document = Document()
            let changed = change(&document)
            if write && changed {
                messages.append("\(cannotSave): \(problem); changes are kept for this session only")
            }
            return DurableOutcome(document: document, saved: false, read: false, messages: messages)
        }

        // 2. The lock. Without it, read only: never write unlocked.
        var lockFD: Int32 = -1
        var lockProblem: String?
        lockFD = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        let gateFD = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if gateFD >= 0 { close(gateFD) } }
        if lockFD < 0 {
            lockProblem = "cannot open \(lockPath): \(Self.errnoText())"
        } else if gateFD < 0 || !FairLock.lock(lockFD, gate: gateFD, timeout: lockTimeout) {
            lockProblem = "another yuedu holds \(lockPath)"
            close(lockFD)
            lockFD = -1
        }
        defer {
            if lockFD >= 0 {
                flock(lockFD, LOCK_UN)
                close(lockFD)
            }
        }
        if lockFD >= 0 { removeStaleTemporaries() }

        // 3. Read.
        var document = Document()
        var mayWrite = lockProblem == nil
        var mustWrite = false
        var readIt = true
        switch readDocument() {
        case .missing:
            break
        case .document(let d):
            document = d
        case .recovered(let d, let count, let reason) where !write || lockFD < 0:
            document = d
            messages.append("""
                \(path) is damaged (\(reason)): \(count) \(Document.noun) entries could be read; \
                the file is left as it is until the next change
                """)
            mayWrite = false
        case .recovered(let d, let count, let reason):
            switch quarantine(now: now) {
            case .success(let aside):
                document = d
                messages.append("""
                    \(path) was damaged (\(reason)): the \(count) \(Document.noun) entries that could be \
                    read are kept, and the file as it was is at \(aside)
                    """)
                mustWrite = true
            case .failure(let problem):
                document = d
                messages.append("""
                    \(path) is damaged (\(reason)) and could not be moved aside (\(problem)); \
                    \(count) entries could be read, the file is left as it is
                    """)
                mayWrite = false
            }
        case .newer(let version):
            messages.append("""
                \(path) was written by a newer yuedu (format \(version)); it is left as it is \
                and \(Document.noun) changed now are kept for this session only
                """)
            mayWrite = false
            readIt = false
        case .damaged(let reason):
            if lockFD < 0 || !write {
                messages.append("\(path) cannot be read (\(reason)); it is left as it is")
                mayWrite = false
                readIt = false
            } else {
                switch quarantine(now: now) {
                case .success(let aside):
                    messages.append("""
                        \(path) could not be read (\(reason)); it was moved to \(aside) and \
                        a fresh one started
                        """)
                    mustWrite = true
                case .failure(let problem):
                    messages.append("""
                        \(path) cannot be read (\(reason)) and could not be moved aside \
                        (\(problem)); it is left as it is
                        """)
                    mayWrite = false
                    readIt = false
                }
            }
        }

        // 4. Change and write.
        let changed = change(&document)
        guard write, changed || mustWrite else {
            return DurableOutcome(document: document, saved: !changed, read: readIt, messages: messages)
        }
        guard mayWrite else {
            if let lockProblem { messages.append("\(cannotSave): \(lockProblem); changes are kept for this session only") }
            return DurableOutcome(document: document, saved: false, read: readIt, messages: messages)
        }
        do {
            try replace(with: Self.encode(document))
            return DurableOutcome(document: document, saved: true, read: readIt, messages: messages)
        } catch {
            messages.append("\(cannotSave): \(error.message); changes are kept for this session only")
            return DurableOutcome(document: document, saved: false, read: readIt, messages: messages)
        }
    }

    // MARK: - Reading

    enum ReadResult {
        case missing
        case document(Document)
        /// Decoding the whole file failed (the reason), but this many entries could be read.
        case recovered(Document, Int, String)
        case newer(Int)
        case damaged(String)
    }

    private struct VersionProbe: Decodable {
        var version: Int?
    }

    func readDocument() -> ReadResult {
        let data: Data
        switch Self.readAll(path) {
        case .success(nil): return .missing
        case .success(let d?): data = d
        case .failure(let problem): return .damaged(problem.message)
        }
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return data.isEmpty ? .missing : .damaged("the file is blank")
        }
        let decoder = Self.decoder()
        do {
            let probe = try decoder.decode(VersionProbe.self, from: data)
            if let v = probe.version, v > Document.currentVersion { return .newer(v) }
            return .document(try decoder.decode(Document.self, from: data))
        } catch {
            let entries = Self.recoverEntries(data, decoder: decoder)
            if entries.isEmpty { return .damaged(Self.describe(error)) }
            return .recovered(Document(recovered: entries), entries.count, Self.describe(error))
        }
    }

    /// The entries of a file that does not decode whole: every `{…}` object that decodes as
    /// an entry, outermost first (an object that does not is skipped with what it holds).
    /// Linear: an object is looked at for at most `maximumEntryBytes`.
    static func recoverEntries(_ data: Data, decoder: JSONDecoder) -> [Document.Entry] {
        let bytes = [UInt8](data)
        let n = bytes.count
        var entries: [Document.Entry] = []
        // The document's own braces are not an entry.
        var i = 0
        while i < n, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        if i < n, bytes[i] == UInt8(ascii: "{") { i += 1 }
        while i < n {
            guard bytes[i] == UInt8(ascii: "{") else { i += 1; continue }
            guard let end = matchingBrace(bytes, from: i) else { i += 1; continue }
            if let entry = try? decoder.decode(Document.Entry.self, from: Data(bytes[i...end])) {
                entries.append(entry)
            }
            i = end + 1
        }
        return entries
    }

    /// The longest an entry may be when a damaged file is mined.
    static var maximumEntryBytes: Int { 65_536 }

    /// The index of the `}` that closes the `{` at `start`, strings skipped; nil when there is
    /// none within `maximumEntryBytes`.
    private static func matchingBrace(_ bytes: [UInt8], from start: Int) -> Int? {
        var depth = 0
        var inString = false
        var i = start
        let limit = min(bytes.count, start + maximumEntryBytes)
        while i < limit {
            let b = bytes[i]
            if inString {
                if b == UInt8(ascii: "\\") { i += 2; continue }
                if b == UInt8(ascii: "\"") { inString = false }
                if b == 0x0A { return nil }   // JSON strings hold no raw line break
            } else if b == UInt8(ascii: "\"") {
                inString = true
            } else if b == UInt8(ascii: "{") {
                depth += 1
            } else if b == UInt8(ascii: "}") {
                depth -= 1
                if depth == 0 { return i }
            }
            i += 1
        }
        return nil
    }

    /// The file's bytes, nil when it does not exist.
    private static func readAll(_ path: String) -> Result<Data?, FileProblem> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return .success(nil) }
            return .failure(FileProblem("cannot open it: \(errnoText())"))
        }
        defer { close(fd) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(FileProblem("cannot read it: \(errnoText())"))
            }
            if n == 0 { break }
            data.append(contentsOf: buffer[0..<n])
        }
        return .success(data)
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context):
            return "not valid JSON" + (context.debugDescription.isEmpty ? "" : ": \(context.debugDescription)")
        case DecodingError.keyNotFound(let key, _):
            return "the field \"\(key.stringValue)\" is missing"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            let at = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "unexpected value at \(at.isEmpty ? "top level" : at)"
        default:
            return "\(error)"
        }
    }

    // MARK: - Writing

    /// Moves the damaged file aside; returns where it went.
    private func quarantine(now: Date) -> Result<String, FileProblem> {
        let base = path + ".corrupt-" + Timestamp.compact(now)
        var target = base
        var n = 2
        while access(target, F_OK) == 0 {
            target = base + "-\(n)"
            n += 1
        }
        if rename(path, target) != 0 { return .failure(FileProblem(Self.errnoText())) }
        Self.syncDirectory(directory)
        return .success(target)
    }

    /// Writes `data` to a temporary file, fsyncs it, renames it over the file, fsyncs the
    /// directory. Called only under the lock.
    func replace(with data: Data) throws(FileProblem) {
        let temp = PersistencePaths.join(directory, tempPrefix + String(getpid()))
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        if fd < 0 { throw FileProblem("cannot create \(temp): \(Self.errnoText())") }
        var failure: FileProblem?
        data.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = FileProblem("cannot write \(temp): \(Self.errnoText())")
                    return
                }
                done += n
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = FileProblem("cannot sync \(temp): \(Self.errnoText())") }
        if close(fd) != 0, failure == nil { failure = FileProblem("cannot close \(temp): \(Self.errnoText())") }
        if failure == nil, rename(temp, path) != 0 {
            failure = FileProblem("cannot rename \(temp) to \(path): \(Self.errnoText())")
        }
        if let failure {
            unlink(temp)
            throw failure
        }
        Self.syncDirectory(directory)
    }

    /// Temporary files a killed writer left behind. Safe to remove under the lock: every
    /// writer holds it from creating its temporary file until the rename.
    private func removeStaleTemporaries() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasPrefix(tempPrefix) {
            unlink(PersistencePaths.join(directory, name))
        }
    }

    static func encode(_ document: Document) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(Timestamp.iso(date))
        }
        // Encoding these plain value types cannot fail.
        var data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        data.append(0x0A)
        return data
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let c = try decoder.singleValueContainer()
            let text = try c.decode(String.self)
            guard let date = Timestamp.parse(text) else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a timestamp: \(text)")
            }
            return date
        }
        return decoder
    }

    // MARK: - System calls

    /// `mkdir -p`, mode 0700 for what it creates; nil on success, else why not.
    static func makeDirectory(_ directory: String) -> String? {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            return isDirectory.boolValue ? nil : "\(directory) is not a directory"
        }
        var prefix = ""
        for component in directory.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST {
                return "cannot create \(prefix): \(errnoText())"
            }
            var st = stat()
            if stat(prefix, &st) != 0 { return "cannot create \(prefix): \(errnoText())" }
            if (st.st_mode & S_IFMT) != S_IFDIR { return "cannot create \(directory): \(prefix) is not a directory" }
        }
        return nil
    }

    private static func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// Why a file operation failed, in words for the user.
struct FileProblem: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// The timestamps of the stores: ISO 8601 in UTC with milliseconds.
enum Timestamp {
    /// `2026-11-29T17:01:02.345Z`.
    static func iso(_ date: Date) -> String {
        let (tm, ms) = parts(date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                      tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ms)
    }

    /// `20261129T170102`, for file names.
    static func compact(_ date: Date) -> String {
        let (tm, _) = parts(date)
        return String(format: "%04d%02d%02dT%02d%02d%02d",
                      tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec)
    }

    /// Reads `YYYY-MM-DDTHH:MM:SS[.fff]Z`.
    static func parse(_ text: String) -> Date? {
        let u = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= u.count else { return nil }
            var v = 0
            for b in u[from..<(from + count)] {
                guard (0x30...0x39).contains(b) else { return nil }
                v = v * 10 + Int(b - 0x30)
            }
            return v
        }
        guard u.count >= 20, u[4] == 0x2D, u[7] == 0x2D, u[10] == 0x54, u[13] == 0x3A, u[16] == 0x3A,
              u.last == 0x5A,
              let y = number(0, 4), let mo = number(5, 2), let d = number(8, 2),
              let h = number(11, 2), let mi = number(14, 2), let s = number(17, 2),
              (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, s < 61 else { return nil }
        var fraction = 0.0
        if u.count > 20 {
            guard u[19] == 0x2E, u.count > 21 else { return nil }
            let digits = u.count - 21
            guard let f = number(20, digits) else { return nil }
            fraction = Double(f) / pow(10, Double(digits))
        } else if u[19] != 0x5A {
            return nil
        }
        var t = tm()
        t.tm_year = Int32(y - 1900)
        t.tm_mon = Int32(mo - 1)
        t.tm_mday = Int32(d)
        t.tm_hour = Int32(h)
        t.tm_min = Int32(mi)
        t.tm_sec = Int32(s)
        let seconds = timegm(&t)
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    private static func parts(_ date: Date) -> (tm, Int) {
        let interval = date.timeIntervalSince1970
        var whole = time_t(floor(interval))
        var ms = Int(((interval - floor(interval)) * 1000).rounded(.down))
        if ms > 999 { ms = 999 }
        var t = tm()
        gmtime_r(&whole, &t)
        return (t, ms)
    }
}
