import ArgumentParser

/// The reader's options. The root command declares them, so `yuedu --help` lists them; the
/// `read` subcommand includes the same group and gets the values the root decoded.
struct ReaderOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A theme: an installed theme's name or a theme file.", valueName: "name|path"),
            completion: .custom(ReaderOptions.themeNames))
    var theme: String?

    @Option(help: ArgumentHelp("The configuration file (default: $XDG_CONFIG_HOME/yuedu/config.toml).", valueName: "path"),
            completion: .file(extensions: ["toml"]))
    var config: String?

    @Flag(help: "Read the files directly, without the library index.")
    var noIndex = false
}
