import Foundation
import HubCore
import Hummingbird

extension APIJSON {
    /// Decodes any JSON body (object or array) as `T`: 413 over the limit, 400 for invalid JSON or a
    /// field of the wrong shape (with its path), 422 for values a type's own rules refuse.
    static func value<T: Decodable>(_ type: T.Type, _ request: Request, context: HubRequestContext) async throws -> T {
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        let data = Data(buffer.readableBytesView)
        guard !data.isEmpty else { throw APIError.badRequest("$", "a JSON body is required") }
        guard (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) != nil else {
            throw APIError.badRequest("$", "body is not valid JSON")
        }
        do {
            return try decoder.decode(type, from: data)
        } catch let error as DecodingError {
            let (path, reason) = error.pathAndReason
            throw APIError(status: .badRequest, code: "bad_request", message: "\(path): \(reason)", issues: [.init(path: path, reason: reason)])
        } catch let error as ValidationError {
            throw HubError.invalid(error)
        }
    }
}
