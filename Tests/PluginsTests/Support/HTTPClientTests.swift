import Foundation
import HubPluginSupport
import HubPluginTesting
import Testing

/// `CurlHTTPClient` against the real loopback server in `Fixtures/HTTP`. Serialized: each test starts a
/// Python server, and timing assertions must not depend on how many others start at the same moment.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct HTTPClientTests {
    private struct Echo: Decodable {
        let method: String
        let path: String
        let headers: [String: String]
        let body: String
    }

    private func echo(_ response: HTTPResponse) throws -> Echo {
        try JSONDecoder().decode(Echo.self, from: response.body)
    }

    @Test(arguments: [
        ("GET", nil), ("POST", "{\"a\":1}"), ("PUT", "put body"), ("DELETE", nil), ("PATCH", "p"),
        ("REPORT", "<C:calendar-query/>"), ("PROPFIND", nil), ("POST", ""),
    ] as [(String, String?)])
    func sendsMethodBodyAndHeaders(method: String, body: String?) async throws {
        let server = try await HTTPFixtureServer.start()
        defer { server.stop() }
        let client = try CurlHTTPClient()
        let request = HTTPRequest(
            method: method, url: server.base + "/echo",
            headers: [HTTPField("X-Hub-Test", "yes ✓"), HTTPField("Depth", "1")], body: body.map { Data($0.utf8) })
        let response = try await client.send(request)
        #expect(response.status == 200)
        #expect(response.header("x-echo") == "yes")
        #expect(response.header("Content-Type") == "application/json")
        let echoed = try echo(response)
        #expect(echoed.method == method)
        #expect(echoed.body == (body ?? ""))
        #expect(echoed.headers["depth"] == "1")
        #expect(echoed.headers["user-agent"] == "Hub/1")
        // curl must not invent a form content type for raw bodies.
        #expect(echoed.headers["content-type"] == nil)
        #expect(echoed.headers["expect"] == nil)
    }

    @Test func headReturnsHeadersWithoutBody() async throws {
        let server = try await HTTPFixtureServer.start()
        defer { server.stop() }
        let response = try await CurlHTTPClient().send(HTTPRequest(method: "HEAD", url: server.base + "/echo"))
        #expect(response.status == 200)
        #expect(response.body.isEmpty)
        #expect(response.header("X-Echo") == "yes")
    }

    @Test func errorStatusesAreResponsesNotErrors() async throws {
        let server = try await HTTPFixtureServer.start()
        defer { server.stop() }
        let response = try await CurlHTTPClient().send(HTTPRequest(method: "GET", url: server.base + "/missing"))
        #expect(response.status == 404)
        #expect(String(decoding: response.body, as: UTF8.self) == "no such fixture")
    }

    @Test(arguments: [
        (HTTPAuth.basic(user: "alice", password: "s3cret"), "/basic", 200, "hello alice"),
        (HTTPAuth.basic(user: "alice", password: "wrong"), "/basic", 401, "who are you"),
        (HTTPAuth.bearer("tok-123"), "/bearer", 200, "token ok"),
        (HTTPAuth.bearer("tok-999"), "/bearer", 401, "bad token"),
        (HTTPAuth.ntlm(user: "CORP\\alice", password: "pw"), "/ntlm", 200, "ntlm CORP\\alice"),
    ])
    func authenticates(auth: HTTPAuth, path: String, status: Int, body: String) async throws {
        let server = try await HTTPFixtureServer.start()
        defer { server.stop() }
        let response = try await CurlHTTPClient().send(HTTPRequest(method: "GET", url: server.base + path, auth: auth))
        #expect(response.status == status)
        #expect(String(decoding: response.body, as: UTF8.self) == body)
    }

    @Test func timesOutAsRequested() async throws {
        let server = try await HTTPFixtureServer.start()
        defer { server.stop() }
        let started = ContinuousClock.now
        await #expect(throws: HTTPTransportError.timedOut) {
            try await CurlHTTPClient().send(HTTPRequest(method: "GET", url: server.base + "/slow?ms=5000", timeout: .milliseconds(300)))
        }
        #expect(ContinuousClock.now - started < .seconds(3))
    }

    @Test func closedPortIsUnreachable() async throws {
        let server = try await HTTPFixtureServer.start()
        let base = server.base
        await server.stopAndWait()
        let error = await #expect(throws: HTTPTransportError.self) {
            try await CurlHTTPClient().send(HTTPRequest(method: "GET", url: base + "/echo"))
        }
        guard case .unreachable = error else {
            Issue.record("expected unreachable, got \(String(describing: error))")
            return
        }
    }

    @Test(arguments: [
        HTTPRequest(method: "GET", url: "ftp://127.0.0.1/x"),
        HTTPRequest(method: "GE T", url: "http://127.0.0.1/x"),
        HTTPRequest(method: "GET", url: "http://127.0.0.1/x", headers: [HTTPField("X-Bad", "a\r\nInjected: 1")]),
        HTTPRequest(method: "GET", url: "http://127.0.0.1/x", auth: .bearer("tok\nInjected: 1")),
    ])
    func rejectsUnusableRequests(request: HTTPRequest) async throws {
        let error = await #expect(throws: HTTPTransportError.self) { try await CurlHTTPClient().send(request) }
        guard case .invalidRequest = error else {
            Issue.record("expected invalidRequest, got \(String(describing: error))")
            return
        }
    }

    @Test(arguments: [(1000, false, true), (1001, false, false), (100_000, true, false), (1000, true, true)])
    func limitsResponseSize(bytes: Int, chunked: Bool, fits: Bool) async throws {
        let server = try await HTTPFixtureServer.start()
        defer { server.stop() }
        let client = try CurlHTTPClient(configuration: .init(maxResponseBytes: 1000))
        let request = HTTPRequest(method: "GET", url: server.base + "/bytes?n=\(bytes)" + (chunked ? "&chunked=1" : ""))
        if fits {
            #expect(try await client.send(request).body.count == bytes)
        } else {
            await #expect(throws: HTTPTransportError.responseTooLarge(limit: 1000)) { try await client.send(request) }
        }
    }

    @Test func reportsRetryHints() async throws {
        let server = try await HTTPFixtureServer.start()
        defer { server.stop() }
        let client = try CurlHTTPClient()
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let throttled = try await client.send(HTTPRequest(method: "GET", url: server.base + "/retry"))
        #expect(throttled.status == 429)
        #expect(RetryHint.delay(for: throttled, now: now) == .seconds(7))
        let busy = try await client.send(HTTPRequest(method: "POST", url: server.base + "/ews-busy", body: Data("<soap/>".utf8)))
        #expect(busy.status == 500)
        #expect(RetryHint.delay(for: busy, now: now) == .milliseconds(5000))
    }

    @Test func runsFiftyRequestsInParallel() async throws {
        let server = try await HTTPFixtureServer.start()
        defer { server.stop() }
        let client = try CurlHTTPClient(configuration: .init(maxConnectionsPerHost: 64))
        let base = server.base
        let started = ContinuousClock.now
        let bodies = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<50 {
                group.addTask {
                    let response = try await client.send(HTTPRequest(method: "GET", url: base + "/hold?ms=700&i=\(index)"))
                    return String(decoding: response.body, as: UTF8.self)
                }
            }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        let elapsed = ContinuousClock.now - started
        #expect(bodies == Set((0..<50).map { "/hold?ms=700&i=\($0)" }))
        // Serial would take 35 s; one multi handle overlaps them.
        #expect(elapsed < .seconds(10))
        let stats = try await client.send(HTTPRequest(method: "GET", url: server.base + "/stats"))
        let counters = try JSONDecoder().decode([String: Int].self, from: stats.body)
        #expect((counters["max_in_flight"] ?? 0) >= 40)
    }

    @Test func cancellingTheTaskAbortsTheTransfer() async throws {
        let server = try await HTTPFixtureServer.start()
        defer { server.stop() }
        let client = try CurlHTTPClient()
        let url = server.base + "/drip?ms=50"
        let task = Task {
            try await client.send(HTTPRequest(method: "GET", url: url, timeout: .seconds(50)))
        }
        try await Task.sleep(for: .milliseconds(400))
        let cancelledAt = ContinuousClock.now
        task.cancel()
        let result = await task.result
        #expect(ContinuousClock.now - cancelledAt < .seconds(2))
        #expect(throws: HTTPTransportError.cancelled) { try result.get() }
        // The server notices the hang-up on its next write.
        let statsURL = server.base + "/stats"
        try await waitUntil("the server saw the client hang up") {
            let stats = try await client.send(HTTPRequest(method: "GET", url: statsURL))
            return try JSONDecoder().decode([String: Int].self, from: stats.body)["aborted"] == 1
        }
    }

    @Test func alreadyCancelledTaskSendsNothing() async throws {
        let client = try CurlHTTPClient()
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await client.send(HTTPRequest(method: "GET", url: "http://127.0.0.1:9/never"))
        }
        await #expect(throws: HTTPTransportError.cancelled) { try await task.value }
    }

    @Test func sendsThroughAProxy() async throws {
        let server = try await HTTPFixtureServer.start()
        defer { server.stop() }
        // The fixture acts as the proxy: it receives the absolute URI a proxy gets.
        let client = try CurlHTTPClient(configuration: .init(proxy: server.base))
        let response = try await client.send(HTTPRequest(method: "GET", url: "http://calendar.example.invalid/echo"))
        #expect(response.status == 200)
        #expect(try echo(response).path == "http://calendar.example.invalid/echo")
    }

    @Test func shutdownFailsLaterRequests() async throws {
        let client = try CurlHTTPClient()
        client.shutdown()
        await #expect(throws: HTTPTransportError.unreachable("client shut down")) {
            try await client.send(HTTPRequest(method: "GET", url: "http://127.0.0.1:9/never"))
        }
    }
}
