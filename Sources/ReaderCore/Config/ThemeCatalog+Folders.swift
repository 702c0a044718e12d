import Foundation

extension ThemeCatalog {
    /// The folders themes are looked for in, the later winning over the earlier for a theme
    /// of the same name:
    ///
    /// 1. `yuedu/themes` in each of `$XDG_DATA_DIRS` (default `/usr/local/share:/usr/share`;
    ///    the first listed wins, as the XDG Base Directory specification says);
    /// 2. `installed`: the themes installed with the binary (`PREFIX/share/yuedu/themes`);
    /// 3. `$XDG_DATA_HOME/yuedu/themes` (default `~/.local/share/yuedu/themes`);
    /// 4. `themes/` next to the configuration file (by default `$XDG_CONFIG_HOME/yuedu/themes`).
    ///
    /// The built-in default theme is there whatever these hold. Relative paths in the XDG
    /// variables are ignored; a folder appears once, where it counts most.
    public static func folders(installed: String?, configFile: String, environment: [String: String]) -> [String] {
        func absolute(_ name: String) -> String? {
            guard let value = environment[name], value.hasPrefix("/") else { return nil }
            return value
        }
        func themes(in share: String) -> String {
            (((share as NSString).appendingPathComponent("yuedu") as NSString).appendingPathComponent("themes") as NSString).standardizingPath
        }
        let dataDirs = (environment["XDG_DATA_DIRS"].flatMap { $0.isEmpty ? nil : $0 } ?? "/usr/local/share:/usr/share")
            .split(separator: ":").map(String.init).filter { $0.hasPrefix("/") }
        let home = absolute("HOME") ?? NSHomeDirectory()
        let dataHome = absolute("XDG_DATA_HOME") ?? (home as NSString).appendingPathComponent(".local/share")
        var folders = dataDirs.reversed().map(themes(in:))
        if let installed { folders.append((installed as NSString).standardizingPath) }
        folders.append(themes(in: dataHome))
        folders.append((((configFile as NSString).deletingLastPathComponent as NSString).appendingPathComponent("themes") as NSString).standardizingPath)
        var seen: Set<String> = []
        return Array(folders.reversed().filter { seen.insert($0).inserted }.reversed())
    }
}
