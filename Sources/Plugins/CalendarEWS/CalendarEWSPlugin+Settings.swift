import Foundation
import HubCore
import HubPluginSupport

extension CalendarEWSPlugin {
    /// The `[settings]` table of a `calendar_ews` instance; see ``CalendarEWSPlugin/sampleConfig``.
    public struct Settings: PluginSettings, Equatable {
        /// EWS endpoint (`https://mail.example.com/EWS/Exchange.asmx`).
        public var url: String
        /// Service account holding the ApplicationImpersonation role (`DOMAIN\user` or UPN).
        public var username: String
        /// Its password (usually `password_env`).
        public var password: String
        /// `ntlm` (default) or `basic`.
        public var auth: String
        /// `RequestServerVersion` sent; Exchange2013 or later reports WorkingElsewhere.
        public var serverVersion: String
        /// Time between two reads of one mailbox.
        public var pollInterval: DurationSetting
        /// Days ahead the calendar window covers.
        public var lookaheadDays: Int
        /// `MaxEntriesReturned` of each CalendarView.
        public var maxEntries: Int
        /// Mailboxes read at the same time (keep below EWSMaxConcurrency, 27 by default).
        public var maxConcurrent: Int
        /// Whole-request timeout.
        public var requestTimeout: DurationSetting
        /// PEM file of CA certificates to trust for the Exchange server (an internal CA); nil = system store.
        public var caFile: String?

        /// Opt-in mode, keywords and activity mapping (keys shared by every calendar kind).
        public var policy = CalendarPolicySettings()

        /// Every key of the table: this kind's own and the shared policy keys.
        public typealias Keys = CalendarSettingsKey<OwnKeys>

        /// The keys only this kind has.
        public enum OwnKeys: String, CodingKey, CaseIterable {
            case url, username, password, auth
            case serverVersion = "server_version"
            case pollInterval = "poll_interval"
            case lookaheadDays = "lookahead_days"
            case maxEntries = "max_entries"
            case maxConcurrent = "max_concurrent"
            case requestTimeout = "request_timeout"
            case caFile = "ca_file"
        }

        /// Creates settings; defaults match the sample config.
        public init(
            url: String, username: String, password: String, auth: String = "ntlm", serverVersion: String = "Exchange2013",
            pollInterval: DurationSetting = .init(.seconds(300)), lookaheadDays: Int = 8, maxEntries: Int = 200,
            maxConcurrent: Int = 8, requestTimeout: DurationSetting = .init(.seconds(30)), caFile: String? = nil
        ) {
            self.url = url
            self.username = username
            self.password = password
            self.auth = auth
            self.serverVersion = serverVersion
            self.pollInterval = pollInterval
            self.lookaheadDays = lookaheadDays
            self.maxEntries = maxEntries
            self.maxConcurrent = maxConcurrent
            self.requestTimeout = requestTimeout
            self.caFile = caFile
        }

        /// Decodes the table; url, username and password are required.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: OwnKeys.self)
            let d = Settings(url: "", username: "", password: "")
            self.init(
                url: try c.decode(String.self, forKey: .url),
                username: try c.decode(String.self, forKey: .username),
                password: try c.decode(String.self, forKey: .password),
                auth: try c.decodeIfPresent(String.self, forKey: .auth) ?? d.auth,
                serverVersion: try c.decodeIfPresent(String.self, forKey: .serverVersion) ?? d.serverVersion,
                pollInterval: try c.decodeIfPresent(DurationSetting.self, forKey: .pollInterval) ?? d.pollInterval,
                lookaheadDays: try c.decodeIfPresent(Int.self, forKey: .lookaheadDays) ?? d.lookaheadDays,
                maxEntries: try c.decodeIfPresent(Int.self, forKey: .maxEntries) ?? d.maxEntries,
                maxConcurrent: try c.decodeIfPresent(Int.self, forKey: .maxConcurrent) ?? d.maxConcurrent,
                requestTimeout: try c.decodeIfPresent(DurationSetting.self, forKey: .requestTimeout) ?? d.requestTimeout,
                caFile: try c.decodeIfPresent(String.self, forKey: .caFile)
            )
            policy = try CalendarPolicySettings(from: decoder)
        }

        /// The credentials every request carries.
        public var httpAuth: HTTPAuth {
            auth == "basic" ? .basic(user: username, password: password) : .ntlm(user: username, password: password)
        }

        /// The sync engine's options from these settings.
        public func syncOptions() throws(PluginError) -> CalendarSyncOptions {
            try policy.syncOptions(pollInterval: pollInterval.duration, maxConcurrent: maxConcurrent, lookaheadDays: lookaheadDays)
        }

        /// Checks values; throws ``PluginError/misconfigured(_:)`` naming the first bad key.
        public func validate() throws(PluginError) {
            func bad(_ key: OwnKeys, _ message: String) -> PluginError { .misconfigured("settings.\(key.stringValue): \(message)") }
            guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""),
                parsed.host?.isEmpty == false
            else { throw bad(.url, "'\(url)' is not an http(s) URL") }
            if username.isEmpty { throw bad(.username, "must not be empty") }
            if password.isEmpty { throw bad(.password, "must not be empty (use password_env)") }
            if !["ntlm", "basic"].contains(auth) { throw bad(.auth, "'\(auth)' is not one of ntlm, basic") }
            if !serverVersion.hasPrefix("Exchange") { throw bad(.serverVersion, "'\(serverVersion)' is not an EWS version (e.g. Exchange2013)") }
            if !(10...1000).contains(maxEntries) { throw bad(.maxEntries, "must be between 10 and 1000") }
            try CalendarScheduleLimits(maxConcurrent: 1...27, concurrencyNote: " (EWSMaxConcurrency)").check(
                pollInterval: pollInterval.duration, lookaheadDays: lookaheadDays, maxConcurrent: maxConcurrent,
                requestTimeout: requestTimeout.duration)
            if caFile?.isEmpty == true { throw bad(.caFile, "must not be empty") }
            _ = try policy.policy()
        }
    }
}
