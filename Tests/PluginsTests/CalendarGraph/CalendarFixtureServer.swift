import Dispatch
import Foundation
import HubPluginSupport
import Testing

/// `Tests/PluginsTests/Fixtures/calendar/fixture_server.py` started on 127.0.0.1 (free port) with a
/// scenario; answers with the vendors' documented payloads and records what the hub sent.
final class CalendarFixtureServer: @unchecked Sendable {
    /// One request the server received.
    struct Recorded: Decodable, Sendable {
        var method: String
        var path: String
        var query: String
        var headers: [[String]]
        var body: String
        var route: RouteName?
        var status: Int
        var ntlm_user: String?
        var unmatched: Bool?

        /// The first value of header `name` (case-insensitive).
        func header(_ name: String) -> String? {
            headers.first { $0.first?.caseInsensitiveCompare(name) == .orderedSame }.flatMap { $0.last }
        }
    }

    /// A route's name (string) or index (number).
    enum RouteName: Decodable, Sendable, Equatable {
        case name(String)
        case index(Int)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) { self = .name(text) } else { self = .index(try container.decode(Int.self)) }
        }
    }

    static let fixtures = Paths.repositoryRoot.appendingPathComponent("Tests/PluginsTests/Fixtures/calendar")

    let process = Process()
    private let input = Pipe()
    let port: Int
    var base: String { "http://127.0.0.1:\(port)" }
    private let scenarioFile: URL

    /// Starts the server with `scenario` (`{"routes": [...]}`, as a JSON-able dictionary). The blocking
    /// wait for its port runs off the cooperative pool, so parallel tests do not starve each other.
    static func start(scenario: [String: Any]) async throws -> CalendarFixtureServer {
        let data = try JSONSerialization.data(withJSONObject: scenario)
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try CalendarFixtureServer(scenarioData: data) })
            }
        }
    }

    private init(scenarioData: Data) throws {
        scenarioFile = FileManager.default.temporaryDirectory.appendingPathComponent("calendar-scenario-\(UUID().uuidString).json")
        try scenarioData.write(to: scenarioFile)
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.fixtures.appendingPathComponent("fixture_server.py").path, scenarioFile.path]
        process.standardOutput = output
        process.standardInput = input
        do { try process.run() } catch {
            throw CalendarFixtureError("cannot start python3 (`make test` installs it): \(error)")
        }
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("LISTENING "), let port = Int(text.dropFirst("LISTENING ".count)) else {
            process.terminate()
            throw CalendarFixtureError("fixture server did not start (python3 is needed; `make test` installs it): '\(text)'")
        }
        self.port = port
    }

    /// Stops the server.
    func stop() {
        // Closing its stdin makes the server exit; SIGTERM too. No blocking wait on the cooperative pool.
        try? input.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(at: scenarioFile)
    }

    deinit { stop() }

    /// Every request received so far (control requests excluded).
    func requests(using transport: any HTTPTransport) async throws -> [Recorded] {
        let response = try await transport.send(HTTPRequest(method: "GET", url: "\(base)/__requests"))
        return try JSONDecoder().decode([Recorded].self, from: response.body)
    }

    /// Replaces the routes.
    func load(_ scenario: [String: Any], using transport: any HTTPTransport) async throws {
        let body = try JSONSerialization.data(withJSONObject: scenario)
        _ = try await transport.send(HTTPRequest(method: "POST", url: "\(base)/__scenario", body: body))
    }

    /// Forgets the recorded requests.
    func reset(using transport: any HTTPTransport) async throws {
        _ = try await transport.send(HTTPRequest(method: "POST", url: "\(base)/__reset"))
    }

    /// The contents of a fixture file.
    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: fixtures.appendingPathComponent(name))
    }
}

/// A failure of the fixture machinery itself.
struct CalendarFixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
