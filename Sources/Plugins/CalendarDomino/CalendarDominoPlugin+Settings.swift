import Foundation
import HubCore
import HubPluginSupport

extension CalendarDominoPlugin {
    /// The `[settings]` table of a `calendar_domino` instance; see ``CalendarDominoPlugin/sampleConfig``.
    public struct Settings: PluginSettings, Equatable {
        /// The Domino HTTP server (`https://mail.example.com`); mail file paths are appended.
        public var url: String
        /// Service account (Notes user name or internet address) with Reader access to the users' mail files.
        public var username: String
        /// Its internet password (usually `password_env`).
        public var password: String
        /// IANA zone of whole-day entries and of times DAS sends without `utc`.
        public var timeZone: String
        /// PEM file of CA certificates to trust for the Domino server; nil = system store.
        public var caFile: String?
        /// Events per request (`count`); further pages follow with `start`.
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

        /// Every key of the table.
        public enum Keys: String, CodingKey, CaseIterable {
            case url, username, password
            case timeZone = "time_zone"
            case caFile = "ca_file"
            case pageSize = "page_size"
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
            url: String, username: String, password: String, timeZone: String = "UTC", caFile: String? = nil, pageSize: Int = 100,
            pollInterval: DurationSetting = .init(.seconds(300)), lookaheadDays: Int = 8, maxConcurrent: Int = 8,
            requestTimeout: DurationSetting = .init(.seconds(30))
        ) {
            self.url = url
            self.username = username
            self.password = password
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
            let c = try decoder.container(keyedBy: Keys.self)
            let d = Settings(url: "", username: "", password: "")
            self.init(
                url: try c.decode(String.self, forKey: .url),
                username: try c.decode(String.self, forKey: .username),
                password: try c.decode(String.self, forKey: .password),
                timeZone: try c.decodeIfPresent(String.self, forKey: .timeZone) ?? d.timeZone,
                caFile: try c.decodeIfPresent(String.self, forKey: .caFile),
                pageSize: try c.decodeIfPresent(Int.self, forKey: .pageSize) ?? d.pageSize,
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

        /// The HTTP client's configuration.
        var httpConfiguration: CurlHTTPClient.Configuration {
            CurlHTTPClient.Configuration(connectTimeout: .seconds(10), caFile: caFile, maxConnectionsPerHost: maxConcurrent + 1)
        }

        /// Checks values; throws ``PluginError/misconfigured(_:)`` naming the first bad key.
        public func validate() throws(PluginError) {
            func bad(_ key: Keys, _ message: String) -> PluginError { .misconfigured("settings.\(key.stringValue): \(message)") }
            guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""),
                parsed.host?.isEmpty == false, parsed.query == nil
            else { throw bad(.url, "'\(url)' is not an http(s) URL of the Domino server") }
            if username.isEmpty { throw bad(.username, "must not be empty") }
            if password.isEmpty { throw bad(.password, "must not be empty (use password_env)") }
            if TimeZone(identifier: timeZone) == nil { throw bad(.timeZone, "'\(timeZone)' is not an IANA time zone (e.g. Europe/Stockholm)") }
            if caFile?.isEmpty == true { throw bad(.caFile, "must not be empty") }
            if !(10...1000).contains(pageSize) { throw bad(.pageSize, "must be between 10 and 1000") }
            if pollInterval.duration < .seconds(10) { throw bad(.pollInterval, "must be at least 10s") }
            if !(1...62).contains(lookaheadDays) { throw bad(.lookaheadDays, "must be between 1 and 62") }
            if !(1...64).contains(maxConcurrent) { throw bad(.maxConcurrent, "must be between 1 and 64") }
            if requestTimeout.duration < .seconds(1) || requestTimeout.duration > .seconds(300) {
                throw bad(.requestTimeout, "must be between 1s and 300s")
            }
            _ = try policy.policy()
        }
    }
}
