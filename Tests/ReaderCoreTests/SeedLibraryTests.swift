import Foundation
import Testing
@testable import ReaderCore

/// The bundled library in `seeds/`: every file loads, every article is whole, and the
/// articles' related lists point at each other by exact title.
@Suite struct SeedLibraryTests {
    let store = ArticleStore.load(paths: [seedsDirectory])

    /// The file name of an article, for failure messages.
    func name(_ article: Article) -> String {
        article.path.map { ($0 as NSString).lastPathComponent } ?? article.title
    }

    @Test func everyFileLoads() {
        #expect(store.skipped.isEmpty, "skipped: \(store.skipped.map { "\($0.path): \($0.reason)" })")
        #expect(store.articles.count >= 10)
    }

    @Test func titlesAreUnique() {
        let titles = store.articles.map(\.title)
        #expect(Set(titles).count == titles.count, "duplicate titles in \(titles)")
    }

    @Test func everyArticleIsWhole() {
        for article in store.articles {
            let file = name(article)
            #expect(!article.title.isEmpty, "\(file): no title")
            #expect(article.date != nil, "\(file): no date")
            #expect(article.site != nil, "\(file): no site line")
            #expect(article.lead?.isEmpty == false, "\(file): no lead")
            #expect(article.source != nil, "\(file): no source")
            #expect(article.body.count >= 2, "\(file): \(article.body.count) body paragraphs")
            #expect(!article.related.isEmpty, "\(file): no related list")
            for item in article.related {
                #expect(!item.summary.isEmpty, "\(file): related \(item.title) has no summary")
            }
        }
    }

    @Test func oneLongFeature() {
        let longest = store.articles.map { $0.body.reduce(0) { $0 + $1.text.count } }.max() ?? 0
        #expect(longest > 5_000, "the longest body has \(longest) characters")
    }

    @Test func coversChineseEnglishAndJapanese() {
        let titles = store.articles.map(\.title)
        let kana = titles.filter { $0.unicodeScalars.contains { (0x3040...0x30FF).contains($0.value) } }
        let english = titles.filter { $0.unicodeScalars.allSatisfy(\.isASCII) }
        #expect(kana.count >= 1, "no Japanese article")
        #expect(english.count >= 2, "fewer than two English articles")
        #expect(titles.count - kana.count - english.count >= 6, "fewer than six Chinese articles")
    }

    @Test func relatedTitlesResolveInsideTheLibrary() {
        var resolved = 0
        for (index, article) in store.articles.enumerated() {
            var own = 0
            for item in article.related {
                guard let target = store.index(ofTitle: item.title) else { continue }
                #expect(store.articles[target].title == item.title)
                #expect(target != index, "\(name(article)) lists itself as related")
                own += 1
            }
            resolved += own
            // Every article written for the library links into it; the seed is as saved.
            if !name(article).hasPrefix("000_") {
                #expect(own >= 1, "\(name(article)): no related title is in the library")
            }
        }
        #expect(resolved >= 8, "only \(resolved) related links resolve")
    }

    /// A related title that differs from a library title only in colon width, question mark
    /// width or spacing is a typo: the link would silently not resolve.
    @Test func noNearMissRelatedTitles() {
        func loose(_ s: String) -> String {
            s.replacingOccurrences(of: "：", with: ":").replacingOccurrences(of: "？", with: "?")
                .filter { !$0.isWhitespace }
        }
        let exact = Set(store.articles.map(\.title))
        let byLoose = Dictionary(store.articles.map { (loose($0.title), $0.title) }, uniquingKeysWith: { a, _ in a })
        for article in store.articles {
            for item in article.related where !exact.contains(item.title) {
                #expect(byLoose[loose(item.title)] == nil,
                        "\(name(article)): related “\(item.title)” almost matches “\(byLoose[loose(item.title)] ?? "")”")
            }
        }
    }
}
