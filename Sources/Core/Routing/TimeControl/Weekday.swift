/// A day of the week, written in lower-case English (`monday` …) in configuration.
public enum Weekday: String, Sendable, Hashable, Codable, CaseIterable, CodingKeyRepresentable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    /// The weekday of the day `dayNumber` days after 1970-01-01 (a Thursday).
    init(dayNumber: Int) {
        let index = ((dayNumber % 7) + 7 + 3) % 7
        self = Weekday.allCases[index]
    }

    /// 0 for Monday … 6 for Sunday.
    var index: Int {
        switch self {
        case .monday: 0
        case .tuesday: 1
        case .wednesday: 2
        case .thursday: 3
        case .friday: 4
        case .saturday: 5
        case .sunday: 6
        }
    }
}
