import Foundation
import Testing

/// Every scripted call scenario in `samples/scenarios/` replays on the real `hub` binary (seeded with the
/// demo tenant, driven over HTTP by `scripts/replay_scenario.py`) with all its expectations holding, so
/// the samples a newcomer runs with `make scenario` cannot rot.
@Suite("Call scenarios replay on the real hub", .timeLimit(.minutes(2)))
struct ScenarioReplayTests {
    static let folder = HubProcess.repositoryRoot.appendingPathComponent("samples/scenarios")

    static var scenarios: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }

    @Test("there are scenarios to replay")
    func present() {
        #expect(Self.scenarios.count >= 5, "\(Self.scenarios)")
    }

    @Test("the scenario's expected decisions all happen", arguments: scenarios)
    func replay(scenario: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "scripts/replay_scenario.py", "--hub", try HubProcess.binary(), "samples/scenarios/" + scenario]
        process.currentDirectoryURL = HubProcess.repositoryRoot
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch {
            Issue.record("cannot run python3 (`make test` installs it): \(error)")
            return
        }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("expectations hold") && !output.contains("FAIL"), "\(output)")
    }
}
