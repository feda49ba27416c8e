import Foundation
import HubCore
import HubPluginSupport

/// An instance's settings checked and merged over its preset: everything the plugin needs to run.
public struct AccessControlConfiguration: Sendable {
    /// How device ports are opened.
    public enum Driver: String, Sendable, CaseIterable {
        /// libserialport for ports it accepts, termios for the rest (pseudo-terminals, symlinks).
        case auto
        /// libserialport only.
        case libserialport
        /// POSIX termios only.
        case termios
    }

    /// Where stamps come from.
    public var address: PortAddress
    /// How a device port is opened.
    public var driver: Driver
    /// Line settings of a device port.
    public var serial: SerialParameters
    /// Framing, checksum, encoding, pattern, times.
    public var format: StampFormat
    /// Function code (``StampInterpreter/key(_:)`` form) → presence.
    public var functions: [String: FunctionMapping]
    /// Reader (key form) → function code.
    public var readers: [String: String]
    /// The function of stamps without one.
    public var defaultFunction: String?
    /// How the badge is written on the line.
    public var badgeNumber: BadgeForm.Number
    /// Directory forms tried for a badge.
    public var badgeForms: [BadgeForm]
    /// Zone of times on the line and of `until`.
    public var timeZone: TimeZone
    /// Repeats within this window are one stamp.
    public var duplicateWindow: Duration
    /// Delays between attempts to reopen a lost port.
    public var reopen: Backoff
    /// Longest TCP connect.
    public var connectTimeout: Duration
}

