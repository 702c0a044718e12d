import ReaderCore
import Terminal
import Testing
@testable import ReaderUI

@Suite struct StatusBarTests {
    func bar(_ s: AppState) -> String { RootView.render(s).text(row: s.height - 1) }

    @Test func tabIsOfferedOnlyWhenThereIsAPaneToGoTo() throws {
        #expect(bar(try state(width: 120, height: 30)).contains("Tab pane"))
        #expect(!bar(try state(width: 50, height: 20)).contains("Tab pane"), "one pane below 60 columns")
        #expect(!bar(try state(width: 120, height: 30, [.toggleFullscreen])).contains("Tab pane"))
        #expect(bar(try state(width: 120, height: 30, [.toggleFullscreen])).contains("f panes"))
    }

    @Test func keysAreWholeAndHelpComesFirst() throws {
        for width in [30, 45, 60, 80, 100] {
            let text = bar(try state(width: width, height: 20))
            #expect(!text.contains("…"), "no key hint cut in half at \(width): \(text)")
            if width >= 45 { #expect(text.contains("? help"), "help is offered at \(width): \(text)") }
        }
    }

    @Test func aMessageComesBeforeTheSkippedNote() throws {
        var s = AppState(articles: try goldenLibrary(), skipped: [SkippedFile(path: "a", reason: "empty file")],
                         width: 80, height: 24)
        s.show(message: "reloaded: 1 removed")
        let text = bar(s)
        let message = try #require(text.range(of: "reloaded: 1 removed"))
        let note = try #require(text.range(of: "1 skipped — press S"))
        #expect(message.lowerBound < note.lowerBound)
    }

    @Test func bookmarksOnlySaysSoAndCountsBookmarks() throws {
        var s = try state(width: 50, height: 20)
        s.adoptBookmarks([s.key(ofArticle: 0)])
        _ = s.apply(.toggleBookmarksOnly)
        #expect(bar(s).contains("✦ 1/1"), "\(bar(s))")
    }
}
