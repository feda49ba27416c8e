import Foundation
import HubCore
import HubPluginSupport

extension CalendarDominoPlugin {
    /// The `[settings]` table of a `calendar_domino` instance; see ``CalendarDominoPlugin/sampleConfig``.
    public struct Settings: PluginSettings, Equatable {
        /// The Domino HTTP server (`https://mail.example.com`) for DAS, or the Domino REST API
        /// (`https://mail.example.com:8880`) for DRAPI.
        public var url: String
        /// Which API reads calendars: `das` (Domino Access Services, Basic auth) or `drapi` (Domino REST
        /// API PIM calendar, JWT from `/api/v1/auth`).
        public var api: String
        /// DRAPI only: the scope asked for at login (`MAIL` gives the PIM calendar API).
        public var scope: String
        /// Service account (Notes user name or internet address) with Reader access to the users' mail files.
        public var username: String
        /// Its internet password (usually `password_env`).
        public var password: String
        /// IANA zone of whole-day entries and of times DAS sends without `utc`.
        public var timeZone: String
        /// PEM file of CA certificates to trust for the Domino server; nil = system store.
        public var caFile: String?
        /// DAS only: events per request (`count`); further pages follow with `start`.
        public var pageSize: Int
        /// Time between two reads of one mail file.
        public var pollInterval: DurationSetting
        /// Days ahead of today the calendar window covers.
        public var lookaheadDays: Int
        /// Mail files read at the same time.
        public var maxConcurrent: Int
        /// Whole-request timeout.
        public var requestTimeout: DurationSetting
        /// Opt-in mode, keywords and activity mapping (keys shared by every calendar kind).
        public var policy = CalendarPolicySettings()

        /// Most pages read per mail file and fetch.
        public var maxPages: Int { 100 }

        /// Every key of the table: this kind's own and the shared policy keys.
        public typealias Keys = CalendarSettingsKey<OwnKeys>

        /// The keys only this kind has.
        public enum OwnKeys: String, CodingKey, CaseIterable {
            case url, api, username, password, scope
            case timeZone = "time_zone"
            case caFile = "ca_file"
            case pageSize = "page_size"
            case pollInterval = "poll_interval"
            case lookaheadDays = "lookahead_days"
            case maxConcurrent = "max_concurrent"
            case requestTimeout = "request_timeout"
        }

        /// Creates settings; defaults match the sample config.
        public init(
            url: String, api: String = "das", username: String, password: String, scope: String = "MAIL", timeZone: String = "UTC",
            caFile: String? = nil, pageSize: Int = 100, pollInterval: DurationSetting = .init(.seconds(300)), lookaheadDays: Int = 8, maxConcurrent: Int = 8,
            requestTimeout: DurationSetting = .init(.seconds(30))
        ) {
            self.url = url
            self.api = api
            self.username = username
            self.password = password
            self.scope = scope
            self.timeZone = timeZone
            self.caFile = caFile
            self.pageSize = pageSize
            self.pollInterval = pollInterval
            self.lookaheadDays = lookaheadDays
            self.maxConcurrent = maxConcurrent
            self.requestTimeout = requestTimeout
        }

        /// Decodes the table; url, username and password are required.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: OwnKeys.self)
            let d = Settings(url: "", username: "", password: "")
            self.init(
                url: try c.decode(String.self, forKey: .url),
                api: try c.decodeIfPresent(String.self, forKey: .api) ?? d.api,
                username: try c.decode(String.self, forKey: .username),
                password: try c.decode(String.self, forKey: .password),
                scope: try c.decodeIfPresent(String.self, forKey: .scope) ?? d.scope,
                timeZone: try c.decodeIfPresent(String.self, forKey: .timeZone) ?? d.timeZone,
                caFile: try c.decodeIfPresent(String.self, forKey: .caFile),
                pageSize: try c.decodeIfPresent(Int.self, forKey: .pageSize) ?? d.pageSize,
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

        /// Whether calendars are read through the Domino REST API rather than DAS.
        public var usesDRAPI: Bool { api == "drapi" }

        /// `url` without a trailing slash.
        var baseURL: String { url.hasSuffix("/") ? String(url.dropLast()) : url }

        /// Checks values; throws ``PluginError/misconfigured(_:)`` naming the first bad key.
        public func validate() throws(PluginError) {
            func bad(_ key: OwnKeys, _ message: String) -> PluginError { .misconfigured("settings.\(key.stringValue): \(message)") }
            guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""),
                parsed.host?.isEmpty == false, parsed.query == nil
            else { throw bad(.url, "'\(url)' is not an http(s) URL of the Domino server") }
            if !["das", "drapi"].contains(api) { throw bad(.api, "'\(api)' is not one of das, drapi") }
            if scope.trimmingCharacters(in: .whitespaces).isEmpty { throw bad(.scope, "must not be empty (MAIL reads calendars)") }
            if username.isEmpty { throw bad(.username, "must not be empty") }
            if password.isEmpty { throw bad(.password, "must not be empty (use password_env)") }
            if TimeZone(identifier: timeZone) == nil { throw bad(.timeZone, "'\(timeZone)' is not an IANA time zone (e.g. Europe/Stockholm)") }
            if caFile?.isEmpty == true { throw bad(.caFile, "must not be empty") }
            if !(10...1000).contains(pageSize) { throw bad(.pageSize, "must be between 10 and 1000") }
            try CalendarScheduleLimits().check(
                pollInterval: pollInterval.duration, lookaheadDays: lookaheadDays, maxConcurrent: maxConcurrent,
                requestTimeout: requestTimeout.duration)
            _ = try policy.policy()
        }
    }
}
