import Foundation

/// The manual night-mode switch of a schedule (ROUTE-7, ACD-9e): follow the schedule, or force it, optionally until a time.
///
/// Encoded as `{"mode": "auto" | "forcedClosed" | "forcedOpen", "until": <date, optional>}`. A forced mode whose
/// `until` has passed behaves as `auto`, so the shell need not switch it back.
public enum NightMode: Sendable, Hashable, Codable {
    /// Follow office hours and holidays.
    case auto
    /// Closed (night mode) until the given instant, or until switched back if nil.
    case forcedClosed(until: Date?)
    /// Open whatever the hours and holidays say, until the given instant, or until switched back if nil.
    case forcedOpen(until: Date?)

    /// The forced state and its end, if a forced mode is in effect at `date`.
    func override(at date: Date) -> (state: ScheduleState, until: Date?)? {
        switch self {
        case .auto: return nil
        case let .forcedClosed(until):
            if let until, date >= until { return nil }
            return (.closed(.nightMode), until)
        case let .forcedOpen(until):
            if let until, date >= until { return nil }
            return (.open, until)
        }
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case mode, until }
    private enum Mode: String, Codable { case auto, forcedClosed, forcedOpen }

    /// Decodes `{"mode": …, "until": …}`; `until` with `auto` is refused.
    public init(from decoder: any Decoder) throws {
        try TimeControlDecoding.refuseUnknownKeys(in: decoder, allowed: CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let until = try c.decodeIfPresent(Date.self, forKey: .until)
        guard let mode = Mode(rawValue: try c.decode(String.self, forKey: .mode)) else {
            throw DecodingError.dataCorruptedError(
                forKey: .mode, in: c, debugDescription: "must be 'auto', 'forcedClosed' or 'forcedOpen'")
        }
        switch mode {
        case .auto:
            if until != nil {
                throw DecodingError.dataCorruptedError(
                    forKey: .until, in: c, debugDescription: "only a forced mode has an end time")
            }
            self = .auto
        case .forcedClosed: self = .forcedClosed(until: until)
        case .forcedOpen: self = .forcedOpen(until: until)
        }
    }

    /// Encodes `{"mode": …, "until": …}`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .auto: try c.encode(Mode.auto, forKey: .mode)
        case let .forcedClosed(until):
            try c.encode(Mode.forcedClosed, forKey: .mode)
            try c.encodeIfPresent(until, forKey: .until)
        case let .forcedOpen(until):
            try c.encode(Mode.forcedOpen, forKey: .mode)
            try c.encodeIfPresent(until, forKey: .until)
        }
    }
}
