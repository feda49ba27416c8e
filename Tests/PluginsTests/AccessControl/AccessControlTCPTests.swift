import AccessControlPlugin
import Foundation
import HubCore
import HubPluginSupport
import HubPluginTesting
import Testing

/// The plugin as a client of a serial device server (`tcp://host:port`), against a local listener.
@Suite("Access control: serial device server over TCP", .timeLimit(.minutes(1)))
struct AccessControlTCPTests {
    @Test("stamps arrive over TCP; a dropped connection is reconnected and reading goes on")
    func deviceServer() async throws {
        let server = try LocalDeviceServer()
        defer { server.stop() }
        let running = try AccessControlPTYTests.Running(
            port: "tcp://127.0.0.1:\(server.port)", preset: "rfid_stx_etx", extra: ["duplicate_window": "0s"])
        defer { running.task.cancel() }
        try await server.accept()
        try await running.waitOpen()
        #expect(running.plugin.link.detail == "tcp 127.0.0.1:\(server.port)")

        let frames = String(decoding: try ACSFixtures.sample("rfid_stx_etx.bin"), as: UTF8.self)
        try server.send(frames)
        _ = try await running.sink.waitForOutputs(count: 1)
        try await waitUntil("all three frames read") { running.plugin.statistics.stamps == 3 }
        #expect(running.presence.map(\.0) == ["anna"])
        #expect(running.plugin.statistics[.unknownBadge] == 2)

        server.dropClient()
        try await waitUntil("the drop to be seen") { running.plugin.statistics.disconnects == 1 }
        try await server.accept()
        try await running.waitOpen()
        try server.send(String(frames.prefix(14)))
        _ = try await running.sink.waitForOutputs(count: 2)
        #expect(running.plugin.statistics.opens == 2)
        await running.stop()
    }

    @Test("nobody listening: connection refused is retried with backoff, never a failure of the instance")
    func refused() async throws {
        let server = try LocalDeviceServer()
        let port = server.port
        server.stop()
        let running = try AccessControlPTYTests.Running(port: "tcp://127.0.0.1:\(port)", preset: "rfid_stx_etx")
        try await waitUntil("attempts") { running.plugin.statistics.openFailures >= 2 }
        #expect(running.plugin.link.detail.contains("refused"), "\(running.plugin.link)")
        await running.stop()
    }
}
