import ArgumentParser
import Foundation
import ReaderCore

/// The `yuedu` command: read articles fullscreen, or one of the script-friendly subcommands.
/// A synchronous root keeps `run()` on the main thread, where signals are delivered.
@main
struct Yuedu: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "yuedu",
        abstract: "阅读 — a fullscreen terminal reader for articles, Chinese first.",
        version: "0.1.0",
        subcommands: [Read.self, Render.self, Wrap.self, List.self, Index.self, Search.self, Bookmarks.self],
        defaultSubcommand: Read.self
    )
}
