import Foundation
import HubCore
import HubPluginSupport

extension AccessControlPlugin {
    /// The `[settings]` table of an `access_control_serial` instance, as written; ``resolve()`` checks it
    /// and merges it over its preset. See ``AccessControlPlugin/sampleConfig`` for what each key means.
    public struct Settings: PluginSettings, Equatable {
        /// `/dev/ttyUSB0`, or `tcp://host:port` for a serial device server.
        public var port: String
        /// `auto`, `libserialport` or `termios` (device ports only).
        public var driver: String?
        /// Line settings; nil keeps the preset's.
        public var baud: Int?
        /// 5-8.
        public var dataBits: Int?
        /// none, odd, even, mark, space.
        public var parity: String?
        /// 1 or 2.
        public var stopBits: Int?
        /// none, xonxoff, rtscts, dtrdsr.
        public var flowControl: String?
        /// A built-in format (``StampPreset``); the keys below override its parts.
        public var preset: String?
        /// line, stx_etx or fixed.
        public var framing: String?
        /// any, cr, lf or crlf (line framing).
        public var lineEnd: String?
        /// Bytes per record (fixed framing).
        public var recordLength: Int?
        /// Lines per record (line framing), for printers that print an event over several lines.
        public var linesPerRecord: Int?
        /// Regular expression the first line of a multi-line record matches ("" for none).
        public var recordStart: String?
        /// none or xor_hex.
        public var checksum: String?
        /// Regular expression with named groups badge, function, reader, date, time, end, text.
        public var pattern: String?
        /// utf-8, latin1 or ascii.
        public var encoding: String?
        /// Longest record kept.
        public var maxRecordBytes: Int?
        /// Layout of date/time/end fields (`yyyy-MM-dd HH:mm:ss`).
        public var timeFormat: String?
        /// IANA time zone of times on the line and of `until` (default: the hub's).
        public var timeZone: String?
        /// text, hex or decimal.
        public var badgeNumber: String?
        /// Directory forms tried: as_read, hex, hex:N, decimal, decimal:N.
        public var badgeForms: [String]?
        /// The function of stamps that carry none.
        public var defaultFunction: String?
        /// Reader number → function code, for readers that mean a direction (entry/exit doors).
        public var readers: [String: String]?
        /// Function code → presence; replaces the preset's table as a whole.
        public var functions: [String: FunctionMapping]?
        /// Repeats of a stamp within this window are one stamp.
        public var duplicateWindow: DurationSetting?
        /// First delay before reopening a lost port.
        public var reopenInitialDelay: DurationSetting?
        /// Longest delay between reopen attempts.
        public var reopenMaxDelay: DurationSetting?
        /// How long a TCP connect may take.
        public var connectTimeout: DurationSetting?

        /// Every key of the table.
        public enum Keys: String, CodingKey, CaseIterable {
            case port, driver, baud
            case dataBits = "data_bits"
            case parity
            case stopBits = "stop_bits"
            case flowControl = "flow_control"
            case preset, framing
            case lineEnd = "line_end"
            case recordLength = "record_length"
            case linesPerRecord = "lines_per_record"
            case recordStart = "record_start"
            case checksum, pattern, encoding
            case maxRecordBytes = "max_record_bytes"
            case timeFormat = "time_format"
            case timeZone = "time_zone"
            case badgeNumber = "badge_number"
            case badgeForms = "badge_forms"
            case defaultFunction = "default_function"
            case readers, functions
            case duplicateWindow = "duplicate_window"
            case reopenInitialDelay = "reopen_initial_delay"
            case reopenMaxDelay = "reopen_max_delay"
            case connectTimeout = "connect_timeout"
        }

        /// Creates settings for `port` with a preset; every other key keeps the preset's or the default value.
        public init(port: String, preset: String? = nil, pattern: String? = nil) {
            self.port = port
            self.preset = preset
            self.pattern = pattern
        }

        /// Decodes the table; only `port` is required (and `preset` or `pattern`, checked by ``resolve()``).
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Keys.self)
            port = try c.decode(String.self, forKey: .port)
            driver = try c.decodeIfPresent(String.self, forKey: .driver)
            baud = try c.decodeIfPresent(Int.self, forKey: .baud)
            dataBits = try c.decodeIfPresent(Int.self, forKey: .dataBits)
            parity = try c.decodeIfPresent(String.self, forKey: .parity)
            stopBits = try c.decodeIfPresent(Int.self, forKey: .stopBits)
            flowControl = try c.decodeIfPresent(String.self, forKey: .flowControl)
            preset = try c.decodeIfPresent(String.self, forKey: .preset)
            framing = try c.decodeIfPresent(String.self, forKey: .framing)
            lineEnd = try c.decodeIfPresent(String.self, forKey: .lineEnd)
            recordLength = try c.decodeIfPresent(Int.self, forKey: .recordLength)
            linesPerRecord = try c.decodeIfPresent(Int.self, forKey: .linesPerRecord)
            recordStart = try c.decodeIfPresent(String.self, forKey: .recordStart)
            checksum = try c.decodeIfPresent(String.self, forKey: .checksum)
            pattern = try c.decodeIfPresent(String.self, forKey: .pattern)
            encoding = try c.decodeIfPresent(String.self, forKey: .encoding)
            maxRecordBytes = try c.decodeIfPresent(Int.self, forKey: .maxRecordBytes)
            timeFormat = try c.decodeIfPresent(String.self, forKey: .timeFormat)
            timeZone = try c.decodeIfPresent(String.self, forKey: .timeZone)
            badgeNumber = try c.decodeIfPresent(String.self, forKey: .badgeNumber)
            badgeForms = try c.decodeIfPresent([String].self, forKey: .badgeForms)
            defaultFunction = try c.decodeIfPresent(String.self, forKey: .defaultFunction)
            readers = try c.decodeIfPresent([String: String].self, forKey: .readers)
            functions = try c.decodeIfPresent([String: FunctionMapping].self, forKey: .functions)
            duplicateWindow = try c.decodeIfPresent(DurationSetting.self, forKey: .duplicateWindow)
            reopenInitialDelay = try c.decodeIfPresent(DurationSetting.self, forKey: .reopenInitialDelay)
            reopenMaxDelay = try c.decodeIfPresent(DurationSetting.self, forKey: .reopenMaxDelay)
            connectTimeout = try c.decodeIfPresent(DurationSetting.self, forKey: .connectTimeout)
        }
    }
}
