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

        /// Every key of the table.
        public enum Keys: String, CodingKey, CaseIterable {
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
            case optIn = "opt_in"
            case keywords
            case activityBusy = "activity_busy"
            case activityOutOfOffice = "activity_out_of_office"
            case activityTentative = "activity_tentative"
            case activityWorkingElsewhere = "activity_working_elsewhere"
            case publishSubjects = "publish_subjects"
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
            let c = try decoder.container(keyedBy: Keys.self)
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
            policy = CalendarPolicySettings(
                optIn: try c.decodeIfPresent(String.self, forKey: .optIn),
                keywords: try c.decodeIfPresent([String].self, forKey: .keywords),
                activityBusy: try c.decodeIfPresent(String.self, forKey: .activityBusy),
                activityOutOfOffice: try c.decodeIfPresent(String.self, forKey: .activityOutOfOffice),
                activityTentative: try c.decodeIfPresent(String.self, forKey: .activityTentative),
                activityWorkingElsewhere: try c.decodeIfPresent(String.self, forKey: .activityWorkingElsewhere),
                publishSubjects: try c.decodeIfPresent(Bool.self, forKey: .publishSubjects))
        }

        /// The sync engine's options from these settings.
        public func syncOptions() throws(PluginError) -> CalendarSyncOptions {
            CalendarSyncOptions(
                policy: try policy.policy(), pollInterval: pollInterval.duration, maxConcurrentPerServer: maxConcurrent,
                lookaheadDays: lookaheadDays)
        }

        /// Checks values; throws ``PluginError/misconfigured(_:)`` naming the first bad key.
        public func validate() throws(PluginError) {
            func bad(_ key: Keys, _ message: String) -> PluginError { .misconfigured("settings.\(key.stringValue): \(message)") }
            if tenantID.isEmpty || tenantID.contains("/") { throw bad(.tenantID, "must be a tenant id or domain") }
            if clientID.isEmpty { throw bad(.clientID, "must not be empty") }
            if clientSecret.isEmpty { throw bad(.clientSecret, "must not be empty (use client_secret_env)") }
            for (key, url) in [(Keys.tokenURL, tokenURL), (.graphURL, graphURL)] where !Self.isHTTPURL(url) {
                throw bad(key, "'\(url)' is not an http(s) URL")
            }
            if scope.isEmpty { throw bad(.scope, "must not be empty") }
            if pollInterval.duration < .seconds(10) { throw bad(.pollInterval, "must be at least 10s") }
            if !(1...62).contains(lookaheadDays) { throw bad(.lookaheadDays, "must be between 1 and 62") }
            if !(1...64).contains(maxConcurrent) { throw bad(.maxConcurrent, "must be between 1 and 64") }
            if requestTimeout.duration < .seconds(1) || requestTimeout.duration > .seconds(300) {
                throw bad(.requestTimeout, "must be between 1s and 300s")
            }
            _ = try policy.policy()
        }

        /// Whether `text` is an absolute http(s) URL with a host.
        static func isHTTPURL(_ text: String) -> Bool {
            guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), url.host?.isEmpty == false else { return false }
            return scheme == "https" || scheme == "http"
        }
    }
}

extension CalendarGraphPlugin.Settings {
    /// The HTTP client's configuration.
    var httpConfiguration: CurlHTTPClient.Configuration {
        CurlHTTPClient.Configuration(connectTimeout: .seconds(10), maxConnectionsPerHost: maxConcurrent + 1)
    }
}
