/// The language an article is written in, as far as its labels go.
public enum ArticleLanguage: Hashable, Sendable {
    case chinese, japanese, english

    /// Guesses from a sample of text: kana say Japanese, Han (without kana) Chinese,
    /// anything else English.
    public static func guess(_ sample: some StringProtocol) -> ArticleLanguage {
        var han = 0, kana = 0
        for scalar in sample.unicodeScalars.prefix(4000) {
            switch scalar.value {
            case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9D: kana += 1
            case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0x20000...0x2FFFF: han += 1
            default: break
            }
        }
        if kana > 0, kana * 20 >= han { return .japanese }
        if han > 0 { return .chinese }
        return .english
    }
}

/// The words the reader puts next to an article's own text, in the article's language.
public struct ArticleLabels: Hashable, Sendable {
    public var source: String
    public var author: String
    public var editor: String
    public var tags: String
    public var related: String
    public var link: String
    public var image: String

    public static let chinese = ArticleLabels(source: "来源", author: "作者", editor: "编辑", tags: "标签",
                                              related: "相关", link: "链接", image: "图")
    public static let japanese = ArticleLabels(source: "出典", author: "著者", editor: "編集", tags: "タグ",
                                               related: "関連", link: "リンク", image: "図")
    public static let english = ArticleLabels(source: "Source", author: "By", editor: "Editor", tags: "Tags",
                                              related: "Related", link: "Link", image: "image")

    public static func of(_ language: ArticleLanguage) -> ArticleLabels {
        switch language {
        case .chinese: return .chinese
        case .japanese: return .japanese
        case .english: return .english
        }
    }
}

extension Article {
    /// The article's language, guessed from its title, lead and first paragraphs.
    public var language: ArticleLanguage {
        var sample = title
        if let lead { sample += lead }
        for block in body.prefix(4) { sample += block.text }
        return ArticleLanguage.guess(sample)
    }
}
