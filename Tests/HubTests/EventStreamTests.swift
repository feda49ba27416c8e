import Foundation
#if canImport(Glibc)
import Glibc
#endif
import HTTPTypes
@testable import Hub
import HubCore
import HummingbirdTesting
import HummingbirdWSClient
import Logging
import Synchronization
import Testing

@Suite("Event stream over WebSocket and SSE (PRES-7)")
struct EventStreamTests {
    /// Waits (by yielding, not by the clock) until the bus has `count` subscribers.
    static func waitForSubscribers(_ bus: EventBus, _ count: Int) async throws {
        for _ in 0..<20_000 where bus.subscriberCount < count { await Task.yield() ; try await Task.sleep(for: .milliseconds(1)) }
        try #require(bus.subscriberCount >= count)
    }

    @Test("a presence change reaches WebSocket subscribers of the tenant, and not those of another tenant")
    func webSocket() async throws {
        let hub = try await TestHub.make()
        defer { hub.cleanUp() }
        let tokens = hub.tokens
        let bus = hub.services.bus
        let logger = Logger(label: "ws-test")
        try await hub.runtime.application().test(.live) { client in
            let port = try #require(client.port)
            func firstMessage(tenant: String, token: String?) async throws -> String? {
                let first = Mutex<String?>(nil)
                try await WebSocketClient.connect(
                    url: "ws://127.0.0.1:\(port)/api/v1/tenants/\(tenant)/events/ws?access_token=\(token ?? "")", logger: logger
                ) { inbound, _, _ in
                    for try await message in inbound.messages(maxSize: 1 << 20) {
                        if case let .text(text) = message {
                            first.withLock { $0 = text }
                            return
                        }
                    }
                }
                return first.withLock { $0 }
            }
            async let acme = firstMessage(tenant: "acme", token: tokens["acmeUser2"])
            async let globex = firstMessage(tenant: "globex", token: tokens["globexAdmin"])
            try await Self.waitForSubscribers(bus, 2)
            let changed = try await client.send(.patch, "/api/v1/tenants/acme/users/anna/presence", token: tokens["acmeUser"],
                                                json: #"{"activity":"at_lunch"}"#)
            #expect(changed.status == .ok)
            _ = try await client.send(.patch, "/api/v1/tenants/globex/users/g3/presence", token: tokens["globexAdmin"],
                                      json: #"{"activity":"sick"}"#)
            let acmeEvent = try #require(try await acme)
            let globexEvent = try #require(try await globex)
            #expect(acmeEvent.contains(#""type":"presence.changed""#))
            #expect(acmeEvent.contains(#""user":"anna""#))
            #expect(acmeEvent.contains(#""activity":"at_lunch""#))
            #expect(globexEvent.contains(#""user":"g3""#))
            #expect(!globexEvent.contains("anna"))
        }
    }

    @Test("the WebSocket upgrade is refused without a token of the tenant")
    func webSocketNeedsToken() async throws {
        let hub = try await TestHub.make()
        defer { hub.cleanUp() }
        let tokens = hub.tokens
        try await hub.runtime.application().test(.live) { client in
            let port = try #require(client.port)
            await #expect(throws: (any Error).self) {
                try await WebSocketClient.connect(
                    url: "ws://127.0.0.1:\(port)/api/v1/tenants/acme/events/ws?access_token=\(tokens["globexAdmin"] ?? "")",
                    logger: Logger(label: "ws")) { _, _, _ in }
            }
        }
    }

    @Test("Server-Sent Events carry the change with id, event type and JSON data")
    func serverSentEvents() async throws {
        let hub = try await TestHub.make()
        defer { hub.cleanUp() }
        let tokens = hub.tokens
        let bus = hub.services.bus
        try await hub.runtime.application().test(.live) { client in
            let port = try #require(client.port)
            let token = tokens["acmeUser2"] ?? ""
            async let stream = RawHTTP.read(
                port: port, request: "GET /api/v1/tenants/acme/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\n\r\n",
                until: "event: presence.changed")
            try await Self.waitForSubscribers(bus, 1)
            _ = try await client.send(.patch, "/api/v1/tenants/acme/users/anna/presence", token: tokens["acmeUser"], json: #"{"activity":"busy"}"#)
            let text = try await stream
            #expect(text.contains("text/event-stream"))
            #expect(text.contains("event: presence.changed\n") || text.contains("event: presence.changed"))
            #expect(text.contains("id: "))
        }
    }
}

/// A minimal blocking HTTP reader for streaming responses (SSE), run off the cooperative pool.
enum RawHTTP {
    static func read(port: Int, request: String, until marker: String, limit: Int = 1 << 20) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try readBlocking(port: port, request: request, until: marker, limit: limit) })
            }
        }
    }

    private static func readBlocking(port: Int, request: String, until marker: String, limit: Int) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        _ = request.withCString { send(fd, $0, strlen($0), 0) }
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while received.count < limit {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received.append(contentsOf: buffer[0..<count])
            if String(decoding: received, as: UTF8.self).contains(marker) { break }
        }
        return String(decoding: received, as: UTF8.self)
    }
}
