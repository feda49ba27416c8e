import HubCore
import HubPluginSupport

/// `sms_http` settings after the preset is applied, templates parsed and secrets resolved.
struct HTTPGatewayConfig: Sendable {
    var method: String
    var url: MessageTemplate
    var headers: [(name: String, value: MessageTemplate)]
    var format: HTTPBodyFormat
    var form: [(name: String, value: MessageTemplate)]
    var body: MessageTemplate?
    var contentType: String?
    var auth: HTTPAuth?
    var variables: [String: String]
    var rule: ResponseRule
    var listen: ListenAddress?
    var callbackURL: String?
    var callbackToken: String?
    var deliveryReports: DeliveryReportMapping?
    var incoming: IncomingSMSMapping?
    var maxParts: Int
    var timeout: Duration

    /// Placeholders every template may use besides the `variables`.
    static let builtinPlaceholders: Set<String> = ["to", "to_digits", "from", "text", "id", "tenant", "callback_url", "parts", "coding"]

    /// Path of delivery-report callbacks.
    static let dlrPath = "/dlr"
    /// Path of incoming-SMS callbacks.
    static let moPath = "/mo"

    /// Whether sent outcomes carry the provider's id (the DLR names it) rather than the outbox id.
    var usesProviderReference: Bool { deliveryReports?.referenceField != nil }

    /// The placeholder values for one message.
    func values(for message: OutboundMessage, sms: SMSContent, plan: SMSPlan, callbackBase: String?) -> [String: String] {
        var values = variables
        values["to"] = sms.to
        values["to_digits"] = String(sms.to.drop { $0 == "+" })
        values["from"] = sms.from
        values["text"] = sms.text
        values["id"] = message.id.rawValue
        values["tenant"] = message.tenant.rawValue
        values["parts"] = String(plan.partCount)
        values["coding"] = plan.coding.rawValue
        values["callback_url"] = ""
        if let callbackBase, sms.wantsDeliveryReport {
            var url = callbackBase + Self.dlrPath + "?ref=" + FormCoding.percentEncode(message.id.rawValue)
            if let callbackToken { url += "&token=" + FormCoding.percentEncode(callbackToken) }
            values["callback_url"] = url
        }
        return values
    }
}
