import Foundation
import HubPluginSupport
import Testing

/// TLS verification of `CurlHTTPClient` against the fixture server serving HTTPS with a throw-away
/// self-signed certificate for 127.0.0.1 made by `openssl` (installed by `make test`).
@Suite(.timeLimit(.minutes(1)))
struct HTTPClientTLSTests {
    private static func makeCertificate(in directory: URL) throws -> (certificate: String, key: String) {
        let certificate = directory.appendingPathComponent("cert.pem").path
        let key = directory.appendingPathComponent("key.pem").path
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", certificate,
        ]
        openssl.standardError = FileHandle.nullDevice
        do { try openssl.run() } catch {
            Issue.record("openssl is missing (`make test` installs it): \(error)")
            throw error
        }
        // Blocking, but brief and only in this one serial test.
        openssl.waitUntilExit()
        try #require(openssl.terminationStatus == 0, "openssl req failed")
        return (certificate, key)
    }

    @Test func verifiesAgainstTheConfiguredCAOrRefuses() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("http-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let tls = try Self.makeCertificate(in: directory)
        let server = try await HTTPFixtureServer.start(tls: tls)
        defer { server.stop() }
        let url = "https://127.0.0.1:\(server.port)/echo"

        let trusting = try CurlHTTPClient(configuration: .init(caFile: tls.certificate))
        #expect(try await trusting.send(HTTPRequest(method: "GET", url: url)).status == 200)

        let system = try CurlHTTPClient()
        let error = await #expect(throws: HTTPTransportError.self) { try await system.send(HTTPRequest(method: "GET", url: url)) }
        guard case .unreachable = error else {
            Issue.record("a self-signed certificate must be refused, got \(String(describing: error))")
            return
        }

        let insecure = try CurlHTTPClient(configuration: .init(insecureSkipVerify: true))
        #expect(try await insecure.send(HTTPRequest(method: "GET", url: url)).status == 200)
    }
}
