import ArgumentParser
import Foundation

/// Where the library is when the user names none: the bundled `seeds/`.
enum LibraryPaths {
    static func resolve(_ paths: [String]) throws -> [String] {
        if !paths.isEmpty { return paths }
        if let seeds = bundledSeeds() { return [seeds] }
        throw ValidationError("""
            no library to open: give files or folders of articles (yuedu PATH...), \
            or run it from the yuedu repository, whose seeds/ is the default library
            """)
    }

    /// `seeds/` of the repository: next to the current directory, or above the executable
    /// (which `swift build` puts in `.build/<config>/`).
    static func bundledSeeds() -> String? {
        let fm = FileManager.default
        var candidates = [fm.currentDirectoryPath]
        var exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        for _ in 0..<5 {
            exe.deleteLastPathComponent()
            candidates.append(exe.path)
        }
        for dir in candidates {
            let seeds = (dir as NSString).appendingPathComponent("seeds")
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: seeds, isDirectory: &isDir), isDir.boolValue,
               fm.fileExists(atPath: (dir as NSString).appendingPathComponent("Package.swift")) {
                return seeds
            }
        }
        return nil
    }
}
