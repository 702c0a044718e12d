// Deterministic inputs built from the seed article, shared by the search, related and prompt modes.
import Foundation
import ReaderCore

/// The seed article, found by walking up from this source file.
func seedArticle() -> Article {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        let seed = url.appendingPathComponent("seeds/000_179341d704dc42fe.txt").path
        if FileManager.default.fileExists(atPath: seed) {
            switch ArticleFile.read(path: seed) {
            case .success(let article): return article
            case .failure(let error): fatalError("cannot read the seed article: \(error)")
            }
        }
    }
    fatalError("cannot find seeds/000_179341d704dc42fe.txt above \(#filePath)")
}

/// SplitMix64: a small deterministic generator.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

let englishParagraph = "A terminal reader must wrap Chinese text the way a typesetter would: no comma or full stop "
    + "at the start of a line, no opening bracket left alone at its end, and Latin words such as Swift, "
    + "ncursesw or UTF-8 kept whole. Search within the article folds ＡＢＣ and ABC together."

/// Articles in a generated library share a topic in runs of this many.
let articlesPerTopic = 20

/// A library of `count` articles of about 5 KB, from the seed's sentences shuffled.
///
/// The seed alone gives every article the same vocabulary, so each article also has a topic
/// (`articlesPerTopic` articles in a row share one): six made-up words of random Han
/// characters, one of which follows about every other sentence. A good ranking finds the
/// articles of the same topic first.
func generatedLibrary(count: Int) -> [Article] {
    let seed = seedArticle()
    // The seed's sentences, cut after 。！？ (and its paragraphs where they have none).
    var sentences: [String] = []
    for paragraph in [seed.lead ?? ""] + seed.body.map(\.text) {
        var current = ""
        for character in paragraph {
            current.append(character)
            if "。！？".contains(character) { sentences.append(current); current = "" }
        }
        if !current.isEmpty { sentences.append(current) }
    }
    var random = SplitMix64(state: 20230116)
    var library: [Article] = []
    library.reserveCapacity(count)
    var topicWords: [String] = []
    for n in 0..<count {
        if n % articlesPerTopic == 0 {
            topicWords = (0..<6).map { _ in
                String((0..<Int.random(in: 2...4, using: &random)).map { _ in
                    Character(Unicode.Scalar(UInt32.random(in: 0x4E00...0x9FA5, using: &random))!)
                })
            }
        }
        var body: [Block] = []
        var size = 0
        while size < 5000 {
            var paragraph = ""
            for _ in 0..<Int.random(in: 2...5, using: &random) {
                paragraph += sentences[Int.random(in: 0..<sentences.count, using: &random)]
                if Bool.random(using: &random) { paragraph += topicWords.randomElement(using: &random)! + "。" }
            }
            if n % 10 == 0, Int.random(in: 0..<4, using: &random) == 0 { paragraph = englishParagraph }
            body.append(Block(.paragraph, paragraph))
            size += paragraph.utf8.count
        }
        let title = topicWords[0] + String(sentences[Int.random(in: 0..<sentences.count, using: &random)].prefix(20))
        library.append(Article(title: title, lead: body.first?.text, body: Array(body.dropFirst())))
    }
    return library
}
