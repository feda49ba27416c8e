import Foundation
import HubCore
import NIOCore
import NIOHTTP1
import NIOPosix

/// The outbox through the real hub: how fast `POST /messages/email` accepts (each accept is one
/// fsync'd SQLite commit), and how fast the `email_smtp` gateway drains the queue into a real SMTP server
/// (aiosmtpd, `Tests/PluginsTests/Fixtures/smtp/smtp_sink.py`).
///
/// The SMTP server starts only after every message of the first batch was accepted, so the accept figures
/// are not mixed with sending. The e-mail rate is timed on a second batch posted with the server up, from
/// the first to the last message the server received.
struct OutboxBench {
    let hubPath: String
    let group: any EventLoopGroup
    let quick: Bool

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func run() async throws -> Table {
        let messages = quick ? 300 : 3_000
        let connections = 8
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hubbench-outbox-\(UInt32.random(in: 0 ... .max))").path
        let data = directory + "/data"
        let plugins = directory + "/plugins.d"
        try FileManager.default.createDirectory(atPath: plugins, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let tenant = GeneratedTenant.make(users: 10)
        try tenant.write(to: directory + "/tenant.json")
        _ = try HubProcess.runCommand(hub: hubPath, ["seed", "--data-dir", data, directory + "/tenant.json"], errorLog: directory + "/seed.log")
        let token = try HubProcess.runCommand(
            hub: hubPath, ["token", "create", "--data-dir", data, "--tenant", GeneratedTenant.tenantID.rawValue, "--role", "main_admin", "--name", "bench"],
            errorLog: directory + "/token.log").trimmingCharacters(in: .whitespacesAndNewlines)
        let smtpPort = try await Self.freePort(group: group)
        try """
            plugin = "email_smtp"
            tenant = "\(GeneratedTenant.tenantID.rawValue)"
            [settings]
            url = "smtp://127.0.0.1:\(smtpPort)"
            starttls = "off"

            """.write(toFile: plugins + "/mail.toml", atomically: true, encoding: .utf8)
        let port = try await Self.freePort(group: group)
        let hub = try HubProcess(hub: hubPath, dataDirectory: data, pluginsDirectory: plugins, port: port, logPath: directory + "/hub.log")
        var smtp: Process?
        defer {
            smtp?.terminate()
            smtp?.waitUntilExit()
        }
        let base = "/api/v1/tenants/\(GeneratedTenant.tenantID.rawValue)/messages"
        do {
            try await waitUntilHealthy(port: port, hub: hub)
            let rules = try await HTTPConnection.with(host: HubEndpoint.host, port: port, group: group) { connection in
                try await connection.send(.PUT, base + "/sender-rules", bearer: token,
                                          json: #"{"emailSenders":["@bench.example"],"defaultEmailSender":"hub@bench.example"}"#)
            }
            guard rules.status == 200 else { throw BenchError("sender rules refused: \(rules.status) \(rules.body)") }

            // Accept rate: `connections` keep-alive clients posting as fast as answers come.
            Console.progress("outbox: accepting \(messages) e-mails over \(connections) connections (SMTP server not running yet)")
            let started = Monotonic.now()
            let latencies = try await withThrowingTaskGroup(of: [UInt64].self) { tasks in
                for worker in 0..<connections {
                    tasks.addTask {
                        try await HTTPConnection.with(host: HubEndpoint.host, port: port, group: group) { connection in
                            var samples: [UInt64] = []
                            for index in stride(from: worker, to: messages, by: connections) {
                                let body = #"{"to":["user\#(index)@example.com"],"subject":"Bench \#(index)","text":"Hello number \#(index)"}"#
                                let start = Monotonic.now()
                                let reply = try await connection.send(.POST, base + "/email", bearer: token, json: body)
                                guard reply.status == 202 else { throw BenchError("accept answered \(reply.status): \(reply.body)") }
                                samples.append(Monotonic.since(start))
                            }
                            return samples
                        }
                    }
                }
                return try await tasks.reduce(into: [UInt64]()) { $0 += $1 }
            }
            let acceptTime = Monotonic.since(started)
            let summary = LatencySummary(latencies)

            // Start the server; the gateway instance comes back from its backoff and sends the backlog (not timed:
            // the few messages tried while the server was down wait out their retry backoff).
            Console.progress("outbox: starting aiosmtpd on \(smtpPort); sending the backlog")
            let sinkDirectory = directory + "/smtp"
            try FileManager.default.createDirectory(atPath: sinkDirectory, withIntermediateDirectories: true)
            smtp = try Self.startSMTP(port: smtpPort, directory: sinkDirectory)
            let log = sinkDirectory + "/received.log"
            func received() -> Int { ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n").count }
            _ = try await Self.waitFor(messages, received)

            // Drain rate: with the server up, post another batch faster than it drains and time first to last arrival.
            Console.progress("outbox: timing \(messages) more e-mails from the API to the SMTP server")
            async let posting: Void = post(messages, offset: messages, connections: connections, port: port, path: base + "/email", token: token)
            let first = try await Self.waitFor(messages + 1, received)
            let last = try await Self.waitFor(2 * messages, received)
            try await posting
            let drainTime = last - first
            Console.progress("outbox: \(2 * messages) e-mails received; stopping the hub")

            var table = Table("outbox: durable accept and e-mail delivery (hub binary, email_smtp → aiosmtpd)",
                              columns: ["measure", "count", "rate", "p50", "p99", "max"])
            table.add(["POST /messages/email → 202 (\(connections) connections)", Format.count(messages),
                       Format.rate(Double(messages) / (Double(acceptTime) / 1e9)),
                       summary.map { Format.duration($0.p50) } ?? "-", summary.map { Format.duration($0.p99) } ?? "-",
                       summary.map { Format.duration($0.max) } ?? "-"])
            table.add(["API → SMTP server, e-mails/s (1 SMTP connection, reused)", Format.count(messages),
                       Format.rate(Double(messages) / (Double(drainTime) / 1e9)), "-", "-", "-"])
            table.note("Each accept is one SQLite commit with synchronous=FULL before the 202; each e-mail is a claim and an outcome commit plus one SMTP transaction.")
            table.note("Baseline for the accept rate: the presence PATCH of the stream suite, also one fsync'd commit per request.")
            await hub.stop()
            return table
        } catch {
            await hub.stop()
            throw error
        }
    }

    /// Posts `count` e-mails numbered from `offset` over `connections` connections.
    private func post(_ count: Int, offset: Int, connections: Int, port: Int, path: String, token: String) async throws {
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            for worker in 0..<connections {
                tasks.addTask {
                    try await HTTPConnection.with(host: HubEndpoint.host, port: port, group: group) { connection in
                        for index in stride(from: offset + worker, to: offset + count, by: connections) {
                            let body = #"{"to":["user\#(index)@example.com"],"subject":"Bench \#(index)","text":"Hello number \#(index)"}"#
                            let reply = try await connection.send(.POST, path, bearer: token, json: body)
                            guard reply.status == 202 else { throw BenchError("accept answered \(reply.status): \(reply.body)") }
                        }
                    }
                }
            }
            try await tasks.waitForAll()
        }
    }

    /// Polls `count()` until it reaches `target` (ten minutes at most); returns the monotonic time it did.
    private static func waitFor(_ target: Int, _ count: () -> Int) async throws -> UInt64 {
        let deadline = Monotonic.now() + 600_000_000_000
        while Monotonic.now() < deadline {
            if count() >= target { return Monotonic.now() }
            try await Task.sleep(for: .milliseconds(5))
        }
        throw BenchError("the SMTP server did not receive \(target) e-mails within ten minutes")
    }

    private func waitUntilHealthy(port: Int, hub: HubProcess) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            guard hub.isRunning else { throw BenchError("hub exited during startup:\n\(hub.logTail())") }
            let healthy = try? await HTTPConnection.with(host: HubEndpoint.host, port: port, group: group) { connection in
                try await connection.send(.GET, "/healthz").status == 200
            }
            if healthy == true { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw BenchError("hub did not answer /healthz within a minute:\n\(hub.logTail())")
    }

    private static func startSMTP(port: Int, directory: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let script = repositoryRoot.appendingPathComponent("Tests/PluginsTests/Fixtures/smtp/smtp_sink.py").path
        process.arguments = ["python3", script, "--port", "\(port)", "--dir", directory]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        let ready = stdout.fileHandleForReading.readData(ofLength: 5)
        guard String(decoding: ready, as: UTF8.self) == "READY" else {
            throw BenchError("aiosmtpd did not start (pip install aiosmtpd; scripts/install-deps.sh test)")
        }
        // The server stops when its stdin closes; the Process keeps the pipe (and its write end) alive.
        return process
    }

    private static func freePort(group: any EventLoopGroup) async throws -> Int {
        let channel = try await ServerBootstrap(group: group).bind(host: HubEndpoint.host, port: 0).get()
        defer { channel.close(promise: nil) }
        guard let port = channel.localAddress?.port else { throw BenchError("cannot find a free port") }
        return port
    }
}
