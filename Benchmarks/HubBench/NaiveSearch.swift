import Foundation
import HubCore

/// The search baseline: a linear scan that folds every field of every entry for each query, with the
/// same matching rules as `DirectoryIndex` (every prefix matches a word of some field; numbers by digits
/// in E.164 or national form).
struct NaiveSearch {
    let entries: [DirectoryEntry]
    let countryCode: String

    /// Refs of the entries that match, ordered by sort key, at most `limit`.
    func search(_ query: String, limit: Int = 50) -> [DirectoryRef] {
        let tokens = Self.tokens(query)
        guard !tokens.isEmpty else { return [] }
        var hits: [DirectoryEntry] = []
        for entry in entries {
            var words: [String] = []
            var numbers: [String] = []
            for field in entry.fields {
                if field.field.isNumber {
                    let digits = String(field.value.filter(\.isNumber))
                    numbers.append(digits)
                    if digits.hasPrefix(countryCode) { numbers.append("0" + digits.dropFirst(countryCode.count)) }
                } else {
                    words += Self.fold(field.value)
                        .split { $0.isWhitespace || "-.,;:@/()&+_'\"".contains($0) }.map(String.init)
                }
            }
            let matchesAll = tokens.allSatisfy { token in
                token.isNumber
                    ? numbers.contains { $0.hasPrefix(token.text) }
                    : words.contains { $0.hasPrefix(token.text) }
            }
            if matchesAll { hits.append(entry) }
        }
        hits.sort { ($0.sortKey, "\($0.ref)") < ($1.sortKey, "\($1.ref)") }
        return hits.prefix(limit).map(\.ref)
    }

    /// Query prefixes: a token starting with `+` or `0` and the digit groups after it form one number.
    static func tokens(_ query: String) -> [(text: String, isNumber: Bool)] {
        var result: [(text: String, isNumber: Bool)] = []
        var number: String?
        for part in query.split(whereSeparator: \.isWhitespace) {
            let numeric = part.allSatisfy { $0.isASCII && ($0.isNumber || "+-()./".contains($0)) }
            if numeric, number != nil || part.first == "+" || part.first == "0" {
                number = (number ?? "") + part.filter(\.isNumber)
                continue
            }
            if let digits = number { result.append((digits, true)) }
            number = nil
            for word in fold(String(part)).split(whereSeparator: { "-.,;:@/()&+_'\"".contains($0) }) {
                result.append((String(word), false))
            }
        }
        if let digits = number { result.append((digits, true)) }
        return result
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }
}
