import Foundation
import HubCore
import HubPluginSupport

/// Builds smsbox `/cgi-bin/sendsms` requests (Kannel user guide tables 7-11 and 7-17).
enum KannelRequest {
    /// The request for `sms`: GET with query parameters, or POST with X-Kannel headers and the text as body.
    ///
    /// The text always goes as UTF-8 (`charset=UTF-8`); texts outside GSM 03.38 add `coding=2` so
    /// Kannel sends UCS-2 instead of dropping the characters. `dlrURL` nil asks for no report.
    static func make(
        _ sms: SMSContent, coding: SMSCoding, config: KannelConfig, dlrURL: String?
    ) throws(TemplateError) -> HTTPRequest {
        var fields: [(String, String)] = [
            ("username", config.username), ("password", config.password), ("from", sms.from), ("to", sms.to),
        ]
        var options: [(String, String)] = []
        if coding == .ucs2 { options.append(("coding", "2")) }
        if let dlrURL, config.dlrMask > 0 {
            options.append(("dlr-mask", String(config.dlrMask)))
            options.append(("dlr-url", dlrURL))
        }
        if let smsc = config.smsc { options.append(("smsc", smsc)) }
        if !config.usePost {
            fields += [("text", sms.text), ("charset", "UTF-8")] + options
            return HTTPRequest(method: "GET", url: config.sendsmsURL + "?" + FormCoding.encode(fields), timeout: config.timeout)
        }
        var headers = [HTTPField("Content-Type", "text/plain; charset=UTF-8")]
        for (name, value) in fields + options {
            headers.append(HTTPField(headerName(name), try TemplateEscaping.header.escape(value, placeholder: name)))
        }
        return HTTPRequest(method: "POST", url: config.sendsmsURL, headers: headers, body: Data(sms.text.utf8), timeout: config.timeout)
    }

    /// `X-Kannel-Username`, `X-Kannel-DLR-Mask`, … for a sendsms parameter.
    static func headerName(_ parameter: String) -> String {
        switch parameter {
        case "dlr-mask": "X-Kannel-DLR-Mask"
        case "dlr-url": "X-Kannel-DLR-Url"
        case "smsc": "X-Kannel-SMSC"
        default: "X-Kannel-" + parameter.prefix(1).uppercased() + parameter.dropFirst()
        }
    }
}
