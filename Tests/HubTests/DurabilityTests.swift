import Foundation
@testable import Hub
import HubCore
import Logging
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("Durability: acknowledged = committed", .timeLimit(.minutes(3)))
struct DurabilityTests {
    @Test("SIGKILL during a burst of presence updates loses no acknowledged update")
    func sigkillDuringBurst() async throws {
        let directory = NSTemporaryDirectory() + "hubkill-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let seeded = try HubProcess.run(["seed", "--data-dir", directory, "samples/demo/tenant.json"])
        #expect(seeded.status == 0, "\(seeded.output)")
        let token = try String(contentsOfFile: directory + "/demo-token", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let (server, port) = try await HubProcess.serve(dataDirectory: directory, plugins: directory + "/none", logFile: directory + "/serve.log")

        let users = ["anna.virtanen", "jyrki.makinen", "paivi.laaksonen", "satu.koskinen", "ake.lindqvist", "soren.hagstrom",
                     "bjorn.sundstrom", "kalle.aaltonen"]
        let acknowledged = Acknowledgements()
        let killAfter = 120
        let pid = server.processIdentifier
        await withTaskGroup(of: Void.self) { group in
            for user in users {
                group.addTask {
                    for sequence in 1...10_000 {
                        let body = #"{"note":"seq-\#(sequence)"}"#
                        guard let (_, status) = try? await HTTP.request(
                            "PATCH", "http://127.0.0.1:\(port)/api/v1/tenants/acme/users/\(user)/presence", token: token, json: body),
                            status == 200
                        else { return }
                        if acknowledged.record(user, sequence) == killAfter { kill(pid, SIGKILL) }
                    }
                }
            }
        }
        server.waitUntilExit()
        #expect(server.terminationReason == .uncaughtSignal)
        let acks = acknowledged.last
        #expect(acks.values.reduce(0, +) >= killAfter)

        let runtime = try await HubRuntime.make(
            HubConfiguration(dataDirectory: directory), registry: BuiltinPlugins.registry, logger: Logger(label: "reopen"))
        for user in users {
            let note = try await runtime.services.engine.presence(tenant: "acme", user: UserID(user), viewer: nil).note
            let stored = Int(note.replacingOccurrences(of: "seq-", with: "")) ?? 0
            let acked = acks[user] ?? 0
            // The last acknowledged update (or one sent after it) is on disk.
            #expect(stored >= acked, "\(user): acknowledged seq-\(acked) but found '\(note)' after restart")
            #expect(stored <= acked + 1, "\(user): found '\(note)', more than one past the last acknowledgement seq-\(acked)")
        }
    }
}

/// The last acknowledged sequence number per user, shared by the burst's tasks.
final class Acknowledgements: Sendable {
    private let state = Mutex<(last: [String: Int], total: Int)>(([:], 0))

    /// Records an acknowledgement; returns how many there have been in all.
    func record(_ user: String, _ sequence: Int) -> Int {
        state.withLock { state in
            state.last[user] = sequence
            state.total += 1
            return state.total
        }
    }

    var last: [String: Int] { state.withLock { $0.last } }
}
