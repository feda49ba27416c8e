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

    /// The folded prefixes of a query, each of which must match.
    ///
    /// Whitespace separates prefixes, and so do the separators inside values (`Anna-Liisa` → `anna`,
    /// `liisa`; `matti.v` → `matti`, `v`), so a name or address typed as shown still matches the words
    /// it was indexed as. A phone-like token (digits and `+-()./`, starting with `+`, `0` or `(`) keeps
    /// only its digits and absorbs the number-like tokens after it, so `040 123 45` searches `04012345`.
    static func queryTokens(_ query: String) -> [[UInt8]] {
        let parts = query.split(whereSeparator: \.isWhitespace)
        var tokens: [[UInt8]] = []
        var index = parts.startIndex
        while index < parts.endIndex {
            let part = parts[index]
            index += 1
            guard isPhoneLike(part) else {
                tokens += words(of: String(part)).map(\.word)
                continue
            }
            var digits = digitBytes(part)
            while index < parts.endIndex, isNumberLike(parts[index]) {
                digits += digitBytes(parts[index])
                index += 1
            }
            if !digits.isEmpty { tokens.append(digits) }
        }
        return tokens
    }

    /// Whether a query token is made of digits and the punctuation numbers are written with.
    static func isNumberLike(_ token: Substring) -> Bool {
        token.allSatisfy { $0.isASCII && ($0.isNumber || "+-()./".contains($0)) }
    }

    /// Whether a query token starts a phone number (`+358…`, `040…`, `(09)…`).
    static func isPhoneLike(_ token: Substring) -> Bool {
        guard isNumberLike(token), let first = token.first(where: { $0 != "(" }) else { return false }
        return first == "+" || first == "0"
    }

    /// The ASCII digits of `text`, as bytes.
    static func digitBytes(_ text: some StringProtocol) -> [UInt8] {
        Array(text.utf8.filter { (0x30...0x39).contains($0) })
    }

    /// How many characters of `value`, from its start, hold its first `digits` digits (all of it if it has fewer).
    static func characterLength(in value: String, digits: Int) -> Int {
        var remaining = digits
        var count = 0
        for character in value {
            guard remaining > 0 else { break }
            if let ascii = character.asciiValue, (0x30...0x39).contains(ascii) { remaining -= 1 }
            count += 1
        }
        return count
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
        for character in value.dropFirst(start) {
            guard remaining > 0 else { break }
            remaining -= fold(character).count
            count += 1
        }
        return count
    }
}
