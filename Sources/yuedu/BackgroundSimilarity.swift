import Foundation
import ReaderCore
import ReaderUI
import Terminal

/// Builds the library's similarity index away from the main thread, so the first screen
/// never waits for it, and hands it to the reader loop.
///
/// The mechanism: `start(_:)` runs `SimilarityIndex.build` as a work item on a global
/// dispatch queue. When it is done, the work item puts the index in a lock-guarded box and
/// calls `TerminalSession.wakeUp()`, which writes a byte to the pipe the loop already polls
/// for signals. The loop, waiting in `events(timeout:)`, gets a `.wake` event and calls
/// `deliver(to:)` on the main thread, which moves the index into `AppState`. Until then the
/// sidebar's second part shows `…`. No thread but the main one ever touches the state.
final class BackgroundSimilarity: @unchecked Sendable {
    private let lock = NSLock()
    private var built: SimilarityIndex?

    /// Starts building the index of `articles` (the library, in the state's order).
    func start(_ articles: [Article]) {
        DispatchQueue.global(qos: .utility).async { [self] in
            let index = SimilarityIndex.build(articles)
            lock.withLock { built = index }
            TerminalSession.wakeUp()
        }
    }

    /// On the main thread, after a `.wake`: gives the index to `state` if it is ready.
    func deliver(to state: inout AppState) {
        guard let index = lock.withLock({ () -> SimilarityIndex? in
            defer { built = nil }
            return built
        }) else { return }
        state.setSimilarityIndex(index)
    }
}
