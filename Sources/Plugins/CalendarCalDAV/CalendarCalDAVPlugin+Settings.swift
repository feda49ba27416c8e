import Foundation
import HubCore
import HubPluginSupport

extension CalendarCalDAVPlugin {
    /// The `[settings]` table of a `calendar_caldav` instance; see ``CalendarCalDAVPlugin/sampleConfig``.
    public struct Settings: PluginSettings, Equatable {
        /// Collection URL template: `{user}` is the user's calendar address, `{local}` its part before `@`.
        public var calendarURL: String
        /// Service account name (HTTP Basic).
        public var username: String
        /// The service account's password (the instance file can give `password_env` instead: the hub
        /// then reads it from that environment variable).
        public var password: String?
        /// File holding the service account's password (first line).
        public var passwordFile: String?
        /// IANA zone for all-day and floating entries.
        public var timeZone: String
        /// Time between two change checks (sync-collection) per user.
        public var pollInterval: DurationSetting
        /// Time after which a user's calendar is read in full again (calendar-query).
        public var fullResyncInterval: DurationSetting
        /// Whole days ahead of today that are read.
        public var lookaheadDays: Int
        /// Calendars read at the same time.
        public var maxConcurrent: Int
        /// Whole-request timeout.
        public var requestTimeout: DurationSetting
        /// CA bundle (PEM) for servers with a private CA.
        public var caFile: String?
        /// HTTP proxy URL.
        public var proxy: String?
        /// Opt-in mode, keywords and activity mapping (keys shared by every calendar kind).
        var policy = CalendarPolicySettings()

        /// Every key of the table: this kind's own and the shared policy keys.
        public typealias Keys = CalendarSettingsKey<OwnKeys>

        /// The keys only this kind has.
        public enum OwnKeys: String, CodingKey, CaseIterable {
            case calendarURL = "calendar_url"
            case username
            case password
            case passwordFile = "password_file"
            case timeZone = "time_zone"
            case pollInterval = "poll_interval"
            case fullResyncInterval = "full_resync_interval"
            case lookaheadDays = "lookahead_days"
            case maxConcurrent = "max_concurrent"
            case requestTimeout = "request_timeout"
            case caFile = "ca_file"
            case proxy
        }

        /// Creates settings; defaults match the sample config.
        public init(
            calendarURL: String, username: String, password: String? = nil, passwordFile: String? = nil,
            timeZone: String = "Europe/Helsinki", pollInterval: DurationSetting = .init(.seconds(60)),
            fullResyncInterval: DurationSetting = .init(.seconds(3600)), lookaheadDays: Int = 8, maxConcurrent: Int = 4,
            requestTimeout: DurationSetting = .init(.seconds(30)), caFile: String? = nil, proxy: String? = nil
        ) {
            self.calendarURL = calendarURL
            self.username = username
            self.password = password
            self.passwordFile = passwordFile
            self.timeZone = timeZone
            self.pollInterval = pollInterval
            self.fullResyncInterval = fullResyncInterval
            self.lookaheadDays = lookaheadDays
            self.maxConcurrent = maxConcurrent
            self.requestTimeout = requestTimeout
            self.caFile = caFile
            self.proxy = proxy
        }

        /// Decodes the table; `calendar_url`, `username` and one of `password`/`password_file` are required.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: OwnKeys.self)
            let d = Settings(calendarURL: "", username: "")
            self.init(
                calendarURL: try c.decode(String.self, forKey: .calendarURL),
                username: try c.decode(String.self, forKey: .username),
                password: try c.decodeIfPresent(String.self, forKey: .password),
                passwordFile: try c.decodeIfPresent(String.self, forKey: .passwordFile),
                timeZone: try c.decodeIfPresent(String.self, forKey: .timeZone) ?? d.timeZone,
                pollInterval: try c.decodeIfPresent(DurationSetting.self, forKey: .pollInterval) ?? d.pollInterval,
                fullResyncInterval: try c.decodeIfPresent(DurationSetting.self, forKey: .fullResyncInterval) ?? d.fullResyncInterval,
                lookaheadDays: try c.decodeIfPresent(Int.self, forKey: .lookaheadDays) ?? d.lookaheadDays,
                maxConcurrent: try c.decodeIfPresent(Int.self, forKey: .maxConcurrent) ?? d.maxConcurrent,
                requestTimeout: try c.decodeIfPresent(DurationSetting.self, forKey: .requestTimeout) ?? d.requestTimeout,
                caFile: try c.decodeIfPresent(String.self, forKey: .caFile),
                proxy: try c.decodeIfPresent(String.self, forKey: .proxy))
            policy = try CalendarPolicySettings(from: decoder)
        }

        /// The sync engine's options: policy plus scheduling.
        public func options() throws(PluginError) -> CalendarSyncOptions {
            var options = try policy.syncOptions(pollInterval: pollInterval.duration, maxConcurrent: maxConcurrent, lookaheadDays: lookaheadDays)
            options.fullResyncInterval = fullResyncInterval.duration
            return options
        }

        /// Checks values; throws ``PluginError/misconfigured(_:)`` naming the first bad key.
        public func validate() throws(PluginError) {
            func bad(_ key: OwnKeys, _ message: String) -> PluginError { .misconfigured("settings.\(key.stringValue): \(message)") }
            let lower = calendarURL.lowercased()
            guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), URL(string: CalendarURLTemplate.sampleExpansion(calendarURL)) != nil else {
                throw bad(.calendarURL, "'\(calendarURL)' is not an http(s) URL")
            }
            guard calendarURL.contains("{user}") || calendarURL.contains("{local}") else {
                throw bad(.calendarURL, "must contain {user} or {local} so each user gets their own calendar")
            }
            if username.isEmpty { throw bad(.username, "must not be empty") }
            switch (password, passwordFile) {
            case (nil, nil): throw bad(.password, "set password (or password_env) or password_file")
            case (.some, .some): throw bad(.password, "set only one of password and password_file")
            case let (secret?, nil) where secret.isEmpty: throw bad(.password, "must not be empty")
            case let (nil, file?) where file.isEmpty: throw bad(.passwordFile, "must not be empty")
            default: break
            }
            if TimeZone(identifier: timeZone) == nil { throw bad(.timeZone, "'\(timeZone)' is not an IANA time zone (e.g. Europe/Helsinki)") }
            try CalendarScheduleLimits(pollInterval: .seconds(5)...(.seconds(3600)), pollRule: "must be between 5s and 1h").check(
                pollInterval: pollInterval.duration, lookaheadDays: lookaheadDays, maxConcurrent: maxConcurrent,
                requestTimeout: requestTimeout.duration)
            if fullResyncInterval.duration < pollInterval.duration { throw bad(.fullResyncInterval, "must not be shorter than poll_interval") }
            if caFile?.isEmpty == true { throw bad(.caFile, "must not be empty") }
            if let proxy, URL(string: proxy)?.scheme == nil { throw bad(.proxy, "'\(proxy)' is not a URL") }
            _ = try policy.policy()
        }

        /// The service account's password, from the settings or the first line of `password_file`;
        /// throws `.misconfigured` naming the file when it cannot be read.
        public func resolvedPassword() throws(PluginError) -> String {
            if let password { return password }
            guard let passwordFile, let text = try? String(contentsOfFile: passwordFile, encoding: .utf8),
                let line = text.split(whereSeparator: \.isNewline).first, !line.isEmpty
            else { throw .misconfigured("settings.password_file: cannot read a password from \(passwordFile ?? "")") }
            return String(line)
        }
    }
}
