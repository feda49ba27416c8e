import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// The real `hub` binary with an `access_control_serial` instance in plugins.d reading a socat PTY:
/// a badge written on the access-control end changes presence, read over HTTP, within one second.
@Suite("Access control end to end through the hub binary (INT-ACS)", .timeLimit(.minutes(2)))
struct AccessControlEndToEndTests {
    private func presence(port: Int, token: String, user: String) async throws -> [String: Any] {
        let (data, status) = try await HTTP.request("GET", "http://127.0.0.1:\(port)/api/v1/tenants/acme/users/\(user)/presence", token: token)
        try #require(status == 200, "\(String(decoding: data, as: UTF8.self))")
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    @Test("a Wiegand badge written to the PTY sets anna.virtanen at the office within a second; the instance shows running")
    func badgeChangesPresence() async throws {
        let pty = try ACSPseudoTerminal()
        try await pty.start()
        let directory = pty.folder + "/data"
        let plugins = pty.folder + "/plugins.d"
        try FileManager.default.createDirectory(atPath: plugins, withIntermediateDirectories: true)
        try """
            ## Lobby door: a Wiegand-to-RS232 converter (hex + CR)
            plugin = "access_control_serial"
            tenant = "acme"
            [settings]
            port = "\(pty.hubEnd)"
            preset = "wiegand_hex"

            """.write(toFile: plugins + "/lobby.toml", atomically: true, encoding: .utf8)
        #expect(try HubProcess.run(["seed", "--data-dir", directory, "samples/demo/tenant.json"]).status == 0)
        let token = try String(contentsOfFile: directory + "/demo-token", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let (server, port) = try await HubProcess.serve(dataDirectory: directory, plugins: plugins, logFile: pty.folder + "/serve.log")
        defer {
            if server.isRunning { kill(server.processIdentifier, SIGKILL) }
        }

        // Wait until the instance runs and reports its port open.
        var state = "", detail = ""
        for _ in 0..<300 where !detail.hasPrefix("open:") {
            let (data, _) = try await HTTP.request("GET", "http://127.0.0.1:\(port)/api/v1/tenants/acme/plugins", token: token)
            let list = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []
            let lobby = list.first { $0["id"] as? String == "lobby" }
            state = lobby?["state"] as? String ?? ""
            detail = lobby?["detail"] as? String ?? ""
            if !detail.hasPrefix("open:") { try await Task.sleep(for: .milliseconds(20)) }
        }
        #expect(state == "running")
        #expect(detail == "open: termios \(pty.hubEnd) 9600 8N1", "the status shows how the port is open")
        let before = try await presence(port: port, token: token, user: "anna.virtanen")
        #expect(before["activity"] as? String != "at_office")

        // A1B2C3 is anna's badge 00A1B2C3 written by the converter without leading zeros.
        let clock = ContinuousClock()
        let written = clock.now
        try pty.write("A1B2C3\r")
        var after: [String: Any] = [:]
        while clock.now - written < .seconds(5) {
            after = try await presence(port: port, token: token, user: "anna.virtanen")
            if after["activity"] as? String == "at_office" { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        let elapsed = clock.now - written
        #expect(after["activity"] as? String == "at_office", "\(after)")
        #expect(after["source"] as? String == "access_control")
        #expect(elapsed < .seconds(1), "stamp to presence took \(elapsed)")

        kill(server.processIdentifier, SIGTERM)
        for _ in 0..<500 where server.isRunning { try await Task.sleep(for: .milliseconds(20)) }
        #expect(!server.isRunning && server.terminationStatus == 0)
        let log = (try? String(contentsOfFile: pty.folder + "/serve.log", encoding: .utf8)) ?? ""
        #expect(!log.contains("cannot open port") && !log.contains("port lost"), "\(log)")
        await pty.remove()
    }
}
