import ArgumentParser
import Foundation
import ReaderCore

/// The `yuedu` command: read articles fullscreen (`yuedu [PATH...]`, the `read` subcommand by
/// default), or one of the script-friendly subcommands. A synchronous root keeps `run()` on the
/// main thread, where signals are delivered.
///
/// The paths belong to `read`: a positional argument of the root would take a subcommand's
/// name as a path. The usage line and the options shown are the reader's.
@main
struct Yuedu: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "yuedu",
        abstract: "A fullscreen terminal reader for articles, Chinese first (阅读, to read).",
        usage: """
            yuedu [<path> ...] [--theme <name|path>] [--config <path>] [--no-index]
            yuedu <subcommand>
            """,
        discussion: """
            Reads the articles in the files and folders named (folders recursively); with no \
            path, the configured library, else the sample articles installed with yuedu. \
            The library's index (in $XDG_CACHE_HOME/yuedu/) makes a start fast; --no-index reads \
            the files directly. Press ? in the reader for its keys; `man yuedu` says more.
            """,
        version: BuildInfo.versionLine,
        subcommands: [Read.self, Render.self, Wrap.self, List.self, Index.self, Search.self, Bookmarks.self],
        defaultSubcommand: Read.self
    )

    @OptionGroup var reader: ReaderOptions
}
