/// Ready-made settings for common SMS providers; any key in the instance file overrides the preset's.
///
/// Each preset sends the callback URL (with our `ref`) per message, so delivery reports are matched on
/// the outbox id, and maps the provider's status words to delivered/failed/expired.
public struct HTTPGatewayPreset: Sendable, Equatable {
    /// Preset name as written in `preset = "…"`.
    public var name: String
    /// Request method.
    public var method: String
    /// URL template.
    public var url: String
    /// Body format.
    public var format: HTTPBodyFormat
    /// Form fields (form and query formats).
    public var form: [String: String]
    /// Body template (json and text formats).
    public var body: String?
    /// Auth kind.
    public var auth: String
    /// Success status codes.
    public var successStatus: [Int]
    /// JSON path of the provider id.
    public var idJSONPath: String?
    /// Delivery-report status field and words.
    public var dlrStatusField: String
    /// Delivery-report detail field.
    public var dlrDetailField: String?
    /// Status words meaning delivered.
    public var delivered: [String]
    /// Status words meaning failed.
    public var failed: [String]
    /// Status words meaning expired.
    public var expired: [String]
    /// Incoming-SMS fields (from, to, text).
    public var incoming: (from: String, to: String, text: String)

    /// Presets are equal when they have the same name.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.name == rhs.name }

    /// The preset called `name` (`46elks`, `sinch`, `twilio`); `withCallback` says whether the listener
    /// is configured (Sinch's JSON body then asks for per-recipient reports).
    public static func named(_ name: String, withCallback: Bool) -> HTTPGatewayPreset? {
        switch name {
        case "46elks":
            // https://46elks.se/documentation: form POST, Basic auth, `whendelivered` gets form POSTs with id/status.
            return HTTPGatewayPreset(
                name: name, method: "POST", url: "https://api.46elks.com/a1/sms", format: .form,
                form: ["from": "{from}", "to": "{to}", "message": "{text}", "whendelivered": "{callback_url}"], body: nil,
                auth: "basic", successStatus: [200], idJSONPath: "id", dlrStatusField: "status", dlrDetailField: nil,
                delivered: ["delivered"], failed: ["failed"], expired: [], incoming: ("from", "to", "message"))
        case "sinch":
            // Sinch REST batches: JSON, bearer token, 201 with the batch id; JSON callbacks with `status`.
            let callback = withCallback ? #", "delivery_report": "per_recipient", "callback_url": "{callback_url}""# : ""
            return HTTPGatewayPreset(
                name: name, method: "POST", url: "https://{region}.sms.api.sinch.com/xms/v1/{service_plan_id}/batches", format: .json,
                form: [:], body: #"{"from": "{from}", "to": ["{to}"], "body": "{text}""# + callback + "}",
                auth: "bearer", successStatus: [200, 201], idJSONPath: "id", dlrStatusField: "status", dlrDetailField: "code",
                delivered: ["delivered"], failed: ["failed", "rejected", "aborted", "cancelled"], expired: ["expired"],
                incoming: ("from", "to", "body"))
        case "twilio":
            // Twilio Messages: form POST, Basic AccountSid:AuthToken, 201 with `sid`; StatusCallback form POSTs.
            return HTTPGatewayPreset(
                name: name, method: "POST", url: "https://api.twilio.com/2010-04-01/Accounts/{account_sid}/Messages.json", format: .form,
                form: ["To": "{to}", "From": "{from}", "Body": "{text}", "StatusCallback": "{callback_url}"], body: nil,
                auth: "basic", successStatus: [201], idJSONPath: "sid", dlrStatusField: "MessageStatus", dlrDetailField: "ErrorCode",
                delivered: ["delivered"], failed: ["failed", "undelivered"], expired: [], incoming: ("From", "To", "Body"))
        default:
            return nil
        }
    }

    /// Every preset name.
    public static let names = ["46elks", "sinch", "twilio"]
}
