import HubCore
import HubPluginSupport

/// A built-in line format (framing, pattern, serial defaults, function table) for a class of devices
/// from the research on real access-control outputs; settings override any part of it.
public struct StampPreset: Sendable {
    /// The name used as `preset = "…"`.
    public var name: String
    /// The devices it fits.
    public var summary: String
    /// Serial defaults: baud, data bits, parity, stop bits.
    public var serial: SerialParameters
    /// How records are delimited.
    public var framing: StampFormat.Framing
    /// The record checksum.
    public var checksum: StampFormat.Checksum
    /// The pattern with named groups.
    public var pattern: String
    /// How bytes become text.
    public var encoding: StampFormat.TextEncoding
    /// Layout of the `date`/`time`/`end` fields, if any.
    public var timeFormat: String?
    /// How the badge is written.
    public var badgeNumber: BadgeForm.Number
    /// Directory forms tried for the badge.
    public var badgeForms: [BadgeForm]
    /// The function of stamps that carry none (plain badge readers).
    public var defaultFunction: String?
    /// Function codes (upper case) to presence.
    public var functions: [String: FunctionMapping]
    /// Lines per record (line framing).
    public var linesPerRecord = 1
    /// The pattern the first line of a multi-line record matches.
    public var recordStart: String?

    /// In, Out, Lunch and Business trip, as words.
    static let wordFunctions: [String: FunctionMapping] = [
        "IN": FunctionMapping(activity: "at_office", note: "In"),
        "OUT": FunctionMapping(activity: "off_duty", note: "Out"),
        "LUNCH": FunctionMapping(activity: "at_lunch", note: "Lunch", duration: DurationSettingValues.lunch),
        "BUSINESS TRIP": FunctionMapping(activity: "busy", note: "Business trip", until: "17:00"),
    ]

    /// The same four on function keys 1-4 of a time clock.
    static let keyFunctions: [String: FunctionMapping] = [
        "1": wordFunctions["IN"], "2": wordFunctions["OUT"], "3": wordFunctions["LUNCH"], "4": wordFunctions["BUSINESS TRIP"],
    ].compactMapValues { $0 }

    private static let numeric: [BadgeForm] = [.asRead, .hex(width: 0), .hex(width: 8), .decimal(width: 0), .decimal(width: 10)]
    private static let decimalForms: [BadgeForm] = [.asRead, .decimal(width: 0), .decimal(width: 10)]
    private static let standard = SerialParameters()

    /// Every built-in preset, by name.
    public static let all: [String: StampPreset] = Dictionary(uniqueKeysWithValues: list.map { ($0.name, $0) })

