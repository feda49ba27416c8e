import Foundation
import HubCore
import HubPluginSupport
import HubPluginTesting
import MailPlugin
import Testing

/// The `email_smtp` kind against a real SMTP server (Python aiosmtpd) on 127.0.0.1.
@Suite("email_smtp against aiosmtpd", .timeLimit(.minutes(1)))
struct MailPluginLiveTests {
    static func message(_ id: String, _ email: EmailContent) -> OutboundMessage {
        OutboundMessage(id: MessageID(id), tenant: "acme", content: .email(email))
    }

    /// Runs the plugin over `messages` until each has an outcome (or the run ends), then stops it.
    static func run(_ settings: [String: Any], _ messages: [OutboundMessage]) async throws -> (outcomes: [(MessageID, DeliveryOutcome)], runError: (any Error)?) {
        let outbox = MailOutbox(messages)
        let context = PluginContext.testing(clock: TestHubClock().hubClock, outbox: outbox)
        let plugin = try MailPlugin.factory.make(settings: try DictionarySettingsSource(settings), context: context)
        let task = Task { () -> (any Error)? in
            do { try await plugin.run(context: context) } catch { return error }
            return nil
        }
        try await waitUntil(timeout: .seconds(30), "outcomes for every message") {
            outbox.outcomes.count >= messages.count || task.isCancelled
        }
        task.cancel()
        let error = await task.value
        return (outbox.outcomes, error is CancellationError ? nil : error)
    }

