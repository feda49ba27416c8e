import Foundation
import HubCore

/// The text of an SMSC delivery receipt (SMPP 3.4 appendix B):
/// `id:… sub:… dlvrd:… submit date:YYMMDDhhmm done date:YYMMDDhhmm stat:DELIVRD err:… text:…`.
public struct SMPPDeliveryReceipt: Sendable, Equatable {
    /// The SMSC message id the receipt is about.
    public var id: String
    /// `sub:` messages originally submitted.
    public var submitted: String?
    /// `dlvrd:` messages delivered.
    public var delivered: String?
    /// `submit date:` as written (YYMMDDhhmm).
    public var submitDate: String?
    /// `done date:` as written.
    public var doneDate: String?
    /// `stat:` (DELIVRD, EXPIRED, DELETED, UNDELIV, ACCEPTD, UNKNOWN, REJECTD, ENROUTE).
    public var stat: String
    /// `err:` network-specific error code.
    public var error: String?
    /// `text:` the first characters of the message.
    public var text: String?

    /// Parses receipt text; keys are case-insensitive, unknown keys are ignored, `id` and `stat` are required.
    public init(parsing receipt: String) throws(SMPPReceiptError) {
        var head = receipt
        var text: String?
        if let range = receipt.range(of: "text:", options: .caseInsensitive) {
            head = String(receipt[..<range.lowerBound])
            text = String(receipt[range.upperBound...])
        }
        var fields: [String: String] = [:]
        let normalised = head.replacingOccurrences(of: "submit date:", with: "submit_date:", options: .caseInsensitive)
            .replacingOccurrences(of: "done date:", with: "done_date:", options: .caseInsensitive)
        for token in normalised.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }) {
            guard let colon = token.firstIndex(of: ":") else { continue }
            fields[token[..<colon].lowercased()] = String(token[token.index(after: colon)...])
        }
        guard let id = fields["id"], !id.isEmpty else { throw .missing("id") }
        guard let stat = fields["stat"], !stat.isEmpty else { throw .missing("stat") }
        self.id = id
        self.stat = stat.uppercased()
        submitted = fields["sub"]
        delivered = fields["dlvrd"]
        submitDate = fields["submit_date"]
        doneDate = fields["done_date"]
        error = fields["err"]
        self.text = text
    }

    /// The final state `stat` reports; nil for ACCEPTD, ENROUTE, UNKNOWN and other non-final states.
    public var finalState: DeliveryReport.State? { Self.state(stat: stat) }

    /// Final state of a `stat:` value.
    static func state(stat: String) -> DeliveryReport.State? {
        switch stat {
        case "DELIVRD": .delivered
        case "EXPIRED": .expired
        case "UNDELIV", "REJECTD", "DELETED": .failed
        default: nil
        }
    }

    /// Final state of a `message_state` value (SMPP 3.4 5.2.28): 2 delivered, 3 expired, 4/5/8 failed.
    static func state(messageState: UInt8) -> DeliveryReport.State? {
        switch messageState {
        case 2: .delivered
        case 3: .expired
        case 4, 5, 8: .failed
        default: nil
        }
    }
}

/// Why a deliver_sm marked as a receipt could not be read.
public enum SMPPReceiptError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A required field is missing.
    case missing(String)

    public var description: String {
        switch self {
        case let .missing(field): "delivery receipt has no '\(field):' field"
        }
    }
}
