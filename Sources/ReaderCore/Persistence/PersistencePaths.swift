import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where yuedu keeps what it remembers, resolved the XDG way from an environment.
///
/// Bookmarks are data the user made (`$XDG_DATA_HOME/yuedu/bookmarks.json`, by default
/// `~/.local/share/yuedu/`); reading positions are state that can be lost without grief
/// (`$XDG_STATE_HOME/yuedu/positions.json`, by default `~/.local/state/yuedu/`). As the XDG
/// Base Directory specification says, a variable that is empty or holds a relative path is
/// ignored.
public struct PersistencePaths: Hashable, Sendable {
    /// The directory of `bookmarks.json`.
    public var dataDirectory: String
    /// The directory of `positions.json`.
    public var stateDirectory: String

    public init(dataDirectory: String, stateDirectory: String) {
        self.dataDirectory = dataDirectory
        self.stateDirectory = stateDirectory
    }

    /// Resolves the directories from `environment` (`XDG_DATA_HOME`, `XDG_STATE_HOME`,
    /// `HOME`). Without a usable `HOME` the password database's home directory is used.
    public init(environment: [String: String]) {
        func absolute(_ name: String) -> String? {
            guard let value = environment[name], value.hasPrefix("/") else { return nil }
            return value
        }
        let home = absolute("HOME") ?? PersistencePaths.passwordHome() ?? "/"
        let data = absolute("XDG_DATA_HOME") ?? PersistencePaths.join(home, ".local/share")
        let state = absolute("XDG_STATE_HOME") ?? PersistencePaths.join(home, ".local/state")
        self.init(dataDirectory: PersistencePaths.join(data, "yuedu"),
                  stateDirectory: PersistencePaths.join(state, "yuedu"))
    }

    /// `…/yuedu/bookmarks.json`.
    public var bookmarksFile: String { PersistencePaths.join(dataDirectory, "bookmarks.json") }

    /// `…/yuedu/positions.json`.
    public var positionsFile: String { PersistencePaths.join(stateDirectory, "positions.json") }

    /// `…/yuedu/read.json`: which articles are read.
    public var readStateFile: String { PersistencePaths.join(stateDirectory, "read.json") }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    private static func passwordHome() -> String? {
        guard let entry = getpwuid(getuid()), let dir = entry.pointee.pw_dir else { return nil }
        let home = String(cString: dir)
        return home.hasPrefix("/") ? home : nil
    }
}