    /// Python's reading of a received message: headers decoded, parts listed (type, filename, decoded bytes as base64).
    static func parse(_ data: Data) throws -> [String: Any] {
        let script = """
            import base64, email, email.policy, json, sys
            m = email.message_from_bytes(sys.stdin.buffer.read(), policy=email.policy.default)
            parts = [{"type": p.get_content_type(), "filename": p.get_filename(),
                      "data": base64.b64encode(p.get_payload(decode=True) or b"").decode(),
                      "text": p.get_content() if p.get_content_maintype() == "text" else None}
                     for p in m.walk() if not p.is_multipart()]
            print(json.dumps({"subject": str(m["subject"]), "from": str(m["from"]), "to": str(m["to"]),
                              "message_id": m["message-id"], "defects": len(m.defects), "parts": parts}))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(data)
        try input.fileHandleForWriting.close()
        let result = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try #require(try JSONSerialization.jsonObject(with: result) as? [String: Any])
    }

    @Test("plain and multipart e-mails arrive as sent; a 550 recipient fails the message; Message-ID comes from the outbox id")
    func deliversAndClassifies() async throws {
        let sink = try SMTPSink()
        defer { sink.stop() }
        let ics = Data("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n".utf8)
        let audio = Data((0..<5000).map { UInt8($0 % 251) })
        let messages = [
            Self.message("m-plain", EmailContent(from: "Hub <hub@acme.example>", to: ["anna@acme.example"], subject: "Missed call",
                                                  text: "You missed a call.")),
            Self.message("m-rich", EmailContent(
                from: "hub@acme.example", to: ["Åke Söderström <ake@acme.example>", "bertil@acme.example"],
                subject: "Kutsu: Neuvottelu – äänitiedosto 🙂", text: "Tervetuloa!", html: "<b>Tervetuloa!</b>",
                attachments: [EmailAttachment(filename: "invite.ics", contentType: "text/calendar; method=REQUEST", data: ics),
                              EmailAttachment(filename: "viesti.wav", contentType: "audio/wav", data: audio)])),
            Self.message("m-refused", EmailContent(from: "hub@acme.example", to: ["reject@acme.example"], subject: "x", text: "x")),
        ]
        let (outcomes, error) = try await Self.run(
            ["url": "smtp://127.0.0.1:\(sink.port)", "starttls": "off", "message_id_domain": "hub.test"], messages)
        #expect(error == nil)
        #expect(outcomes.count == 3)
        #expect(outcomes.first { $0.0.rawValue == "m-plain" }?.1 == .sent(reference: "<m-plain@hub.test>", parts: 0))
        #expect(outcomes.first { $0.0.rawValue == "m-rich" }?.1 == .sent(reference: "<m-rich@hub.test>", parts: 0))
        guard case let .failed(reason)? = outcomes.first(where: { $0.0.rawValue == "m-refused" })?.1 else {
            Issue.record("a 550 recipient must fail the message, got \(outcomes)")
            return
        }
        #expect(reason.contains("550"))

        let received = sink.received()
        #expect(received.count == 2)
        #expect(received.first?[0] == "<m-plain@hub.test>")
        #expect(received.first?[1] == "hub@acme.example")
        #expect(received.last?[2] == "ake@acme.example,bertil@acme.example")

        let rich = try Self.parse(try sink.message(2))
        #expect(rich["subject"] as? String == "Kutsu: Neuvottelu – äänitiedosto 🙂")
        #expect(rich["to"] as? String == "Åke Söderström <ake@acme.example>, bertil@acme.example")
        #expect(rich["message_id"] as? String == "<m-rich@hub.test>")
        #expect(rich["defects"] as? Int == 0)
        let parts = rich["parts"] as? [[String: Any]] ?? []
        #expect(parts.map { $0["type"] as? String ?? "" } == ["text/plain", "text/html", "text/calendar", "audio/wav"])
        #expect((parts.first?["text"] as? String)?.hasPrefix("Tervetuloa!") == true)
        #expect(parts[2]["filename"] as? String == "invite.ics")
        #expect(parts[3]["data"] as? String == audio.base64EncodedString())
        #expect(parts[2]["data"] as? String == ics.base64EncodedString())
    }

    @Test("STARTTLS with a verified certificate and AUTH: the server sees TLS and the login")
    func starttlsAndAuth() async throws {
        let keys = try TemporaryDirectory()
        defer { keys.remove() }
        let cert = keys.path("cert.pem")
        let key = keys.path("key.pem")
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1",
                             "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"]
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        try #require(openssl.terminationStatus == 0, "openssl is needed to make a test certificate; make test installs it")
        let sink = try SMTPSink(["--tls", cert, key, "--require-tls", "--auth", "hub:s3cret"])
        defer { sink.stop() }
        let base: [String: Any] = ["url": "smtp://127.0.0.1:\(sink.port)", "starttls": "required", "ca_file": cert, "username": "hub"]

        let (outcomes, error) = try await Self.run(base.merging(["password": "s3cret"]) { $1 }, [
            Self.message("m-tls", EmailContent(from: "hub@acme.example", to: ["anna@acme.example"], subject: "TLS", text: "secure")),
        ])
        #expect(error == nil)
        #expect(outcomes.first?.1 == .sent(reference: "<m-tls@hub.localdomain>", parts: 0))
        #expect(sink.received().first.map { [$0[3], $0[4]] } == ["hub", "yes"])

        let (refused, loginError) = try await Self.run(base.merging(["password": "wrong"]) { $1 }, [
            Self.message("m-badlogin", EmailContent(from: "hub@acme.example", to: ["anna@acme.example"], subject: "x", text: "x")),
        ])
        guard case .retry? = refused.first?.1 else {
            Issue.record("a refused login retries the message later, got \(refused)")
            return
        }
        guard case .authenticationFailed? = loginError as? PluginError else {
            Issue.record("a refused login makes the instance fail with authenticationFailed, got \(String(describing: loginError))")
            return
        }
        #expect(sink.received().count == 1)
    }

    @Test("a server that is down: the message is retried later and the instance reports itself unavailable")
    func serverDown() async throws {
        let port = try FreePort.next()
        let (outcomes, error) = try await Self.run(["url": "smtp://127.0.0.1:\(port)", "starttls": "off"], [
            Self.message("m-down", EmailContent(from: "hub@acme.example", to: ["anna@acme.example"], subject: "x", text: "x")),
        ])
        guard case let .retry(reason, _)? = outcomes.first?.1 else {
            Issue.record("expected a retry, got \(outcomes)")
            return
        }
        #expect(!reason.isEmpty)
        guard case .unavailable? = error as? PluginError else {
            Issue.record("expected PluginError.unavailable, got \(String(describing: error))")
            return
        }
    }
}
