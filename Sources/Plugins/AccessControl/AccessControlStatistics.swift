/// Counters of one access-control instance since it was created (across reopens of its port).
public struct AccessControlStatistics: Sendable, Equatable {
    /// Successful opens of the port (the first one included).
    public var opens = 0
    /// Times an open port was lost (unplugged, closed by the peer, read error).
    public var disconnects = 0
    /// Failed open attempts.
    public var openFailures = 0
    /// Bytes read from the port.
    public var bytesRead = 0
    /// Records the framing delivered (good and bad).
    public var records = 0
    /// Stamps decoded from records.
    public var stamps = 0
    /// Repeats of a stamp within `duplicate_window`, collapsed into the first.
    public var duplicates = 0
    /// Stamps whose function is mapped to `ignore = true`.
    public var ignored = 0
    /// Presence updates the hub applied.
    public var applied = 0
    /// Presence updates the hub accepted without a change (older than a manual change, nothing new …).
    public var unchanged = 0
    /// Bad or unusable input by kind.
    public var problems: [AccessControlProblem: Int] = [:]

    /// Empty counters.
    public init() {}

    /// The count of one problem kind.
    public subscript(problem: AccessControlProblem) -> Int {
        get { problems[problem, default: 0] }
        set { problems[problem] = newValue }
    }
}
