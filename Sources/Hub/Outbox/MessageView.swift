import Foundation
import HubCore

/// A message as the API shows it.
struct MessageView: Encodable, Sendable {
    struct SMS: Encodable, Sendable {
        var to: String
        var from: String
        var text: String
        var deliveryReport: Bool
    }

    struct Email: Encodable, Sendable {
        var from: String
        var to: [String]
        var subject: String
        /// File names and types of the attachments (their bytes are not echoed).
        var attachments: [Attachment]
    }

    struct Attachment: Encodable, Sendable {
        var filename: String
        var contentType: String
        var bytes: Int
    }

    var id: MessageID
    var channel: MessageChannel
    var status: MessageStatus
    var attempts: Int
    var nextAttemptAt: Date?
    var reason: String?
    var parts: Int
    var gateway: String?
    var gatewayReference: String?
    var createdAt: Date
    var updatedAt: Date
    var sentAt: Date?
    var sms: SMS?
    var email: Email?

    init(_ record: MessageRecord) {
        id = record.id
        channel = record.channel
        status = record.status
        attempts = record.attempts
        nextAttemptAt = record.status == .queued ? record.nextAttemptAt : nil
        reason = record.reason
        parts = record.parts
        gateway = record.gateway
        gatewayReference = record.reference
        createdAt = record.createdAt
        updatedAt = record.updatedAt
        sentAt = record.sentAt
        switch record.content {
        case let .sms(content):
            sms = SMS(to: content.to, from: content.from, text: content.text, deliveryReport: content.wantsDeliveryReport)
        case let .email(content):
            email = Email(
                from: content.from, to: content.to, subject: content.subject,
                attachments: content.attachments.map { Attachment(filename: $0.filename, contentType: $0.contentType, bytes: $0.data.count) })
        }
    }
}

/// A page of messages, newest first; `next` is the `before` value of the following page.
struct MessagePage: Encodable, Sendable {
    var messages: [MessageView]
    var next: String?
}

/// The answer to an accepted message.
struct AcceptedMessage: Encodable, Sendable {
    var id: MessageID
    var status: MessageStatus
    /// True when the Idempotency-Key matched an earlier request with the same body.
    var replayed: Bool
}
