/// A kind of bad or unusable input on an access-control line, counted in ``AccessControlStatistics``.
public enum AccessControlProblem: String, Sendable, CaseIterable, Hashable, Codable {
    /// A record longer than `max_record_bytes`; cut off and dropped up to its end.
    case overlongRecord = "overlong_record"
    /// Bytes that belong to no record: noise outside STX/ETX frames, control bytes in a line, a frame cut by a new STX.
    case garbage
    /// A record whose checksum does not match its data.
    case badChecksum = "bad_checksum"
    /// A record that is not text in the configured `encoding`.
    case badEncoding = "bad_encoding"
    /// A record the `pattern` does not match (or that gave an empty badge).
    case noMatch = "no_match"
    /// A `time` or `end` field that does not fit `time_format`.
    case badTime = "bad_time"
    /// A function (or reader) with no entry in `functions`, and no `default_function`.
    case unmappedFunction = "unmapped_function"
    /// A badge no user of the tenant carries.
    case unknownBadge = "unknown_badge"
    /// A badge whose forms (hex, decimal …) belong to different users; nothing is applied.
    case ambiguousBadge = "ambiguous_badge"
    /// A stamp the hub refused (unknown activity …).
    case rejected
}
