import Foundation
import Testing

/// The command line as the built binary answers it: `yuedu --help` is the reader's usage with
/// the subcommands listed, subcommands still win over paths, `--version` names the version.
@Suite struct CommandLineTests {
    @Test func helpShowsHowToReadAndListsTheSubcommands() throws {
        let help = try run([yueduBinary, "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: yuedu [<path> ...] [--theme <name|path>] [--config <path>] [--no-index]\n       yuedu <subcommand>"),
                "\(help.stdout)")
        let options = help.stdout.components(separatedBy: "OPTIONS:").last ?? ""
        for option in ["--theme <name|path>", "--config <path>", "--no-index", "--version", "--help"] {
            #expect(options.contains(option), "\(option)")
        }
        let subcommands = help.stdout.components(separatedBy: "SUBCOMMANDS:").last ?? ""
        for name in ["render", "wrap", "list", "bookmarks"] {
            #expect(subcommands.contains("  \(name) "), "\(name)")
        }
        #expect(!subcommands.contains("  read "), "reading is the command itself, not a listed subcommand")
    }

    @Test func subcommandNamesAreNotTakenForPaths() throws {
        // With the reader's paths on the root, `list` would be a path that does not exist.
        let list = try run([yueduBinary, "list", repositoryRoot.appendingPathComponent("seeds").path])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.split(separator: "\n").count == 11)
        let help = try run([yueduBinary, "help", "render"])
        #expect(help.stdout.contains("USAGE: yuedu render <file>"), "\(help.stdout)")
    }

    @Test func versionNamesTheVersionAndACommitOrNone() throws {
        let version = try run([yueduBinary, "--version"])
        #expect(version.status == 0)
        // A plain `swift build` is not told its commit; scripts/install.sh is (InstallTests).
        let line = version.stdout.trimmingCharacters(in: .newlines)
        #expect(line.range(of: #"^\d+\.\d+\.\d+(-dev)? \(commit ([0-9a-f]{12}(-dirty)?|unknown)\)$"#, options: .regularExpression) != nil,
                "\(line)")
    }
}
