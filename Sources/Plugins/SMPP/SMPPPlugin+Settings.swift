import Foundation
import HubCore
import HubPluginSupport

extension SMPPPlugin {
    /// The `[settings]` table of an `sms_smpp` instance; see ``SMPPPlugin/sampleConfig`` for each key.
    public struct Settings: PluginSettings, Equatable {
        /// SMSC host name or address.
        public var host: String
        /// SMSC TCP port.
        public var port: Int
        /// `system_id` of the bind (max 15 characters).
        public var systemID: String
        /// Name of the environment variable holding the bind password (max 8 characters).
        public var passwordEnv: String
        /// `system_type` of the bind (max 12 characters).
        public var systemType: String
        /// submit_sm requests outstanding at once.
        public var window: Int
        /// Time between enquire_link keep-alives.
        public var enquireLinkInterval: DurationSetting
        /// How long a request waits for its response before the connection is considered dead.
        public var responseTimeout: DurationSetting
        /// TCP connect timeout.
        public var connectTimeout: DurationSetting
        /// First reconnect delay; doubles up to `reconnectMaxDelay`.
        public var reconnectInitialDelay: DurationSetting
        /// Longest reconnect delay.
        public var reconnectMaxDelay: DurationSetting
        /// Pause after ESME_RTHROTTLED or ESME_RMSGQFUL before submitting again.
        public var throttleDelay: DurationSetting
        /// Resends of a throttled part before the outbox is asked to retry later.
        public var throttleRetries: Int
        /// Whether receipts are requested (registered_delivery) for messages that want one.
        public var deliveryReports: Bool
        /// How long parts of a concatenated incoming SMS wait for the rest.
        public var incomingPartTimeout: DurationSetting

        /// Every key of the table.
        public enum Keys: String, CodingKey, CaseIterable {
            case host, port
            case systemID = "system_id"
            case passwordEnv = "password_env"
            case systemType = "system_type"
            case window
            case enquireLinkInterval = "enquire_link_interval"
            case responseTimeout = "response_timeout"
            case connectTimeout = "connect_timeout"
            case reconnectInitialDelay = "reconnect_initial_delay"
            case reconnectMaxDelay = "reconnect_max_delay"
            case throttleDelay = "throttle_delay"
            case throttleRetries = "throttle_retries"
            case deliveryReports = "delivery_reports"
            case incomingPartTimeout = "incoming_part_timeout"
        }

        /// Creates settings; defaults match the sample config.
        public init(
            host: String, port: Int = 2775, systemID: String, passwordEnv: String, systemType: String = "", window: Int = 10,
            enquireLinkInterval: DurationSetting = .init(.seconds(30)), responseTimeout: DurationSetting = .init(.seconds(10)),
            connectTimeout: DurationSetting = .init(.seconds(10)), reconnectInitialDelay: DurationSetting = .init(.seconds(1)),
            reconnectMaxDelay: DurationSetting = .init(.seconds(60)), throttleDelay: DurationSetting = .init(.seconds(1)),
            throttleRetries: Int = 5, deliveryReports: Bool = true, incomingPartTimeout: DurationSetting = .init(.seconds(600))
        ) {
            self.host = host
            self.port = port
            self.systemID = systemID
            self.passwordEnv = passwordEnv
            self.systemType = systemType
            self.window = window
            self.enquireLinkInterval = enquireLinkInterval
            self.responseTimeout = responseTimeout
            self.connectTimeout = connectTimeout
            self.reconnectInitialDelay = reconnectInitialDelay
            self.reconnectMaxDelay = reconnectMaxDelay
            self.throttleDelay = throttleDelay
            self.throttleRetries = throttleRetries
            self.deliveryReports = deliveryReports
            self.incomingPartTimeout = incomingPartTimeout
        }

