import Foundation
import Testing
@testable import ReaderCore

let themesDirectory = (seedsDirectory as NSString).deletingLastPathComponent + "/themes"

@Suite struct ConfigurationTests {
    @Test func everySettingApplies() {
        let config = Configuration.parse("""
            theme = "light"
            mouse = false
            library = ["/srv/articles", "more"]

            [wrap]
            indent = false
            ambiguous-wide = true

            [keys]
            line-down = ["x", "Down"]
            top = "g g"
            """, directory: "/home/reader/.config/yuedu")
        #expect(config.issues.isEmpty, "\(config.issues)")
        #expect(config.theme == "light")
        #expect(config.mouse == false)
        #expect(config.library == ["/srv/articles", "/home/reader/.config/yuedu/more"])
        #expect(config.wrap == WrapOptions(ambiguousIsWide: true, keepIndent: false))
        #expect(config.keys.map(\.command) == ["line-down", "top"])
        #expect(config.keys.map(\.keys) == [["x", "Down"], ["g g"]])
        #expect(config.keys.map(\.line) == [10, 11])
    }

    @Test func badSettingsAreReportedWithTheirLineAndTheRestApplies() {
        let config = Configuration.parse("""
            # comment
            colour = "red"
            mouse = "yes"
            theme = "light"

            [wrap]
            indent = 1
            ambiguous-wide = true
            hyphenate = true

            [keys]
            line-down = ["x"]
            page-down = 5
            """, file: "config.toml")
        #expect(config.theme == "light")
        #expect(config.mouse == true)
        #expect(config.wrap.keepIndent == true)
        #expect(config.wrap.ambiguousIsWide == true)
        #expect(config.keys.map(\.command) == ["line-down"])
        let lines = config.issues.map(\.line)
        #expect(lines == [2, 3, 7, 9, 13], "\(config.issues)")
        #expect(config.issues.map(\.description).contains("config.toml line 2: unknown setting \"colour\" (theme, background, mouse, library, [wrap], [search], [keys])"))
        #expect(config.issues.contains { $0.line == 3 && $0.message == "mouse must be true or false, found a string" })
        #expect(config.issues.contains { $0.line == 7 && $0.message == "wrap.indent must be true or false, found an integer" })
        #expect(config.issues.contains { $0.line == 13 && $0.message.hasPrefix("keys.page-down must be a list") })
    }

    @Test func searchKindsAreOnByDefaultAndEachTurnsOff() {
        #expect(Configuration.parse("").search == MatchOptions(variants: true, pinyin: true))
        #expect(Configuration.parse("[search]\nvariants = false\n").search == MatchOptions(variants: false, pinyin: true))
        #expect(Configuration.parse("[search]\npinyin = false\n").search == MatchOptions(variants: true, pinyin: false))
        let bad = Configuration.parse("[search]\npinyin = \"no\"\nfuzzy = true\n", file: "config.toml")
        #expect(bad.search == MatchOptions())
        #expect(bad.issues.map(\.description) == [
            "config.toml line 2: search.pinyin must be true or false, found a string",
            "config.toml line 3: unknown setting search.fuzzy (variants, pinyin)",
        ])
    }

    @Test func invalidTOMLIsReportedWithItsLineAndTheRestApplies() {
        let config = Configuration.parse("theme = \"light\"\n\n[keys\nline-down = [\"x\"]\n", file: "config.toml")
        #expect(config.theme == "light")
        #expect(config.keys.isEmpty, "the broken table header is left out, so its keys land at the top level")
        #expect(config.issues.first?.line == 3)
        #expect(config.issues.first?.message.hasPrefix("invalid TOML") == true)
        #expect(config.issues.contains { $0.line == 4 }, "and that is said too: \(config.issues)")
    }

    @Test func theSameKeyInTwoTablesIsFoundInTheRightOne() {
        let source = ConfigSource("""
            indent = 1
            [wrap]
              # indent = 2
              indent = 3
            [keys]
            "top" = ["g g"]
            'bottom' = "G"
            """)
        #expect(source.line(of: "indent") == 1)
        #expect(source.line(of: "indent", in: "wrap") == 4)
        #expect(source.line(of: "top", in: "keys") == 6)
        #expect(source.line(of: "bottom", in: "keys") == 7)
        #expect(source.line(of: "bottom") == nil)
        #expect(source.line(ofTable: "keys") == 5)
    }

    @Test func aMissingDefaultFileIsQuietButANamedOneIsNot() {
        let path = NSTemporaryDirectory() + "/yuedu-no-such-\(UUID().uuidString).toml"
        #expect(Configuration.load(path: path, required: false).issues.isEmpty)
        #expect(Configuration.load(path: path, required: true).issues.count == 1)
    }

    @Test func defaultPathFollowsXDG() {
        #expect(Configuration.defaultPath(environment: ["XDG_CONFIG_HOME": "/x/cfg", "HOME": "/h"]) == "/x/cfg/yuedu/config.toml")
        #expect(Configuration.defaultPath(environment: ["HOME": "/h"]) == "/h/.config/yuedu/config.toml")
        #expect(Configuration.defaultPath(environment: ["XDG_CONFIG_HOME": "", "HOME": "/h"]) == "/h/.config/yuedu/config.toml")
    }
}

