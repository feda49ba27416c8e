import AccessControlPlugin
import Foundation
import HubCore
import HubPluginSupport
import HubPluginTesting
import Testing

/// Settings: defaults from presets, overrides, and a precise error naming the key for every bad value.
@Suite("Access control: settings")
struct AccessControlSettingsTests {
    private func make(_ settings: [String: Any]) throws -> AccessControlPlugin {
        let plugin = try AccessControlPlugin.factory.make(settings: try DictionarySettingsSource(settings), context: .testing())
        return try #require(plugin as? AccessControlPlugin)
    }

    @Test("a preset gives serial defaults, framing and functions; keys override them")
    func presetAndOverrides() throws {
        let acc50 = try make(["port": "/dev/ttyS1", "preset": "acc50_log"]).configuration
        #expect(acc50.serial == SerialParameters(baud: 600, dataBits: 8, parity: .even, stopBits: 1))
        #expect(acc50.address == .device("/dev/ttyS1"))
        #expect(acc50.functions["INVALID"]?.ignore == true)
        let custom = try make([
            "port": "tcp://10.0.0.5:4001", "preset": "acc50_log", "baud": 1200, "parity": "none", "flow_control": "rtscts",
            "functions": ["Valid": ["activity": "at_office", "duration": "8h"]], "duplicate_window": "2s",
        ]).configuration
        #expect(custom.address == .tcp(host: "10.0.0.5", port: 4001))
        #expect(custom.serial.description == "1200 8N1 rtscts")
        #expect(custom.functions.keys.sorted() == ["VALID"])
        #expect(custom.duplicateWindow == .seconds(2))
        let own = try make(["port": "/dev/ttyUSB0", "pattern": "^(?<badge>\\d+)$", "default_function": "IN",
                            "functions": ["IN": ["activity": "at_office"]]]).configuration
        #expect(own.format.framing == .line(.any))
        #expect(own.format.linesPerRecord == 1 && own.format.recordStart == nil)
    }

    @Test("bosch_d9131a reads two lines per record from a date line; lines_per_record and record_start override it")
    func multiLinePreset() throws {
        let bosch = try make(["port": "/dev/ttyS0", "preset": "bosch_d9131a"]).configuration
        #expect(bosch.format.linesPerRecord == 2)
        #expect(bosch.format.recordStart?.pattern == #"^\d{2}/\d{2} +\d{2}:\d{2}[AaPp][Mm] *$"#)
        #expect(bosch.functions["OPENING REPORT"]?.activity == "at_office")
        let noStart = try make(["port": "/dev/ttyS0", "preset": "bosch_d9131a", "record_start": ""]).configuration
        #expect(noStart.format.linesPerRecord == 2 && noStart.format.recordStart == nil)
        let three = try make(["port": "/dev/ttyS0", "preset": "semicolon", "lines_per_record": 3, "record_start": "^IN"]).configuration
        #expect(three.format.linesPerRecord == 3 && three.format.recordStart?.pattern == "^IN")
    }

