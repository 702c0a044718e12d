/// Finds the line a key is on in a TOML document, for messages: TOML parsers give values, not
/// where they came from. Scans the text once, following `[table]` headers; each look-up is
/// then a dictionary access (a file of many keys costs linear time, not quadratic).
public struct ConfigSource: Sendable {
    /// For each table (`""` before any header, `"keys"` after `[keys]`), the first line that
    /// sets each key.
    private var keyLines: [String: [String: Int]] = [:]
    /// The first header line of each table.
    private var tableLines: [String: Int] = [:]

    public init(_ text: String) {
        var table = ""
        var inMultiline: String?
        var number = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = rawLine.trimmed(" \t\r")
            if let close = inMultiline {
                if line.contains(close) { inMultiline = nil }
                continue
            }
            if line.hasPrefix("[") {
                let header = line.drop { $0 == "[" }.prefix { $0 != "]" }
                table = Self.unquotedPath(header.trimmed(" \t"))
                if tableLines[table] == nil { tableLines[table] = number }
                continue
            }
            guard let key = Self.key(of: line) else { continue }
            if keyLines[table, default: [:]][key] == nil { keyLines[table, default: [:]][key] = number }
            for quote in ["\"\"\"", "'''"] where line.components(separatedBy: quote).count == 2 {
                inMultiline = quote
            }
        }
    }

    /// The 1-based line where `key` is set in `table` (`""` for the top level), or nil.
    public func line(of key: String, in table: String = "") -> Int? {
        keyLines[table]?[key]
    }

    /// The 1-based line of the `[table]` header, or nil.
    public func line(ofTable table: String) -> Int? {
        line(of: table, in: "") ?? tableLines[table]
    }

    /// The key a line sets: `name = …`, `"ui.list" = …` or `'x' = …`; nil for other lines.
    static func key(of line: String) -> String? {
        guard let first = line.first, first != "#" else { return nil }
        if first == "\"" || first == "'" {
            let body = line.dropFirst()
            guard let end = body.firstIndex(of: first) else { return nil }
            let rest = body[body.index(after: end)...].drop { $0 == " " || $0 == "\t" }
            return rest.first == "=" ? String(body[..<end]) : nil
        }
        guard let eq = line.firstIndex(of: "=") else { return nil }
        let name = line[..<eq].trimmed(" \t")
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }) else { return nil }
        return name
    }

    private static func unquotedPath(_ s: String) -> String {
        s.filter { $0 != "\"" && $0 != "'" }
    }
}

extension StringProtocol {
    func trimmed(_ set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
