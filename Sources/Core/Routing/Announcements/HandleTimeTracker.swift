import Foundation

/// Recent handle times (talk + wrap-up) of a queue, the basis of the wait estimate (ACD-8).
///
/// Method: the arithmetic mean of the last ``sampleLimit`` samples that are younger than ``maxAge``. A plain
/// mean of a short recent history is easy to explain to a supervisor and follows shifts quickly, unlike
/// Asterisk's queue-wide EWMA that never forgets; old samples expire so a quiet night does not speak for
/// the morning. Samples that are negative, not finite or longer than a day are refused and counted.
public struct HandleTimeTracker: Sendable, Equatable {
    /// How many recent samples the mean uses.
    public let sampleLimit: Int
    /// Samples older than this many seconds are ignored.
    public let maxAge: TimeInterval
    /// Samples refused as impossible.
    public private(set) var rejectedSamples = 0

    private var samples: [Sample] = []
    private var next = 0

    private struct Sample: Sendable, Equatable {
        let time: Date
        let seconds: TimeInterval
    }

    /// A tracker averaging the last `sampleLimit` (at least 1) samples of the last `maxAge` seconds.
    public init(sampleLimit: Int = 20, maxAge: TimeInterval = 7_200) {
        self.sampleLimit = max(1, sampleLimit)
        self.maxAge = maxAge.isFinite ? max(0, maxAge) : 7_200
    }

    /// Records the handle time of a call that ended at `time`; returns false if the value was refused.
    @discardableResult
    public mutating func record(_ handleTime: TimeInterval, at time: Date) -> Bool {
        guard handleTime.isFinite, handleTime >= 0, handleTime <= 86_400 else {
            rejectedSamples += 1
            return false
        }
        let sample = Sample(time: time, seconds: handleTime)
        if samples.count < sampleLimit {
            samples.append(sample)
        } else {
            samples[next] = sample
        }
        next = (next + 1) % sampleLimit
        return true
    }

    /// The mean handle time at `now`, or nil when no sample is recent enough.
    public func mean(at now: Date) -> TimeInterval? {
        var sum = 0.0
        var count = 0
        for sample in samples where sample.time <= now && now.timeIntervalSince(sample.time) < maxAge {
            sum += sample.seconds
            count += 1
        }
        return count == 0 ? nil : sum / Double(count)
    }
}
