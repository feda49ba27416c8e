import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// `hub seed` stores `samples/demo/routing.json` next to the tenant file through the routing API's own
/// path (validated, audited), once; the served hub then routes by it.
@Suite("hub seed loads the demo routing", .timeLimit(.minutes(1)))
struct SeedRoutingTests {
    @Test("the first seed stores the demo plan, the second leaves it alone, the hub serves it after start")
    func seedsRoutingOnce() async throws {
        let data = try ScratchDirectory("seed-routing")
        defer { data.remove() }
        let first = try HubProcess.run(["seed", "--data-dir", data.path + "/data", "samples/demo/tenant.json"])
        #expect(first.status == 0, "\(first.output)")
        #expect(first.output.contains(
            "loaded routing of 'acme' from samples/demo/routing.json: 2 queue(s), 2 hunt group(s), rules for 8 user(s), 2 schedule(s)"),
            "\(first.output)")
        let second = try HubProcess.run(["seed", "--data-dir", data.path + "/data", "samples/demo/tenant.json"])
        #expect(second.status == 0, "\(second.output)")
        #expect(second.output.contains("routing of 'acme' already configured; samples/demo/routing.json not loaded"), "\(second.output)")

        let token = try String(contentsOfFile: data.path + "/data/demo-token", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        try FileManager.default.createDirectory(atPath: data.path + "/plugins.d", withIntermediateDirectories: true)
        let (server, port) = try await HubProcess.serve(dataDirectory: data.path + "/data", plugins: data.path + "/plugins.d", logFile: data.path + "/serve.log")
        defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }
        let base = "http://127.0.0.1:\(port)/api/v1/tenants/acme"
        let (body, status) = try await HTTP.request("GET", base + "/routing", token: token)
        #expect(status == 200, "\(String(decoding: body, as: UTF8.self))")
        let document = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        let plan = try #require(document["plan"] as? [String: Any])
        let queues = (plan["queues"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(queues == ["switchboard", "customer-service"])
        #expect((document["schedules"] as? [String: Any])?.keys.sorted() == ["customer-service", "office"])

        // The audit log names the seed as the actor of the routing change.
        let (audit, auditStatus) = try await HTTP.request("GET", base + "/audit", token: token)
        #expect(auditStatus == 200)
        #expect(String(decoding: audit, as: UTF8.self).contains("\"routing.replace\""), "\(String(decoding: audit, as: UTF8.self).prefix(400))")

        // A call to Björn (on vacation in the demo) goes to voicemail by his rule.
        let (offer, offerStatus) = try await HTTP.request(
            "POST", base + "/calls", token: token, json: #"{"id": "seed1", "from": "+358501234567", "to": "+358101234506"}"#)
        #expect(offerStatus == 201, "\(String(decoding: offer, as: UTF8.self))")
        #expect(String(decoding: offer, as: UTF8.self).contains("\"action\":\"voicemail\""), "\(String(decoding: offer, as: UTF8.self))")
        kill(server.processIdentifier, SIGTERM)
    }
}
