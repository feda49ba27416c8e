import Foundation
import HubCore
import Hummingbird
import NIOCore

/// JSON encoding and decoding of API bodies (ISO 8601 dates, precise errors, unknown-field checks, merge patch).
enum APIJSON {
    /// The store's coding: the API shows exactly what is stored (ISO 8601 times, sorted keys).
    static let encoder = StoreCoding.encoder

    static let decoder: JSONDecoder = StoreCoding.decoder

    /// A JSON response.
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try encoder.encode(value)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// 204 No Content.
    static var noContent: Response { Response(status: .noContent) }

    /// The request body as a JSON object, refusing bodies over the limit (413), invalid JSON (400),
    /// non-objects (400) and fields not in `allowed` (422).
    static func object(_ request: Request, context: HubRequestContext, allowed: Set<String>) async throws -> [String: Any] {
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        let data = Data(buffer.readableBytesView)
        guard !data.isEmpty else { throw APIError.badRequest("$", "a JSON object body is required") }
        let parsed: Any
        do { parsed = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) } catch {
            throw APIError.badRequest("$", "body is not valid JSON")
        }
        guard let object = parsed as? [String: Any] else { throw APIError.badRequest("$", "expected a JSON object") }
        let unknown = Set(object.keys).subtracting(allowed).sorted()
        if !unknown.isEmpty {
            throw APIError(status: .unprocessableContent, code: "invalid",
                           message: unknown.map { "$.\($0): unknown field" }.joined(separator: "; "),
                           issues: unknown.map { .init(path: "$.\($0)", reason: "unknown field; allowed: \(allowed.sorted().joined(separator: ", "))") })
        }
        return object
    }

    /// Decodes a type from a JSON object, mapping decoding errors to 400 with the field's path.
    static func decode<T: Decodable>(_ type: T.Type, from object: [String: Any]) throws -> T {
        do {
            let data = try JSONSerialization.data(withJSONObject: object)
            return try decoder.decode(type, from: data)
        } catch let error as DecodingError {
            let (path, reason) = error.pathAndReason
            throw APIError(status: .badRequest, code: "bad_request", message: "\(path): \(reason)", issues: [.init(path: path, reason: reason)])
        }
    }

    /// Decodes the request body as `T`, allowing only `T`'s fields.
    static func body<T: Decodable>(_ type: T.Type, _ request: Request, context: HubRequestContext, allowed: Set<String>) async throws -> T {
        try decode(type, from: try await object(request, context: context, allowed: allowed))
    }

    /// Applies an RFC 7386 merge patch to `current` and decodes the result.
    static func merge<T: Codable>(_ current: T, patch: [String: Any]) throws -> T {
        let data = try encoder.encode(current)
        guard var object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { return current }
        mergePatch(&object, patch)
        return try decode(T.self, from: object)
    }

    private static func mergePatch(_ target: inout [String: Any], _ patch: [String: Any]) {
        for (key, value) in patch {
            if value is NSNull {
                target.removeValue(forKey: key)
            } else if let nested = value as? [String: Any], var existing = target[key] as? [String: Any] {
                mergePatch(&existing, nested)
                target[key] = existing
            } else {
                target[key] = value
            }
        }
    }
}

/// Facts about values from `JSONSerialization`.
enum JSONValues {
    /// Whether a parsed JSON value was `true`/`false` (not a number, which also bridges to Bool).
    static func isBool(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        // Foundation on Linux parses true/false as a distinct NSNumber subclass (__NSCFBoolean).
        return String(describing: type(of: number)).contains("Boolean")
    }
}
