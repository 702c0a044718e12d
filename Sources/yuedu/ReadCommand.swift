import ArgumentParser
import Foundation
import ReaderCore

/// `yuedu [PATH...]`: the fullscreen reader.
struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Read articles fullscreen (the default).")

    @Argument(help: "Files or directories of articles; the bundled seeds/ when omitted.")
    var paths: [String] = []

    func run() throws {
        let store = ArticleStore.load(paths: try LibraryPaths.resolve(paths))
        print("\(store.articles.count) articles")
    }
}

/// `yuedu render FILE --width N`: the article as the reading pane lays it out, to stdout.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print an article as the reading pane lays it out.")

    @Argument(help: "An article file.")
    var file: String

    @Option(name: .shortAndLong, help: "Width in terminal cells.")
    var width: Int = 80

    func run() throws {
        let article = try ArticleFile.read(path: file).mapError { ValidationError("\(file): \($0.reason)") }.get()
        print(article.title)
    }
}
