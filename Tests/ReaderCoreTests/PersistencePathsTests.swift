import Foundation
import Testing
@testable import ReaderCore

@Suite struct PersistencePathsTests {
    @Test func defaultsUnderHome() {
        let paths = PersistencePaths(environment: ["HOME": "/home/reader"])
        #expect(paths.bookmarksFile == "/home/reader/.local/share/yuedu/bookmarks.json")
        #expect(paths.positionsFile == "/home/reader/.local/state/yuedu/positions.json")
    }

    @Test func xdgVariablesWin() {
        let paths = PersistencePaths(environment: [
            "HOME": "/home/reader", "XDG_DATA_HOME": "/data/", "XDG_STATE_HOME": "/state",
        ])
        #expect(paths.bookmarksFile == "/data/yuedu/bookmarks.json")
        #expect(paths.positionsFile == "/state/yuedu/positions.json")
    }

    @Test func emptyOrRelativeVariablesAreIgnored() {
        let paths = PersistencePaths(environment: [
            "HOME": "/home/reader", "XDG_DATA_HOME": "", "XDG_STATE_HOME": "relative/state",
        ])
        #expect(paths.dataDirectory == "/home/reader/.local/share/yuedu")
        #expect(paths.stateDirectory == "/home/reader/.local/state/yuedu")
    }
}
