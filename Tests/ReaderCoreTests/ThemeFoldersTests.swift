import Foundation
import Testing
@testable import ReaderCore

/// Where installed themes are looked for, and which theme a light terminal gets.
@Suite struct ThemeFoldersTests {
    @Test func foldersGoFromSystemToUserTheLaterWinning() {
        let folders = ThemeCatalog.folders(
            installed: "/opt/yuedu/bin/../share/yuedu/themes",
            configFile: "/home/r/.config/yuedu/config.toml",
            environment: ["HOME": "/home/r", "XDG_DATA_DIRS": "/usr/local/share:/usr/share"])
        #expect(folders == [
            "/usr/share/yuedu/themes", "/usr/local/share/yuedu/themes",
            "/opt/yuedu/share/yuedu/themes",
            "/home/r/.local/share/yuedu/themes",
            "/home/r/.config/yuedu/themes",
        ])
    }

    @Test func xdgVariablesMoveTheFoldersAndRelativeOnesAreIgnored() {
        let folders = ThemeCatalog.folders(
            installed: nil, configFile: "/cfg/yuedu/config.toml",
            environment: ["HOME": "/home/r", "XDG_DATA_HOME": "/data", "XDG_DATA_DIRS": "relative:/sys-share/"])
        #expect(folders == ["/sys-share/yuedu/themes", "/data/yuedu/themes", "/cfg/yuedu/themes"])
        let defaults = ThemeCatalog.folders(installed: nil, configFile: "/c/config.toml",
                                            environment: ["HOME": "/h", "XDG_DATA_HOME": "data", "XDG_DATA_DIRS": ""])
        #expect(defaults == ["/usr/share/yuedu/themes", "/usr/local/share/yuedu/themes", "/h/.local/share/yuedu/themes", "/c/themes"])
    }

    @Test func aFolderListedTwiceCountsWhereItWinsMost() {
        // Installed under /usr/local: the same folder as the first of XDG_DATA_DIRS.
        let folders = ThemeCatalog.folders(
            installed: "/usr/local/share/yuedu/themes", configFile: "/h/.config/yuedu/config.toml",
            environment: ["HOME": "/h"])
        #expect(folders == ["/usr/share/yuedu/themes", "/usr/local/share/yuedu/themes",
                            "/h/.local/share/yuedu/themes", "/h/.config/yuedu/themes"])
    }

    @Test func installedThemesAreFoundAndTheUsersWin() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("yuedu-theme-folders-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let installed = root + "/share/yuedu/themes", config = root + "/config/yuedu"
        for dir in [installed, config + "/themes"] {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        }
        try "\"ui.border\" = \"red\"\n".write(toFile: installed + "/paper.toml", atomically: true, encoding: .utf8)
        try "\"ui.border\" = \"blue\"\n".write(toFile: config + "/themes/paper.toml", atomically: true, encoding: .utf8)
        try "\"ui.border\" = \"green\"\n".write(toFile: installed + "/sea.toml", atomically: true, encoding: .utf8)
        let catalog = ThemeCatalog(directories: ThemeCatalog.folders(
            installed: installed, configFile: config + "/config.toml",
            environment: ["HOME": root + "/home", "XDG_DATA_DIRS": root + "/none"]))
        #expect(catalog.names == ["default", "paper", "sea"])
        #expect(catalog.path(of: "paper") == config + "/themes/paper.toml")
        #expect(catalog.path(of: "sea") == installed + "/sea.toml")
        // No folder at all: the built-in default still loads.
        let empty = ThemeCatalog(directories: [root + "/missing"])
        #expect(empty.names == ["default"])
        #expect(empty.load("default").theme != nil)
    }

    @Test func colorFGBGSaysWhetherTheBackgroundIsLight() {
        #expect(ThemeCatalog.backgroundIsLight(colorFGBG: "0;15") == true)
        #expect(ThemeCatalog.backgroundIsLight(colorFGBG: "0;default;7") == true)
        #expect(ThemeCatalog.backgroundIsLight(colorFGBG: "15;0") == false)
        #expect(ThemeCatalog.backgroundIsLight(colorFGBG: "7;8") == false)
        #expect(ThemeCatalog.backgroundIsLight(colorFGBG: "default;default") == nil)
        #expect(ThemeCatalog.backgroundIsLight(colorFGBG: "") == nil)
        #expect(ThemeCatalog.backgroundIsLight(colorFGBG: nil) == nil)
    }
}
