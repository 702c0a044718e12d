import Foundation
import Grid
import ReaderCore
import Testing
@testable import ReaderUI

/// Counts that mean a place (`50G`, `50%`), counts that repeat (`3n`), and `/` then Enter.
@Suite struct CountsAndRepeatsTests {
    func press(_ keys: String, _ s: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        for c in keys { effects += s.press(c == "\n" ? .enter : .character(c)) }
        return effects
    }

    @Test func aCountBeforeGIsALine() throws {
        var s = try seedState(width: 80, height: 24)
        _ = press("G", &s)
        #expect(s.readingTop == s.maxReadingTop)
        _ = press("20G", &s)
        #expect(s.readingTop == 19)
        _ = press("1G", &s)
        #expect(s.readingTop == 0, "1G is the first line, not the end")
        _ = press("99999G", &s)
        #expect(s.readingTop == s.maxReadingTop)
    }

    @Test func aCountBeforePercentIsHowFar() throws {
        var s = try seedState(width: 80, height: 24)
        let lines = s.layout!.lines.count
        _ = press("50%", &s)
        #expect(s.readingTop == lines / 2)
        _ = press("%", &s)
        #expect(s.readingTop == lines / 2 && s.message?.contains("50%") == true)
        _ = press("1%", &s)
        #expect(s.readingTop == lines / 100)
    }

    @Test func aCountBeforeNStepsThatManyMatches() throws {
        var s = try seedState(width: 80, height: 24)
        _ = press("/党建\n", &s)
        let first = try #require(s.search?.current)
        _ = press("3n", &s)
        #expect(s.search?.current == first + 3)
        _ = press("2N", &s)
        #expect(s.search?.current == first + 1)
    }

    @Test func slashThenEnterSearchesForTheLastQueryAgain() throws {
        var s = try seedState(width: 80, height: 24)
        let effects = press("/党建\n", &s)
        #expect(effects.contains(.saveSearchHistory(["党建"])))
        _ = press("\u{1B}", &s)
        _ = s.apply(.cancel)
        #expect(s.search == nil)
        _ = press("/\n", &s)
        #expect(s.search?.query == "党建" && s.search?.current != nil)
    }

    @Test func theHistoryComesFromEarlierRunsAndIsSavedWhenItChanges() throws {
        var s = try seedState(width: 80, height: 24)
        s.adoptSearchHistory(["乡村", "党建"])
        _ = s.apply(.search)
        _ = s.press(.up)
        #expect(s.prompt?.text == "党建")
        _ = s.press(.up)
        #expect(s.prompt?.text == "乡村")
        let effects = s.press(.enter)
        #expect(effects.contains(.saveSearchHistory(["党建", "乡村"])), "the query used goes last")
    }
}

@Suite struct SearchHistoryStoreTests {
    @Test func roundTripsAndKeepsTheNewestHundred() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yuedu-history-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = SearchHistoryStore(paths: PersistencePaths(dataDirectory: dir, stateDirectory: dir + "/state"))
        #expect(store.load().isEmpty, "no file: no history")
        var history: [String] = []
        for i in 0..<150 { history = SearchHistoryStore.adding("q\(i)", to: history) }
        history = SearchHistoryStore.adding("q120", to: history)
        #expect(history.count == SearchHistoryStore.limit && history.last == "q120")
        #expect(store.save(history + ["bad\u{1B}]2;x\u{07}line"]) == nil)
        let loaded = store.load()
        #expect(loaded.count == SearchHistoryStore.limit)
        #expect(loaded.last == "bad]2;xline", "no control character is kept")
        #expect(loaded.first == "q51")
    }

    @Test func anUnwritableFolderIsToldNotFatal() {
        let store = SearchHistoryStore(paths: PersistencePaths(dataDirectory: "/proc/nonexistent", stateDirectory: "/proc/nonexistent"))
        #expect(store.save(["x"])?.hasPrefix("search history not saved") == true)
        #expect(store.load().isEmpty)
    }
}
