/// A kind of bad input from an `exec` child, counted in ``ExecStatistics``.
public enum ExecProblem: String, Sendable, CaseIterable, Hashable, Codable {
    /// A stdout line that is not a JSON object with a `type`.
    case notJSON = "not_json"
    /// A stdout line with a `type` the protocol does not know.
    case unknownType = "unknown_type"
    /// A `presence` or `log` line with missing or invalid fields.
    case invalidMessage = "invalid_message"
    /// A line (stdout or stderr) longer than `max_line_bytes`, cut and dropped.
    case overlongLine = "overlong_line"
    /// A line (stdout or stderr) over `max_lines_per_second`, dropped unread.
    case flooded
    /// A message for the child's stdin dropped because the child does not read it (or closed it).
    case inputDropped = "input_dropped"
}
