import Foundation

extension Manual {
    /// The key table read back out of a page's KEYS section (`.It Sy "keys"`, the help line,
    /// `.Pq Cm name`, perhaps followed by its table): what the tests hold against the command
    /// table and the help screen.
    static func keyRows(inPage page: String) -> [(name: String, keys: String, help: String)] {
        var rows: [(name: String, keys: String, help: String)] = []
        var inKeys = false
        var keys: String?
        var help: [String] = []
        for line in page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix(".Sh") {
                inKeys = line == ".Sh KEYS"
                continue
            }
            guard inKeys else { continue }
            if line.hasPrefix(".It Sy \""), line.hasSuffix("\"") {
                keys = String(line.dropFirst(8).dropLast())
                    .replacingOccurrences(of: "\\(dq", with: "\"").replacingOccurrences(of: "\\e", with: "\\")
                help = []
            } else if line.hasPrefix(".Pq Cm "), let k = keys {
                rows.append((String(line.dropFirst(7).prefix { $0 != " " }), k, help.joined(separator: " ")))
                keys = nil
            } else if keys != nil {
                help.append(line.hasPrefix("\\&") ? String(line.dropFirst(2)) : line)
            }
        }
        return rows
    }
}
