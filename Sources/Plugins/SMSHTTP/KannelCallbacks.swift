import Foundation
import HubCore

/// Reads Kannel's callbacks: the `dlr-url` the plugin hands with each message and the `get-url` of an
/// `sms-service` that forwards incoming SMS (user guide table 7-10 escape codes).
///
/// The plugin's dlr-url is `<callback_url>/kannel/dlr?id=<message id>&status=%d&reply=%A&smsc=%i`;
/// correlation is on our own `id`, since Kannel swaps `%p`/`%P` in DLRs. The sms-service get-url is
/// `<callback_url>/kannel/mo?from=%p&to=%P&text=%b&coding=%c&charset=%C&smsc=%i`.
public enum KannelCallbacks {
    /// Path of delivery-report callbacks.
    public static let dlrPath = "/kannel/dlr"
    /// Path of incoming-SMS callbacks.
    public static let moPath = "/kannel/mo"

    /// The `dlr-url` for one message: Kannel fills in the `%` codes when it calls back.
    public static func dlrURL(base: String, reference: String, token: String?) -> String {
        var url = base + dlrPath + "?id=" + FormCoding.percentEncode(reference) + "&status=%d&reply=%A&smsc=%i"
        if let token { url += "&token=" + FormCoding.percentEncode(token) }
        return url
    }

    /// The report a DLR callback carries; nil for intermediate states (4 queued on SMSC, 8 delivered to SMSC).
    ///
    /// `%d` values: 1 delivered to phone, 2 non-delivered to phone (expired when the SMSC reply says
    /// `stat:EXPIRED`), 16 non-delivered to SMSC (rejected).
    public static func deliveryReport(_ request: CallbackRequest) throws(CallbackProblem) -> DeliveryReport? {
        guard let reference = request.field("id"), !reference.isEmpty else {
            throw CallbackProblem("dlr: field 'id' is missing (the dlr-url names the message)")
        }
        guard let statusText = request.field("status") else { throw CallbackProblem("dlr: field 'status' is missing") }
        guard let status = Int(statusText) else {
            throw CallbackProblem("dlr: field 'status' is '\(statusText.prefix(40))', not a Kannel DLR number")
        }
        let reply = request.field("reply").flatMap { $0.isEmpty ? nil : String($0.prefix(500)) }
        switch status {
        case 1: return DeliveryReport(reference: reference, state: .delivered, detail: reply)
        case 2:
            let expired = reply?.uppercased().contains("STAT:EXPIRED") == true
            return DeliveryReport(reference: reference, state: expired ? .expired : .failed, detail: reply ?? "non-delivered to phone")
        case 16: return DeliveryReport(reference: reference, state: .failed, detail: reply ?? "non-delivered to SMSC")
        case 4, 8: return nil
        default: throw CallbackProblem("dlr: field 'status' is \(status), not one of 1, 2, 4, 8, 16")
        }
    }

    /// The incoming SMS a `get-url` callback carries. `text` is decoded by `coding`/`charset`
    /// (UTF-16BE for coding 2, else UTF-8 when valid, else Latin-1).
    public static func incomingSMS(_ request: CallbackRequest, receivedAt: Date) throws(CallbackProblem) -> IncomingSMS {
        guard let from = request.field("from"), !from.isEmpty else { throw CallbackProblem("mo: field 'from' is missing") }
        guard let to = request.field("to"), !to.isEmpty else { throw CallbackProblem("mo: field 'to' is missing") }
        guard let raw = request.fields.first(where: { $0.name == "text" })?.value else {
            throw CallbackProblem("mo: field 'text' is missing")
        }
        let charset = request.field("charset")?.uppercased()
        let isUCS2 = request.field("coding") == "2" || charset == "UTF-16BE" || charset == "UCS-2"
        let text: String
        if isUCS2 {
            guard raw.count % 2 == 0 else { throw CallbackProblem("mo: field 'text' has an odd number of UTF-16 bytes") }
            let units = stride(from: 0, to: raw.count, by: 2).map { UInt16(raw[$0]) << 8 | UInt16(raw[$0 + 1]) }
            text = String(decoding: units, as: UTF16.self)
        } else if charset == "WINDOWS-1252" || charset == "ISO-8859-1" {
            text = String(String.UnicodeScalarView(raw.map { Unicode.Scalar($0) }))
        } else {
            text = FormCoding.text(of: raw)
        }
        return IncomingSMS(from: normalise(from), to: normalise(to), text: text, receivedAt: receivedAt)
    }

    /// `00358…` as `+358…` (Kannel's `%q` rule); other numbers and alphanumeric senders unchanged.
    static func normalise(_ number: String) -> String {
        number.hasPrefix("00") && number.dropFirst(2).allSatisfy(\.isNumber) ? "+" + number.dropFirst(2) : number
    }
}
