import Foundation
import HTTPTypes
@testable import Hub
import HubCore
import HummingbirdTesting
import HummingbirdWSClient
import Logging
import Synchronization
import Testing

@Suite("Event stream over WebSocket and SSE (PRES-7)", .timeLimit(.minutes(1)))
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
            #expect(!acmeEvent.contains(#""role""#), "another user's role is hidden from a user token (DIR-5)")
            #expect(!acmeEvent.contains("revision") && !acmeEvent.contains("lastManualAt"), "no engine bookkeeping on the wire")
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
            async let stream = RawHTTP.read(port: port, path: "/api/v1/tenants/acme/events", token: token, until: "data: {")
            try await Self.waitForSubscribers(bus, 1)
            _ = try await client.send(.patch, "/api/v1/tenants/acme/users/anna/presence", token: tokens["acmeUser"], json: #"{"activity":"busy"}"#)
            let text = try await stream
            #expect(text.contains("text/event-stream"))
            #expect(text.contains("event: presence.changed\ndata: {"))
            #expect(text.contains(#""activity":"busy""#))
            #expect(text.contains("id: "))
        }
    }
}

/// Reads a streaming response (SSE) with curl until a marker appears.
enum RawHTTP {
    static func read(port: Int, path: String, token: String, until marker: String) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try readBlocking(port: port, path: path, token: token, until: marker) })
            }
        }
    }

    private static func readBlocking(port: Int, path: String, token: String, until marker: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // --max-time only guards against a hung test; the loop below ends at the marker.
        process.arguments = ["curl", "-sN", "-i", "--max-time", "30", "-H", "Authorization: Bearer \(token)", "http://127.0.0.1:\(port)\(path)"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        var received = Data()
        while true {
            let chunk = pipe.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            received.append(chunk)
            if String(decoding: received, as: UTF8.self).contains(marker) { break }
        }
        // Process.waitUntilExit needs a run loop this thread lacks; kill and reap directly.
        kill(process.processIdentifier, SIGKILL)
        var status: Int32 = 0
        waitpid(process.processIdentifier, &status, 0)
        return String(decoding: received, as: UTF8.self)
    }
}
