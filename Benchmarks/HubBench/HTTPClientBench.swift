import Foundation
import HubPluginSupport
import NIOCore
import NIOHTTP1

/// `CurlHTTPClient` (libcurl multi handle, one transfer thread) against an in-process NIO server on
/// loopback: sequential latency, and throughput with 1, 16 and 64 requests in flight. Baseline: the
/// bench's own NIO client on one keep-alive connection, sequential.
struct HTTPClientBench {
    let group: any EventLoopGroup
    let quick: Bool

    func run() async throws -> Table {
        let server = try await LoopbackHTTPServer.start(group: group)
        defer { Task { await server.stop() } }
        let url = "http://127.0.0.1:\(server.port)/bench"
        let sequential = quick ? 500 : 5_000
        var table = Table("HTTP client: GET to a loopback server (2-byte body)", columns: ["client", "in flight", "requests", "req/s", "p50", "p99"])

        let nio = try await HTTPConnection.with(host: "127.0.0.1", port: server.port, group: group) { connection in
            try await Self.measureSequential(count: sequential) { _ = try await connection.send(.GET, "/bench") }
        }
        table.add(["NIO HTTPConnection (baseline)", "1", Format.count(sequential), Format.rate(nio.rate), Format.duration(nio.p50), Format.duration(nio.p99)])

        let client = try CurlHTTPClient(configuration: .init(maxConnectionsPerHost: 64))
        defer { client.shutdown() }
        for parallel in [1, 16, 64] {
            let count = parallel == 1 ? sequential : (quick ? 2_000 : 20_000)
            let figures = try await Self.measure(count: count, parallel: parallel) {
                let response = try await client.send(HTTPRequest(method: "GET", url: url))
                guard response.status == 200 else { throw BenchError("status \(response.status)") }
            }
            table.add(["CurlHTTPClient", "\(parallel)", Format.count(count), Format.rate(figures.rate), Format.duration(figures.p50), Format.duration(figures.p99)])
        }
        table.note("p50/p99 = latency of one request from send to complete body; req/s = requests / wall time.")
        table.note("One curl thread drives all transfers; connections are reused (keep-alive), up to 64 per host.")
        return table
    }

    private struct Figures {
        var rate: Double
        var p50: UInt64
        var p99: UInt64
    }

    /// Runs `count` requests one after the other on the caller's task.
    private static func measureSequential(count: Int, _ request: () async throws -> Void) async throws -> Figures {
        let started = Monotonic.now()
        var samples: [UInt64] = []
        samples.reserveCapacity(count)
        for _ in 0..<count {
            let start = Monotonic.now()
            try await request()
            samples.append(Monotonic.since(start))
        }
        return figures(samples, wall: Monotonic.since(started))
    }

    private static func figures(_ samples: [UInt64], wall: UInt64) -> Figures {
        let summary = LatencySummary(samples)
        return Figures(rate: Double(samples.count) / (Double(wall) / 1e9), p50: summary?.p50 ?? 0, p99: summary?.p99 ?? 0)
    }

    /// Runs `count` requests, `parallel` at a time, timing each and the whole.
    private static func measure(count: Int, parallel: Int, _ request: @escaping @Sendable () async throws -> Void) async throws -> Figures {
        let started = Monotonic.now()
        let samples = try await withThrowingTaskGroup(of: [UInt64].self) { group in
            for worker in 0..<parallel {
                let share = count / parallel + (worker < count % parallel ? 1 : 0)
                group.addTask {
                    var samples: [UInt64] = []
                    samples.reserveCapacity(share)
                    for _ in 0..<share {
                        let start = Monotonic.now()
                        try await request()
                        samples.append(Monotonic.since(start))
                    }
                    return samples
                }
            }
            return try await group.reduce(into: [UInt64]()) { $0 += $1 }
        }
        return figures(samples, wall: Monotonic.since(started))
    }
}
