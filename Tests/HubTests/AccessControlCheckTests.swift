import Foundation
import Testing

/// `hub plugins check` validates access-control instance files and lists the serial ports libserialport sees.
@Suite("Access control in `hub plugins check`")
struct AccessControlCheckTests {
    @Test("a valid instance is ok, a bad one names the key, and the ports libserialport sees are listed as info lines")
    func check() throws {
        let directory = try ScratchDirectory("acs-check")
        defer { directory.remove() }
        let lobby = try directory.write("lobby.toml", """
            plugin = "access_control_serial"
            tenant = "acme"
            [settings]
            port = "/dev/ttyUSB0"
            preset = "wiegand_hex"

            """)
        let (okStatus, okOutput) = try HubProcess.run(["plugins", "check", "--plugins", directory.path])
        #expect(okStatus == 0, "\(okOutput)")
        #expect(okOutput.contains("ok    \(lobby): access_control_serial for tenant acme"), "\(okOutput)")
        let info = okOutput.split(separator: "\n").filter { $0.hasPrefix("info  access_control_serial: ") }
        #expect(!info.isEmpty, "\(okOutput)")
        #expect(info.allSatisfy { $0.contains("serial port /dev/") || $0.contains("libserialport sees no serial ports") }, "\(info)")

        let bad = try directory.write("bad.toml", """
            plugin = "access_control_serial"
            tenant = "acme"
            [settings]
            port = "/dev/ttyUSB1"
            preset = "wiegand_hex"
            parity = "sometimes"

            """)
        let (badStatus, badOutput) = try HubProcess.run(["plugins", "check", "--plugins", directory.path])
        #expect(badStatus == 1)
        #expect(badOutput.contains("error \(bad): misconfigured: settings.parity: 'sometimes' is not one of none, odd, even, mark, space"), "\(badOutput)")
    }
}
