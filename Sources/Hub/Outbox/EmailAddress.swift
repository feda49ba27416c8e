import Foundation

/// The small part of RFC 5322 addresses the API checks: `local@domain` with no spaces or controls, and
/// `Display Name <local@domain>`.
enum EmailAddress {
    /// Whether `address` is a bare address the SMTP envelope can carry.
    static func isValid(_ address: String) -> Bool {
        guard address.utf8.count <= 254, let at = address.lastIndex(of: "@") else { return false }
        let local = address[..<at]
        let domain = address[address.index(after: at)...]
        guard !local.isEmpty, local.utf8.count <= 64, !domain.isEmpty, domain.contains("."), !domain.hasPrefix("."),
              !domain.hasSuffix(".")
        else { return false }
        let forbidden = CharacterSet(charactersIn: " <>()[]\\,;:\"").union(.controlCharacters).union(.whitespacesAndNewlines)
        return address.unicodeScalars.allSatisfy { $0.isASCII && !forbidden.contains($0) }
            && domain.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "." }
    }

    /// The address in `Name <addr>` or a bare address; nil when the angle brackets are unbalanced or the name has line breaks.
    static func address(in text: String) -> String? {
        guard !text.contains("\r"), !text.contains("\n") else { return nil }
        guard let open = text.lastIndex(of: "<") else { return text.trimmingCharacters(in: .whitespaces) }
        guard text.hasSuffix(">") else { return nil }
        return String(text[text.index(after: open)..<text.index(before: text.endIndex)])
    }
}
