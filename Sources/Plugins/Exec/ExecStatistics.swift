/// Counters of one `exec` instance since it was created (across restarts of its program).
public struct ExecStatistics: Sendable, Equatable {
    /// Programs started.
    public var starts = 0
    /// Non-blank stdout lines read (good and bad).
    public var linesRead = 0
    /// Presence updates handed to the hub.
    public var presenceSubmitted = 0
    /// `log` lines logged.
    public var logMessages = 0
    /// stderr lines logged.
    public var stderrLines = 0
    /// Hub events queued for the child's stdin.
    public var eventsForwarded = 0
    /// `ack` lines queued for the child's stdin.
    public var acksSent = 0
    /// Bad input by kind.
    public var problems: [ExecProblem: Int] = [:]

    /// Empty counters.
    public init() {}

    /// The count of one problem kind.
    public subscript(problem: ExecProblem) -> Int {
        get { problems[problem, default: 0] }
        set { problems[problem] = newValue }
    }
}
