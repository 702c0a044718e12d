import Foundation
import ReaderCore
import ReaderUI
import Grid
import Terminal

/// Builds the library's similarity index away from the main thread, so the first screen
/// never waits for it, and hands it to the reader loop.
///
/// The mechanism: `start(_:)` runs `SimilarityIndex.build` on a thread of its own
/// (`ParallelWork.detach`; Dispatch's pool would wake an idle reader every second). When it is done, the thread puts the index in a lock-guarded box and
/// calls `TerminalSession.wakeUp()`, which writes a byte to the pipe the loop already polls
/// for signals. The loop, waiting in `events(timeout:)`, gets a `.wake` event and calls
/// `deliver(to:)` on the main thread, which moves the index into `AppState`. Until then the
/// sidebar's second part shows `…`. No thread but the main one ever touches the state.
final class BackgroundSimilarity: @unchecked Sendable {
    private let lock = NSLock()
    /// The newest index built and not yet delivered, with the number of the build.
    private var built: (index: SimilarArticles, build: Int)?
    private var builds = 0

    /// Starts building the index of `articles` (the library as the state has it). Builds may
    /// overlap after a reload: an older build never replaces a newer one. The index names
    /// articles by identity, so it stays right for a library that grew meanwhile.
    func start(_ articles: [Article]) {
        builds += 1
        let build = builds
        ParallelWork.detach { [self] in
            let index = SimilarArticles.build(articles)
            lock.withLock {
                if built.map({ $0.build < build }) ?? true { built = (index, build) }
            }
            TerminalSession.wakeUp()
        }
    }

    /// On the main thread, after a `.wake`: gives the index to `state` if it is ready.
    func deliver(to state: inout AppState) {
        guard let built = lock.withLock({ () -> (index: SimilarArticles, build: Int)? in
            defer { built = nil }
            return built
        }) else { return }
        state.setSimilarArticles(built.index)
    }
}
