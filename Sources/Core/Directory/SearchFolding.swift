import Foundation

/// Case- and diacritics-insensitive folding for directory search (`Å` → `a`, `É` → `e`).
enum SearchFolding {
    /// The folded bytes of one character (empty for characters that never match, such as punctuation).
    static func fold(_ character: Character) -> [UInt8] {
        if let ascii = character.asciiValue {
            switch ascii {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): return [ascii + 32]
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return [ascii]
            default: return []
            }
        }
        let folded = String(character).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return Array(folded.lowercased().utf8.filter { $0 != 0x20 })
    }

    /// Whether `character` separates words inside a field value.
    static func isSeparator(_ character: Character) -> Bool {
        character.isWhitespace || "-.,;:@/()&+_'\"".contains(character)
    }

    /// Folds a query token; a token that looks like a phone number keeps only its digits.
    static func foldQueryToken(_ token: Substring) -> [UInt8] {
        let numberish = token.allSatisfy { $0.isASCII && ($0.isNumber || "+-()./".contains($0)) }
        if numberish { return Array(token.utf8.filter { (0x30...0x39).contains($0) }) }
        return token.flatMap { fold($0) }
    }

    /// The words of a value: folded bytes, and the character offset where each word starts.
    static func words(of value: String) -> [(word: [UInt8], start: Int)] {
        var result: [(word: [UInt8], start: Int)] = []
        var current: [UInt8] = []
        var start = 0
        for (offset, character) in value.enumerated() {
            if isSeparator(character) {
                if !current.isEmpty { result.append((current, start)) }
                current = []
                continue
            }
            if current.isEmpty { start = offset }
            current += fold(character)
        }
        if !current.isEmpty { result.append((current, start)) }
        return result
    }

    /// How many characters of `value`, from `start`, make up `foldedLength` folded bytes.
    static func characterLength(in value: String, from start: Int, foldedLength: Int) -> Int {
        var remaining = foldedLength
        var count = 0
        for character in value.dropFirst(start) where remaining > 0 {
            remaining -= fold(character).count
            count += 1
        }
        return count
    }
}
