/// Splits a byte stream into lines, holding at most `maximumLineBytes` of an unfinished line.
///
/// LF, CR and CRLF all end a line (a CRLF split across two reads is still one line end), and a line
/// may arrive over many reads. A line longer than the limit is cut: its first `maximumLineBytes` bytes
/// come out as one ``Line`` marked ``Line/isTruncated``, the rest up to the next line end is dropped
/// and counted, so a peer that never sends a line end costs no memory.
///
/// ```swift
/// var framer = LineFramer(maximumLineBytes: 65_536)
/// for line in framer.append(chunk) { handle(line) }
/// for line in framer.finish() { handle(line) }   // at end of input
/// ```
public struct LineFramer: Sendable {
    /// One line, without its line end.
    public struct Line: Sendable, Equatable {
        /// The line's bytes (at most `maximumLineBytes`).
        public var bytes: [UInt8]
        /// Whether the line was longer than the limit and was cut.
        public var isTruncated: Bool

        /// Creates a line.
        public init(bytes: [UInt8], isTruncated: Bool = false) {
            self.bytes = bytes
            self.isTruncated = isTruncated
        }

        /// The line as text; invalid UTF-8 becomes U+FFFD.
        public var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    /// The longest line kept whole.
    public let maximumLineBytes: Int
    /// Lines cut because they were longer than the limit.
    public private(set) var truncatedLines = 0
    /// Bytes dropped from cut lines.
    public private(set) var droppedBytes = 0

    private var pending: [UInt8] = []
    private var cutting = false
    private var lastWasCR = false

    /// Creates a framer; limits below 1 are raised to 1.
    public init(maximumLineBytes: Int) {
        self.maximumLineBytes = max(maximumLineBytes, 1)
    }

    /// Bytes of the unfinished line held now.
    public var bufferedBytes: Int { pending.count }

    /// Feeds bytes and returns the lines they complete.
    public mutating func append(_ bytes: some Sequence<UInt8>) -> [Line] {
        var lines: [Line] = []
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\n") where lastWasCR:
                lastWasCR = false
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                lastWasCR = byte == UInt8(ascii: "\r")
                lines.append(endLine())
            default:
                lastWasCR = false
                if pending.count < maximumLineBytes {
                    pending.append(byte)
                } else {
                    if !cutting { truncatedLines += 1 }
                    cutting = true
                    droppedBytes += 1
                }
            }
        }
        return lines
    }

    /// Ends the input: returns the unfinished last line, if any.
    public mutating func finish() -> [Line] {
        lastWasCR = false
        guard !pending.isEmpty || cutting else { return [] }
        return [endLine()]
    }

    private mutating func endLine() -> Line {
        let line = Line(bytes: pending, isTruncated: cutting)
        pending.removeAll(keepingCapacity: pending.count <= 4096)
        cutting = false
        return line
    }
}
