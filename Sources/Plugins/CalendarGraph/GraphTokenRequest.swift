import Foundation

/// The OAuth 2 client-credentials exchange with the Microsoft identity platform, as pure functions.
enum GraphTokenRequest {
    /// The token endpoint for `tenant` under `base` (`https://login.microsoftonline.com`).
    static func url(base: String, tenant: String) -> String {
        "\(base.hasSuffix("/") ? String(base.dropLast()) : base)/\(formEncode(tenant))/oauth2/v2.0/token"
    }

    /// The form body, fields in the order of Microsoft's documented example.
    static func body(clientID: String, clientSecret: String, scope: String) -> Data {
        let fields = [
            ("client_id", clientID), ("scope", scope), ("client_secret", clientSecret), ("grant_type", "client_credentials"),
        ]
        return Data(fields.map { "\($0.0)=\(formEncode($0.1))" }.joined(separator: "&").utf8)
    }

    /// A successful token answer.
    struct Granted: Decodable, Equatable {
        var tokenType: String?
        var expiresIn: Int
        var accessToken: String

        private enum CodingKeys: String, CodingKey {
            case tokenType = "token_type"
            case expiresIn = "expires_in"
            case accessToken = "access_token"
        }
    }

    /// A refused token request (`{"error":"invalid_client","error_description":"AADSTS7000215: …"}`).
    struct Refused: Decodable, Equatable {
        var error: String
        var errorDescription: String?

        private enum CodingKeys: String, CodingKey {
            case error
            case errorDescription = "error_description"
        }

        /// The error code and the first line of the description (which carries the AADSTS number).
        var summary: String {
            let first = errorDescription?.split(whereSeparator: \.isNewline).first.map(String.init)
            return first.map { "\(error): \($0)" } ?? error
        }
    }

    /// `application/x-www-form-urlencoded` encoding of one value.
    static func formEncode(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }
}
