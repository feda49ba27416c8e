import Foundation
import HummingbirdWSClient
import Logging
import NIOCore
import NIOHTTP1
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Access control 2: end to end from a stamp written on a socat PTY to its `presence.changed` event on the
/// hub's WebSocket stream: `hub serve` with the demo tenant and an `access_control_serial` instance
/// reading the PTY; one stamp in flight at a time, alternating IN and OUT for anna.virtanen.
struct AccessControlStreamBench {
    let hubPath: String
    let group: any EventLoopGroup
    let stamps: Int

    init(hubPath: String, group: any EventLoopGroup, quick: Bool) {
        self.hubPath = hubPath
        self.group = group
        stamps = quick ? 50 : 300
    }

    func run() async throws -> Table {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/socat") else {
            throw BenchError("socat is missing: `make bench` installs it (scripts/install-deps.sh)")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hubbench-acs-\(UInt32.random(in: 0 ... .max))").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let data = directory + "/data", plugins = directory + "/plugins.d"
        try FileManager.default.createDirectory(atPath: plugins, withIntermediateDirectories: true)
        let socat = Process()
        socat.executableURL = URL(fileURLWithPath: "/usr/bin/socat")
        socat.arguments = ["pty,raw,echo=0,link=\(directory)/ttyACS", "pty,raw,echo=0,link=\(directory)/ttyHUB"]
        socat.standardError = FileHandle.nullDevice
        try socat.run()
        defer { socat.terminate() }
        try await waitUntil(deadline: .seconds(10)) { FileManager.default.fileExists(atPath: directory + "/ttyHUB") }
        try """
            plugin = "access_control_serial"
            tenant = "acme"
            [settings]
            port = "\(directory)/ttyHUB"
            preset = "semicolon"
            duplicate_window = "0s"

            """.write(toFile: plugins + "/lobby.toml", atomically: true, encoding: .utf8)
        _ = try HubProcess.runCommand(hub: hubPath, ["seed", "--data-dir", data, "samples/demo/tenant.json"], errorLog: directory + "/seed.log")
        let token = try String(contentsOfFile: data + "/demo-token", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let port = Int.random(in: 20_000...40_000)
        let hub = try HubProcess(hub: hubPath, dataDirectory: data, pluginsDirectory: plugins, port: port, logPath: directory + "/hub.log")
        let latencies: [UInt64]
        do {
            latencies = try await measure(port: port, token: token, device: directory + "/ttyACS")
        } catch {
            await hub.stop()
            throw error
        }
        await hub.stop()
        var table = Table(
            "Access control: PTY write → presence.changed on the WebSocket stream (hub serve, socat PTY, demo tenant)",
            columns: ["stamps", "p50", "p90", "p99", "max", "mean"])
        if let summary = LatencySummary(latencies) {
            table.add([String(summary.count), Format.duration(summary.p50), Format.duration(summary.p90), Format.duration(summary.p99),
                       Format.duration(summary.max), Format.duration(summary.mean)])
        }
        table.note("one stamp in flight: write `OUT;<badge>` or `IN;<badge>` on the device end, wait for the event whose activity matches")
        table.note("covers: PTY, reader thread, decode, directory lookup, engine + SQLite commit, event bus, WebSocket encoding, loopback")
        return table
    }

    /// Waits for the hub, then times `stamps` stamps from the PTY's device end at `path` to their events.
    private func measure(port: Int, token: String, device path: String) async throws -> [UInt64] {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            let healthy = try? await HTTPConnection.with(host: HubEndpoint.host, port: port, group: group) { try await $0.send(.GET, "/healthz").status == 200 }
            if healthy == true { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        let device = open(path, O_WRONLY | O_NOCTTY)
        guard device >= 0 else { throw BenchError("cannot open the PTY's device end") }
        defer { close(device) }
        let write: @Sendable (String) -> Void = { text in
            let bytes = Array(text.utf8)
            _ = bytes.withUnsafeBytes { Glibc.write(device, $0.baseAddress, $0.count) }
        }
        var logger = Logger(label: "hubbench.acs")
        logger.logLevel = .critical
        let url = "ws://127.0.0.1:\(port)/api/v1/tenants/acme/events/ws?access_token=\(token)"
        let count = stamps
        let latencies = LatencyBox()
        try await WebSocketClient.connect(url: url, eventLoopGroup: group, logger: logger) { inbound, _, _ in
            var messages = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
            func next(activity: String) async throws {
                while let message = try await messages.next() {
                    guard case let .text(text) = message, Self.activity(in: text) == activity else { continue }
                    return
                }
                throw BenchError("the event stream ended")
            }
            // Warm-up: OUT then IN leaves anna at the office, whatever she was before; IN's event always comes.
            write("OUT;00A1B2C3\r\nIN;00A1B2C3\r\n")
            try await next(activity: "at_office")
            for index in 0..<count {
                let out = index % 2 == 0
                let start = Monotonic.now()
                write(out ? "OUT;00A1B2C3\r\n" : "IN;00A1B2C3\r\n")
                try await next(activity: out ? "off_duty" : "at_office")
                latencies.add(Monotonic.since(start))
            }
        }
        return latencies.values
    }

    /// `presence.activity` of a `presence.changed` event for anna.virtanen, if the text is one.
    static func activity(in text: String) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
            object["type"] as? String == "presence.changed", let presence = object["presence"] as? [String: Any],
            presence["user"] as? String == "anna.virtanen"
        else { return nil }
        return presence["activity"] as? String
    }
}

/// Latencies collected inside the WebSocket handler.
final class LatencyBox: Sendable {
    private let storage = Mutex<[UInt64]>([])
    var values: [UInt64] { storage.withLock { $0 } }
    func add(_ value: UInt64) { storage.withLock { $0.append(value) } }
}
