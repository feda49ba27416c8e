import Foundation
import HubPluginSupport

/// Renders a provider request from the templates and one message's placeholder values.
enum HTTPGatewayRequest {
    /// The request: URL placeholders %-encoded, headers checked for line breaks, form fields encoded as
    /// a whole (fields rendering empty left out), JSON placeholders escaped inside their string literals.
    static func make(_ config: HTTPGatewayConfig, values: [String: String]) throws(TemplateError) -> HTTPRequest {
        var url = try config.url.render(values, for: .url)
        var headers: [HTTPField] = []
        for header in config.headers {
            headers.append(HTTPField(header.name, try header.value.render(values, for: .header)))
        }
        var body: Data?
        var contentType: String?
        switch config.format {
        case .form, .query:
            var fields: [(String, String)] = []
            for field in config.form {
                let value = try field.value.render(values, for: .text)
                if !value.isEmpty { fields.append((field.name, value)) }
            }
            let encoded = FormCoding.encode(fields)
            if config.format == .query {
                url += (url.contains("?") ? "&" : "?") + encoded
            } else {
                body = Data(encoded.utf8)
                contentType = "application/x-www-form-urlencoded"
            }
        case .json:
            body = Data(try config.body?.render(values, for: .json).utf8 ?? "".utf8)
            contentType = "application/json"
        case .text:
            body = Data(try config.body?.render(values, for: .text).utf8 ?? "".utf8)
            contentType = "text/plain; charset=utf-8"
        }
        if let type = config.contentType ?? contentType, !headers.contains(where: { $0.name.lowercased() == "content-type" }) {
            headers.append(HTTPField("Content-Type", type))
        }
        return HTTPRequest(method: config.method, url: url, headers: headers, body: body, auth: config.auth, timeout: config.timeout)
    }
}
