/// A key of a calendar kind's `[settings]` table: one of the kind's own keys or one of the shared policy
/// keys (``CalendarPolicySettings/Keys``). A kind declares `typealias Keys = CalendarSettingsKey<OwnKeys>`
/// and lists only its own keys; every kind then accepts every shared key, and a key added to the shared
/// set reaches all of them.
public struct CalendarSettingsKey<Own: CodingKey & CaseIterable>: CodingKey, CaseIterable, Sendable {
    /// The key as written in the instance file.
    public let stringValue: String
    /// Settings keys are never integers.
    public var intValue: Int? { nil }

    /// A key named `stringValue`.
    public init(stringValue: String) {
        self.stringValue = stringValue
    }

    /// Settings keys are never integers.
    public init?(intValue: Int) {
        nil
    }

    /// The kind's own keys, then the shared policy keys.
    public static var allCases: [Self] {
        (Own.allCases.map(\.stringValue) + CalendarPolicySettings.keys).map { Self(stringValue: $0) }
    }
}
