import Foundation
import HubPluginTesting

/// The Python SMS-provider stand-in (`Fixtures/smsprovider/provider.py`) on a free 127.0.0.1 port,
/// recording each request; ``stop()`` ends it.
final class ProviderFixture: @unchecked Sendable {
    let port: Int
    let directory: TemporaryDirectory
    private let process: Process

    /// One request the provider received.
    struct Recorded: Decodable {
        var method: String
        var path: String
        var query: String
        var headers: [String: String]
        var body: String

        func header(_ name: String) -> String? { headers.first { $0.key.lowercased() == name.lowercased() }?.value }
        var form: [String: String] {
            Dictionary(SMSHTTPTestSupport.decodeForm(body.isEmpty ? query : body), uniquingKeysWith: { first, _ in first })
        }
        var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] }
    }

    init(style: String, credentials: [String]) async throws {
        directory = try TemporaryDirectory()
        port = try FreePort.next()
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let script = Paths.repositoryRoot.appendingPathComponent("Tests/PluginsTests/Fixtures/smsprovider/provider.py").path
        process.arguments = ["python3", script, "--style", style, "--port", "\(port)", "--record", directory.path("requests.jsonl")] + credentials
        process.standardOutput = FileHandle.nullDevice
        let log = directory.path("provider.log")
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        try process.run()
        do {
            try await waitUntil(timeout: .seconds(10), "provider.py on port \(port) (python3 is installed by `make test`)") { KannelHarness.accepts(self.port) }
        } catch {
            await stop()
            throw error
        }
    }

    var requests: [Recorded] {
        guard let text = try? String(contentsOfFile: directory.path("requests.jsonl"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(Recorded.self, from: Data($0.utf8)) }
    }

    func stop() async {
        await KannelHarness.terminate(process)
        directory.remove()
    }
}

import SMSHTTPPlugin

enum SMSHTTPTestSupport {
    static func decodeForm(_ text: String) -> [(String, String)] {
        FormCoding.decode(Substring(text)).map { ($0.name, $0.value) }
    }
}
