/// A duration in settings: `"250ms"`, `"2s"`, `"1.5m"`, `"1h"`, or a plain number of seconds.
public struct DurationSetting: Sendable, Hashable, Decodable, CustomStringConvertible {
    /// The duration.
    public var duration: Duration
    /// The text it was written as (or a canonical form).
    public var description: String

    /// Wraps a duration.
    public init(_ duration: Duration) {
        self.duration = duration
        self.description = "\(duration)"
    }

    /// Parses `"<number><unit>"` with unit `ms`, `s`, `m` or `h`; nil for anything else or a negative value.
    public init?(parsing text: String) {
        let units: [(suffix: String, seconds: Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        guard let unit = units.first(where: { text.hasSuffix($0.suffix) }),
            let number = Double(text.dropLast(unit.suffix.count)), let duration = Self.duration(seconds: number * unit.seconds)
        else { return nil }
        self.duration = duration
        self.description = text
    }

    /// Decodes a string with a unit or a number of seconds.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let seconds = (try? container.decode(Int.self)).map(Double.init) ?? (try? container.decode(Double.self)) {
            guard let duration = Self.duration(seconds: seconds) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(seconds) is not a duration in seconds")
            }
            self.duration = duration
            self.description = "\(seconds)s"
            return
        }
        let text = try container.decode(String.self)
        guard let parsed = DurationSetting(parsing: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a duration (examples: \"500ms\", \"2s\", \"5m\", \"1h\")")
        }
        self = parsed
    }

    /// Whole milliseconds of `seconds`, if it is a sensible duration (0 up to about 100 years).
    private static func duration(seconds: Double) -> Duration? {
        guard seconds.isFinite, seconds >= 0, seconds < 3.2e9 else { return nil }
        return .milliseconds(Int64((seconds * 1000).rounded()))
    }
}
