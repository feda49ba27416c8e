/// A holiday in the tenant's calendar: closed all day, or open only during special hours (ROUTE-7).
///
/// A holiday owns its whole local date: it also cuts off an overnight range spilling in from the day before.
public struct Holiday: Sendable, Hashable, Codable {
    /// The local date it applies to.
    public var date: LocalDate
    /// The name callers and supervisors see ("Christmas Eve").
    public var name: String
    /// Special opening hours that day; empty means closed all day.
    public var hours: [TimeRange]

    /// Creates a holiday, closed all day unless `hours` are given.
    public init(date: LocalDate, name: String, hours: [TimeRange] = []) {
        self.date = date
        self.name = name
        self.hours = hours
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case date, name, hours }

    /// Decodes a holiday; a missing `hours` means closed all day.
    public init(from decoder: any Decoder) throws {
        try TimeControlDecoding.refuseUnknownKeys(in: decoder, allowed: CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.date = try c.decode(LocalDate.self, forKey: .date)
        self.name = try c.decode(String.self, forKey: .name)
        self.hours = try c.decodeIfPresent([TimeRange].self, forKey: .hours) ?? []
    }
}
