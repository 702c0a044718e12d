import Foundation

/// A deliberate crash for the tests that prove a fatal error still gives the terminal back.
///
/// Not a user feature: only the environment variable `YUEDU_TEST_CRASH=1` turns it on.
enum CrashTrigger {
    /// Stops the process with a fatal error when `YUEDU_TEST_CRASH=1` is set.
    static func fireIfRequested() {
        guard ProcessInfo.processInfo.environment["YUEDU_TEST_CRASH"] == "1" else { return }
        fatalError("YUEDU_TEST_CRASH=1: crashing on purpose after the first frame")
    }
}
