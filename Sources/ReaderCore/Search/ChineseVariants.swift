import COpenCC
import Foundation

/// Simplified and traditional forms of Han characters folded together, one character at a
/// time, so that `鄉村圖書館` and `乡村图书馆` match each other.
///
/// The table comes from OpenCC's character dictionaries (`STCharacters`, `TSCharacters`),
/// read through its C API when first asked for: every Han ideograph of the Basic Multilingual
/// Plane (U+3400–U+9FFF, U+F900–U+FAFF) is converted once each way, and a character is joined
/// with what it converts to, in a class that is closed under both directions (`后` and `後`;
/// `干`, `幹` and `乾`; `发`, `發` and `髮`). Each class is represented by one of its members,
/// its *canonical* form (a simplified one where there is one), so matching folds text and
/// query to canonical forms and compares those. Only the first choice of each dictionary
/// entry is seen (the C API converts; it does not list alternatives), which is what OpenCC
/// itself would write. Characters outside the BMP keep no variants: every member of a class
/// has the same UTF-8 length, so a folded text keeps the layout of the text as written.
///
/// Phrase-level conversions (`头发` → `頭髮`) are left out on purpose: matching folds
/// character by character, and every character of such a phrase is in a class already.
///
/// Loading takes about a tenth of a second, nearly all of it OpenCC converting 28,000
/// characters each way (BENCHMARKS.md); the reader starts it on a thread of its own at start,
/// so the first search normally finds it ready.
public final class ChineseVariants: Sendable {
    /// The first code point the table covers.
    static let base: UInt32 = 0x3400
    /// One past the last code point the table covers.
    static let limit: UInt32 = 0xFB00

    /// For each code point from ``base`` below ``limit``: its canonical form, 0 when it has no
    /// variants (it stands for itself alone). Read-only after `init`.
    private let table: [UInt16]
    /// The members of each class with more than one, by canonical form.
    private let classes: [UInt16: [UInt16]]

    /// The table from OpenCC, loaded once; or why it could not be loaded (matching is then
    /// exact, and the reader says so once).
    public static let shared: Result<ChineseVariants, LoadError> = {
        do throws(LoadError) { return .success(try ChineseVariants()) } catch { return .failure(error) }
    }()

    /// Why the variant table is missing.
    public struct LoadError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Builds the table from the pairs (`character`, what it converts to) of both directions.
    init(simplifiedToTraditional: [(UInt32, UInt32)], traditionalToSimplified: [(UInt32, UInt32)]) {
        let pairs = simplifiedToTraditional + traditionalToSimplified
        let count = Int(Self.limit - Self.base)
        // Union-find over the covered range; a class's root is its smallest member.
        var parent = [UInt16](repeating: 0, count: count)
        for i in 0..<count { parent[i] = UInt16(i) }
        func find(_ x: Int) -> Int {
            var x = x
            while Int(parent[x]) != x {
                parent[x] = parent[Int(parent[x])]
                x = Int(parent[x])
            }
            return x
        }
        var simplified = [Bool](repeating: true, count: count)
        for (from, to) in pairs where from != to {
            guard Self.covers(from), Self.covers(to) else { continue }
            let a = find(Int(from - Self.base)), b = find(Int(to - Self.base))
            if a != b { parent[max(a, b)] = UInt16(min(a, b)) }
        }
        // A character that converts to something else on the way to simplified is not a
        // simplified form: it is not chosen to stand for its class while one is.
        for (from, to) in traditionalToSimplified where from != to && Self.covers(from) && Self.covers(to) {
            simplified[Int(from - Self.base)] = false
        }
        var members: [Int: [Int]] = [:]
        for i in 0..<count {
            let root = find(i)
            if root != i || members[root] != nil { members[root, default: [root]].append(i) }
        }
        var table = [UInt16](repeating: 0, count: count)
        var classes: [UInt16: [UInt16]] = [:]
        for (_, list) in members {
            let sorted = list.sorted()
            let canonical = sorted.first { simplified[$0] } ?? sorted[0]
            let value = UInt16(Int(Self.base) + canonical)
            for member in sorted { table[member] = value }
            classes[value] = sorted.map { UInt16(Int(Self.base) + $0) }
        }
        self.table = table
        self.classes = classes
    }

    /// Loads the table through OpenCC's C API, from OpenCC's own data directory or, when
    /// given, `dataDirectory` (a folder holding `STCharacters.ocd2` and `TSCharacters.ocd2`).
    public convenience init(dataDirectory: String? = nil) throws(LoadError) {
        let input = Self.coveredCharacters()
        var pairs: [[(UInt32, UInt32)]] = []
        for dictionary in ["STCharacters", "TSCharacters"] {
            var converted: [(UInt32, UInt32)] = []
            let output = try Self.convert(input, with: dictionary, in: dataDirectory)
            let from = Array(input.unicodeScalars), to = Array(output.unicodeScalars)
            guard from.count == to.count else {
                throw LoadError(description: "OpenCC's \(dictionary) is not one character to one")
            }
            for (a, b) in zip(from, to) where a != b { converted.append((a.value, b.value)) }
            pairs.append(converted)
        }
        self.init(simplifiedToTraditional: pairs[0], traditionalToSimplified: pairs[1])
    }

    // MARK: - Looking up

    /// Whether `value` is in the range the table covers (and is a Han ideograph there).
    @inline(__always)
    static func covers(_ value: UInt32) -> Bool {
        (value >= 0x3400 && value <= 0x4DBF) || (value >= 0x4E00 && value <= 0x9FFF) || (value >= 0xF900 && value <= 0xFAFF)
    }

