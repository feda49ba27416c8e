import Foundation
import HubCore
import Logging

/// Sends users the notifications they asked for (MSG-4): the routing engine calls ``notify(tenant:user:kind:text:subject:idempotencyKey:)``
/// for a missed call; the user's preferences pick SMS to their mobile number, e-mail to their address, both or nothing.
struct Notifier: Sendable {
    let engine: EngineService
    let outbox: Outbox
    let composer: MessageComposer
    let logger: Logger

    /// What one notification did.
    struct Result: Sendable, Equatable {
        /// Messages accepted into the outbox.
        var messages: [MessageID] = []
        /// Channels the user wanted but that could not be used, with the reason.
        var skipped: [String] = []
    }

    /// Queues the notification on the channels `user` chose for `kind`. With `idempotencyKey` (e.g. the call id),
    /// calling again for the same event queues nothing new. Never throws: problems are logged and returned.
    @discardableResult
    func notify(
        tenant: TenantID, user: UserID, kind: NotificationKind, text: String, subject: String? = nil, idempotencyKey: String? = nil
    ) async -> Result {
        var result = Result()
        let preferences: NotificationPreferences
        let person: User
        do {
            preferences = try outbox.settings.preferences(tenant: tenant, user: user)
            person = try await engine.user(tenant: tenant, id: user)
        } catch {
            result.skipped.append("cannot read user \(user): \(error)")
            logger.warning("notification not sent", metadata: ["tenant": "\(tenant)", "user": "\(user)", "error": "\(error)"])
            return result
        }
        for channel in preferences[kind].channels {
            do {
                let request: MessageRequest
                switch channel {
                case .sms:
                    guard let mobile = person.mobileNumber else {
                        result.skipped.append("sms: user \(user) has no mobile number")
                        continue
                    }
                    request = try await composer.sms(
                        tenant: tenant, to: mobile.e164, from: nil, text: text, deliveryReport: true, senderUser: nil,
                        idempotencyKey: idempotencyKey.map { "notify:\(kind.rawValue):\(user):sms:\($0)" })
                case .email:
                    guard let address = person.email else {
                        result.skipped.append("email: user \(user) has no e-mail address")
                        continue
                    }
                    let email = EmailContent(from: "", to: [address], subject: subject ?? Self.subject(kind), text: text)
                    request = try await composer.email(
                        tenant: tenant, email, fromGiven: false, senderUser: nil,
                        idempotencyKey: idempotencyKey.map { "notify:\(kind.rawValue):\(user):email:\($0)" })
                }
                result.messages.append(try await outbox.accept(request).id)
            } catch {
                result.skipped.append("\(channel): \(error)")
                logger.warning("notification not sent", metadata: [
                    "tenant": "\(tenant)", "user": "\(user)", "kind": "\(kind.rawValue)", "channel": "\(channel)", "error": "\(error)",
                ])
            }
        }
        return result
    }

    static func subject(_ kind: NotificationKind) -> String {
        switch kind {
        case .missedCall: "Missed call"
        case .voicemail: "New voicemail"
        case .conferenceReminder: "Conference reminder"
        }
    }
}
