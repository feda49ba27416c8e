import Foundation
import HubCore
import HubPluginSupport
import Logging

/// Kind `email_smtp`: delivers the outbox's e-mails to an SMTP server (INT-MAIL, MSG-4).
///
/// Takes one message at a time from `context.outbox`, builds its MIME bytes (``MIMEBuilder``) with a
/// Message-ID derived from the outbox id, so every retry of a message carries the same Message-ID and a
/// receiver can drop duplicates, and hands them to the server. 5xx answers fail the message; 4xx answers
/// and broken connections retry it with the outbox's backoff; an unreachable server also makes the instance
/// report itself unavailable, so the runtime backs off instead of spinning through the queue.
public struct MailPlugin: HubPlugin {
    /// Kind `email_smtp`: a message gateway for e-mail.
    public static let descriptor = PluginDescriptor(
        kind: "email_smtp",
        summary: "Sends e-mail (notifications, invitations) through an SMTP server with STARTTLS and login",
        roles: [.messageGateway],
        sampleConfig: sampleConfig,
        messageChannels: [.email]
    )

    /// The validated settings.
    public let settings: Settings
    private let transport: any MailTransport

    /// Validates `settings`; no I/O.
    public init(settings: Settings, context: PluginContext) throws {
        try settings.validate()
        self.settings = settings
        transport = CurlSMTPTransport(settings.transportConfiguration)
    }

    /// Uses `transport` instead of libcurl (tests).
    public init(settings: Settings, transport: any MailTransport) throws {
        try settings.validate()
        self.settings = settings
        self.transport = transport
    }

    /// The Message-ID of outbox message `id`: the same for every attempt.
    public static func messageID(_ id: MessageID, domain: String) -> String { "<\(id.rawValue)@\(domain)>" }

    public func run(context: PluginContext) async throws {
        while let message = await context.outbox.next() {
            let outcome = await deliver(message, context: context)
            try await context.outbox.report(message.id, outcome: outcome.outcome)
            if let failure = outcome.instanceFailure { throw failure }
        }
        throw CancellationError()
    }

    /// Sends one message; the outcome for the outbox and, when the server is unreachable, the instance's failure.
    func deliver(_ message: OutboundMessage, context: PluginContext) async -> (outcome: DeliveryOutcome, instanceFailure: PluginError?) {
        guard case let .email(email) = message.content else {
            return (.failed(reason: "email_smtp delivers e-mail only, not \(message.channel.rawValue)"), nil)
        }
        let messageID = Self.messageID(message.id, domain: settings.messageIDDomain)
        let bytes = MIMEBuilder.build(email, messageID: messageID, date: context.clock.now())
        let recipients = email.to.map(MIMEHeaders.bareAddress)
        do {
            try await transport.send(from: MIMEHeaders.bareAddress(email.from), to: recipients, message: bytes)
            context.logger.debug("e-mail sent", metadata: ["message": "\(message.id)", "recipients": "\(recipients.count)"])
            return (.sent(reference: messageID, parts: 0), nil)
        } catch {
            context.logger.warning("e-mail not sent", metadata: ["message": "\(message.id)", "error": "\(error)"])
            switch error {
            case let .permanent(text): return (.failed(reason: text), nil)
            case let .temporary(text): return (.retry(reason: text, retryAfter: nil), nil)
            case let .unreachable(text): return (.retry(reason: text, retryAfter: nil), .unavailable(error.description))
            case let .authentication(text): return (.retry(reason: text, retryAfter: nil), .authenticationFailed(text))
            }
        }
    }
}