    /// The canonical form of the code point `value`: itself when it has no variants.
    @inline(__always)
    public func canonical(_ value: UInt32) -> UInt32 {
        guard value >= Self.base, value < Self.limit else { return value }
        let c = table[Int(value - Self.base)]
        return c == 0 ? value : UInt32(c)
    }

    /// The characters `character` may stand for when matching, itself first: `后` gives `后`,
    /// `後`; `乡` gives `乡`, `鄉`. A character without variants (and any cluster of several
    /// scalars) gives itself alone.
    public func variants(of character: Character) -> [Character] {
        let scalars = character.unicodeScalars
        guard scalars.count == 1, let value = scalars.first?.value, value >= Self.base, value < Self.limit,
              let members = classes[UInt16(canonical(value))]
        else { return [character] }
        return [character] + members.compactMap { $0 == value ? nil : Unicode.Scalar(UInt32($0)).map(Character.init) }
    }

    /// `text` with every Han character replaced by its canonical form (the rest as it is):
    /// two texts match across variants exactly where their folds match. The same length in
    /// UTF-8 as `text`, offset for offset, so a range found in the fold is a range of `text`.
    ///
    /// For an index that cannot search by character classes (an SQLite FTS5 table, say), store
    /// the fold of each text and search for the fold of the query.
    public func fold(_ text: String) -> String {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { fold(utf8: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Replaces, in place, every covered Han character of valid UTF-8 `bytes` by its canonical
    /// form (same length). Bytes 0xFF (block ends of a folded text) pass through.
    func fold(utf8 bytes: UnsafeMutableBufferPointer<UInt8>) {
        let n = bytes.count
        var i = 0
        table.withUnsafeBufferPointer { table in
            while i < n {
                let b0 = bytes[i]
                if b0 < 0xE3 {
                    i += b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : 3
                    continue
                }
                if b0 >= 0xF0 {
                    i += b0 == 0xFF ? 1 : 4
                    continue
                }
                guard i + 2 < n else { break }
                let v = (UInt32(b0) & 0x0F) << 12 | (UInt32(bytes[i + 1]) & 0x3F) << 6 | UInt32(bytes[i + 2]) & 0x3F
                if v >= Self.base, v < Self.limit {
                    let c = UInt32(table[Int(v - Self.base)])
                    if c != 0, c != v {
                        bytes[i] = UInt8(0xE0 | c >> 12)
                        bytes[i + 1] = UInt8(0x80 | (c >> 6) & 0x3F)
                        bytes[i + 2] = UInt8(0x80 | c & 0x3F)
                    }
                }
                i += 3
            }
        }
    }

    /// Every character `fold` changes, with its canonical form, in code point order.
    public var changes: [(from: UInt32, to: UInt32)] {
        var out: [(from: UInt32, to: UInt32)] = []
        for (i, c) in table.enumerated() where c != 0 && UInt32(c) != Self.base + UInt32(i) {
            out.append((Self.base + UInt32(i), UInt32(c)))
        }
        return out
    }

    /// How many characters have variants (members of classes of two or more).
    public var characterCount: Int { classes.values.reduce(0) { $0 + $1.count } }

    /// The size of the largest class.
    public var largestClass: Int { classes.values.map(\.count).max() ?? 0 }

    // MARK: - OpenCC

    /// Every covered character, in order, as one string.
    private static func coveredCharacters() -> String {
        var text = String.UnicodeScalarView()
        for value in base..<limit where covers(value) {
            if let scalar = Unicode.Scalar(value) { text.append(scalar) }
        }
        return String(text)
    }

    /// `text` converted by OpenCC with `dictionary` alone (`STCharacters`: simplified to
    /// traditional, `TSCharacters`: back), character by character.
    ///
    /// OpenCC's own `s2t.json` segments the text by its phrase dictionary first, which costs
    /// ten times as long to load and could join neighbouring code points into a "phrase"; a
    /// configuration naming only the character dictionary (found in OpenCC's data directory)
    /// converts each character alone. The C API opens configurations from files only, so it
    /// is written to a temporary file for the moment of opening.
    private static func convert(_ text: String, with dictionary: String, in directory: String?) throws(LoadError) -> String {
        let file = directory.map { ($0 as NSString).appendingPathComponent(dictionary + ".ocd2") } ?? dictionary + ".ocd2"
        guard !file.contains("\""), !file.contains("\\") else {
            throw LoadError(description: "no OpenCC data (\(dictionary))")
        }
        let config = """
            {"name": "\(dictionary) only",
             "segmentation": {"type": "mmseg", "dict": {"type": "ocd2", "file": "\(file)"}},
             "conversion_chain": [{"dict": {"type": "ocd2", "file": "\(file)"}}]}
            """
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("yuedu-opencc-\(getpid())-\(UUID().uuidString)-\(dictionary).json").path
        guard FileManager.default.createFile(atPath: path, contents: Data(config.utf8)) else {
            throw LoadError(description: "cannot write a temporary file for OpenCC")
        }
        let handle = opencc_open(path)
        try? FileManager.default.removeItem(atPath: path)
        guard let handle, handle != opencc_t(bitPattern: -1) else {
            throw LoadError(description: "no OpenCC data (\(dictionary))")
        }
        defer { opencc_close(handle) }
        let utf8 = Array(text.utf8)
        guard let converted = utf8.withUnsafeBufferPointer({ buffer in
            buffer.withMemoryRebound(to: CChar.self) { opencc_convert_utf8(handle, $0.baseAddress, $0.count) }
        }) else {
            throw LoadError(description: "OpenCC could not convert with \(dictionary)")
        }
        defer { opencc_convert_utf8_free(converted) }
        return String(cString: converted)
    }
}
