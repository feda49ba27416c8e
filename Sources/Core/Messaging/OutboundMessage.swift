import Foundation

/// Identifies one message accepted into the hub's outbox (a UUID string the API returns with 202).
public struct MessageID: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The id as stored and shown.
    public let rawValue: String
    /// Wraps an id string.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// A new random id.
    public static func random() -> MessageID { MessageID(UUID().uuidString.lowercased()) }
    public var description: String { rawValue }
    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// The way a message travels; each gateway plugin instance serves one channel.
public enum MessageChannel: String, Sendable, Codable, CaseIterable {
    case sms
    case email
}

/// One message the outbox hands a gateway plugin to deliver.
public struct OutboundMessage: Sendable, Equatable, Codable {
    /// The outbox id; gateways echo it in status reports and delivery receipts.
    public var id: MessageID
    /// The tenant that sent it.
    public var tenant: TenantID
    /// What to deliver.
    public var content: Content
    /// How many delivery attempts came before this one (0 on the first).
    public var attempt: Int

    /// The channel-specific content.
    public enum Content: Sendable, Equatable, Codable {
        case sms(SMSContent)
        case email(EmailContent)
    }

    /// Creates a message for a gateway.
    public init(id: MessageID, tenant: TenantID, content: Content, attempt: Int = 0) {
        self.id = id
        self.tenant = tenant
        self.content = content
        self.attempt = attempt
    }

    /// The channel the content needs.
    public var channel: MessageChannel {
        switch content {
        case .sms: .sms
        case .email: .email
        }
    }
}

/// An SMS to one recipient.
public struct SMSContent: Sendable, Equatable, Codable {
    /// Recipient in E.164 (`+358401234567`).
    public var to: String
    /// Sender: an E.164 number (a queue's number, MSG-3) or an alphanumeric id of at most 11 characters.
    public var from: String
    /// The text, any Unicode; the gateway picks GSM 03.38 or UCS-2 and splits long texts.
    public var text: String
    /// Whether the sender wants a delivery receipt.
    public var wantsDeliveryReport: Bool

    /// Creates an SMS.
    public init(to: String, from: String, text: String, wantsDeliveryReport: Bool = true) {
        self.to = to
        self.from = from
        self.text = text
        self.wantsDeliveryReport = wantsDeliveryReport
    }
}

/// An e-mail.
public struct EmailContent: Sendable, Equatable, Codable {
    /// Sender address (`Name <addr@example.com>` or a bare address).
    public var from: String
    /// Recipient addresses.
    public var to: [String]
    /// Subject, any Unicode (encoded per RFC 2047 by the mail plugin).
    public var subject: String
    /// Plain-text body.
    public var text: String
    /// Optional HTML alternative.
    public var html: String?
    /// Attachments (iCalendar invitations, PDFs, voice messages).
    public var attachments: [EmailAttachment]

    /// Creates an e-mail.
    public init(from: String, to: [String], subject: String, text: String, html: String? = nil, attachments: [EmailAttachment] = []) {
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.attachments = attachments
    }
}

/// One file attached to an e-mail.
public struct EmailAttachment: Sendable, Equatable, Codable {
    /// File name shown to the recipient.
    public var filename: String
    /// MIME type, e.g. `text/calendar; method=REQUEST`, `application/pdf`, `audio/wav`.
    public var contentType: String
    /// The bytes.
    public var data: Data

    /// Creates an attachment.
    public init(filename: String, contentType: String, data: Data) {
        self.filename = filename
        self.contentType = contentType
        self.data = data
    }
}
