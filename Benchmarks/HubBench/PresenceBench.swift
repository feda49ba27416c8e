import Foundation
import HubCore

/// Benchmark 1: presence changes applied per second by `PresenceEngine.handle` on one core, against a
/// plain `Dictionary<UserID, Presence>` assignment loop over the same users and times.
struct PresenceBench {
    let users = 10_000
    let operations: Int
    let rounds: Int
    static let goal = 1_000_000.0

    init(quick: Bool) {
        operations = quick ? 200_000 : 1_000_000
        rounds = quick ? 3 : 5
    }

    /// One workload's rounds: operations per second of each, and the outcome counts of the last.
    struct Rounds {
        var rates: [Double]
        var applied = 0
        var ignored = 0
        var rejected = 0
        var median: Double { HubBench.median(rates) }
    }

    func run() -> Table {
        var table = Table(
            "1. In-core presence changes (PresenceEngine.handle, one core, \(Format.count(users)) users)",
            columns: ["workload", "ops/round", "rounds", "median ops/s", "best ops/s", "ns/op", "applied", "vs baseline", "goal ≥1M/s"])
        let baselineWorkload = PresenceWorkload(users: users, mix: .mixed)
        let baseline = runBaseline(baselineWorkload)
        for mix in PresenceWorkload.Mix.allCases {
            let result = runEngine(PresenceWorkload(users: users, mix: mix))
            let total = max(result.applied + result.ignored + result.rejected, 1)
            table.add([
                "handle: " + mix.rawValue, Format.count(operations), String(rounds), Format.rate(result.median),
                Format.rate(result.rates.max() ?? 0), Format.duration(1e9 / result.median),
                String(format: "%.0f%%", Double(result.applied) * 100 / Double(total)),
                Format.ratio(baseline.median / result.median) + " slower",
                mix == .mixed ? Format.verdict(result.median >= Self.goal) : "",
            ])
            if result.rejected > 0 { table.note("\(mix.rawValue): \(result.rejected) updates rejected by validation") }
        }
        table.add([
            "baseline: Dictionary<UserID, Presence> assignment", Format.count(operations), String(rounds),
            Format.rate(baseline.median), Format.rate(baseline.rates.max() ?? 0), Format.duration(1e9 / baseline.median),
            "100%", "1.0×", "",
        ])
        table.note("each op: one PresenceInput.update with an explicit Date (simulated clock, +1 ms per op); "
            + "the engine is warmed with one update per user first")
        table.note("'applied' = updates that changed presence; the rest were ignored by the PRES-8 rules "
            + "(older than a manual change, or no change)")
        return table
    }

    private func runEngine(_ workload: PresenceWorkload) -> Rounds {
        var engine = PresenceEngine()
        let epoch = PresenceWorkload.epoch.timeIntervalSinceReferenceDate
        for (index, user) in workload.users.enumerated() {
            let now = Date(timeIntervalSinceReferenceDate: epoch + Double(index) * 0.001)
            _ = try? engine.handle(.update(user, PresenceUpdate(activity: "available", online: true, source: .user)), at: now)
        }
        var tick = Double(workload.users.count)
        var result = Rounds(rates: [])
        let mask = PresenceWorkload.cycleLength - 1
        for _ in 0..<rounds {
            var applied = 0, ignored = 0, rejected = 0
            let start = Monotonic.now()
            for operation in 0..<operations {
                let now = Date(timeIntervalSinceReferenceDate: epoch + tick * 0.001)
                tick += 1
                do {
                    if case .changed = try engine.handle(workload.inputs[operation & mask], at: now).first {
                        applied += 1
                    } else {
                        ignored += 1
                    }
                } catch {
                    rejected += 1
                }
            }
            let elapsed = Monotonic.since(start)
            result.rates.append(Double(operations) / (Double(elapsed) / 1e9))
            (result.applied, result.ignored, result.rejected) = (applied, ignored, rejected)
        }
        return result
    }

    private func runBaseline(_ workload: PresenceWorkload) -> Rounds {
        var store: [UserID: Presence] = [:]
        let epoch = PresenceWorkload.epoch.timeIntervalSinceReferenceDate
        for user in workload.users {
            store[user] = Presence(activity: "available", source: .user, changedAt: PresenceWorkload.epoch)
        }
        var tick = Double(workload.users.count)
        var result = Rounds(rates: [])
        let mask = PresenceWorkload.cycleLength - 1
        for _ in 0..<rounds {
            let start = Monotonic.now()
            for operation in 0..<operations {
                var presence = workload.presences[operation & mask]
                presence.changedAt = Date(timeIntervalSinceReferenceDate: epoch + tick * 0.001)
                tick += 1
                store[workload.targets[operation & mask]] = presence
            }
            let elapsed = Monotonic.since(start)
            result.rates.append(Double(operations) / (Double(elapsed) / 1e9))
        }
        result.applied = store.count
        return result
    }
}
