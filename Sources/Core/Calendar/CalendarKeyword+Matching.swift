import Foundation

extension CalendarKeyword {
    /// Whether `block` carries this keyword: as a category (whole value, case-insensitive) or as the
    /// first word of the subject (`m: Budget`, `PRESENCE Budget`; never inside a word like `Presenceless`).
    public func matches(_ block: CalendarBlock) -> Bool {
        let keyword = text.trimmingCharacters(in: .whitespaces)
        guard !keyword.isEmpty else { return false }
        if block.categories.contains(where: { $0.trimmingCharacters(in: .whitespaces).caseInsensitiveCompare(keyword) == .orderedSame }) {
            return true
        }
        return strippedSubject(block.subject) != nil
    }

    /// The subject without this keyword as its first word, or nil if the subject does not start with it.
    public func strippedSubject(_ subject: String?) -> String? {
        let keyword = text.trimmingCharacters(in: .whitespaces)
        guard !keyword.isEmpty, let subject else { return nil }
        let trimmed = subject.drop { $0.isWhitespace }
        guard trimmed.count >= keyword.count else { return nil }
        let head = trimmed.prefix(keyword.count)
        guard String(head).caseInsensitiveCompare(keyword) == .orderedSame else { return nil }
        let rest = trimmed.dropFirst(keyword.count)
        // Whole word: the keyword ends the subject, is followed by a space, or itself ends in punctuation (`m:`).
        let endsInPunctuation = keyword.last.map { $0.isPunctuation || $0.isSymbol } ?? false
        guard rest.isEmpty || rest.first?.isWhitespace == true || endsInPunctuation else { return nil }
        return rest.trimmingCharacters(in: .whitespaces)
    }
}
