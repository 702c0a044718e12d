import Foundation

/// The queries searched for, kept across runs in `$XDG_STATE_HOME/yuedu/search-history`
/// (by default `~/.local/state/yuedu/`): one query a line, oldest first, the newest 100.
///
/// It is state that can be lost without grief: a file that cannot be read starts an empty
/// history (and is left as it is), a write that fails is reported and the history stays in
/// memory. Written whole to a temporary file and renamed over the old one, so a reader never
/// sees half a file.
public struct SearchHistoryStore: Sendable {
    public static let limit = 100
    public let file: String

    public init(paths: PersistencePaths) {
        file = PersistencePaths.join(paths.stateDirectory, "search-history")
    }

    /// The queries on disk, oldest first; empty when there is no file or it cannot be read.
    public func load() -> [String] {
        guard let data = FileManager.default.contents(atPath: file) else { return [] }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        return Array(Self.normalized(lines).suffix(Self.limit))
    }

    /// `history` with `query` as the newest entry (an earlier copy of it removed).
    public static func adding(_ query: String, to history: [String]) -> [String] {
        guard let clean = normalized([query]).first else { return history }
        return Array((history.filter { $0 != clean } + [clean]).suffix(limit))
    }

    /// Writes `history`; returns a message when it could not.
    public func save(_ history: [String]) -> String? {
        let directory = (file as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let text = Self.normalized(history).suffix(Self.limit).map { $0 + "\n" }.joined()
            let temporary = file + ".tmp-\(getpid())"
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, file) == 0 else {
                unlink(temporary)
                return "search history not saved: \(String(cString: strerror(errno)))"
            }
            return nil
        } catch {
            return "search history not saved: \(error.localizedDescription)"
        }
    }

    /// Queries as kept: one line each, no control characters, no empty ones.
    static func normalized(_ queries: [String]) -> [String] {
        queries.compactMap { query in
            let kept = String(String.UnicodeScalarView(query.unicodeScalars.filter {
                !($0.properties.generalCategory == .control) && $0 != "\u{2028}" && $0 != "\u{2029}"
            }))
            return kept.isEmpty ? nil : kept
        }
    }
}
