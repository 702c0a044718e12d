import Foundation
import Testing
@testable import ReaderCore

/// A theme's light variant (`[light]`, `[light.palette]`), `background =` in a theme file, and
/// `background =` in config.toml.
@Suite struct ThemeVariantTests {
    func folder(_ files: [String: String]) throws -> String {
        let dir = NSTemporaryDirectory() + "yuedu-themes-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
        return dir
    }

    let base = """
        "ui.reading.title" = "peach"
        "ui.border" = "grey"
        [palette]
        peach = 223
        grey = 242
        [light]
        "ui.reading.title" = "ink"
        [light.palette]
        grey = 245
        ink = 124
        """

    @Test func theLightTableChangesScopesAndPaletteOnALightBackground() throws {
        let (spec, issues) = ThemeCatalog.parse(base, name: "base")
        #expect(issues.isEmpty, "\(issues)")
        let theme = try #require(spec)
        #expect(theme.scopes(lightBackground: false)["ui.reading.title"]?.foreground == .indexed(223))
        #expect(theme.scopes(lightBackground: true)["ui.reading.title"]?.foreground == .indexed(124))
        // A scope the light table does not name still takes the light palette.
        #expect(theme.scopes(lightBackground: true)["ui.border"]?.foreground == .indexed(245))
        #expect(theme.scopes(lightBackground: false)["ui.border"]?.foreground == .indexed(242))
    }

    @Test func aChildsOwnScopesWinOverItsParentsLightOnes() throws {
        let dir = try folder(["base.toml": base, "child.toml": """
            inherits = "base"
            "ui.reading.title" = "green"
            """, "fixed.toml": """
            inherits = "base"
            background = "light"
            """])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let catalog = ThemeCatalog(directories: [dir])
        let child = try #require(catalog.load("child").theme)
        #expect(child.scopes(lightBackground: true)["ui.reading.title"]?.foreground == .indexed(2))
        #expect(child.scopes(lightBackground: true)["ui.border"]?.foreground == .indexed(245))
        let fixed = try #require(catalog.load("fixed").theme)
        #expect(fixed.background == .light)
        #expect(fixed.scopes(lightBackground: false)["ui.reading.title"]?.foreground == .indexed(124), "light whatever the terminal")
    }

    @Test func badValuesAreReported() {
        let (_, issues) = ThemeCatalog.parse("background = \"pink\"\nlight = 3\n", name: "bad")
        #expect(issues.contains { $0.message.contains("background must be") })
        #expect(issues.contains { $0.message.contains("light must be a table") })
    }

    @Test func theConfigurationSaysTheBackgroundAndTheAmbiguousWidth() {
        #expect(Configuration.parse("").background == .auto)
        #expect(Configuration.parse("background = \"light\"").background == .light)
        let bad = Configuration.parse("background = \"white\"", file: "config.toml")
        #expect(bad.background == .auto)
        #expect(bad.issues.first?.description == "config.toml line 1: background must be \"auto\", \"light\" or \"dark\", found \"white\"")
        #expect(!Configuration.parse("").ambiguousWideSet)
        #expect(!Configuration.parse("[wrap]\nambiguous-wide = \"auto\"").ambiguousWideSet)
        let set = Configuration.parse("[wrap]\nambiguous-wide = true")
        #expect(set.ambiguousWideSet && set.wrap.ambiguousIsWide)
        #expect(Configuration.parse("[wrap]\nambiguous-wide = false").ambiguousWideSet)
    }
}
