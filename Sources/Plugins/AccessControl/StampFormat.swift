import Foundation

/// How records are cut from the byte stream and read into stamps: framing, checksum, encoding, fields.
///
/// Built from settings (a preset plus overrides) by ``AccessControlPlugin/Settings/resolve()``; pure data
/// shared by the decoder and the benchmarks.
public struct StampFormat: Sendable {
    /// How records are delimited.
    public enum Framing: Sendable, Equatable {
        /// Text lines ended by `LineEnd`.
        case line(LineEnd)
        /// Frames between STX (0x02) and ETX (0x03); bytes outside frames are noise.
        case stxEtx
        /// Records of exactly this many bytes (CR and LF between records are skipped).
        case fixed(length: Int)
    }

    /// What ends a line.
    public enum LineEnd: String, Sendable, CaseIterable {
        /// CR, LF or CRLF (a CRLF split across reads is one end).
        case any
        /// CR only.
        case cr
        /// LF only.
        case lf
        /// CR followed by LF.
        case crlf
    }

    /// How a record proves its integrity.
    public enum Checksum: String, Sendable, CaseIterable {
        /// No checksum.
        case none
        /// The last two characters are the hex XOR of the bytes the preceding hex pairs spell (EM-18, Seeed RFID).
        case xorHex = "xor_hex"
    }

    /// How record bytes become text.
    public enum TextEncoding: String, Sendable, CaseIterable {
        /// UTF-8; invalid sequences make the record bad.
        case utf8 = "utf-8"
        /// ISO 8859-1 (every byte is a character; old Nordic printers).
        case latin1
        /// 7-bit ASCII; a byte with the high bit set makes the record bad (often a wrong parity or baud).
        case ascii
    }

    /// How records are delimited.
    public var framing: Framing
    /// The checksum at the end of each record.
    public var checksum: Checksum
    /// The regular expression with named groups `badge` (required), `function`, `reader`, `date`, `time`, `end`, `text`.
    public var pattern: NSRegularExpression
    /// How bytes become text.
    public var encoding: TextEncoding
    /// Longest record kept; longer ones are dropped and counted.
    public var maxRecordBytes: Int
    /// How `date`/`time`/`end` fields are written; nil when the format has none.
    public var timePattern: TimePattern?
    /// Lines that make one record (line framing), joined with LF before the pattern is applied; 1 for most devices.
    public var linesPerRecord: Int
    /// What the first line of a multi-line record looks like; nil: every `linesPerRecord` lines are a record,
    /// and a group the pattern rejects slides on by one line.
    public var recordStart: NSRegularExpression?

    /// Creates a format.
    public init(
        framing: Framing, checksum: Checksum = .none, pattern: NSRegularExpression, encoding: TextEncoding = .utf8,
        maxRecordBytes: Int = 512, timePattern: TimePattern? = nil, linesPerRecord: Int = 1, recordStart: NSRegularExpression? = nil
    ) {
        self.framing = framing
        self.checksum = checksum
        self.pattern = pattern
        self.encoding = encoding
        self.maxRecordBytes = maxRecordBytes
        self.timePattern = timePattern
        self.linesPerRecord = max(linesPerRecord, 1)
        self.recordStart = recordStart
    }

    /// The named groups a pattern may use; `badge` is required.
    public static let groupNames = ["badge", "function", "reader", "date", "time", "end", "text"]
}
