import Foundation

extension QueueStatistics {
    /// Something that happened to a caller of the queue, recorded with ``QueueStatistics/record(_:at:)``.
    ///
    /// Every offered call is recorded as `joined` first, also one diverted at once (rush, night mode, no
    /// agents) with a wait of 0; then exactly one outcome (answered, abandoned or diverted) follows.
    public enum Event: Sendable, Hashable, Codable {
        /// A caller entered the queue (offered).
        case joined
        /// An agent answered after the caller waited `wait` seconds.
        case answered(wait: TimeInterval)
        /// The caller hung up after waiting `wait` seconds.
        case abandoned(wait: TimeInterval)
        /// The call left the queue by an overflow rule after `wait` seconds (ACD-9).
        case diverted(DiversionKind, wait: TimeInterval)
        /// An answered call ended; `handleTime` is talk plus wrap-up, in seconds.
        case handled(handleTime: TimeInterval)
    }

    /// Which overflow rule diverted a call (the five kinds of ACD-9).
    public enum DiversionKind: String, Sendable, Hashable, Codable, CaseIterable, CodingKeyRepresentable {
        /// Too many waiting or waited too long: the queue is closed to new calls.
        case rush
        /// This call waited longer than the per-call limit.
        case timeout
        /// No agent logged in or available.
        case noAgents
        /// Agents did not answer within ring time × attempts.
        case noAnswer
        /// Night mode, by schedule or by hand.
        case nightMode
    }

    /// What one stored entry holds: the event kind and its duration.
    enum Entry: Sendable {
        case joined
        case answered(Double)
        case abandoned(Double)
        case shortAbandoned(Double)
        case diverted(DiversionKind, Double)
        case handled(Double)
    }
}