        /// Decodes the table; `host`, `system_id` and `password_env` are required.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Keys.self)
            let d = Settings(host: "", systemID: "", passwordEnv: "")
            func duration(_ key: Keys, _ fallback: DurationSetting) throws -> DurationSetting {
                try c.decodeIfPresent(DurationSetting.self, forKey: key) ?? fallback
            }
            self.init(
                host: try c.decode(String.self, forKey: .host),
                port: try c.decodeIfPresent(Int.self, forKey: .port) ?? d.port,
                systemID: try c.decode(String.self, forKey: .systemID),
                passwordEnv: try c.decode(String.self, forKey: .passwordEnv),
                systemType: try c.decodeIfPresent(String.self, forKey: .systemType) ?? d.systemType,
                window: try c.decodeIfPresent(Int.self, forKey: .window) ?? d.window,
                enquireLinkInterval: try duration(.enquireLinkInterval, d.enquireLinkInterval),
                responseTimeout: try duration(.responseTimeout, d.responseTimeout),
                connectTimeout: try duration(.connectTimeout, d.connectTimeout),
                reconnectInitialDelay: try duration(.reconnectInitialDelay, d.reconnectInitialDelay),
                reconnectMaxDelay: try duration(.reconnectMaxDelay, d.reconnectMaxDelay),
                throttleDelay: try duration(.throttleDelay, d.throttleDelay),
                throttleRetries: try c.decodeIfPresent(Int.self, forKey: .throttleRetries) ?? d.throttleRetries,
                deliveryReports: try c.decodeIfPresent(Bool.self, forKey: .deliveryReports) ?? d.deliveryReports,
                incomingPartTimeout: try duration(.incomingPartTimeout, d.incomingPartTimeout)
            )
        }

        /// Checks values; throws ``PluginError/misconfigured(_:)`` naming the first bad key.
        public func validate() throws(PluginError) {
            func bad(_ key: Keys, _ message: String) -> PluginError { .misconfigured("settings.\(key.stringValue): \(message)") }
            if host.isEmpty { throw bad(.host, "must not be empty") }
            if !(1...65_535).contains(port) { throw bad(.port, "must be between 1 and 65535") }
            if systemID.isEmpty || systemID.utf8.count > 15 { throw bad(.systemID, "must be 1 to 15 characters") }
            if systemType.utf8.count > 12 { throw bad(.systemType, "must be at most 12 characters") }
            let envName = passwordEnv.utf8
            if envName.isEmpty || envName.contains(where: { !($0 == 0x5F || (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0)) }) {
                throw bad(.passwordEnv, "'\(passwordEnv)' is not an environment variable name")
            }
            if !(1...100).contains(window) { throw bad(.window, "must be between 1 and 100") }
            if !(0...100).contains(throttleRetries) { throw bad(.throttleRetries, "must be between 0 and 100") }
            let positive: [(Keys, DurationSetting)] = [
                (.enquireLinkInterval, enquireLinkInterval), (.responseTimeout, responseTimeout), (.connectTimeout, connectTimeout),
                (.reconnectInitialDelay, reconnectInitialDelay), (.reconnectMaxDelay, reconnectMaxDelay),
                (.incomingPartTimeout, incomingPartTimeout),
            ]
            if let (key, _) = positive.first(where: { $0.1.duration <= .zero }) { throw bad(key, "must be longer than 0") }
            if reconnectMaxDelay.duration < reconnectInitialDelay.duration {
                throw bad(.reconnectMaxDelay, "must not be shorter than reconnect_initial_delay")
            }
        }

        /// The bind password from the environment variable `password_env`.
        public func password(environment: [String: String] = ProcessInfo.processInfo.environment) throws(PluginError) -> String {
            guard let password = environment[passwordEnv] else {
                throw .misconfigured("settings.password_env: environment variable \(passwordEnv) is not set")
            }
            guard password.utf8.count <= 8 else {
                throw .misconfigured("settings.password_env: the password in \(passwordEnv) is longer than SMPP's 8 characters")
            }
            return password
        }
    }
}
