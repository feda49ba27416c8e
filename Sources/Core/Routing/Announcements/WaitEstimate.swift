import Foundation

/// An estimated wait for one caller, as computed and as it should be spoken (ACD-8).
public struct WaitEstimate: Sendable, Hashable, Codable {
    /// The estimate in seconds after clamping (never negative, never above an earlier one at the same or a better position).
    public var seconds: TimeInterval
    /// The estimate rounded for speech (see ``SpeechRounding``), in seconds.
    public var spokenSeconds: Int

    /// Creates an estimate.
    public init(seconds: TimeInterval, spokenSeconds: Int) {
        self.seconds = seconds
        self.spokenSeconds = spokenSeconds
    }

    /// Whole minutes of the spoken value when it is a whole number of minutes, else nil (say seconds then).
    public var spokenMinutes: Int? { spokenSeconds % 60 == 0 ? spokenSeconds / 60 : nil }
}
