import ReaderCore
import Grid
import Testing
@testable import ReaderUI

/// An article written in traditional characters, open alone on a 64×16 screen.
private func traditionalState(options: MatchOptions = MatchOptions()) -> AppState {
    let article = Article(
        title: "鄉村圖書館的新生活",
        date: ArticleDate(year: 2024, month: 3, day: 8),
        site: "地方新聞",
        body: [
            Block(.paragraph, "這座鄉村圖書館開館以後，村裡的孩子放學後都來這裡讀書。"),
            Block(.paragraph, "館長說，鄉村振興不只是修路蓋房，也要讓書走進鄉村。"),
            Block(.paragraph, "Library hours: 9 to 5."),
        ])
    var state = AppState(articles: [article], width: 64, height: 16)
    state.matchOptions = options
    _ = state.apply(.toggleFullscreen)
    return state
}

@Suite struct SearchChineseTests {
    @Test func aSimplifiedQueryLightsTraditionalTextAsWritten() {
        var s = traditionalState()
        _ = s.apply(.search)
        type("乡村图书馆", into: &s)
        let screen = RootView.render(s)
        #expect(s.search?.results.count == 2)
        #expect(text(in: currentStyle, on: screen) == ["鄉村圖書館"])
        #expect(text(in: matchStyle, on: screen) == ["鄉村圖書館"])
        #expect(screen.textLines[15].hasSuffix("[1/2 繁简]"))
        assertSnapshot(screen, named: "search-variants-64x16", marking: searchMarks)
    }

    @Test func oneQueryCharacterFindsEachVariant() {
        var s = traditionalState()
        search("后", in: &s)
        // 以後 and 放學後: 后 stands for 後.
        #expect(s.search?.results.count == 2)
        #expect(s.search?.counter == "[1/2 繁简]")
    }

    @Test func aPinyinQueryLightsTheHanItSpells() {
        var s = traditionalState()
        _ = s.apply(.search)
        type("xczx", into: &s)
        let screen = RootView.render(s)
        #expect(text(in: currentStyle, on: screen) == ["鄉村振興"])
        #expect(screen.textLines[15].hasSuffix("[1/1 拼音]"))
        assertSnapshot(screen, named: "search-pinyin-64x16", marking: searchMarks)
    }

    @Test func latinTextStillMatchesLiterallyAndSaysNothingMore() {
        var s = traditionalState()
        search("library", in: &s)
        #expect(s.search?.results.count == 1)
        #expect(s.search?.counter == "[1/1]")
    }

    @Test func eachKindTurnsOff() {
        var s = traditionalState(options: MatchOptions(variants: false, pinyin: true))
        search("乡村图书馆", in: &s)
        #expect(s.search == nil)
        #expect(s.message == "no match for '乡村图书馆'")
        search("xczx", in: &s)
        #expect(s.search?.results.count == 1)

        s = traditionalState(options: MatchOptions(variants: true, pinyin: false))
        search("xczx", in: &s)
        #expect(s.search == nil)
        search("乡村图书馆", in: &s)
        #expect(s.search?.results.count == 2)
    }
}
