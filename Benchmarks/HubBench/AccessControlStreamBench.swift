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
        socat.standardOutput = FileHandle.nullDevice
        socat.standardError = FileHandle.nullDevice
        try socat.run()
        defer {
            // SIGKILL: a child started from a Swift task thread may not see SIGTERM, and a socat left behind
            // keeps HubBench's caller waiting.
            if socat.isRunning { kill(socat.processIdentifier, SIGKILL) }
            socat.waitUntilExit()
        }
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
        let latencies: (stamps: [UInt64], patches: [UInt64])
        let cpu = CPUUsage(hubPID: hub.pid)
        do {
            latencies = try await measure(port: port, token: token, device: directory + "/ttyACS")
        } catch {
            await hub.stop(grace: .seconds(3))
            throw BenchError("\(error)\nhub log (last lines):\n\(hub.logTail())")
        }
        let shares = cpu.finish()
        await hub.stop(grace: .seconds(3))
        var table = Table(
            "Access control: PTY write → presence.changed on the WebSocket stream (hub serve, socat PTY, demo tenant)",
            columns: ["path", "changes", "p50", "p90", "p99", "max", "mean"])
        for (name, values) in [("stamp on the PTY → event", latencies.stamps), ("baseline: PATCH activity → event", latencies.patches)] {
            guard let summary = LatencySummary(values) else { continue }
            table.add([name, String(summary.count), Format.duration(summary.p50), Format.duration(summary.p90), Format.duration(summary.p99),
                       Format.duration(summary.max), Format.duration(summary.mean)])
        }
        table.note("one change in flight: write `OUT;<badge>` or `IN;<badge>` on the device end (or PATCH anna's activity over one "
            + "keep-alive connection, timed until the event after the 200), wait for the event whose activity matches")
        table.note("covers: PTY, reader thread, decode, directory lookup, engine + SQLite commit, event bus, WebSocket encoding, loopback")
        table.note("CPU during both phases: " + shares.summary
            + (shares.hubCPUSeconds.map { String(format: "; hub %.0f µs CPU per change", $0 * 1e6 / Double(2 * stamps)) } ?? ""))
        return table
    }

    /// Waits for the hub and the instance's open port, then times `stamps` stamps from the PTY's device end at
    /// `path` to their events. A watchdog ends the run with an error when no expected event arrives within
    /// `stall`, instead of waiting for ever.
    private func measure(port: Int, token: String, device path: String) async throws -> (stamps: [UInt64], patches: [UInt64]) {
        try await waitForOpenPort(port: port, token: token)
        let device = open(path, O_WRONLY | O_NOCTTY)
        guard device >= 0 else { throw BenchError("cannot open the PTY's device end") }
        defer { close(device) }
        let write: @Sendable (String) -> Void = { text in
            let bytes = Array(text.utf8)
            _ = bytes.withUnsafeBytes { Glibc.write(device, $0.baseAddress, $0.count) }
        }
        let logger = {
            var logger = Logger(label: "hubbench.acs")
            logger.logLevel = .critical
            return logger
        }()
        let url = "ws://127.0.0.1:\(port)/api/v1/tenants/acme/events/ws?access_token=\(token)"
        let (count, group, stall) = (stamps, group, Self.stall)
        let latencies = LatencyBox()
        let patches = LatencyBox()
        let progress = ProgressMark()
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                try await WebSocketClient.connect(url: url, eventLoopGroup: group, logger: logger) { inbound, _, _ in
                    var messages = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
                    func next(_ wanted: (String) -> Bool) async throws {
                        while let message = try await messages.next() {
                            guard case let .text(text) = message, wanted(text) else { continue }
                            progress.mark()
                            return
                        }
                        throw BenchError("the event stream ended")
                    }
                    // The hub subscribes this stream after the handshake: until a PATCH's event comes back,
                    // a stamp's event could be published before the subscription and never arrive.
                    let marker = Task { try await Self.patchUntilSeen(port: port, token: token, group: group, progress: progress) }
                    defer { marker.cancel() }
                    try await next { Self.isMarker($0) }
                    progress.phase("warm-up")
                    // OUT then IN leaves anna at the office, whatever she was before; IN's event always comes.
                    write("OUT;00A1B2C3\r\nIN;00A1B2C3\r\n")
                    try await next { Self.activity(in: $0) == "at_office" }
                    for index in 0..<count {
                        let out = index % 2 == 0
                        progress.phase("stamp \(index + 1) of \(count)")
                        let start = Monotonic.now()
                        write(out ? "OUT;00A1B2C3\r\n" : "IN;00A1B2C3\r\n")
                        try await next { Self.activity(in: $0) == (out ? "off_duty" : "at_office") }
                        latencies.add(Monotonic.since(start))
                    }
                    // Baseline: the same change through the API, without the PTY and the plugin. Anna is at the office now.
                    try await HTTPConnection.with(host: HubEndpoint.host, port: port, group: group) { connection in
                        for index in 0..<count {
                            let activity = index % 2 == 0 ? "off_duty" : "at_office"
                            progress.phase("PATCH \(index + 1) of \(count)")
                            let start = Monotonic.now()
                            let reply = try await connection.send(
                                .PATCH, "/api/v1/tenants/acme/users/anna.virtanen/presence", bearer: token, json: #"{"activity":"\#(activity)"}"#)
                            guard reply.status == 200 else { throw BenchError("PATCH answered \(reply.status): \(reply.body)") }
                            try await next { Self.activity(in: $0) == activity }
                            patches.add(Monotonic.since(start))
                        }
                    }
                }
            }
            tasks.addTask {
                while true {
                    try await Task.sleep(for: .milliseconds(250))
                    if let phase = progress.stalled(after: stall) {
                        throw BenchError("no expected event on the stream within \(stall) (\(phase))")
                    }
                }
            }
            try await tasks.next()
            tasks.cancelAll()
        }
        return (latencies.values, patches.values)
    }

    /// The longest wait for one expected event.
    static let stall: Duration = .seconds(15)

    /// `/healthz` answers, then the instance's status detail says its port is open (bytes written before
    /// that would wait in the PTY, and the first stamps would measure the open, not the path).
    private func waitForOpenPort(port: Int, token: String) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        var detail = ""
        while ContinuousClock.now < deadline {
            let reply = try? await HTTPConnection.with(host: HubEndpoint.host, port: port, group: group) {
                try await $0.send(.GET, "/api/v1/tenants/acme/plugins", bearer: token)
            }
            if let reply, reply.status == 200,
                let list = try? JSONSerialization.jsonObject(with: Data(reply.body.utf8)) as? [[String: Any]],
                let lobby = list.first(where: { $0["id"] as? String == "lobby" })
            {
                detail = "\(lobby["state"] as? String ?? "?"): \(lobby["detail"] as? String ?? "")"
                if (lobby["detail"] as? String)?.hasPrefix("open:") == true { return }
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw BenchError("the access_control_serial instance did not open its port within 60 s (last status: \(detail))")
    }

    /// PATCHes jyrki.makinen's note every 300 ms until the stream has delivered one of them.
    private static func patchUntilSeen(port: Int, token: String, group: any EventLoopGroup, progress: ProgressMark) async throws {
        var attempt = 0
        while !progress.hasMarked {
            attempt += 1
            _ = try? await HTTPConnection.with(host: HubEndpoint.host, port: port, group: group) {
                try await $0.send(.PATCH, "/api/v1/tenants/acme/users/jyrki.makinen/presence", bearer: token, json: #"{"note":"hubbench-sync-\#(attempt)"}"#)
            }
            try await Task.sleep(for: .milliseconds(300))
        }
    }

    /// Whether the text is the `presence.changed` event of a synchronising PATCH.
    static func isMarker(_ text: String) -> Bool {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
            let presence = object["presence"] as? [String: Any]
        else { return false }
        return (presence["note"] as? String)?.hasPrefix("hubbench-sync-") == true
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

/// When the stream last delivered an expected event, and what the run is waiting for.
final class ProgressMark: Sendable {
    private let state = Mutex<(last: UInt64, phase: String, marked: Bool)>((Monotonic.now(), "subscribing", false))
    func mark() { state.withLock { $0.last = Monotonic.now(); $0.marked = true } }
    func phase(_ text: String) { state.withLock { $0.phase = text } }
    var hasMarked: Bool { state.withLock { $0.marked } }
    /// The phase, if nothing expected has arrived for `limit`.
    func stalled(after limit: Duration) -> String? {
        let nanoseconds = UInt64(limit.components.seconds) * 1_000_000_000
        return state.withLock { Monotonic.now() - $0.last > nanoseconds ? $0.phase : nil }
    }
}

/// Latencies collected inside the WebSocket handler.
final class LatencyBox: Sendable {
    private let storage = Mutex<[UInt64]>([])
    var values: [UInt64] { storage.withLock { $0 } }
    func add(_ value: UInt64) { storage.withLock { $0.append(value) } }
}
