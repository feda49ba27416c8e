import Foundation
import HubCore
import HubPluginSupport

extension KannelSMSPlugin {
    /// The `[settings]` table of an `sms_kannel` instance; see ``KannelSMSPlugin/sampleConfig``.
    public struct Settings: PluginSettings, Equatable {
        /// smsbox's sendsms URL.
        public var sendsmsURL: String
        /// A `sendsms-user` username.
        public var username: String
        /// Its password (or ``passwordEnv``).
        public var password: String?
        /// Environment variable holding the password.
        public var passwordEnv: String?
        /// `GET` (parameters in the query) or `POST` (X-Kannel headers, text as body).
        public var method: String
        /// Kannel dlr-mask; 0 asks for no delivery reports.
        public var dlrMask: Int
        /// Where the callback listener binds (`127.0.0.1:13080`); nil for no listener.
        public var listen: String?
        /// The listener's base URL as Kannel reaches it; default `http://<listen>`.
        public var callbackURL: String?
        /// A token callbacks must carry (`&token=`), or nil.
        public var callbackToken: String?
        /// Environment variable holding the callback token.
        public var callbackTokenEnv: String?
        /// smsc-id to route through, or nil for Kannel's routing.
        public var smsc: String?
        /// Most SMS parts a message may need (keep at or below the sendsms-user's max-messages).
        public var maxParts: Int
        /// Timeout of one sendsms request.
        public var requestTimeout: DurationSetting
        /// Messages sent at the same time.
        public var maxInFlight: Int

        /// Every key of the table.
        public enum Keys: String, CodingKey, CaseIterable {
            case sendsmsURL = "sendsms_url"
            case username, password
            case passwordEnv = "password_env"
            case method
            case dlrMask = "dlr_mask"
            case listen
            case callbackURL = "callback_url"
            case callbackToken = "callback_token"
            case callbackTokenEnv = "callback_token_env"
            case smsc
            case maxParts = "max_parts"
            case requestTimeout = "request_timeout"
            case maxInFlight = "max_in_flight"
        }

        /// Creates settings; defaults match the sample config.
        public init(
            sendsmsURL: String = "http://127.0.0.1:13013/cgi-bin/sendsms", username: String, password: String? = nil,
            passwordEnv: String? = nil, method: String = "GET", dlrMask: Int = 31, listen: String? = nil,
            callbackURL: String? = nil, callbackToken: String? = nil, callbackTokenEnv: String? = nil, smsc: String? = nil,
            maxParts: Int = 5, requestTimeout: DurationSetting = .init(.seconds(10)), maxInFlight: Int = 4
        ) {
            self.sendsmsURL = sendsmsURL
            self.username = username
            self.password = password
            self.passwordEnv = passwordEnv
            self.method = method
            self.dlrMask = dlrMask
            self.listen = listen
            self.callbackURL = callbackURL
            self.callbackToken = callbackToken
            self.callbackTokenEnv = callbackTokenEnv
            self.smsc = smsc
            self.maxParts = maxParts
            self.requestTimeout = requestTimeout
            self.maxInFlight = maxInFlight
        }

        /// Decodes the table; only `username` and a password are required.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Keys.self)
            let d = Settings(username: "")
            self.init(
                sendsmsURL: try c.decodeIfPresent(String.self, forKey: .sendsmsURL) ?? d.sendsmsURL,
                username: try c.decode(String.self, forKey: .username),
                password: try c.decodeIfPresent(String.self, forKey: .password),
                passwordEnv: try c.decodeIfPresent(String.self, forKey: .passwordEnv),
                method: try c.decodeIfPresent(String.self, forKey: .method) ?? d.method,
                dlrMask: try c.decodeIfPresent(Int.self, forKey: .dlrMask) ?? d.dlrMask,
                listen: try c.decodeIfPresent(String.self, forKey: .listen),
                callbackURL: try c.decodeIfPresent(String.self, forKey: .callbackURL),
                callbackToken: try c.decodeIfPresent(String.self, forKey: .callbackToken),
                callbackTokenEnv: try c.decodeIfPresent(String.self, forKey: .callbackTokenEnv),
                smsc: try c.decodeIfPresent(String.self, forKey: .smsc),
                maxParts: try c.decodeIfPresent(Int.self, forKey: .maxParts) ?? d.maxParts,
                requestTimeout: try c.decodeIfPresent(DurationSetting.self, forKey: .requestTimeout) ?? d.requestTimeout,
                maxInFlight: try c.decodeIfPresent(Int.self, forKey: .maxInFlight) ?? d.maxInFlight
            )
        }

        /// Checks values and resolves secrets; throws ``PluginError/misconfigured(_:)`` naming the first bad key.
        func resolve(environment: [String: String]) throws(PluginError) -> KannelConfig {
            func bad(_ key: Keys, _ message: String) -> PluginError { .misconfigured("settings.\(key.stringValue): \(message)") }
            guard HTTPURLCheck.isHTTP(sendsmsURL), !sendsmsURL.contains("?") else {
                throw bad(.sendsmsURL, "'\(sendsmsURL)' is not an http(s) URL without a query")
            }
            if username.isEmpty { throw bad(.username, "must not be empty") }
            guard let secret = try SecretSetting.resolve(value: password, variable: passwordEnv, key: "password", environment: environment)
            else { throw bad(.password, "give password or password_env") }
            let method = method.uppercased()
            guard method == "GET" || method == "POST" else { throw bad(.method, "'\(self.method)' is not GET or POST") }
            if !(0...31).contains(dlrMask) { throw bad(.dlrMask, "must be between 0 and 31 (1+2+4+8+16)") }
            let address = try listen.map { text throws(PluginError) -> ListenAddress in
                guard let address = ListenAddress(parsing: text) else { throw bad(.listen, "'\(text)' is not host:port") }
                return address
            }
            if dlrMask > 0 && address == nil { throw bad(.dlrMask, "delivery reports need settings.listen (or set dlr_mask = 0)") }
            if let callbackURL, !HTTPURLCheck.isHTTP(callbackURL) || callbackURL.contains("?") {
                throw bad(.callbackURL, "'\(callbackURL)' is not an http(s) URL without a query")
            }
            if callbackURL != nil && address == nil { throw bad(.callbackURL, "needs settings.listen") }
            let token = try SecretSetting.resolve(value: callbackToken, variable: callbackTokenEnv, key: "callback_token", environment: environment)
            if token?.isEmpty == true { throw bad(.callbackToken, "must not be empty") }
            if smsc?.isEmpty == true { throw bad(.smsc, "must not be empty") }
            if !(1...255).contains(maxParts) { throw bad(.maxParts, "must be between 1 and 255") }
            if !(Duration.seconds(1)...Duration.seconds(300)).contains(requestTimeout.duration) {
                throw bad(.requestTimeout, "must be between 1s and 5m")
            }
            if !(1...64).contains(maxInFlight) { throw bad(.maxInFlight, "must be between 1 and 64") }
            return KannelConfig(
                sendsmsURL: sendsmsURL, username: username, password: secret, usePost: method == "POST", dlrMask: dlrMask,
                listen: address, callbackURL: callbackURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 },
                callbackToken: token, smsc: smsc, maxParts: maxParts, timeout: requestTimeout.duration)
        }
    }
}
