import Foundation
#if canImport(Glibc)
import Glibc
#endif
import HubCore

/// Benchmark: routing decisions per second of one tenant's `RoutingEngine` (issue 3 goal: ≥ 500,000/s with
/// 1,000 queues × 100 agents and 10,000 waiting callers), latency per `handle` call, and engine memory
/// per waiting caller. Sizes grow from the 10-queue baseline to the goal's 1,000 queues, every size with
/// the same shape (100 agents per queue, 10 waiting per queue); a size whose setup overruns its budget
/// is reported as such instead of hanging the run.
struct RoutingBench {
    let sizes: [Int]
    let steps: Int
    /// Rounds of `steps` inputs per size; the rate reported is the median round's.
    let roundCount: Int
    let setupBudget: UInt64
    let measureBudget: UInt64
    let memoryCallers: Int
    static let goal = 500_000.0
    static let waitingPerQueue = 10

    init(quick: Bool) {
        sizes = quick ? [10, 30] : [10, 30, 100, 300, 1_000]
        steps = quick ? 2_000 : 20_000
        roundCount = quick ? 1 : 5
        setupBudget = (quick ? 10 : 45) * 1_000_000_000
        measureBudget = (quick ? 3 : 15) * 1_000_000_000
        memoryCallers = quick ? 2_000 : 10_000
    }

    func run() -> [Table] {
        _ = ThreadCPU.overhead  // calibrated before anything is timed
        // Memory first, while the heap has no freed space from the larger runs to reuse.
        let memoryTable = memory()
        var table = Table(
            "Routing engine: decisions per second (one tenant, one core)",
            columns: ["queues × agents/queue", "agents", "waiting", "setup", "inputs", "decisions/s", "p50", "p99", "p99.9", "max", "goal"])
        var baseline: Double?
        var stopped = false
        for size in sizes {
            let tenant = RoutingTenant(queues: size)
            let waiting = size * Self.waitingPerQueue
            let label = "\(Format.count(size)) × \(tenant.agentsPerQueue)" + (size == sizes.first ? " (baseline)" : "")
            guard !stopped else {
                table.add([label, Format.count(tenant.agentCount), Format.count(waiting), "skipped: the smaller size overran its budget"])
                continue
            }
            Console.progress("routing: \(label), \(Format.count(tenant.agentCount)) agents, \(Format.count(waiting)) waiting")
            var workload = RoutingWorkload(tenant: tenant, waiting: waiting)
            let setupCPU = ThreadCPU.now()
            guard workload.setUp(budget: setupBudget) else {
                table.add([label, Format.count(tenant.agentCount), Format.count(waiting),
                           "> \(Format.duration(setupBudget)) CPU (\(workload.setupProgress)); not measured"])
                stopped = true
                continue
            }
            let setup = ThreadCPU.since(setupCPU)
            var rounds: [[UInt64]] = []
            for _ in 0..<roundCount { rounds.append(workload.measure(steps: steps, budget: measureBudget / UInt64(roundCount))) }
            let rate = addRow(&table, label, tenant, workload.driver.waiting.count, Format.duration(setup), rounds, baseline: baseline)
            if baseline == nil { baseline = rate }
            if ThreadCPU.since(setupCPU) > setupBudget + measureBudget { stopped = true }
        }
        for size in [sizes[0], 1_000] {
            Console.progress("routing: indexed reference model, \(Format.count(size)) queues")
            let tenant = RoutingTenant(queues: size)
            var model = RoutingModelWorkload(tenant: tenant, waiting: size * Self.waitingPerQueue)
            let samples = model.measure(steps: steps * 10)
            addRow(&table, "reference: indexed model, \(Format.count(size)) × \(tenant.agentsPerQueue)", tenant, model.waiting.count, "-",
                   [samples], baseline: baseline)
        }
        table.note("reference = RoutingIndexedModel: the proposal's data structures (per-queue members and waiting lists, "
            + "dispatch over touched queues only) with the same strategies but none of the other rules; an upper bound, not the engine")
        table.note("input mix: 20% new queue calls, 18% connected calls ending, 18% answers, 10% ringing, 10% progress timers, "
            + "8% failed legs, 4% ring timers, 12% waiting callers hanging up (waiting count held between the target and 10% above it)")
        table.note("a decision = one RoutingEngine.handle call, timed one by one in CPU time of the thread (CLOCK_THREAD_CPUTIME_ID), "
            + "so other processes on the shared cores do not inflate it; setup = CPU time of the logins and calls before measuring")
        table.note("reading that clock is a system call: its cost, \(Format.duration(ThreadCPU.overhead)) per timed region here (median of "
            + "10,001 empty regions, this run), is taken off every sample, engine and reference model alike")
        table.note("decisions/s = the median of \(roundCount) rounds of up to \(Format.count(steps)) inputs each on the same engine (inputs = all rounds); the reference model: one round")
        table.note("CPU budgets: setup \(Format.duration(setupBudget)), measuring stops after \(Format.count(steps)) inputs or \(Format.duration(measureBudget))")
        return [table, memoryTable]
    }

