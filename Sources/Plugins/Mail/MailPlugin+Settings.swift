import Foundation
import HubCore
import HubPluginSupport

extension MailPlugin {
    /// The `[settings]` table of an `email_smtp` instance; see ``MailPlugin/sampleConfig``.
    public struct Settings: PluginSettings, Equatable {
        /// `smtp://host:port` or `smtps://host:port`.
        public var url: String
        /// `required`, `try` or `off`: STARTTLS on `smtp://` URLs.
        public var starttls: String
        /// Login name; with `password`.
        public var username: String?
        /// Password; with `username`.
        public var password: String?
        /// Name the hub gives in EHLO.
        public var helo: String
        /// Domain of the Message-IDs (`<outbox-id@domain>`).
        public var messageIDDomain: String
        /// Whole-transaction timeout.
        public var timeout: DurationSetting
        /// CA bundle for the server's certificate.
        public var caFile: String?
        /// Whether the server certificate is verified (turn off only for test servers).
        public var verifyCertificate: Bool

        /// Every key of the table.
        public enum Keys: String, CodingKey, CaseIterable {
            case url, starttls, username, password, helo
            case messageIDDomain = "message_id_domain"
            case timeout
            case caFile = "ca_file"
            case verifyCertificate = "verify_certificate"
        }

        /// Creates settings; defaults match the sample config.
        public init(
            url: String, starttls: String = "required", username: String? = nil, password: String? = nil, helo: String = "hub.localdomain",
            messageIDDomain: String = "hub.localdomain", timeout: DurationSetting = .init(.seconds(60)), caFile: String? = nil,
            verifyCertificate: Bool = true
        ) {
            self.url = url
            self.starttls = starttls
            self.username = username
            self.password = password
            self.helo = helo
            self.messageIDDomain = messageIDDomain
            self.timeout = timeout
            self.caFile = caFile
            self.verifyCertificate = verifyCertificate
        }

        /// Decodes the table; only `url` is required.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Keys.self)
            let d = Settings(url: "")
            self.init(
                url: try c.decode(String.self, forKey: .url),
                starttls: try c.decodeIfPresent(String.self, forKey: .starttls) ?? d.starttls,
                username: try c.decodeIfPresent(String.self, forKey: .username),
                password: try c.decodeIfPresent(String.self, forKey: .password),
                helo: try c.decodeIfPresent(String.self, forKey: .helo) ?? d.helo,
                messageIDDomain: try c.decodeIfPresent(String.self, forKey: .messageIDDomain) ?? d.messageIDDomain,
                timeout: try c.decodeIfPresent(DurationSetting.self, forKey: .timeout) ?? d.timeout,
                caFile: try c.decodeIfPresent(String.self, forKey: .caFile),
                verifyCertificate: try c.decodeIfPresent(Bool.self, forKey: .verifyCertificate) ?? d.verifyCertificate)
        }

        /// Checks values; throws ``PluginError/misconfigured(_:)`` naming the first bad key.
        public func validate() throws(PluginError) {
            func bad(_ key: Keys, _ message: String) -> PluginError { .misconfigured("settings.\(key.stringValue): \(message)") }
            guard let parts = URLComponents(string: url), let scheme = parts.scheme?.lowercased(), ["smtp", "smtps"].contains(scheme),
                  let host = parts.host, !host.isEmpty
            else { throw bad(.url, "expected smtp://host[:port] or smtps://host[:port], got '\(url)'") }
            guard parts.path.isEmpty || parts.path == "/" else { throw bad(.url, "must not have a path (the EHLO name is `helo`)") }
            guard ["required", "try", "off"].contains(starttls) else { throw bad(.starttls, "expected required, try or off, got '\(starttls)'") }
            if scheme == "smtps", starttls == "off" { throw bad(.starttls, "smtps:// is TLS from the start; use required or try") }
            if (username == nil) != (password == nil) { throw bad(username == nil ? .username : .password, "username and password go together") }
            let label = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-."))
            for (key, value) in [(Keys.helo, helo), (.messageIDDomain, messageIDDomain)]
            where value.isEmpty || !value.unicodeScalars.allSatisfy({ $0.isASCII && label.contains($0) }) {
                throw bad(key, "expected a domain name such as hub.example.com, got '\(value)'")
            }
            guard timeout.duration > .zero else { throw bad(.timeout, "must be positive") }
            if let caFile, !FileManager.default.isReadableFile(atPath: caFile) { throw bad(.caFile, "cannot read '\(caFile)'") }
        }

        /// What the transport needs.
        var transportConfiguration: CurlSMTPTransport.Configuration {
            let base = url.hasSuffix("/") ? String(url.dropLast()) : url
            let useSSL = switch starttls {
            case "required": 3
            case "try": 1
            default: 0
            }
            return CurlSMTPTransport.Configuration(
                url: base + "/" + helo, useSSL: useSSL, username: username, password: password, timeout: timeout.duration,
                caFile: caFile, verifyPeer: verifyCertificate)
        }
    }
}
