import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

@Suite("The hub process: CLI presence verbs, SIGHUP reloads plugins.d, SIGTERM shuts down cleanly", .timeLimit(.minutes(2)))
struct SighupTests {
    private func instanceIDs(port: Int, token: String) async throws -> [String] {
        let (data, status) = try await HTTP.request("GET", "http://127.0.0.1:\(port)/api/v1/tenants/acme/plugins", token: token)
        try #require(status == 200)
        let list = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []
        return list.compactMap { $0["id"] as? String }.sorted()
    }

    @Test("a file added to plugins.d shows up after SIGHUP, and SIGTERM ends the hub with status 0")
    func reloadAndShutdown() async throws {
        let directory = NSTemporaryDirectory() + "hubsighup-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let plugins = directory + "/plugins.d"
        try FileManager.default.createDirectory(atPath: plugins, withIntermediateDirectories: true)
        let instance = """
            plugin = "exec"
            tenant = "acme"
            enabled = false
            [settings]
            command = ["python3", "samples/plugins/presence_bridge.py"]
            """
        try instance.write(toFile: plugins + "/first.toml", atomically: true, encoding: .utf8)
        #expect(try HubProcess.run(["seed", "--data-dir", directory, "samples/demo/tenant.json"]).status == 0)
        let token = try String(contentsOfFile: directory + "/demo-token", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let (server, port) = try await HubProcess.serve(dataDirectory: directory, plugins: plugins, logFile: directory + "/serve.log")
        defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }

        var ids: [String] = []
        for _ in 0..<200 where ids != ["first"] {
            ids = try await instanceIDs(port: port, token: token)
            if ids != ["first"] { try await Task.sleep(for: .milliseconds(20)) }
        }
        #expect(ids == ["first"])

        let url = "http://127.0.0.1:\(port)"
        let set = try HubProcess.run(["presence", "set", "--url", url, "--token", token, "--tenant", "acme", "--user", "anna.virtanen",
                                      "--activity", "at_lunch", "--note", "Back 13:00"])
        #expect(set.status == 0, "\(set.output)")
        let get = try HubProcess.run(["presence", "get", "--url", url, "--token", token, "--tenant", "acme", "--user", "anna.virtanen"])
        #expect(get.output.contains(#""activity":"at_lunch""#) && get.output.contains("Back 13:00"), "\(get.output)")
        let refused = try HubProcess.run(["presence", "set", "--url", url, "--token", token, "--tenant", "acme", "--user", "anna.virtanen",
                                          "--activity", "skiing"])
        #expect(refused.status != 0 && refused.output.contains("$.activity"), "\(refused.output)")

        try instance.write(toFile: plugins + "/second.toml", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: plugins + "/first.toml")
        kill(server.processIdentifier, SIGHUP)
        for _ in 0..<200 where ids != ["second"] {
            try await Task.sleep(for: .milliseconds(20))
            ids = try await instanceIDs(port: port, token: token)
        }
        #expect(ids == ["second"], "after SIGHUP the removed instance is gone and the added one is there")

        kill(server.processIdentifier, SIGTERM)
        for _ in 0..<500 where server.isRunning { try await Task.sleep(for: .milliseconds(20)) }
        #expect(!server.isRunning)
        #expect(server.terminationReason == .exit && server.terminationStatus == 0)
    }
}
