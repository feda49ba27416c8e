import HubCore
import HubPluginSupport
import Synchronization

/// Turns one outbox message into submit_sm PDUs on a session and the outcome the outbox records.
struct SMPPSubmitter: Sendable {
    let settings: SMPPPlugin.Settings
    let session: SMPPSession
    let counters: SMPPCounters
    let references: SMPPReferenceCounter

    /// Submits every part; `.sent` carries the last part's message_id (the part that asks for a receipt).
    func deliver(_ message: OutboundMessage) async -> DeliveryOutcome {
        guard case let .sms(sms) = message.content else { return .failed(reason: "sms_smpp delivers SMS only, not e-mail") }
        let recipient: SMPPAddress
        let sender: SMPPAddress
        switch (SMPPAddress.recipient(sms.to), SMPPAddress.sender(sms.from)) {
        case let (.success(to), .success(from)):
            recipient = to
            sender = from
        case let (.failure(error), _), let (_, .failure(error)):
            return .failed(reason: "invalid \(error)")
        }
        let plan = SMSEncoding.plan(sms.text, reference: references.next())
        guard plan.fitsConcatenation else {
            return .failed(reason: "text needs \(plan.partCount) SMS, more than the \(SMSEncoding.maximumParts) a concatenated message can have")
        }
        var reference: String?
        for (index, part) in plan.parts.enumerated() {
            var fields = SMPPShortMessage()
            fields.sourceTON = sender.ton
            fields.sourceNPI = sender.npi
            fields.source = sender.address
            fields.destinationTON = recipient.ton
            fields.destinationNPI = recipient.npi
            fields.destination = recipient.address
            fields.esmClass = part.hasHeader ? 0x40 : 0x00
            fields.dataCoding = plan.coding.dataCoding
            let last = index == plan.parts.count - 1
            fields.registeredDelivery = last && sms.wantsDeliveryReport && settings.deliveryReports ? 1 : 0
            fields.shortMessage = part.bytes
            let label = plan.partCount > 1 ? "part \(index + 1)/\(plan.partCount)" : "message"
            switch await submit(fields, label: label) {
            case let .success(messageID): reference = messageID
            case let .failure(failure): return failure.outcome
            }
        }
        return .sent(reference: reference, parts: plan.partCount)
    }

    /// One part, resent after a pause while the SMSC throttles; the failure is the message's outcome.
    private func submit(_ fields: SMPPShortMessage, label: String) async -> Result<String, OutcomeFailure> {
        var attempt = 0
        while true {
            let response: SMPPPDU
            do {
                try await session.waitWhilePaused()
                try await session.acquireWindow()
                counters.add { $0.partsSubmitted += 1 }
                do {
                    response = try await session.request(.submitSM, body: .shortMessage(fields), timeout: settings.responseTimeout.duration)
                    await session.releaseWindow()
                } catch {
                    await session.releaseWindow()
                    throw error
                }
            } catch {
                return .failure(OutcomeFailure(.retry(reason: "\(label) not confirmed: \(error)", retryAfter: nil)))
            }
            guard response.status != .ok else {
                if case let .messageResponse(messageID) = response.body { return .success(messageID) }
                return .success("")
            }
            let reason = "SMSC refused \(label): \(response.status)"
            switch response.status.errorClass {
            case .permanent:
                return .failure(OutcomeFailure(.failed(reason: reason)))
            case .temporary:
                return .failure(OutcomeFailure(.retry(reason: reason, retryAfter: nil)))
            case .slowDown:
                counters.add { $0.throttled += 1 }
                await session.pause(for: settings.throttleDelay.duration)
                attempt += 1
                if attempt > settings.throttleRetries {
                    return .failure(OutcomeFailure(.retry(reason: reason, retryAfter: settings.throttleDelay.duration)))
                }
            }
        }
    }

    /// A non-sent outcome carried through `Result`.
    struct OutcomeFailure: Error {
        let outcome: DeliveryOutcome
        init(_ outcome: DeliveryOutcome) { self.outcome = outcome }
    }
}

/// The 8-bit concatenation reference, different for each message (wrapping).
final class SMPPReferenceCounter: Sendable {
    private let value: Mutex<UInt8>

    init(start: UInt8 = .random(in: 0...255)) { value = Mutex(start) }

    func next() -> UInt8 {
        value.withLock { value in
            defer { value &+= 1 }
            return value
        }
    }
}
