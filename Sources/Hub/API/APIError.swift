import Foundation
import HTTPTypes
import HubCore
import Hummingbird
import NIOCore

/// An error answered as JSON: `{"error":{"status":…,"code":…,"message":…,"issues":[{"path":…,"reason":…}]}}`.
struct APIError: HTTPResponseError, Sendable {
    var status: HTTPResponse.Status
    var code: String
    var message: String
    var issues: [ValidationError.Issue] = []
    var headers: HTTPFields = [:]

    static let unauthorized = APIError(
        status: .unauthorized, code: "unauthorized", message: "missing or invalid bearer token",
        headers: [.wwwAuthenticate: "Bearer realm=\"hub\""])

    static func forbidden(_ message: String) -> APIError { APIError(status: .forbidden, code: "forbidden", message: message) }
    static func notFound(_ message: String) -> APIError { APIError(status: .notFound, code: "not_found", message: message) }
    static func badRequest(_ path: String, _ reason: String) -> APIError {
        APIError(status: .badRequest, code: "bad_request", message: "\(path): \(reason)", issues: [.init(path: path, reason: reason)])
    }

    /// Maps a service error to its HTTP form.
    init(_ error: HubError) {
        switch error {
        case let .notFound(message): self.init(status: .notFound, code: "not_found", message: message)
        case let .conflict(message): self.init(status: .conflict, code: "conflict", message: message)
        case let .forbidden(message): self.init(status: .forbidden, code: "forbidden", message: message)
        case let .storage(message): self.init(status: .serviceUnavailable, code: "storage_unavailable", message: message)
        case let .invalid(validation):
            self.init(status: .unprocessableContent, code: "invalid", message: validation.description, issues: validation.issues)
        }
    }

    init(status: HTTPResponse.Status, code: String, message: String, issues: [ValidationError.Issue] = [], headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.issues = issues
        self.headers = headers
    }

    private struct Body: Encodable {
        struct Inner: Encodable {
            var status: Int
            var code: String
            var message: String
            var issues: [ValidationError.Issue]
        }

        var error: Inner
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = Body(error: .init(status: status.code, code: code, message: message, issues: issues))
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        let data = (try? APIJSON.encoder.encode(body)) ?? Data("{}".utf8)
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

extension DecodingError {
    /// The JSON path and reason of a decoding failure, for 400 answers.
    var pathAndReason: (path: String, reason: String) {
        switch self {
        case let .keyNotFound(key, context):
            return (JSONPath.of(context.codingPath + [key]), "is required")
        case let .typeMismatch(type, context):
            return (JSONPath.of(context.codingPath), "expected \(JSONPath.typeName(type))")
        case let .valueNotFound(type, context):
            return (JSONPath.of(context.codingPath), "expected \(JSONPath.typeName(type)), got null")
        case let .dataCorrupted(context):
            return (JSONPath.of(context.codingPath), JSONPath.reason(context.debugDescription))
        @unknown default:
            return ("$", "\(self)")
        }
    }
}

/// JSON paths (`$.numbers[0].label`) from coding paths.
enum JSONPath {
    static func of(_ path: [any CodingKey]) -> String {
        path.reduce("$") { result, key in
            if let index = key.intValue { "\(result)[\(index)]" } else { "\(result).\(key.stringValue)" }
        }
    }

    /// Rewords Foundation's enum message ("Cannot initialize BaseProfile from invalid String value x") with the allowed values.
    static func reason(_ description: String) -> String {
        let prefix = "Cannot initialize "
        guard description.hasPrefix(prefix), let typeName = description.dropFirst(prefix.count).split(separator: " ").first,
              let range = description.range(of: " value ")
        else { return description }
        let value = description[range.upperBound...]
        let allowed: [String]? = switch typeName {
        case "BaseProfile": BaseProfile.allCases.map(\.rawValue)
        case "Permission": Permission.allCases.map(\.rawValue)
        case "AddOn": AddOn.allCases.map(\.rawValue)
        case "TokenRole": TokenRole.allCases.map(\.rawValue)
        case "PresenceSource": PresenceSource.allCases.map(\.rawValue)
        default: nil
        }
        guard let allowed else { return "'\(value)' is not an allowed value" }
        return "'\(value)' is not one of \(allowed.joined(separator: ", "))"
    }

    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Int64.Type, is UInt64.Type: "an integer"
        case is Double.Type: "a number"
        default:
            "\(type)".hasPrefix("Array") ? "an array" : "\(type)".hasPrefix("Dictionary") ? "an object" : "\(type)"
        }
    }
}
