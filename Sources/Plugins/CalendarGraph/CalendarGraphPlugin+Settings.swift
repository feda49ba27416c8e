import Foundation
import HubCore
import HubPluginSupport

extension CalendarGraphPlugin {
    /// The `[settings]` table of a `calendar_graph` instance; see ``CalendarGraphPlugin/sampleConfig``.
    public struct Settings: PluginSettings, Equatable {
        /// Directory (tenant) id or verified domain of the customer's Microsoft Entra tenant.
        public var tenantID: String
        /// Application (client) id of the app registration.
        public var clientID: String
        /// Client secret of the app registration (usually `client_secret_env`).
        public var clientSecret: String
        /// Base of the token endpoint; `{tenant}/oauth2/v2.0/token` is appended.
        public var tokenURL: String
        /// Graph API base including the version.
        public var graphURL: String
        /// OAuth scope asked for.
        public var scope: String
        /// Time between two reads of one mailbox.
        public var pollInterval: DurationSetting
        /// Days ahead of today the calendar window covers.
        public var lookaheadDays: Int
        /// Mailboxes read at the same time.
        public var maxConcurrent: Int
        /// Whole-request timeout.
        public var requestTimeout: DurationSetting
        /// Most pages followed in one delta round.
        public var maxPages: Int { 500 }

        /// Opt-in mode, keywords and activity mapping (keys shared by every calendar kind).
        public var policy = CalendarPolicySettings()

        /// Every key of the table: this kind's own and the shared policy keys.
        public typealias Keys = CalendarSettingsKey<OwnKeys>

        /// The keys only this kind has.
        public enum OwnKeys: String, CodingKey, CaseIterable {
            case tenantID = "tenant_id"
            case clientID = "client_id"
            case clientSecret = "client_secret"
            case tokenURL = "token_url"
            case graphURL = "graph_url"
            case scope
            case pollInterval = "poll_interval"
            case lookaheadDays = "lookahead_days"
            case maxConcurrent = "max_concurrent"
            case requestTimeout = "request_timeout"
        }

        /// Creates settings; defaults match the sample config.
        public init(
            tenantID: String, clientID: String, clientSecret: String, tokenURL: String = "https://login.microsoftonline.com",
            graphURL: String = "https://graph.microsoft.com/v1.0", scope: String = "https://graph.microsoft.com/.default",
            pollInterval: DurationSetting = .init(.seconds(300)), lookaheadDays: Int = 8, maxConcurrent: Int = 4,
            requestTimeout: DurationSetting = .init(.seconds(30))
        ) {
            self.tenantID = tenantID
            self.clientID = clientID
            self.clientSecret = clientSecret
            self.tokenURL = tokenURL
            self.graphURL = graphURL
            self.scope = scope
            self.pollInterval = pollInterval
            self.lookaheadDays = lookaheadDays
            self.maxConcurrent = maxConcurrent
            self.requestTimeout = requestTimeout
        }

        /// Decodes the table; tenant, client id and secret are required.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: OwnKeys.self)
            let d = Settings(tenantID: "", clientID: "", clientSecret: "")
            self.init(
                tenantID: try c.decode(String.self, forKey: .tenantID),
                clientID: try c.decode(String.self, forKey: .clientID),
                clientSecret: try c.decode(String.self, forKey: .clientSecret),
                tokenURL: try c.decodeIfPresent(String.self, forKey: .tokenURL) ?? d.tokenURL,
                graphURL: try c.decodeIfPresent(String.self, forKey: .graphURL) ?? d.graphURL,
                scope: try c.decodeIfPresent(String.self, forKey: .scope) ?? d.scope,
                pollInterval: try c.decodeIfPresent(DurationSetting.self, forKey: .pollInterval) ?? d.pollInterval,
                lookaheadDays: try c.decodeIfPresent(Int.self, forKey: .lookaheadDays) ?? d.lookaheadDays,
                maxConcurrent: try c.decodeIfPresent(Int.self, forKey: .maxConcurrent) ?? d.maxConcurrent,
                requestTimeout: try c.decodeIfPresent(DurationSetting.self, forKey: .requestTimeout) ?? d.requestTimeout
            )
            policy = try CalendarPolicySettings(from: decoder)
        }

        /// The sync engine's options from these settings.
        public func syncOptions() throws(PluginError) -> CalendarSyncOptions {
            try policy.syncOptions(pollInterval: pollInterval.duration, maxConcurrent: maxConcurrent, lookaheadDays: lookaheadDays)
        }

        /// Checks values; throws ``PluginError/misconfigured(_:)`` naming the first bad key.
        public func validate() throws(PluginError) {
            func bad(_ key: OwnKeys, _ message: String) -> PluginError { .misconfigured("settings.\(key.stringValue): \(message)") }
            if tenantID.isEmpty || tenantID.contains("/") { throw bad(.tenantID, "must be a tenant id or domain") }
            if clientID.isEmpty { throw bad(.clientID, "must not be empty") }
            if clientSecret.isEmpty { throw bad(.clientSecret, "must not be empty (use client_secret_env)") }
            for (key, url) in [(OwnKeys.tokenURL, tokenURL), (.graphURL, graphURL)] where !Self.isHTTPURL(url) {
                throw bad(key, "'\(url)' is not an http(s) URL")
            }
            if scope.isEmpty { throw bad(.scope, "must not be empty") }
            try CalendarScheduleLimits().check(
                pollInterval: pollInterval.duration, lookaheadDays: lookaheadDays, maxConcurrent: maxConcurrent,
                requestTimeout: requestTimeout.duration)
            _ = try policy.policy()
        }

        /// Whether `text` is an absolute http(s) URL with a host.
        static func isHTTPURL(_ text: String) -> Bool {
            guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), url.host?.isEmpty == false else { return false }
            return scheme == "https" || scheme == "http"
        }
    }
}
