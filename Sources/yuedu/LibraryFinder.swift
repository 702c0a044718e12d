import Foundation
import ReaderCore
import ReaderUI
import Terminal

/// Runs the reader's library searches off the main thread, one at a time, on a thread of its
/// own: a search asked for while another runs waits, and a newer one replaces it (only the
/// newest query typed is worth running); results reach the loop through an inbox, and the
/// state drops those of a generation it no longer shows. Context lines for matches that come
/// into view are made the same way, after any waiting search. Main thread only, except for
/// its thread.
final class LibraryFinder: @unchecked Sendable {
    enum Message: Sendable {
        case results(FindResults)
        case snippets([ArticleID: FindSnippet], generation: Int)
    }

    struct Search: Sendable {
        var text: String
        var generation: Int
        var source: LibraryFinding.Source
        var bookmarked: Set<ArticleKey>
        var read: Set<ArticleKey>
    }

    struct Snippets: Sendable {
        var text: String
        var generation: Int
        var articles: [Article]
        var source: LibraryFinding.Source
    }

    private let inbox = Inbox<Message>()
    private let condition = NSCondition()
    private var waitingSearch: Search?
    private var waitingSnippets: [Snippets] = []
    private var started = false
    /// The matches whose context lines were asked for, for the generation asked.
    private var asked: (generation: Int, ids: Set<ArticleID>) = (0, [])

    /// Asks for a search; a search of an older generation that has not started is dropped.
    func search(_ search: Search) {
        condition.lock()
        waitingSearch = search
        waitingSnippets.removeAll()
        startIfNeeded()
        condition.signal()
        condition.unlock()
    }

    /// Asks for the context lines the state lacks for the matches on screen (each once).
    func requestSnippets(_ state: AppState, source: LibraryFinding.Source) {
        guard let find = state.find else { return }
        if asked.generation != find.generation { asked = (find.generation, []) }
        let wanted = state.snippetsWanted.filter { !asked.ids.contains($0) }
        guard !wanted.isEmpty else { return }
        asked.ids.formUnion(wanted)
        let articles = wanted.compactMap { state.library.article($0) }
        condition.lock()
        waitingSnippets.append(Snippets(text: find.query, generation: find.generation, articles: articles, source: source))
        startIfNeeded()
        condition.signal()
        condition.unlock()
    }

    /// Takes what the thread reported into the state (call on `.wake`).
    func deliver(into state: inout AppState) {
        for message in inbox.drain() {
            switch message {
            case .results(let results): state.adoptFindResults(results)
            case .snippets(let snippets, let generation): state.adoptFindSnippets(snippets, generation: generation)
            }
        }
    }

    /// Starts the thread on the first request (call with the condition locked).
    private func startIfNeeded() {
        guard !started else { return }
        started = true
        let thread = Thread { [self] in work() }
        thread.name = "yuedu-find"
        thread.start()
    }

    /// Whether a newer query came in (its results would be dropped anyway).
    private func superseded() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return waitingSearch != nil
    }

    private func work() {
        while true {
            condition.lock()
            while waitingSearch == nil && waitingSnippets.isEmpty { condition.wait() }
            let search = waitingSearch
            waitingSearch = nil
            let snippets = search == nil ? waitingSnippets.removeFirst() : nil
            condition.unlock()
            if let search {
                func run(limit: Int, snippetCount: Int = LibraryFinding.firstSnippets) -> FindResults {
                    LibraryFinding.run(search.text, generation: search.generation, in: search.source,
                                       bookmarked: search.bookmarked, read: search.read,
                                       limit: limit, snippetCount: snippetCount)
                }
                var fromIndex = false
                if case .index = search.source { fromIndex = true }
                if fromIndex {
                    // The first page of matches first, shown at once; then all of them, in
                    // the same order (the context lines of the first page are kept).
                    var page = run(limit: LibraryFinding.firstPage)
                    if superseded() { continue }
                    page.partial = page.truncated
                    inbox.post(.results(page))
                    if !page.partial { continue }
                }
                let results = run(limit: LibraryFinding.limit, snippetCount: fromIndex ? 0 : LibraryFinding.firstSnippets)
                if !superseded() { inbox.post(.results(results)) }
            } else if let snippets {
                let made = LibraryFinding.snippets(for: snippets.articles, text: snippets.text, in: snippets.source)
                inbox.post(.snippets(made, generation: snippets.generation))
            }
        }
    }
}
