import Foundation

/// A date/time layout such as `yyyy-MM-dd HH:mm:ss`, `dd-MM-yyyy HH:mm:ss`, `HHmmss`, `HH:mm` or `MM/dd hh:mma`.
///
/// Tokens `yyyy`, `yy`, `MM`, `dd`, `HH`, `hh` (12-hour clock), `mm`, `ss` are fixed-width digits and `a` is
/// `AM` or `PM` (any case); every other character must appear as written. A layout without a date means
/// "today" in the time zone, or yesterday when that would put the stamp more than an hour in the future (a
/// stamp from just before midnight); a date without a year (panel printers) means this year, or last year
/// when that would put the stamp more than a day in the future (a log printed just after New Year).
/// Hand-written instead of `DateFormatter`, which is neither `Sendable` nor fast.
public struct TimePattern: Sendable, Equatable {
    private enum Token: Equatable {
        case field(Field, width: Int)
        case literal(Character)
    }

    private enum Field { case year, month, day, hour, hour12, meridiem, minute, second }

    private let tokens: [Token]
    /// The time zone the written times are in.
    public let timeZone: TimeZone
    /// Whether the layout carries a date.
    public let hasDate: Bool

    /// Parses a layout; nil if it has no hour (or mixes a date without a year, month and day).
    public init?(_ layout: String, timeZone: TimeZone) {
        var tokens: [Token] = []
        var rest = Substring(layout)
        let fields: [(String, Field)] = [
            ("yyyy", .year), ("yy", .year), ("MM", .month), ("dd", .day), ("HH", .hour), ("hh", .hour12), ("mm", .minute),
            ("ss", .second), ("a", .meridiem),
        ]
        while let first = rest.first {
            if let (text, field) = fields.first(where: { rest.hasPrefix($0.0) }) {
                tokens.append(.field(field, width: text.count))
                rest = rest.dropFirst(text.count)
            } else {
                tokens.append(.literal(first))
                rest = rest.dropFirst()
            }
        }
        let present = Set(tokens.compactMap { token -> String? in
            if case let .field(field, _) = token { return "\(field)" } else { return nil }
        })
        let dateParts = ["year", "month", "day"].filter(present.contains)
        let hours = present.contains("hour") ? !present.contains("hour12") && !present.contains("meridiem")
            : present.contains("hour12") && present.contains("meridiem")
        guard hours, dateParts.isEmpty || dateParts.count == 3 || dateParts == ["month", "day"] else { return nil }
        self.tokens = tokens
        self.timeZone = timeZone
        self.hasDate = !dateParts.isEmpty
    }

    /// The instant `text` names, with `now` giving the day when the layout has none; nil if it does not fit.
    public func date(from text: String, now: Date) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var components = DateComponents()
        var characters = Substring(text)
        var hour12: Int?
        var afternoon: Bool?
        for token in tokens {
            switch token {
            case let .literal(expected):
                guard characters.first == expected else { return nil }
                characters = characters.dropFirst()
            case .field(.meridiem, _):
                switch characters.prefix(2).uppercased() {
                case "AM": afternoon = false
                case "PM": afternoon = true
                default: return nil
                }
                characters = characters.dropFirst(2)
            case let .field(field, width):
                let digits = characters.prefix(width)
                guard digits.count == width, digits.allSatisfy(\.isASCII), let value = Int(digits) else { return nil }
                characters = characters.dropFirst(width)
                switch field {
                case .year: components.year = width == 2 ? 2000 + value : value
                case .month: components.month = value
                case .day: components.day = value
                case .hour: components.hour = value
                case .hour12: hour12 = value
                case .meridiem: break
                case .minute: components.minute = value
                case .second: components.second = value
                }
            }
        }
        if let hour12, let afternoon {
            guard (1...12).contains(hour12) else { return nil }
            components.hour = hour12 % 12 + (afternoon ? 12 : 0)
        }
        guard characters.isEmpty, (0...23).contains(components.hour ?? -1), (0...59).contains(components.minute ?? 0),
            (0...60).contains(components.second ?? 0)
        else { return nil }
        components.minute = components.minute ?? 0
        components.second = components.second ?? 0
        if hasDate {
            let yearGiven = components.year != nil
            if !yearGiven { components.year = calendar.component(.year, from: now) }
            guard (1...12).contains(components.month ?? 0), (1...31).contains(components.day ?? 0),
                var date = calendar.date(from: components),
                calendar.component(.day, from: date) == components.day
            else { return nil }
            if !yearGiven, date.timeIntervalSince(now) > 86_400 {
                components.year = (components.year ?? 0) - 1
                guard let earlier = calendar.date(from: components), calendar.component(.day, from: earlier) == components.day else { return nil }
                date = earlier
            }
            return date
        }
        let today = calendar.dateComponents([.year, .month, .day], from: now)
        components.year = today.year
        components.month = today.month
        components.day = today.day
        guard let date = calendar.date(from: components) else { return nil }
        if date.timeIntervalSince(now) > 3600 { return calendar.date(byAdding: .day, value: -1, to: date) }
        return date
    }
}
