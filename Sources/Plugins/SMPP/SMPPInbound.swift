import Foundation
import HubCore

/// What a deliver_sm means for the hub.
enum SMPPInbound: Sendable, Equatable {
    /// A final delivery receipt.
    case receipt(DeliveryReport)
    /// A receipt with a non-final state (ACCEPTD, ENROUTE …); acknowledged, not reported.
    case intermediateReceipt(reference: String, stat: String)
    /// A complete incoming SMS.
    case sms(IncomingSMS)
    /// One part of a concatenated SMS; more are awaited.
    case partial
}

/// Turns deliver_sm PDUs into receipts and incoming SMS, joining concatenated parts.
struct SMPPInboundAssembler {
    private var reassembler: SMPPReassembler

    init(partTimeout: TimeInterval = 600) {
        reassembler = SMPPReassembler(timeout: partTimeout)
    }

    /// Interprets one deliver_sm received at `now`.
    mutating func accept(_ message: SMPPShortMessage, at now: Date) throws(SMPPInboundError) -> SMPPInbound {
        if message.isDeliveryReceipt { return try receipt(message) }
        let userData: SMSUserData
        do { userData = try SMSUserData(message.userData, hasHeader: message.hasUserDataHeader) } catch {
            throw .badUserData(error)
        }
        let from = Self.address(message.source, ton: message.sourceTON)
        guard let concatenation = userData.concatenation ?? Self.sarConcatenation(message.parameters), concatenation.total > 1
        else {
            let text = try SMPPTextDecoding.decode(userData.body, dataCoding: message.dataCoding)
            return .sms(IncomingSMS(from: from, to: Self.address(message.destination, ton: message.destinationTON), text: text, receivedAt: now))
        }
        // Check the coding on every part, so a bad part is refused rather than spoiling the whole message.
        _ = try SMPPTextDecoding.decode([], dataCoding: message.dataCoding)
        guard let body = reassembler.add(
            source: from, concatenation: concatenation, body: userData.body, dataCoding: message.dataCoding, at: now)
        else { return .partial }
        let text = try SMPPTextDecoding.decode(body, dataCoding: message.dataCoding)
        return .sms(IncomingSMS(from: from, to: Self.address(message.destination, ton: message.destinationTON), text: text, receivedAt: now))
    }

    /// Drops incomplete messages older than the part timeout; returns how many.
    mutating func expire(at now: Date) -> Int { reassembler.expire(at: now) }

    private func receipt(_ message: SMPPShortMessage) throws(SMPPInboundError) -> SMPPInbound {
        let text = String(decoding: message.userData, as: UTF8.self)
        let parsed: SMPPDeliveryReceipt?
        do { parsed = try SMPPDeliveryReceipt(parsing: text) } catch {
            // The TLVs alone are enough when the text is not in the usual format.
            guard message.parameters.first(tag: SMPPTLV.receiptedMessageID) != nil,
                message.parameters.first(tag: SMPPTLV.messageState) != nil
            else { throw .badReceipt(error) }
            parsed = nil
        }
        let reference = message.parameters.first(tag: SMPPTLV.receiptedMessageID)?.cStringValue ?? parsed?.id ?? ""
        let tlvState = message.parameters.first(tag: SMPPTLV.messageState)?.value.first
        let state = tlvState.flatMap(SMPPDeliveryReceipt.state(messageState:)) ?? parsed?.finalState
        let detail = parsed.map { "stat:\($0.stat)" + ($0.error.map { " err:\($0)" } ?? "") }
        guard let state else {
            return .intermediateReceipt(reference: reference, stat: parsed?.stat ?? "message_state \(tlvState ?? 0)")
        }
        return .receipt(DeliveryReport(reference: reference, state: state, detail: detail ?? "message_state \(tlvState ?? 0)"))
    }

    private static func sarConcatenation(_ parameters: [SMPPTLV]) -> SMSConcatenation? {
        guard let reference = parameters.first(tag: SMPPTLV.sarMessageReference)?.value, reference.count == 2,
            let total = parameters.first(tag: SMPPTLV.sarTotalSegments)?.value.first,
            let sequence = parameters.first(tag: SMPPTLV.sarSegmentSequence)?.value.first,
            total > 0, sequence > 0, sequence <= total
        else { return nil }
        return SMSConcatenation(reference: UInt16(reference[0]) << 8 | UInt16(reference[1]), total: Int(total), sequence: Int(sequence))
    }

    /// `+digits` for international numbers (TON 1), the address as given otherwise.
    static func address(_ address: String, ton: UInt8) -> String {
        ton == 1 && !address.hasPrefix("+") ? "+" + address : address
    }
}