@Suite struct ThemeFileTests {
    @Test func everyInstalledThemeLoadsWithoutProblems() throws {
        let catalog = ThemeCatalog(directories: [themesDirectory])
        let files = try FileManager.default.contentsOfDirectory(atPath: themesDirectory).filter { $0.hasSuffix(".toml") }
        #expect(files.count >= 4)
        #expect(Set(catalog.names) == Set(files.map { String($0.dropLast(5)) }))
        for name in catalog.names {
            let (theme, issues) = catalog.load(name)
            #expect(issues.isEmpty, "\(name): \(issues)")
            #expect(theme?.scopes.isEmpty == false, "\(name) has scopes")
        }
    }

    @Test func theBuiltInDefaultIsThemesDefaultToml() throws {
        let text = try String(contentsOfFile: themesDirectory + "/default.toml", encoding: .utf8)
        #expect(text == ThemeCatalog.builtInDefault + "\n")
        let fromFile = ThemeCatalog(directories: [themesDirectory]).load("default").theme
        let builtIn = ThemeCatalog(directories: []).load("default").theme
        #expect(fromFile != nil && fromFile?.scopes == builtIn?.scopes)
    }

    @Test func monochromeUsesAttributesOnly() throws {
        let theme = try #require(ThemeCatalog(directories: [themesDirectory]).load("monochrome").theme)
        #expect(theme.scopes.values.allSatisfy { $0.foreground == nil && $0.background == nil })
        #expect(theme.scopes["ui.list.selected"]?.modifiers == [.reverse, .bold])
    }

    @Test func paletteNamesHexAndIndices() throws {
        let (theme, issues) = ThemeCatalog.parse("""
            "ui.list" = "accent"
            "ui.header" = { fg = "#ff0000", bg = 17, modifiers = ["bold", "italic"] }
            "ui.border" = { fg = "bright-blue", bg = "default" }
            "ui.help" = "grey"
            [palette]
            accent = "#ffd7af"
            """, name: "t")
        #expect(issues.isEmpty, "\(issues)")
        let scopes = try #require(theme).scopes
        #expect(scopes["ui.list"] == ThemeScope(foreground: .rgb(0xFF, 0xD7, 0xAF)))
        #expect(scopes["ui.header"] == ThemeScope(foreground: .rgb(255, 0, 0), background: .indexed(17), modifiers: [.bold, .italic]))
        #expect(scopes["ui.border"] == ThemeScope(foreground: .indexed(12), background: .default))
        #expect(scopes["ui.help"] == ThemeScope(foreground: .indexed(8)))
    }

    @Test func badScopesAreReportedWithLinesAndLeftOut() throws {
        let (theme, issues) = ThemeCatalog.parse("""
            "ui.bookmark" = "red"
            "ui.sidebar" = { fg = "purplish" }
            "ui.statusbar" = { fg = "red", blink = true }
            "ui.reading" = { modifiers = ["sparkle"] }
            "ui.help.key" = 300
            """, name: "t")
        let t = try #require(theme)
        #expect(t.scopes["ui.bookmark"] == ThemeScope(foreground: .indexed(1)))
        #expect(t.scopes["ui.help.key"] == nil)
        #expect(Set(issues.compactMap(\.line)) == [2, 3, 4, 5], "\(issues)")
        #expect(issues.allSatisfy { $0.file == "t.toml" })
    }

    @Test func inheritsTakesTheParentsScopesAndPaletteAndDetectsLoops() throws {
        let dir = NSTemporaryDirectory() + "/yuedu-themes-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try """
            "ui.list" = "main"
            "ui.header" = { fg = "main", modifiers = ["bold"] }
            [palette]
            main = 100
            """.write(toFile: dir + "/base.toml", atomically: true, encoding: .utf8)
        try """
            inherits = "base"
            "ui.header" = "blue"
            [palette]
            main = 200
            """.write(toFile: dir + "/child.toml", atomically: true, encoding: .utf8)
        try "inherits = \"loop2\"\n".write(toFile: dir + "/loop1.toml", atomically: true, encoding: .utf8)
        try "inherits = \"loop1\"\n\"ui\" = \"red\"\n".write(toFile: dir + "/loop2.toml", atomically: true, encoding: .utf8)
        let catalog = ThemeCatalog(directories: [dir])
        let (child, issues) = catalog.load("child")
        #expect(issues.isEmpty)
        // The parent's scope with the child's palette; the child's own scope wins.
        #expect(child?.scopes["ui.list"] == ThemeScope(foreground: .indexed(200)))
        #expect(child?.scopes["ui.header"] == ThemeScope(foreground: .indexed(4)))
        let (loop, loopIssues) = catalog.load("loop1")
        #expect(loop != nil)
        #expect(loopIssues.contains { $0.message.contains("loop") && $0.line == 1 })
        let (missing, missingIssues) = catalog.load("nothing-like-it")
        #expect(missing == nil && missingIssues.count == 1)
        // A theme can inherit from the built-in default with no folder at all.
        let light = ThemeCatalog(directories: [themesDirectory]).load("light").theme
        #expect(light?.scopes["ui.reading.title"] != nil && light?.scopes["ui"] == ThemeScope())
    }
}

@Suite struct ConfigurationSyntaxTests {
    @Test func aLineTOMLCannotReadCostsOnlyThatLine() {
        let config = Configuration.parse("theme = \"light\"\nmouse = yes\n[wrap]\nindent = false\n")
        #expect(config.theme == "light")
        #expect(config.wrap.keepIndent == false)
        #expect(config.issues.count == 1)
        #expect(config.issues.first?.line == 2)
        #expect(config.issues.first?.message.contains("left out") == true)
    }
}