    @Test("bad values are refused as misconfigured, naming the key", arguments: [
        (["preset": "semicolon"], "settings.port: required"),
        (["port": "COM1", "preset": "semicolon"], "settings.port: 'COM1' is neither"),
        (["port": "tcp://host", "preset": "semicolon"], "settings.port:"),
        (["port": "/dev/x"], "settings.preset: required unless pattern"),
        (["port": "/dev/x", "preset": "nope"], "settings.preset: unknown preset 'nope'"),
        (["port": "/dev/x", "preset": "semicolon", "baud": 7], "settings.baud: must be between"),
        (["port": "/dev/x", "preset": "semicolon", "data_bits": 9], "settings.data_bits:"),
        (["port": "/dev/x", "preset": "semicolon", "parity": "weird"], "settings.parity: 'weird' is not one of none, odd, even, mark, space"),
        (["port": "/dev/x", "preset": "semicolon", "stop_bits": 3], "settings.stop_bits:"),
        (["port": "/dev/x", "preset": "semicolon", "flow_control": "magic"], "settings.flow_control:"),
        (["port": "/dev/x", "preset": "semicolon", "driver": "serial"], "settings.driver:"),
        (["port": "/dev/x", "preset": "semicolon", "framing": "xml"], "settings.framing:"),
        (["port": "/dev/x", "preset": "semicolon", "line_end": "nl"], "settings.line_end:"),
        (["port": "/dev/x", "preset": "rfid_stx_etx", "line_end": "cr"], "settings.line_end: only applies"),
        (["port": "/dev/x", "preset": "semicolon", "framing": "fixed"], "settings.record_length: required"),
        (["port": "/dev/x", "preset": "semicolon", "checksum": "crc"], "settings.checksum:"),
        (["port": "/dev/x", "preset": "semicolon", "lines_per_record": 0], "settings.lines_per_record: must be between 1 and 16"),
        (["port": "/dev/x", "preset": "semicolon", "lines_per_record": 17], "settings.lines_per_record: must be between 1 and 16"),
        (["port": "/dev/x", "preset": "em18", "lines_per_record": 2], "settings.lines_per_record: only applies to framing = \"line\""),
        (["port": "/dev/x", "preset": "rfid_stx_etx", "record_start": "^x"], "settings.record_start: only applies"),
        (["port": "/dev/x", "preset": "semicolon", "record_start": "^x"], "settings.record_start: needs lines_per_record of 2 or more"),
        (["port": "/dev/x", "preset": "semicolon", "lines_per_record": 2, "record_start": "(["], "settings.record_start: not a valid regular expression"),
        (["port": "/dev/x", "preset": "semicolon", "pattern": "(?<badge>["], "settings.pattern: not a valid regular expression"),
        (["port": "/dev/x", "preset": "semicolon", "pattern": "^(?<card>\\d+)$"], "settings.pattern: must have a named group (?<badge>"),
        (["port": "/dev/x", "preset": "semicolon", "pattern": "^(?<badge>\\d+) (?<door>\\d)$"], "settings.pattern: unknown group 'door'"),
        (["port": "/dev/x", "pattern": "^(?<badge>\\d+) (?<time>\\d+)$", "functions": ["IN": ["activity": "at_office"]]], "settings.time_format: required"),
        (["port": "/dev/x", "preset": "semicolon", "time_format": "mm:ss"], "settings.time_format:"),
        (["port": "/dev/x", "preset": "semicolon", "time_zone": "Mars/Olympus"], "settings.time_zone:"),
        (["port": "/dev/x", "preset": "semicolon", "encoding": "ebcdic"], "settings.encoding:"),
        (["port": "/dev/x", "preset": "semicolon", "max_record_bytes": 1], "settings.max_record_bytes:"),
        (["port": "/dev/x", "preset": "semicolon", "badge_number": "roman"], "settings.badge_number:"),
        (["port": "/dev/x", "preset": "semicolon", "badge_forms": ["octal"]], "settings.badge_forms: 'octal'"),
        (["port": "/dev/x", "preset": "semicolon", "badge_number": "text", "badge_forms": ["hex"]], "settings.badge_forms: hex and decimal forms need"),
        (["port": "/dev/x", "preset": "semicolon", "functions": [String: String]()], "settings.functions: must map at least one"),
        (["port": "/dev/x", "preset": "semicolon", "functions": ["IN": ["note": "x"]]], "settings.functions: IN: activity: required"),
        (["port": "/dev/x", "preset": "semicolon", "functions": ["IN": ["activity": "At Office"]]], "settings.functions.IN.activity: must be 1-64 characters"),
        (["port": "/dev/x", "preset": "semicolon", "functions": ["IN": ["activity": "at_lunch", "duration": "1h", "until": "13:00"]]], "settings.functions: IN: set either duration or until"),
        (["port": "/dev/x", "preset": "semicolon", "functions": ["IN": ["activity": "at_lunch", "until": "25:00"]]], "settings.functions: IN: until: '25:00'"),
        (["port": "/dev/x", "preset": "semicolon", "functions": ["IN": ["activity": "at_lunch", "colour": "red"]]], "settings.functions.IN.colour: unknown key"),
        (["port": "/dev/x", "preset": "semicolon", "functions": ["in": ["activity": "a"], "IN": ["activity": "b"]]], "listed twice"),
        (["port": "/dev/x", "preset": "semicolon", "readers": ["1": "SIDEWAYS"]], "settings.readers: 1: function 'SIDEWAYS'"),
        (["port": "/dev/x", "preset": "semicolon", "default_function": "NAP"], "settings.default_function: 'NAP'"),
        (["port": "/dev/x", "preset": "semicolon", "duplicate_window": "2h"], "settings.duplicate_window:"),
        (["port": "/dev/x", "preset": "semicolon", "reopen_initial_delay": "1ms"], "settings.reopen_initial_delay:"),
        (["port": "/dev/x", "preset": "semicolon", "reopen_max_delay": "500ms"], "settings.reopen_max_delay:"),
        (["port": "/dev/x", "preset": "semicolon", "connect_timeout": "10m"], "settings.connect_timeout:"),
        (["port": "/dev/x", "preset": "semicolon", "baud": "fast"], "settings.baud: expected"),
    ] as [([String: any Sendable], String)])
    func refused(settings: [String: any Sendable], message: String) throws {
        do {
            _ = try make(settings)
            Issue.record("accepted \(settings)")
        } catch let error as PluginError {
            guard case let .misconfigured(text) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(text.contains(message), "\(text)")
        }
    }

    @Test("port addresses", arguments: [
        ("/dev/ttyUSB0", PortAddress.device("/dev/ttyUSB0")),
        ("tcp://192.0.2.7:4001", .tcp(host: "192.0.2.7", port: 4001)),
        ("tcp://[::1]:4001", .tcp(host: "::1", port: 4001)),
        ("tcp://door-1.example:23", .tcp(host: "door-1.example", port: 23)),
    ])
    func addresses(text: String, address: PortAddress) {
        #expect(PortAddress(text) == address)
        #expect(PortAddress(text)?.description == text)
    }
}
