import Foundation

/// Office hours, holidays and the night-mode switch of a tenant, queue or hunt group, in one IANA zone (ROUTE-7).
///
/// Pure: ``state(at:)`` says whether it is open, ``nextChange(after:)`` when that next changes, so the shell
/// keeps one timer. Local times are wall-clock times in ``timeZone``; see ``ZoneClock`` for DST rules.
public struct Schedule: Sendable, Equatable, Codable {
    /// IANA time zone id, e.g. `Europe/Helsinki`.
    public let timeZone: String
    /// Opening hours per weekday; a missing or empty day is closed.
    public let weeklyHours: [Weekday: [TimeRange]]
    /// Dates that override the weekly hours.
    public let holidays: [Holiday]
    /// The manual night-mode switch.
    public var nightMode: NightMode

    let clock: ZoneClock
    /// Weekly hours by `Weekday.index`, sorted by start.
    let hoursByWeekday: [[TimeRange]]
    /// Holidays by local day number.
    let holidaysByDay: [Int: Holiday]

    /// Creates a schedule, throwing every rule it breaks with the field's path (`$.weeklyHours.monday[1].start` …).
    public init(
        timeZone: String, weeklyHours: [Weekday: [TimeRange]] = [:], holidays: [Holiday] = [],
        nightMode: NightMode = .auto
    ) throws(ValidationError) {
        var issues = ValidationCollector()
        let zone = TimeZone(identifier: timeZone)
        if zone == nil { issues.add("$.timeZone", "'\(timeZone)' is not an IANA time zone id such as Europe/Helsinki") }
        Schedule.check(weeklyHours: weeklyHours, into: &issues)
        Schedule.check(holidays: holidays, into: &issues)
        try issues.finish()
        self.timeZone = timeZone
        self.weeklyHours = weeklyHours
        self.holidays = holidays
        self.nightMode = nightMode
        self.clock = ZoneClock(zone: zone ?? .gmt)
        self.hoursByWeekday = Weekday.allCases.map { (weeklyHours[$0] ?? []).sorted { $0.start < $1.start } }
        self.holidaysByDay = Dictionary(holidays.map { ($0.date.dayNumber, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// A schedule open around the clock in `timeZone` (still honouring holidays and night mode).
    public static func alwaysOpen(
        timeZone: String, holidays: [Holiday] = [], nightMode: NightMode = .auto
    ) throws(ValidationError) -> Schedule {
        let allDay = TimeRange(start: .midnight, end: .endOfDay)
        return try Schedule(
            timeZone: timeZone, weeklyHours: Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0, [allDay]) }),
            holidays: holidays, nightMode: nightMode)
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case timeZone, weeklyHours, holidays, nightMode }

    /// Decodes a schedule and applies the same rules as the initialiser.
    public init(from decoder: any Decoder) throws {
        try TimeControlDecoding.refuseUnknownKeys(in: decoder, allowed: CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            timeZone: c.decode(String.self, forKey: .timeZone),
            weeklyHours: c.decodeIfPresent([Weekday: [TimeRange]].self, forKey: .weeklyHours) ?? [:],
            holidays: c.decodeIfPresent([Holiday].self, forKey: .holidays) ?? [],
            nightMode: c.decodeIfPresent(NightMode.self, forKey: .nightMode) ?? .auto)
    }

    /// Encodes the configuration (not the derived lookup tables).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(timeZone, forKey: .timeZone)
        try c.encode(weeklyHours, forKey: .weeklyHours)
        try c.encode(holidays, forKey: .holidays)
        try c.encode(nightMode, forKey: .nightMode)
    }

    /// Equal when the configuration is equal.
    public static func == (lhs: Schedule, rhs: Schedule) -> Bool {
        lhs.timeZone == rhs.timeZone && lhs.weeklyHours == rhs.weeklyHours && lhs.holidays == rhs.holidays
            && lhs.nightMode == rhs.nightMode
    }
}
