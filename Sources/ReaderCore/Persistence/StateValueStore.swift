import Foundation

/// One short value kept across runs in the state folder (`$XDG_STATE_HOME/yuedu/NAME`, one
/// line), such as the list's order. State that can be lost without grief: a file that cannot
/// be read is no value (and is left as it is); a write goes to a temporary file renamed over
/// the old one, and a failure is reported, never thrown.
public struct StateValueStore: Sendable {
    public let file: String

    public init(paths: PersistencePaths, name: String) {
        file = PersistencePaths.join(paths.stateDirectory, name)
    }

    /// The value on disk, nil when there is none.
    public func load() -> String? {
        guard let data = FileManager.default.contents(atPath: file), data.count <= 4096 else { return nil }
        let line = String(decoding: data, as: UTF8.self).split(separator: "\n").first.map(String.init)
        return line?.isEmpty == false ? line : nil
    }

    /// Writes `value`; returns a message when it could not.
    public func save(_ value: String) -> String? {
        let name = (file as NSString).lastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            let temporary = file + ".tmp-\(getpid())"
            try Data((value + "\n").utf8).write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, file) == 0 else {
                unlink(temporary)
                return "\(name) not saved: \(String(cString: strerror(errno)))"
            }
            return nil
        } catch {
            return "\(name) not saved: \(error.localizedDescription)"
        }
    }
}
