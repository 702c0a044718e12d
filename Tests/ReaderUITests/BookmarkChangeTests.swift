import Testing
@testable import ReaderUI
import ReaderCore

/// A key press changes one bookmark in place; the result is what adopting the whole list gives.
struct BookmarkChangeTests {
    @Test func oneChangeEqualsAdoptingTheChangedList() {
        let articles = (0..<6).map { Article(title: "文章\($0)", date: ArticleDate(year: 2024, month: 1, day: 1 + $0)) }
        let keys = articles.map(ArticleKey.init)
        var incremental = AppState(articles: articles, width: 120, height: 30)
        incremental.adoptBookmarks([keys[4], keys[1]])
        var whole = incremental

        incremental.adoptBookmark(keys[2], isBookmarked: true)
        whole.adoptBookmarks([keys[2], keys[4], keys[1]])
        #expect(incremental.bookmarks == whole.bookmarks)
        #expect(incremental.bookmarkRows == whole.bookmarkRows)
        #expect(RootView.render(incremental).textLines == RootView.render(whole).textLines)

        incremental.adoptBookmark(keys[4], isBookmarked: false)
        whole.adoptBookmarks([keys[2], keys[1]])
        #expect(incremental.bookmarks == whole.bookmarks)
        #expect(incremental.bookmarkRows == whole.bookmarkRows)
        #expect(RootView.render(incremental).textLines == RootView.render(whole).textLines)
    }
}
