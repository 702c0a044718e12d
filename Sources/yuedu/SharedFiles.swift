import Foundation

/// Where the files that come with yuedu are: the themes and the sample articles (`seeds`).
///
/// Installed, the binary is `PREFIX/bin/yuedu` and they are in `PREFIX/share/yuedu/`. Built
/// from the source tree, the binary is `.build/<triple>/<config>/yuedu` and the tree itself has
/// the same `themes/` and `seeds/`. A binary copied somewhere alone has neither, and still has
/// its compiled-in default theme.
enum SharedFiles {
    /// The folder holding `themes/` and `seeds/`, found from the binary's real path.
    static let folder: String? = locate(executable: executablePath())

    /// The installed themes (`PREFIX/share/yuedu/themes`).
    static var themes: String? { subfolder("themes") }

    /// The sample articles, the library when none is given or configured.
    static var seeds: String? { subfolder("seeds") }

    /// `share/yuedu` next to the binary's `bin/`, or the source tree above a build folder
    /// (a folder with `Package.swift`, at most five levels up).
    static func locate(executable: String) -> String? {
        let fm = FileManager.default
        func isDirectory(_ path: String) -> Bool {
            var isDir: ObjCBool = false
            return fm.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
        }
        let bin = (executable as NSString).deletingLastPathComponent
        let share = (((bin as NSString).deletingLastPathComponent as NSString)
            .appendingPathComponent("share") as NSString).appendingPathComponent("yuedu")
        if isDirectory(share) { return share }
        var dir = bin
        for _ in 0..<5 {
            if fm.fileExists(atPath: (dir as NSString).appendingPathComponent("Package.swift")),
               isDirectory((dir as NSString).appendingPathComponent("themes")) {
                return dir
            }
            dir = (dir as NSString).deletingLastPathComponent
        }
        return nil
    }

    /// The running binary, symbolic links resolved (`/proc/self/exe` on Linux).
    static func executablePath() -> String {
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return exe
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
    }

    private static func subfolder(_ name: String) -> String? {
        guard let folder else { return nil }
        let path = (folder as NSString).appendingPathComponent(name)
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue ? path : nil
    }
}
