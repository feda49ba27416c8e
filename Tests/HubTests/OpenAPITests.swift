import Foundation
@testable import Hub
import Testing

/// `docs/openapi.yaml` is a valid OpenAPI 3.1 document describing exactly the routes the hub serves.
@Suite("OpenAPI document")
struct OpenAPITests {
    /// Runs `python3 arguments…` from the repository root with `input` on stdin.
    static func python(_ arguments: [String], input: String = "") throws -> (status: Int32, stdout: String, stderr: String) {
        let scratch = try ScratchDirectory("python")
        defer { scratch.remove() }
        let outputPath = try scratch.write("stdout", "")
        let errorPath = try scratch.write("stderr", "")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.currentDirectoryURL = HubProcess.repositoryRoot
        let stdin = Pipe()
        let stdout = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        let stderr = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        defer {
            try? stdout.close()
            try? stderr.close()
        }
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        return (
            process.terminationStatus, try String(contentsOfFile: outputPath, encoding: .utf8),
            try String(contentsOfFile: errorPath, encoding: .utf8)
        )
    }

    @Test("scripts/openapi_check.py accepts the document and finds it equal to the runtime's routes")
    func documentMatchesRoutes() async throws {
        // `make test` installs python3 with PyYAML and openapi-spec-validator; without them this test fails.
        let probe: (status: Int32, stdout: String, stderr: String)
        do {
            probe = try Self.python(["-c", "import yaml, openapi_spec_validator"])
        } catch {
            Issue.record("cannot run python3 (\(error)); install it with scripts/install-deps.sh test (make test does)")
            return
        }
        guard probe.status == 0 else {
            Issue.record("""
                python3 or its modules PyYAML and openapi-spec-validator are missing (\(probe.stderr.trimmingCharacters(in: .whitespacesAndNewlines))); \
                install them with scripts/install-deps.sh test (make test does)
                """)
            return
        }

        let hub = try await TestHub.make()
        defer { hub.cleanUp() }
        let routes = hub.runtime.routes
        #expect(!routes.isEmpty)
        #expect(routes.contains(RouteSpec(method: "GET", path: "/api/v1/tenants/{tenant}/plugins")))
        let lines = routes.map { "\($0.method) \($0.path)" }.joined(separator: "\n") + "\n"
        let result = try Self.python(["scripts/openapi_check.py", "docs/openapi.yaml", "--routes", "-"], input: lines)
        #expect(result.status == 0, "openapi_check.py exited \(result.status):\n\(result.stderr)")
        // The script lists the document's operations; they are the routes, one each.
        let listed = result.stdout.split(separator: "\n").map(String.init)
        #expect(listed == routes.map { "\($0.method) \($0.path)" }.sorted(), "\(result.stderr)")
    }
}
