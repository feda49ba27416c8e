import HubPluginSupport

/// One HTTP request a gateway sent to the plugin's callback listener (a delivery report or an incoming SMS).
public struct CallbackRequest: Sendable, Equatable {
    /// Method, upper case.
    public var method: String
    /// The path without the query (`/kannel/dlr`).
    public var path: String
    /// The raw query string after `?` (empty when none).
    public var query: String
    /// The `Content-Type` header, if any.
    public var contentType: String?
    /// The body bytes.
    public var body: [UInt8]

    /// Creates a request from its target (`/path?query`), content type and body.
    public init(method: String, target: String, contentType: String? = nil, body: [UInt8] = []) {
        self.method = method
        let split = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        path = split.first.map(String.init) ?? "/"
        query = split.count > 1 ? String(split[1]) : ""
        self.contentType = contentType
        self.body = body
    }

    /// Query fields, then form-body fields (for `application/x-www-form-urlencoded` bodies), raw bytes.
    public var fields: [(name: String, value: [UInt8])] {
        var fields = FormCoding.decodeBytes(Substring(query))
        if isForm { fields += FormCoding.decodeBytes(Substring(FormCoding.text(of: body))) }
        return fields
    }

    /// The first field named `name` as text (UTF-8, else Latin-1).
    public func field(_ name: String) -> String? {
        fields.first { $0.name == name }.map { FormCoding.text(of: $0.value) }
    }

    /// The body parsed as JSON when the content type says JSON (or the body looks like an object).
    public var json: JSONValue? {
        let type = contentType?.lowercased() ?? ""
        guard type.contains("json") || (!isForm && body.first == UInt8(ascii: "{")) else { return nil }
        return try? JSONLines.decode(JSONValue.self, from: body)
    }

    private var isForm: Bool {
        contentType?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true
    }
}
