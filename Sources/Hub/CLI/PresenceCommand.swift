import ArgumentParser
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `hub presence get|set`: reads or changes a user's presence through a running hub's API.
struct PresenceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "presence", abstract: "Get or set a user's presence on a running hub.", subcommands: [Get.self, Set.self])

    /// Connection options.
    struct Remote: ParsableArguments {
        @Option(help: "Base URL of the hub.") var url: String = "http://127.0.0.1:8080"
        @Option(help: "Bearer token (or HUB_TOKEN).") var token: String?
        @Option(help: "Tenant id.") var tenant: String
        @Option(help: "User id.") var user: String

        var endpoint: String { "\(url)/api/v1/tenants/\(tenant)/users/\(user)/presence" }

        func send(method: String, body: Data?) async throws -> String {
            guard let secret = token ?? ProcessInfo.processInfo.environment["HUB_TOKEN"] else {
                throw ValidationError("--token or HUB_TOKEN is required")
            }
            guard let target = URL(string: endpoint) else { throw ValidationError("--url: not a URL") }
            var request = URLRequest(url: target)
            request.httpMethod = method
            request.setValue("Bearer \(secret)", forHTTPHeaderField: "Authorization")
            if let body {
                request.httpBody = body
                request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            }
            let (data, response) = try await URLSession.shared.data(for: request)
            let text = String(decoding: data, as: UTF8.self)
            guard let http = response as? HTTPURLResponse, (200..<300).contains(http.statusCode) else {
                FileHandle.standardError.write(Data((text + "\n").utf8))
                throw ExitCode(1)
            }
            return text
        }
    }

    /// Prints the presence as JSON.
    struct Get: AsyncParsableCommand {
        @OptionGroup var remote: Remote

        func run() async throws { print(try await remote.send(method: "GET", body: nil)) }
    }

    /// Changes activity, note, until-time or role.
    struct Set: AsyncParsableCommand {
        @OptionGroup var remote: Remote
        @Option(help: "Activity id, e.g. in_meeting.") var activity: String?
        @Option(help: "Role id, e.g. work or mobile.") var role: String?
        @Option(help: "Personal note (empty string clears it).") var note: String?
        @Option(help: "Until-time, ISO 8601 (empty string clears it).") var until: String?

        func run() async throws {
            var body: [String: Any] = [:]
            if let activity { body["activity"] = activity }
            if let role { body["role"] = role }
            if let note { body["note"] = note.isEmpty ? NSNull() : note }
            if let until { body["until"] = until.isEmpty ? NSNull() : until }
            guard !body.isEmpty else { throw ValidationError("give at least one of --activity, --role, --note, --until") }
            print(try await remote.send(method: "PATCH", body: try JSONSerialization.data(withJSONObject: body)))
        }
    }
}