    /// The presets in documentation order.
    public static let list: [StampPreset] = [
        StampPreset(
            name: "wiegand_hex", summary: "Wiegand-to-RS232 converters printing the card as hex digits and CR (Priority 1 Design WIE232)",
            serial: standard, framing: .line(.any), checksum: .none, pattern: #"^(?<badge>[0-9A-Fa-f]{4,16})$"#, encoding: .ascii,
            timeFormat: nil, badgeNumber: .hex, badgeForms: numeric, defaultFunction: "IN", functions: wordFunctions),
        StampPreset(
            name: "wiegand_decimal", summary: "Wiegand converters printing the card as decimal digits and CR LF (S4A, rf IDEAS)",
            serial: standard, framing: .line(.any), checksum: .none, pattern: #"^(?<badge>[0-9]{1,20})$"#, encoding: .ascii,
            timeFormat: nil, badgeNumber: .decimal, badgeForms: numeric, defaultFunction: "IN", functions: wordFunctions),
        StampPreset(
            name: "rfid_stx_etx", summary: "125 kHz RFID readers sending STX, 10 hex digits, a 2-digit XOR checksum, ETX (Seeed Grove)",
            serial: standard, framing: .stxEtx, checksum: .xorHex, pattern: #"^[0-9A-Fa-f]{2}(?<badge>[0-9A-Fa-f]{8})$"#,
            encoding: .ascii, timeFormat: nil, badgeNumber: .hex, badgeForms: numeric, defaultFunction: "IN", functions: wordFunctions),
        StampPreset(
            name: "em18", summary: "EM-18 RFID readers sending 12 characters (10 hex digits and a 2-digit XOR checksum), no delimiter",
            serial: standard, framing: .fixed(length: 12), checksum: .xorHex, pattern: #"^[0-9A-Fa-f]{2}(?<badge>[0-9A-Fa-f]{8})$"#,
            encoding: .ascii, timeFormat: nil, badgeNumber: .hex, badgeForms: numeric, defaultFunction: "IN", functions: wordFunctions),
        StampPreset(
            name: "time_clock_csv", summary: "Time-attendance terminals with comma-separated records HHMMSS,source,badge,function,… (Acroprint AcroComm)",
            serial: standard, framing: .line(.any), checksum: .none,
            pattern: #"^(?<time>\d{6}),(?<reader>[^,]*),(?<badge>[^,]+),(?<function>[^,]*)(?:,.*)?$"#, encoding: .latin1,
            timeFormat: "HHmmss", badgeNumber: .decimal, badgeForms: decimalForms, defaultFunction: nil,
            functions: keyFunctions.merging(wordFunctions) { key, _ in key }),
        StampPreset(
            name: "time_clock_tab", summary: "Time-attendance terminals with TAB-separated event, DD-MM-YYYY, hh:mm:ss, 'badge, shift, machine (Tibbo/Giga-TMS TR40xx)",
            serial: standard, framing: .line(.any), checksum: .none,
            pattern: #"^(?<function>[1-4])\t(?<date>\d{2}-\d{2}-\d{4})\t(?<time>\d{2}:\d{2}:\d{2})\t'?(?<badge>[^\t]+)(?:\t[^\t]*(?:\t(?<reader>[^\t]*))?)?$"#,
            encoding: .latin1, timeFormat: "dd-MM-yyyy HH:mm:ss", badgeNumber: .decimal, badgeForms: decimalForms, defaultFunction: nil,
            functions: keyFunctions),
        StampPreset(
            name: "galaxy_log", summary: "Access-log lines an intruder/access panel prints: HH:MM Valid USR NNN name Mzz (Honeywell Galaxy)",
            serial: standard, framing: .line(.any), checksum: .none,
            pattern: #"^(?<time>\d{2}:\d{2}) +(?<function>[A-Za-z]+) +USR +(?<badge>\d{3}) +.*?M(?<reader>\d{2}).*$"#,
            encoding: .latin1, timeFormat: "HH:mm", badgeNumber: .decimal, badgeForms: decimalForms, defaultFunction: nil,
            functions: ["VALID": FunctionMapping(activity: "at_office", note: "In"), "INVALID": FunctionMapping(activity: nil, ignore: true)]),
        StampPreset(
            name: "acc50_log", summary: "Access-panel printer ports printing the card contents and valid/invalid at 600 baud 8E1 (Honeywell ACC 50)",
            serial: SerialParameters(baud: 600, dataBits: 8, parity: .even, stopBits: 1), framing: .line(.any), checksum: .none,
            pattern: #"^(?<badge>[0-9]{4,20}) *(?:/ *)?(?<function>(?i:valid|invalid))$"#, encoding: .ascii, timeFormat: nil,
            badgeNumber: .decimal, badgeForms: decimalForms, defaultFunction: nil,
            functions: ["VALID": FunctionMapping(activity: "at_office", note: "In"), "INVALID": FunctionMapping(activity: nil, ignore: true)]),
        StampPreset(
            name: "bosch_d9131a",
            summary: "Security-panel event printers printing each event on two lines: MM/DD hh:mmAM, then event, account, area, user ID, text (Bosch D9131A)",
            serial: standard, framing: .line(.any), checksum: .none,
            pattern: #"^(?<date>\d{2}/\d{2}) +(?<time>\d{2}:\d{2}[AaPp][Mm])\n(?<function>[A-Za-z][A-Za-z ]*?) +\d{1,4} +(?<reader>\d{1,2}) +(?<badge>\d{3})(?: +(?<text>.*))?$"#,
            encoding: .latin1, timeFormat: "MM/dd hh:mma", badgeNumber: .decimal, badgeForms: decimalForms, defaultFunction: nil,
            functions: [
                // Opening: the user disarmed the area (arrived); closing: armed it (left).
                "OPENING REPORT": FunctionMapping(activity: "at_office", note: "In"),
                "CLOSING REPORT": FunctionMapping(activity: "off_duty", note: "Out"),
            ],
            linesPerRecord: 2, recordStart: #"^\d{2}/\d{2} +\d{2}:\d{2}[AaPp][Mm] *$"#),
        StampPreset(
            name: "semicolon", summary: "Generic adapters writing FUNCTION;badge;yyyy-MM-dd HH:mm:ss[;end[;text]] lines",
            serial: standard, framing: .line(.any), checksum: .none,
            pattern: #"^(?<function>[^;]+);(?<badge>[^;]+)(?:;(?<time>[^;]*))?(?:;(?<end>[^;]*))?(?:;(?<text>[^;]*))?$"#,
            encoding: .utf8, timeFormat: "yyyy-MM-dd HH:mm:ss", badgeNumber: .decimal, badgeForms: decimalForms, defaultFunction: nil,
            functions: wordFunctions),
    ]
}

/// Durations the presets use.
enum DurationSettingValues {
    static let lunch = DurationSetting(parsing: "45m")
}
