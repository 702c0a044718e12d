/// Turning an article's text into the terms the similarity index weighs.
///
/// - CJK text (Han, kana, Hangul) gives character bigrams: `乡村振兴` → `乡村`, `村振`, `振兴`;
///   a CJK character standing alone between other text gives itself.
/// - Other letters and digits give lower-cased words of two or more characters, less a short
///   list of English function words (`the`, `and`, …).
/// - Full-width forms count as their half-width forms (`ＡＩ` is `ai`), punctuation and spaces
///   separate terms and are no terms themselves.
///
/// A term is a 64-bit key: the two top bits say which kind (word, CJK character, CJK bigram);
/// CJK keys hold the scalars themselves, words a 62-bit FNV-1a hash of their lower-cased
/// scalars, stable from run to run.
enum TermExtractor {
    static let wordSpace: UInt64 = 0
    static let characterSpace: UInt64 = 1 << 62
    static let bigramSpace: UInt64 = 1 << 63
    static let wordMask: UInt64 = (1 << 62) - 1

    static let fnvOffset: UInt64 = 0xCBF2_9CE4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01B3

    /// Common English words that say nothing about a text's subject.
    static let stopWords: Set<UInt64> = Set(
        ("a an and are as at be been but by for from had has have he her his i if in into is it its "
            + "not of on or our she so that the their them there these they this to was we were which "
            + "who will with you your")
            .split(separator: " ").map { wordKey(String($0)) }
    )

    /// The key of one (already lower-case) word.
    static func wordKey(_ word: String) -> UInt64 {
        var hash = fnvOffset
        for scalar in word.unicodeScalars { hash = (hash ^ UInt64(scalar.value)) &* fnvPrime }
        return wordSpace | (hash & wordMask)
    }

    static func isCJK(_ v: UInt32) -> Bool {
        switch v {
        case 0x3040...0x30FF, 0x31F0...0x31FF,  // kana
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF,  // Han
             0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7A3,  // Hangul
             0xFF66...0xFF9D:  // half-width katakana
            return true
        default:
            return false
        }
    }

    /// Adds the terms of `text`, each occurrence counting `weight`, to `frequencies`.
    static func addTerms(of text: String, weight: Float, to frequencies: inout [UInt64: Float]) {
        var previousCJK: UInt32 = 0
        var runLength = 0
        var wordHash = fnvOffset
        var wordLength = 0

        @inline(__always) func endRun() {
            if runLength == 1 { frequencies[characterSpace | UInt64(previousCJK), default: 0] += weight }
            runLength = 0
        }
        @inline(__always) func endWord() {
            if wordLength >= 2 {
                let key = wordSpace | (wordHash & wordMask)
                if !stopWords.contains(key) { frequencies[key, default: 0] += weight }
            }
            wordHash = fnvOffset
            wordLength = 0
        }
        @inline(__always) func addToWord(_ v: UInt32) {
            wordHash = (wordHash ^ UInt64(v)) &* fnvPrime
            wordLength += 1
        }

        for scalar in text.unicodeScalars {
            var v = scalar.value
            if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 } else if v == 0x3000 { v = 0x20 }
            if isCJK(v) {
                endWord()
                if runLength > 0 {
                    frequencies[bigramSpace | UInt64(previousCJK) << 21 | UInt64(v), default: 0] += weight
                }
                previousCJK = v
                runLength += 1
                continue
            }
            endRun()
            if v < 0x80 {
                switch v {
                case 0x30...0x39, 0x61...0x7A: addToWord(v)
                case 0x41...0x5A: addToWord(v | 0x20)
                default: endWord()
                }
                continue
            }
            let properties = Unicode.Scalar(v)!.properties
            if properties.isAlphabetic || properties.numericType != nil
                || properties.generalCategory == .nonspacingMark
            {
                if properties.changesWhenLowercased {
                    for lower in properties.lowercaseMapping.unicodeScalars { addToWord(lower.value) }
                } else {
                    addToWord(v)
                }
            } else {
                endWord()
            }
        }
        endRun()
        endWord()
    }

    /// The weighted term frequencies of an article: its title counts `titleWeight` times, its
    /// lead and body once.
    static func frequencies(of article: Article, titleWeight: Float) -> [UInt64: Float] {
        var frequencies: [UInt64: Float] = [:]
        frequencies.reserveCapacity(1024)
        count(article, titleWeight: titleWeight, into: &frequencies)
        return frequencies
    }

    /// ``frequencies(of:titleWeight:)`` into a table the caller reuses: `frequencies` is
    /// emptied (keeping its capacity) and filled.
    static func count(_ article: Article, titleWeight: Float, into frequencies: inout [UInt64: Float]) {
        frequencies.removeAll(keepingCapacity: true)
        addTerms(of: article.title, weight: titleWeight, to: &frequencies)
        if let lead = article.lead { addTerms(of: lead, weight: 1, to: &frequencies) }
        for block in article.body { addTerms(of: block.text, weight: 1, to: &frequencies) }
    }
}
