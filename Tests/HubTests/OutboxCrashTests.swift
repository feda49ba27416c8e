import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import Hub
import HubCore
import HubPluginTesting
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The real `hub` binary with the real `email_smtp` kind and a real SMTP server (aiosmtpd).
@Suite("Outbox crash: SIGKILL with 1,000 messages queued", .timeLimit(.minutes(3)))
struct OutboxCrashTests {
    @Test("after SIGKILL and restart every accepted e-mail reaches the server; duplicates only for the one in flight")
    func sigkillWithQueuedMessages() async throws {
        let directory = NSTemporaryDirectory() + "hub-outbox-kill-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let seeded = try HubProcess.run(["seed", "--data-dir", directory, "samples/demo/tenant.json"])
        try #require(seeded.status == 0, "\(seeded.output)")
        let token = try String(contentsOfFile: directory + "/demo-token", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        // 20 ms per message: the server takes at most 50 a second, so most of the 1,000 are still queued at the kill.
        let smtp = try OutboxSMTPServer(arguments: ["--delay", "0.02"])
        defer { smtp.stop() }
        let plugins = directory + "/plugins.d"
        try FileManager.default.createDirectory(atPath: plugins, withIntermediateDirectories: true)
        try """
            plugin = "email_smtp"
            tenant = "acme"
            [settings]
            url = "smtp://127.0.0.1:\(smtp.port)"
            starttls = "off"
            message_id_domain = "hub.test"
            timeout = "10s"

            """.write(toFile: plugins + "/mail.toml", atomically: true, encoding: .utf8)

        var (server, port) = try await HubProcess.serve(dataDirectory: directory, plugins: plugins, logFile: directory + "/serve1.log")
        let (_, rulesStatus) = try await HTTP.request("PUT", Self.base(port) + "/sender-rules", token: token,
                                                      json: #"{"emailSenders":["@acme.example"],"defaultEmailSender":"Hub <hub@acme.example>"}"#)
        try #require(rulesStatus == 200)

        let total = 1_000
        let accepted = AcceptedIDs()
        let acceptPort = port
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    for index in stride(from: worker, to: total, by: 8) {
                        guard let id = try? await Self.send(index, base: Self.base(acceptPort), token: token) else { return }
                        accepted.ids.withLock { $0[index] = id }
                    }
                }
            }
        }
        let ids = accepted.ids.withLock { $0 }
        try #require(ids.count == total, "every message must be accepted before the kill")
        let receivedAtKill = smtp.received().count
        kill(server.processIdentifier, SIGKILL)
        server.waitUntilExit()
        #expect(server.terminationReason == .uncaughtSignal)
        #expect(receivedAtKill < total - 100, "the test needs messages still queued at the kill (had \(receivedAtKill) delivered)")

        (server, port) = try await HubProcess.serve(dataDirectory: directory, plugins: plugins, logFile: directory + "/serve2.log")
        defer { server.terminate(); server.waitUntilExit() }
        let expected = Set(ids.values.map { "<\($0)@hub.test>" })
        try await waitUntil(timeout: .seconds(120), "all \(total) messages at the SMTP server") {
            Set(smtp.received().map(\.messageID)).count >= total
        }
        // Give a duplicate still in flight time to show up before counting.
        try await Task.sleep(for: .milliseconds(300))
        let received = smtp.received().map(\.messageID)
        #expect(Set(received) == expected, "every accepted message arrived, and nothing else")
        let duplicates = received.count - Set(received).count
        #expect(duplicates <= 1, "only a message in flight at the kill may arrive twice; got \(duplicates) duplicates")

        // The idempotency keys survived the crash: re-sending gives the same ids and queues nothing.
        for index in 0..<10 {
            let id = try await Self.send(index, base: Self.base(port), token: token)
            #expect(id == ids[index])
        }
        let (usage, _) = try await HTTP.request("GET", Self.base(port) + "/usage", token: token)
        let months = (try JSONSerialization.jsonObject(with: usage) as? [String: Any])?["months"] as? [[String: Any]] ?? []
        #expect(months.first?["accepted"] as? Int == total)
        try await waitUntil("every message recorded as sent") {
            let (data, _) = try await HTTP.request("GET", Self.base(port) + "/usage", token: token)
            let months = (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["months"] as? [[String: Any]] ?? []
            return months.first?["sent"] as? Int == total
        }
        let (open, _) = try await HTTP.request("GET", Self.base(port) + "?status=queued", token: token)
        #expect(String(decoding: open, as: UTF8.self).contains(#""messages":[]"#))
        print("outbox crash test: \(receivedAtKill) delivered before the kill, \(total - receivedAtKill) queued; \(duplicates) duplicate(s) after restart")
    }

    static func base(_ port: Int) -> String { "http://127.0.0.1:\(port)/api/v1/tenants/acme/messages" }

    /// POSTs e-mail number `index` with its idempotency key; returns the id.
    static func send(_ index: Int, base: String, token: String) async throws -> String {
        var request = URLRequest(url: try #require(URL(string: base + "/email")))
        request.httpMethod = "POST"
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("crash-\(index)", forHTTPHeaderField: "Idempotency-Key")
        request.httpBody = Data(#"{"to":["user\#(index)@example.com"],"subject":"Message \#(index)","text":"Body \#(index)"}"#.utf8)
        let (data, response) = try await URLSession.shared.data(for: request)
        guard (response as? HTTPURLResponse)?.statusCode == 202,
              let id = (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["id"] as? String
        else { throw POSIXError(.EIO) }
        return id
    }
}

/// Ids of accepted messages by index, shared by the sending tasks.
final class AcceptedIDs: Sendable {
    let ids = Mutex<[Int: String]>([:])
}
