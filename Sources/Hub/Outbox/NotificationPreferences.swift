import Foundation

/// Events a user can be notified of (MSG-4).
enum NotificationKind: String, Sendable, CaseIterable, Codable {
    case missedCall = "missed_call"
    case voicemail
    case conferenceReminder = "conference_reminder"
}

/// How a user wants to hear of an event.
enum NotificationDelivery: String, Sendable, CaseIterable, Codable {
    case none
    case sms
    case email
    case both

    /// The channels this choice sends on.
    var channels: [MessageChannelChoice] {
        switch self {
        case .none: []
        case .sms: [.sms]
        case .email: [.email]
        case .both: [.sms, .email]
        }
    }
}

/// A channel the notifier sends on.
enum MessageChannelChoice: Sendable { case sms, email }

/// One user's choices per event kind; kinds not set are `none`. JSON: `{"missed_call":"sms", …}`.
struct NotificationPreferences: Sendable, Equatable, Codable {
    var choices: [NotificationKind: NotificationDelivery] = [:]

    init(choices: [NotificationKind: NotificationDelivery] = [:]) { self.choices = choices }

    /// The choice for `kind`.
    subscript(kind: NotificationKind) -> NotificationDelivery { choices[kind] ?? .none }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        for key in container.allKeys {
            guard let kind = NotificationKind(rawValue: key.stringValue) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: container,
                    debugDescription: "unknown event kind; allowed: " + NotificationKind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            let text = try container.decode(String.self, forKey: key)
            guard let delivery = NotificationDelivery(rawValue: text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: container,
                    debugDescription: "'\(text)' is not one of " + NotificationDelivery.allCases.map(\.rawValue).joined(separator: ", "))
            }
            choices[kind] = delivery
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for kind in NotificationKind.allCases { try container.encode(self[kind].rawValue, forKey: Key(stringValue: kind.rawValue)) }
    }
}