    /// Adds a row for `rounds` of samples (nanoseconds per input) and returns the rate: the median round's,
    /// so one round slowed by the shared machine does not decide it; latencies are over every sample.
    @discardableResult
    func addRow(_ table: inout Table, _ label: String, _ tenant: RoutingTenant, _ waiting: Int, _ setup: String, _ rounds: [[UInt64]],
                baseline: Double?) -> Double {
        let rates = rounds.map { round in Double(round.count) / (Double(max(round.reduce(0, +), 1)) / 1e9) }.sorted()
        let rate = rates.isEmpty ? 0 : rates[rates.count / 2]
        let samples = rounds.flatMap { $0 }
        let sorted = samples.sorted()
        table.add([
            label, Format.count(tenant.agentCount), Format.count(waiting), setup, Format.count(samples.count), Format.rate(rate),
            Format.duration(LatencySummary.percentile(sorted, 50)), Format.duration(LatencySummary.percentile(sorted, 99)),
            Format.duration(LatencySummary.percentile(sorted, 99.9)), Format.duration(sorted.last ?? 0),
            Format.verdict(rate >= Self.goal) + (baseline.map { " (\(Format.ratio(rate / $0)) baseline)" } ?? ""),
        ])
        return rate
    }

    /// Engine memory per waiting caller: VmRSS before and after offering callers to queues whose one agent is busy.
    func memory() -> Table {
        var table = Table("Routing engine: memory per waiting caller",
                          columns: ["waiting callers", "queues", "VmRSS before", "VmRSS after", "per caller", "offer rate at the end"])
        var workload = RoutingWorkload(tenant: RoutingTenant(queues: 10), waiting: 0)
        workload.busyLoneAgent()
        let before = ResidentMemory.current()
        let start = ThreadCPU.now()
        var added = 0
        var last: [UInt64] = []
        while added < memoryCallers && ThreadCPU.since(start) < setupBudget {
            let elapsed = workload.offer(queue: added % 10)
            last.append(elapsed)
            if last.count > 100 { last.removeFirst() }
            added += 1
        }
        let after = ResidentMemory.current()
        guard let before, let after else {
            table.note("cannot read /proc/self/status")
            return table
        }
        let perCaller = Double(after - before) * 1024 / Double(max(added, 1))
        let lastRate = last.isEmpty ? 0 : Double(last.count) / (Double(last.reduce(0, +)) / 1e9)
        table.add([Format.count(workload.driver.waiting.count), "10", Format.memory(kibibytes: before), Format.memory(kibibytes: after),
                   String(format: "%.0f B", perCaller), Format.rate(lastRate)])
        table.note("one agent logged in to all 10 queues and busy, so every caller waits; the RSS delta is the engine's state "
            + "(call, queue entry; timers and decision history are the shell's); measured before the other runs, so no freed heap is reused" + (added < memoryCallers ? "; stopped after \(Format.duration(setupBudget))" : ""))
        return table
    }
}

/// CPU time of the calling thread: per-call figures that other processes on the shared cores do not inflate.
enum ThreadCPU {
    /// Nanoseconds of CPU this thread has used.
    static func now() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }

    /// Nanoseconds of CPU since `start`.
    static func since(_ start: UInt64) -> UInt64 {
        let end = now()
        return end >= start ? end - start : 0
    }

    /// What reading this clock twice costs (it is a system call, some 300-400 ns here): the median of
    /// 10,001 empty timed regions, measured once per run.
    static let overhead: UInt64 = {
        var samples: [UInt64] = []
        samples.reserveCapacity(10_001)
        for _ in 0...10_000 { samples.append(since(now())) }
        samples.sort()
        return samples[samples.count / 2]
    }()

    /// CPU nanoseconds of the work timed from `start`, without the clock's own cost.
    static func work(since start: UInt64) -> UInt64 {
        let elapsed = since(start)
        return elapsed > overhead ? elapsed - overhead : 0
    }
}

/// VmRSS of this process.
enum ResidentMemory {
    /// Kibibytes resident now, nil when /proc is not readable.
    static func current() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return nil }
        return line.split(separator: " ").compactMap { Int($0) }.first
    }
}