extension AccessControlPlugin.Settings {
    /// Checks every key and merges the settings over their preset; throws ``PluginError/misconfigured(_:)``
    /// naming the first bad key.
    public func resolve() throws(PluginError) -> AccessControlConfiguration {
        typealias Keys = AccessControlPlugin.Settings.Keys
        func bad(_ key: Keys, _ message: String) -> PluginError { .misconfigured("settings.\(key.stringValue): \(message)") }
        func choice<T: RawRepresentable & CaseIterable>(_ key: Keys, _ text: String?, _ fallback: T) throws(PluginError) -> T
        where T.RawValue == String {
            guard let text else { return fallback }
            guard let value = T(rawValue: text) else {
                throw bad(key, "'\(text)' is not one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return value
        }

        guard let address = PortAddress(port) else {
            throw bad(.port, "'\(port)' is neither a device path (/dev/ttyUSB0) nor tcp://host:port")
        }
        var base: StampPreset?
        if let preset {
            guard let found = StampPreset.all[preset] else {
                throw bad(.preset, "unknown preset '\(preset)'; known: \(StampPreset.list.map(\.name).joined(separator: ", "))")
            }
            base = found
        } else if pattern == nil {
            throw bad(.preset, "required unless pattern is given (known: \(StampPreset.list.map(\.name).joined(separator: ", ")))")
        }

        var serial = base?.serial ?? SerialParameters()
        if let baud {
            guard (50...4_000_000).contains(baud) else { throw bad(.baud, "must be between 50 and 4000000") }
            serial.baud = baud
        }
        if let dataBits {
            guard (5...8).contains(dataBits) else { throw bad(.dataBits, "must be 5, 6, 7 or 8") }
            serial.dataBits = dataBits
        }
        if let stopBits {
            guard stopBits == 1 || stopBits == 2 else { throw bad(.stopBits, "must be 1 or 2") }
            serial.stopBits = stopBits
        }
        serial.parity = try choice(.parity, parity, serial.parity)
        serial.flowControl = try choice(.flowControl, flowControl, serial.flowControl)
        let driver = try choice(.driver, self.driver, AccessControlConfiguration.Driver.auto)

        let framing = try resolveFraming(base: base?.framing)
        let checksum = try choice(.checksum, checksum, base?.checksum ?? .none)
        let encoding = try choice(.encoding, encoding, base?.encoding ?? .utf8)
        let maxRecordBytes = self.maxRecordBytes ?? 512
        guard (16...65_536).contains(maxRecordBytes) else { throw bad(.maxRecordBytes, "must be between 16 and 65536") }
        if case let .fixed(length) = framing, length > maxRecordBytes {
            throw bad(.recordLength, "must not exceed max_record_bytes (\(maxRecordBytes))")
        }

        let patternText = pattern ?? base?.pattern ?? ""
        let regex: NSRegularExpression
        do { regex = try NSRegularExpression(pattern: patternText) } catch {
            throw bad(.pattern, "not a valid regular expression: \(error.localizedDescription)")
        }
        let groups = FieldReader.namedGroups(in: patternText)
        guard groups.contains("badge") else { throw bad(.pattern, "must have a named group (?<badge>…)") }
        if let unknown = groups.subtracting(StampFormat.groupNames).sorted().first {
            throw bad(.pattern, "unknown group '\(unknown)'; groups: \(StampFormat.groupNames.joined(separator: ", "))")
        }

        let zone: TimeZone
        if let timeZone {
            guard let found = TimeZone(identifier: timeZone) else { throw bad(.timeZone, "'\(timeZone)' is not an IANA time zone (Europe/Helsinki)") }
            zone = found
        } else {
            zone = .current
        }
        var timePattern: TimePattern?
        if let layout = timeFormat ?? base?.timeFormat {
            guard let parsed = TimePattern(layout, timeZone: zone) else {
                throw bad(.timeFormat, "'\(layout)' needs HH (or hh with a) and either all of yyyy/yy, MM, dd, only MM and dd, or none (e.g. \"yyyy-MM-dd HH:mm:ss\", \"HHmmss\", \"MM/dd hh:mma\")")
            }
            timePattern = parsed
        } else if !groups.isDisjoint(with: ["date", "time", "end"]) {
            throw bad(.timeFormat, "required when the pattern has a date, time or end group")
        }
        let (lines, start) = try resolveLines(framing: framing, base: base)
        let format = StampFormat(
            framing: framing, checksum: checksum, pattern: regex, encoding: encoding, maxRecordBytes: maxRecordBytes,
            timePattern: timePattern, linesPerRecord: lines, recordStart: start)

        let badgeNumber = try choice(.badgeNumber, badgeNumber, base?.badgeNumber ?? .text)
        var forms = base?.badgeForms ?? [.asRead]
        if let badgeForms {
            guard !badgeForms.isEmpty else { throw bad(.badgeForms, "must name at least one form") }
            forms = []
            for text in badgeForms {
                guard let form = BadgeForm(text) else {
                    throw bad(.badgeForms, "'\(text)' is not as_read, hex, hex:N, decimal or decimal:N (N up to 20)")
                }
                forms.append(form)
            }
        }
        if badgeNumber == .text, forms.contains(where: { $0 != .asRead }) {
            throw bad(.badgeForms, "hex and decimal forms need badge_number = \"hex\" or \"decimal\"")
        }

        let table = functions ?? base?.functions ?? [:]
        var mapped: [String: FunctionMapping] = [:]
        for (code, mapping) in table.sorted(by: { $0.key < $1.key }) {
            let key = StampInterpreter.key(code)
            guard !key.isEmpty else { throw bad(.functions, "a function code must not be empty") }
            if let problem = mapping.problem() { throw bad(.functions, "\(code): \(problem)") }
            guard mapped.updateValue(mapping, forKey: key) == nil else { throw bad(.functions, "\(code): listed twice (codes ignore case)") }
        }
        guard !mapped.isEmpty else { throw bad(.functions, "must map at least one function") }
        var readerMap: [String: String] = [:]
        for (reader, code) in readers ?? [:] {
            guard mapped[StampInterpreter.key(code)] != nil else { throw bad(.readers, "\(reader): function '\(code)' is not in functions") }
            readerMap[StampInterpreter.key(reader)] = code
        }
        let defaultFunction = self.defaultFunction ?? base?.defaultFunction
        if let defaultFunction, mapped[StampInterpreter.key(defaultFunction)] == nil {
            throw bad(.defaultFunction, "'\(defaultFunction)' is not in functions")
        }

        let window = duplicateWindow?.duration ?? .seconds(5)
        guard window <= .seconds(3600) else { throw bad(.duplicateWindow, "must be at most 1h") }
        let initial = reopenInitialDelay?.duration ?? .seconds(1)
        let maximum = reopenMaxDelay?.duration ?? .seconds(30)
        guard initial >= .milliseconds(10), initial <= .seconds(600) else { throw bad(.reopenInitialDelay, "must be between 10ms and 10m") }
        guard maximum >= initial, maximum <= .seconds(3600) else { throw bad(.reopenMaxDelay, "must be between reopen_initial_delay and 1h") }
        let connect = connectTimeout?.duration ?? .seconds(5)
        guard connect >= .milliseconds(100), connect <= .seconds(120) else { throw bad(.connectTimeout, "must be between 100ms and 2m") }

        return AccessControlConfiguration(
            address: address, driver: driver, serial: serial, format: format, functions: mapped, readers: readerMap,
            defaultFunction: defaultFunction, badgeNumber: badgeNumber, badgeForms: forms, timeZone: zone,
            duplicateWindow: window, reopen: Backoff(initial: initial, maximum: maximum, multiplier: 2, jitter: 0.1),
            connectTimeout: connect)
    }

    /// Lines per record and the start-of-record pattern, over the preset's.
    private func resolveLines(framing: StampFormat.Framing, base: StampPreset?) throws(PluginError) -> (Int, NSRegularExpression?) {
        func bad(_ key: Keys, _ message: String) -> PluginError { .misconfigured("settings.\(key.stringValue): \(message)") }
        guard case .line = framing else {
            if linesPerRecord != nil { throw bad(.linesPerRecord, "only applies to framing = \"line\"") }
            if recordStart != nil { throw bad(.recordStart, "only applies to framing = \"line\"") }
            return (1, nil)
        }
        let lines = linesPerRecord ?? base?.linesPerRecord ?? 1
        guard (1...16).contains(lines) else { throw bad(.linesPerRecord, "must be between 1 and 16") }
        let text = recordStart ?? base?.recordStart ?? ""
        guard !text.isEmpty else { return (lines, nil) }
        guard lines > 1 else {
            if recordStart != nil { throw bad(.recordStart, "needs lines_per_record of 2 or more") }
            return (lines, nil)
        }
        do { return (lines, try NSRegularExpression(pattern: text)) } catch {
            throw bad(.recordStart, "not a valid regular expression: \(error.localizedDescription)")
        }
    }

    private func resolveFraming(base: StampFormat.Framing?) throws(PluginError) -> StampFormat.Framing {
        func bad(_ key: Keys, _ message: String) -> PluginError { .misconfigured("settings.\(key.stringValue): \(message)") }
        let kind = framing ?? base.map { framing -> String in
            switch framing {
            case .line: "line"
            case .stxEtx: "stx_etx"
            case .fixed: "fixed"
            }
        } ?? "line"
        if lineEnd != nil, kind != "line" { throw bad(.lineEnd, "only applies to framing = \"line\"") }
        if recordLength != nil, kind != "fixed" { throw bad(.recordLength, "only applies to framing = \"fixed\"") }
        switch kind {
        case "line":
            var end = StampFormat.LineEnd.any
            if case let .line(presetEnd)? = base { end = presetEnd }
            if let lineEnd {
                guard let parsed = StampFormat.LineEnd(rawValue: lineEnd) else {
                    throw bad(.lineEnd, "'\(lineEnd)' is not one of any, cr, lf, crlf")
                }
                end = parsed
            }
            return .line(end)
        case "stx_etx":
            return .stxEtx
        case "fixed":
            var length = 0
            if case let .fixed(presetLength)? = base { length = presetLength }
            if let recordLength { length = recordLength }
            guard (1...65_536).contains(length) else { throw bad(.recordLength, "required for framing = \"fixed\", 1 to 65536") }
            return .fixed(length: length)
        default:
            throw bad(.framing, "'\(kind)' is not one of line, stx_etx, fixed")
        }
    }
}
