import Crypto
import Foundation
import HubCore

/// Turns API and notifier input into validated outbox requests: numbers parsed with the tenant's country
/// code, the sender checked against the tenant's sender rules, text and addresses checked.
struct MessageComposer: Sendable {
    let engine: EngineService
    let settings: OutboxSettingsRepository

    /// Longest SMS text accepted (about ten concatenated parts).
    static let maxSMSCharacters = 1_530
    /// Most e-mail recipients in one message.
    static let maxRecipients = 50

    /// An SMS request; throws `.invalid` naming each bad field.
    func sms(tenant: TenantID, to: String, from: String?, text: String, deliveryReport: Bool, senderUser: UserID?,
             idempotencyKey: String?) async throws(HubError) -> MessageRequest {
        let (countryCode, numbers) = try await engine.messagingContext(tenant: tenant)
        let rules = try senderRules(tenant)
        var issues = ValidationCollector()
        var recipient = to
        do { recipient = try PhoneNumber(to, countryCode: countryCode).e164 } catch {
            issues.add("$.to", "not a valid phone number: \(error.description)")
        }
        var sender = ""
        if let from = from ?? rules.defaultSMSSender {
            switch rules.smsSender(from, countryCode: countryCode, ownedByTenant: { numbers.contains($0) }) {
            case let .success(value): sender = value
            case let .failure(refusal): issues.add("$.from", refusal.text)
            }
        } else {
            issues.add("$.from", "is required: the tenant's sender rules name no default SMS sender")
        }
        if text.isEmpty { issues.add("$.text", "must not be empty") }
        if text.count > Self.maxSMSCharacters { issues.add("$.text", "has \(text.count) characters; at most \(Self.maxSMSCharacters)") }
        do { try issues.finish() } catch { throw .invalid(error) }
        let content = OutboundMessage.Content.sms(SMSContent(to: recipient, from: sender, text: text, wantsDeliveryReport: deliveryReport))
        return MessageRequest(
            tenant: tenant, content: content, senderUser: senderUser, idempotencyKey: idempotencyKey,
            requestHash: Self.hash(content), parts: SMSEncoding.partCount(text))
    }

    /// An e-mail request; throws `.invalid` naming each bad field.
    func email(tenant: TenantID, _ email: EmailContent, fromGiven: Bool, senderUser: UserID?, idempotencyKey: String?) async throws(HubError) -> MessageRequest {
        _ = try await engine.messagingContext(tenant: tenant)
        let rules = try senderRules(tenant)
        var issues = ValidationCollector()
        var email = email
        if !fromGiven {
            if let sender = rules.defaultEmailSender { email.from = sender } else {
                issues.add("$.from", "is required: the tenant's sender rules name no default e-mail sender")
            }
        }
        if fromGiven || rules.defaultEmailSender != nil, case let .failure(refusal) = rules.emailSender(email.from) {
            issues.add("$.from", refusal.text)
        }
        if email.to.isEmpty { issues.add("$.to", "needs at least one recipient") }
        if email.to.count > Self.maxRecipients { issues.add("$.to", "has \(email.to.count) recipients; at most \(Self.maxRecipients)") }
        for (index, address) in email.to.enumerated() {
            guard let bare = EmailAddress.address(in: address), EmailAddress.isValid(bare) else {
                issues.add("$.to[\(index)]", "'\(address)' is not an e-mail address (name@example.com or Name <name@example.com>)")
                continue
            }
        }
        if email.subject.contains(where: { $0 == "\r" || $0 == "\n" }) { issues.add("$.subject", "must be one line") }
        if email.text.isEmpty && (email.html ?? "").isEmpty { issues.add("$.text", "text or html must not be empty") }
        for (index, attachment) in email.attachments.enumerated() {
            if attachment.filename.isEmpty || attachment.filename.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\"" }) {
                issues.add("$.attachments[\(index)].filename", "must be non-empty, one line, without double quotes")
            }
            if !Self.isContentType(attachment.contentType) {
                issues.add("$.attachments[\(index)].contentType", "expected a MIME type such as application/pdf or text/calendar; method=REQUEST")
            }
        }
        do { try issues.finish() } catch { throw .invalid(error) }
        let content = OutboundMessage.Content.email(email)
        return MessageRequest(
            tenant: tenant, content: content, senderUser: senderUser, idempotencyKey: idempotencyKey, requestHash: Self.hash(content))
    }

    private func senderRules(_ tenant: TenantID) throws(HubError) -> SenderRules {
        do { return try settings.senderRules(tenant: tenant) } catch { throw .storage("cannot read the sender rules: \(error)") }
    }

    /// Hex SHA-256 of the stored content, to tell an idempotent replay from a reused key.
    static func hash(_ content: OutboundMessage.Content) -> String? {
        guard let text = try? StoreCoding.encode(content) else { return nil }
        return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func isContentType(_ text: String) -> Bool {
        let type = text.split(separator: ";", maxSplits: 1).first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
        let halves = type.split(separator: "/")
        let token = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "!#$&^_.+-"))
        return halves.count == 2 && halves.allSatisfy { !$0.isEmpty && $0.unicodeScalars.allSatisfy { $0.isASCII && token.contains($0) } }
            && !text.contains(where: { $0 == "\r" || $0 == "\n" })
    }
}
