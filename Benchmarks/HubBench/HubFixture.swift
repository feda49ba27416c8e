import Foundation
import HubCore
import NIOCore
import NIOHTTP1
import NIOPosix

/// A running hub for the stream and memory benchmarks: a temporary data directory seeded with a
/// generated tenant through `hub seed`, API tokens from `hub token create`, and `hub serve` on loopback.
final class HubFixture {
    let directory: String
    let hub: HubProcess
    /// What clients need to reach the hub.
    let endpoint: HubEndpoint
    /// How long `hub seed` took (nil when nothing was seeded).
    let seedTime: UInt64?
    /// From spawning `hub serve` until /healthz answered.
    let startupTime: UInt64

    private init(directory: String, hub: HubProcess, endpoint: HubEndpoint, seedTime: UInt64?, startupTime: UInt64) {
        self.directory = directory
        self.hub = hub
        self.endpoint = endpoint
        self.seedTime = seedTime
        self.startupTime = startupTime
    }

    /// Seeds a tenant of `users` generated users (none: an empty hub) and starts the hub.
    static func start(hubPath: String, users: Int, group: any EventLoopGroup) async throws -> HubFixture {
        guard FileManager.default.isExecutableFile(atPath: hubPath) else {
            throw BenchError("no hub binary at \(hubPath); build it with `swift build -c release --product hub` or pass --hub PATH")
        }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("hubbench-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0 ... .max))").path
        let data = directory + "/data"
        let plugins = directory + "/plugins.d"
        try FileManager.default.createDirectory(atPath: plugins, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        do {
            var seedTime: UInt64?
            var userIDs: [UserID] = []
            var adminToken = ""
            let tenantID = GeneratedTenant.tenantID.rawValue
            if users > 0 {
                let tenant = GeneratedTenant.make(users: users)
                userIDs = tenant.users.map(\.id)
                let file = directory + "/tenant.json"
                try tenant.write(to: file)
                let start = Monotonic.now()
                _ = try HubProcess.runCommand(hub: hubPath, ["seed", "--data-dir", data, file], errorLog: directory + "/seed.log")
                seedTime = Monotonic.since(start)
                adminToken = try HubProcess.runCommand(
                    hub: hubPath, ["token", "create", "--data-dir", data, "--tenant", tenantID, "--role", "main_admin", "--name", "bench"],
                    errorLog: directory + "/token.log").trimmingCharacters(in: .whitespacesAndNewlines)
            }
            let operatorToken = try HubProcess.runCommand(
                hub: hubPath, ["token", "create", "--data-dir", data, "--role", "hub_admin", "--name", "bench-metrics"],
                errorLog: directory + "/token.log").trimmingCharacters(in: .whitespacesAndNewlines)
            let port = try await freePort(group: group)
            let start = Monotonic.now()
            let hub = try HubProcess(hub: hubPath, dataDirectory: data, pluginsDirectory: plugins, port: port, logPath: directory + "/hub.log")
            try await waitUntilHealthy(hub, group: group)
            let endpoint = HubEndpoint(
                port: port, group: group, userIDs: userIDs, adminToken: adminToken, operatorToken: operatorToken)
            return HubFixture(directory: directory, hub: hub, endpoint: endpoint, seedTime: seedTime, startupTime: Monotonic.since(start))
        } catch {
            try? FileManager.default.removeItem(atPath: directory)
            throw error
        }
    }

    /// Polls /healthz until it answers 200 (up to a minute); stops the hub if it never does.
    private static func waitUntilHealthy(_ hub: HubProcess, group: any EventLoopGroup) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            guard hub.isRunning else { throw BenchError("hub exited during startup:\n\(hub.logTail())") }
            let healthy = try? await HTTPConnection.with(host: HubEndpoint.host, port: hub.port, group: group) { connection in
                try await connection.send(.GET, "/healthz").status == 200
            }
            if healthy == true { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        await hub.stop()
        throw BenchError("hub did not answer /healthz within a minute:\n\(hub.logTail())")
    }

    /// Stops the hub (SIGTERM, then SIGKILL) and removes the temporary directory.
    @discardableResult
    func stop() async -> String {
        let outcome = await hub.stop()
        try? FileManager.default.removeItem(atPath: directory)
        return outcome
    }

    /// A TCP port that was free a moment ago on 127.0.0.1.
    private static func freePort(group: any EventLoopGroup) async throws -> Int {
        let channel = try await ServerBootstrap(group: group).bind(host: HubEndpoint.host, port: 0).get()
        defer { channel.close(promise: nil) }
        guard let port = channel.localAddress?.port else { throw BenchError("cannot find a free port") }
        return port
    }
}
