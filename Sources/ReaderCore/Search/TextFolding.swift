import Foundation

/// The folding both search and title matching apply to text before comparing it.
///
/// One grapheme cluster folds to a short run of Unicode scalars:
/// - **Width**: the full-width forms U+FF01–U+FF5E fold to ASCII U+0021–U+007E (`ＡＢＣ` → `ABC`,
///   `，` → `,`, `：` → `:`), the ideographic space U+3000 to a space, and the rest of the
///   Halfwidth and Fullwidth Forms block (half-width katakana with their sound marks, `￥`, `￡`)
///   to its compatibility form (`ｶﾞ` → `ガ`).
/// - **Composition**: a cluster of several scalars is put in NFC, so `e` + U+0301 and `é` fold
///   alike.
/// - **Case** (only when asked): scalars that change when lower-cased take their lower-case
///   mapping (`A` → `a`, `Ä` → `ä`, `Σ` → `σ`).
enum TextFolding {
    /// Appends the UTF-8 of `character`'s folded form to `bytes`.
    @inline(__always)
    static func appendUTF8(of character: Character, foldingCase: Bool, to bytes: inout [UInt8]) {
        let scalars = character.unicodeScalars
        // Fast path: one ASCII scalar (most Latin text).
        if let ascii = character.asciiValue, scalars.count == 1 {
            bytes.append(foldingCase && ascii >= 0x41 && ascii <= 0x5A ? ascii | 0x20 : ascii)
            return
        }
        forEachFoldedScalar(of: character, foldingCase: foldingCase) { scalar in
            appendUTF8(of: scalar, to: &bytes)
        }
    }

    /// Calls `body` with each scalar of `character`'s folded form, in order.
    @inline(__always)
    static func forEachFoldedScalar(
        of character: Character, foldingCase: Bool, _ body: (Unicode.Scalar) -> Void
    ) {
        let scalars = character.unicodeScalars
        var needsCompatibility = false
        var count = 0
        for scalar in scalars {
            count += 1
            let v = scalar.value
            if v == 0x3000 || (v >= 0xFF00 && v <= 0xFFEF) { needsCompatibility = true }
        }
        if count == 1 {
            let scalar = scalars.first!
            let v = scalar.value
            if v >= 0xFF01 && v <= 0xFF5E {
                emit(Unicode.Scalar(v - 0xFEE0)!, foldingCase: foldingCase, body)
                return
            }
            if v == 0x3000 { body(" "); return }
            if !needsCompatibility {
                emit(scalar, foldingCase: foldingCase, body)
                return
            }
        }
        let text = String(character)
        let normalized = needsCompatibility
            // Composed again: some Foundations leave NFKC's result decomposed (ｶﾞ → カ + U+3099).
            ? text.precomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping
            : text.precomposedStringWithCanonicalMapping
        for scalar in normalized.unicodeScalars {
            emit(scalar, foldingCase: foldingCase, body)
        }
    }

    @inline(__always)
    private static func emit(_ scalar: Unicode.Scalar, foldingCase: Bool, _ body: (Unicode.Scalar) -> Void) {
        if foldingCase {
            let v = scalar.value
            if v < 0x80 {
                body(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(v | 0x20)! : scalar)
                return
            }
            if scalar.properties.changesWhenLowercased {
                for lower in scalar.properties.lowercaseMapping.unicodeScalars { body(lower) }
                return
            }
        }
        body(scalar)
    }

    /// Appends the UTF-8 encoding of one scalar.
    @inline(__always)
    static func appendUTF8(of scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        let v = scalar.value
        switch v {
        case 0..<0x80:
            bytes.append(UInt8(v))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | (v >> 6)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | (v >> 12)))
            bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        default:
            bytes.append(UInt8(0xF0 | (v >> 18)))
            bytes.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// Whether text holds a letter that is upper-case after width folding (`A`, `Ａ`, `É`).
    static func hasUpperCase(_ text: String) -> Bool {
        for character in text {
            var found = false
            forEachFoldedScalar(of: character, foldingCase: false) { scalar in
                if scalar.properties.changesWhenLowercased { found = true }
            }
            if found { return true }
        }
        return false
    }
}
