/// How the request carries the message.
public enum HTTPBodyFormat: String, Sendable, Equatable, CaseIterable {
    /// `application/x-www-form-urlencoded` body from the `form` fields.
    case form
    /// The `form` fields appended to the URL's query; no body.
    case query
    /// The `body` template, placeholders JSON-escaped, `application/json`.
    case json
    /// The `body` template as plain text.
    case text
}
