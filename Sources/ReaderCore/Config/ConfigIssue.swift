/// Something wrong in a configuration or theme file: what, and on which line when known.
public struct ConfigIssue: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file it is in (as the user named it), when known.
    public var file: String?
    /// The 1-based line in the file, or nil when it is not known.
    public var line: Int?
    public var message: String

    public init(file: String? = nil, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `config.toml line 4: unknown setting "colour"`.
    public var description: String {
        let place = [file, line.map { "line \($0)" }].compactMap { $0 }.joined(separator: " ")
        return place.isEmpty ? message : "\(place): \(message)"
    }
}
