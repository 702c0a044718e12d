import TOMLKit

/// A value read from a TOML document, as plain Swift values (no parser types leak out).
public indirect enum ConfigValue: Hashable, Sendable {
    case string(String)
    case integer(Int)
    case float(Double)
    case boolean(Bool)
    case array([ConfigValue])
    case table([String: ConfigValue])
    /// A date or time: TOML allows them, no setting uses them.
    case other(String)

    /// The TOML name of this value's type, for messages ("expected a string, found an integer").
    public var typeName: String {
        switch self {
        case .string: return "a string"
        case .integer: return "an integer"
        case .float: return "a number"
        case .boolean: return "true or false"
        case .array: return "a list"
        case .table: return "a table"
        case .other(let name): return name
        }
    }

    /// Parses a whole TOML document into a table.
    ///
    /// - Throws: `ConfigIssue` with the line of the syntax error.
    public static func parse(toml text: String) throws(ConfigIssue) -> [String: ConfigValue] {
        // toml++ aborts the process on some table headers instead of reporting them.
        if let issue = TOMLPreScan.unsafeHeader(in: text) { throw issue }
        do {
            let table = try TOMLTable(string: text)
            return convert(table)
        } catch let error as TOMLParseError {
            let line = error.source.begin.line
            throw ConfigIssue(line: line > 0 ? line : nil, message: "invalid TOML: \(error.description)")
        } catch {
            throw ConfigIssue(line: nil, message: "invalid TOML: \(error)")
        }
    }

    private static func convert(_ table: TOMLTable) -> [String: ConfigValue] {
        var result: [String: ConfigValue] = [:]
        for key in table.keys {
            if let value = table[key] { result[key] = convert(value) }
        }
        return result
    }

    private static func convert(_ value: TOMLValueConvertible) -> ConfigValue {
        switch value.type {
        case .string: return .string(value.string ?? "")
        case .int: return .integer(value.int ?? 0)
        case .double: return .float(value.double ?? 0)
        case .bool: return .boolean(value.bool ?? false)
        case .array: return .array((value.array.map { Array($0) } ?? []).map(convert))
        case .table: return .table(value.table.map(convert) ?? [:])
        case .date: return .other("a date")
        case .time: return .other("a time")
        case .dateTime: return .other("a date-time")
        }
    }
}
