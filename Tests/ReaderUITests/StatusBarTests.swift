import ReaderCore
import Grid
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

@Suite struct StatusBarNarrowTests {
    func bar(_ s: AppState) -> String { RootView.render(s).text(row: s.height - 1) }

    @Test func theSkippedNoteIsWholeOrShortOrAbsent() throws {
        let skipped = [SkippedFile(path: "a", reason: "empty file"), SkippedFile(path: "b", reason: "binary file")]
        for width in 20...80 {
            let s = AppState(articles: try goldenLibrary(), skipped: skipped, width: width, height: 12)
            let text = bar(s)
            if text.contains("skipped") {
                #expect(text.contains("2 skipped — press S") || text.contains("2 skipped (S)"), "at \(width): \(text)")
            }
        }
        let wide = AppState(articles: try goldenLibrary(), skipped: skipped, width: 100, height: 12)
        #expect(bar(wide).contains("2 skipped — press S"))
    }

    @Test func aReloadThatChangesTheOpenArticleSaysItsSearchIsGone() throws {
        var s = try state(width: 100, height: 30)
        _ = s.apply(.search)
        for c in "Reading" { _ = s.press(.character(c)) }
        _ = s.press(.enter)
        #expect(s.search != nil)
        var changed = s.articles
        changed[s.current].lead = "A new lead."
        s.replaceLibrary(articles: changed, skipped: [], changes: LibraryChanges(changed: [changed[s.current].path ?? ""]))
        #expect(s.search == nil)
        #expect(s.message?.contains("search cleared") == true, "\(s.message ?? "")")
    }
}
