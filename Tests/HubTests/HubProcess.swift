import Foundation
import HubPluginTesting
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// Runs the real `hub` binary for end-to-end tests.
enum HubProcess {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built `hub` executable next to the test bundle.
    static func binary() throws -> String {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("hub").path,
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("hub").path,
            repositoryRoot.appendingPathComponent(".build/debug/hub").path,
        ]
        return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0) }, "hub binary not found in \(candidates)")
    }

    /// Runs `hub` with arguments to completion; returns exit status and combined output.
    static func run(_ arguments: [String], environment: [String: String]? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try binary())
        process.arguments = arguments
        process.currentDirectoryURL = repositoryRoot
        if let environment { process.environment = environment }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Starts `hub serve` on a free port and waits until `/healthz` answers.
    static func serve(dataDirectory: String, plugins: String, logFile: String) async throws -> (process: Process, port: Int) {
        let port = try FreePort.next()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try binary())
        process.arguments = ["serve", "--data-dir", dataDirectory, "--port", "\(port)", "--plugins", plugins, "--log-level", "warning"]
        process.currentDirectoryURL = repositoryRoot
        _ = FileManager.default.createFile(atPath: logFile, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logFile))
        process.standardOutput = log
        process.standardError = log
        try process.run()
        for _ in 0..<300 {
            if let (_, status) = try? await HTTP.request("GET", "http://127.0.0.1:\(port)/healthz"), status == 200 { return (process, port) }
            try await Task.sleep(for: .milliseconds(50))
        }
        process.terminate()
        throw POSIXError(.ETIMEDOUT)
    }

}

/// Tiny HTTP client helpers over URLSession.
enum HTTP {
    static func request(_ method: String, _ url: String, token: String? = nil, json: String? = nil) async throws -> (Data, Int) {
        var request = URLRequest(url: try #require(URL(string: url)))
        request.httpMethod = method
        request.timeoutInterval = 30
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let json {
            request.httpBody = Data(json.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        return (data, (response as? HTTPURLResponse)?.statusCode ?? 0)
    }
}
