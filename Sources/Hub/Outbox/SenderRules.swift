import Foundation
import HubCore

/// Who a tenant's messages may come from, set by its admin (MSG-3).
struct SenderRules: Sendable, Equatable, Codable {
    /// Alphanumeric SMS sender ids the tenant may use (1–11 letters, digits or spaces, at least one letter).
    var alphanumeric: [String] = []
    /// Whether the tenant's own numbers (users' and queues') may be the SMS sender.
    var tenantNumbers: Bool = true
    /// Further E.164 numbers the tenant may send from (e.g. a number held at the SMS provider).
    var numbers: [String] = []
    /// The SMS sender when a request names none.
    var defaultSMSSender: String?
    /// Allowed e-mail senders: full addresses or `@domain` for any address of a domain.
    var emailSenders: [String] = []
    /// The e-mail sender when a request names none.
    var defaultEmailSender: String?

    static let fields: Set<String> = ["alphanumeric", "tenantNumbers", "numbers", "defaultSMSSender", "emailSenders", "defaultEmailSender"]

    init() {}

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        alphanumeric = try c.decodeIfPresent([String].self, forKey: .alphanumeric) ?? []
        tenantNumbers = try c.decodeIfPresent(Bool.self, forKey: .tenantNumbers) ?? true
        numbers = try c.decodeIfPresent([String].self, forKey: .numbers) ?? []
        defaultSMSSender = try c.decodeIfPresent(String.self, forKey: .defaultSMSSender)
        emailSenders = try c.decodeIfPresent([String].self, forKey: .emailSenders) ?? []
        defaultEmailSender = try c.decodeIfPresent(String.self, forKey: .defaultEmailSender)
    }

    /// Checks the rules themselves; numbers come back in E.164.
    func validated(countryCode: String, ownedByTenant: (PhoneNumber) -> Bool) throws(ValidationError) -> SenderRules {
        var issues = ValidationCollector()
        var rules = self
        for (index, id) in alphanumeric.enumerated() {
            if let problem = Self.alphanumericProblem(id) { issues.add("$.alphanumeric[\(index)]", problem) }
        }
        rules.numbers = numbers.enumerated().map { index, text in
            do { return try PhoneNumber(text, countryCode: countryCode).e164 } catch {
                issues.add("$.numbers[\(index)]", "not a phone number: \(error)")
                return text
            }
        }
        for (index, sender) in emailSenders.enumerated() where !EmailAddress.isValid(sender.hasPrefix("@") ? "x" + sender : sender) {
            issues.add("$.emailSenders[\(index)]", "expected an address (name@example.com) or a domain (@example.com)")
        }
        if let sender = defaultSMSSender {
            switch rules.smsSender(sender, countryCode: countryCode, ownedByTenant: ownedByTenant) {
            case let .success(normalised): rules.defaultSMSSender = normalised
            case let .failure(reason): issues.add("$.defaultSMSSender", reason.text)
            }
        }
        if let sender = defaultEmailSender, case let .failure(reason) = rules.emailSender(sender) {
            issues.add("$.defaultEmailSender", reason.text)
        }
        try issues.finish()
        return rules
    }

    /// Why an alphanumeric sender id is unusable, or nil.
    static func alphanumericProblem(_ id: String) -> String? {
        guard (1...11).contains(id.count) else { return "an alphanumeric sender has 1 to 11 characters, not \(id.count)" }
        guard id.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == " ") }) else {
            return "an alphanumeric sender uses only A-Z, a-z, 0-9 and spaces"
        }
        guard id.unicodeScalars.contains(where: { CharacterSet.letters.contains($0) }) else {
            return "an alphanumeric sender needs at least one letter (all digits would be read as a number)"
        }
        return nil
    }

    /// The SMS sender as sent (E.164 for numbers) if the rules allow it, else why not.
    func smsSender(_ sender: String, countryCode: String, ownedByTenant: (PhoneNumber) -> Bool) -> Result<String, SenderRefusal> {
        if sender.unicodeScalars.contains(where: { CharacterSet.letters.contains($0) }) {
            guard alphanumeric.contains(sender) else {
                let allowed = alphanumeric.isEmpty ? "none are allowed" : "allowed: " + alphanumeric.joined(separator: ", ")
                return .failure(SenderRefusal(text: "sender '\(sender)' is not one of the tenant's alphanumeric senders (\(allowed))"))
            }
            return .success(sender)
        }
        let number: PhoneNumber
        do { number = try PhoneNumber(sender, countryCode: countryCode) } catch {
            return .failure(SenderRefusal(text: "sender '\(sender)' is not a phone number: \(error.description)"))
        }
        if numbers.contains(number.e164) { return .success(number.e164) }
        guard tenantNumbers, ownedByTenant(number) else {
            return .failure(SenderRefusal(text: tenantNumbers
                ? "sender \(number.e164) is not a number of this tenant (a user's or queue's) nor in the sender rules"
                : "sender \(number.e164) is not in the sender rules (the tenant's own numbers are not allowed as senders)"))
        }
        return .success(number.e164)
    }

    /// Whether the rules allow e-mail from `sender` (`Name <addr>` or a bare address).
    func emailSender(_ sender: String) -> Result<String, SenderRefusal> {
        guard let address = EmailAddress.address(in: sender), EmailAddress.isValid(address) else {
            return .failure(SenderRefusal(text: "sender '\(sender)' is not an e-mail address"))
        }
        let lower = address.lowercased()
        let allowed = emailSenders.contains { rule in
            let rule = rule.lowercased()
            return rule.hasPrefix("@") ? lower.hasSuffix(rule) : lower == rule
        }
        guard allowed else {
            let list = emailSenders.isEmpty ? "none are allowed" : "allowed: " + emailSenders.joined(separator: ", ")
            return .failure(SenderRefusal(text: "sender \(address) is not allowed by the tenant's sender rules (\(list))"))
        }
        return .success(sender)
    }
}

/// Why the sender rules refuse a sender.
struct SenderRefusal: Error, Sendable, Equatable {
    var text: String
}
