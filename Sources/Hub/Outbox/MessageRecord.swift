import Foundation
import HubCore

/// One message in the outbox as stored.
struct MessageRecord: Sendable, Equatable {
    var id: MessageID
    var tenant: TenantID
    var content: OutboundMessage.Content
    var status: MessageStatus
    /// The user whose token sent it (nil for service tokens and the notifier).
    var senderUser: UserID?
    var idempotencyKey: String?
    /// SHA-256 of the request content, to tell a replay from a reused key.
    var requestHash: String?
    var attempts: Int
    var nextAttemptAt: Date?
    /// The gateway instance that last took it.
    var gateway: String?
    /// The gateway's id for matching delivery receipts.
    var reference: String?
    /// SMS parts (planned at accept, as reported by the gateway once sent).
    var parts: Int
    var reason: String?
    var createdAt: Date
    var updatedAt: Date
    var sentAt: Date?

    var channel: MessageChannel {
        switch content {
        case .sms: .sms
        case .email: .email
        }
    }

    /// The status change event for this record.
    var statusChange: MessageStatusChange {
        MessageStatusChange(
            id: id, channel: channel, status: status, attempts: attempts, reason: reason,
            nextAttemptAt: status == .queued ? nextAttemptAt : nil)
    }
}

/// Counters of one tenant, month and channel (MSG-2 billing).
struct MessageUsage: Sendable, Equatable, Codable {
    var month: String
    var channel: MessageChannel
    /// Messages accepted by the API or the notifier.
    var accepted: Int
    /// Messages a gateway took (billable).
    var sent: Int
    /// Messages given up.
    var failed: Int
    /// SMS parts of the sent messages (billable; 0 for e-mail).
    var parts: Int
}

/// Usage counter changes applied with a status change.
struct UsageDelta: Sendable, Equatable {
    var accepted = 0
    var sent = 0
    var failed = 0
    var parts = 0

    var isEmpty: Bool { accepted == 0 && sent == 0 && failed == 0 && parts == 0 }
}

/// Usage months are calendar months in UTC (`2026-11`), so every tenant's invoice period is the same.
enum UsageMonth {
    static func of(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month], from: date)
        let month = parts.month ?? 1
        return "\(parts.year ?? 1970)-\(month < 10 ? "0" : "")\(month)"
    }

    /// Whether `text` looks like `YYYY-MM`.
    static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-") else { return false }
        let digits = bytes[0..<4] + bytes[5..<7]
        guard digits.allSatisfy({ (48...57).contains($0) }) else { return false }
        let month = Int(text.suffix(2)) ?? 0
        return (1...12).contains(month)
    }
}
