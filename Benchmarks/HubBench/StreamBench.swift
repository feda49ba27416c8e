/// Benchmark 3: presence PATCH → event delivered on the WebSocket stream to 1,000 subscribers, against
/// two baselines in the same hub: the PATCH alone (no subscribers) and delivery to a single subscriber.
struct StreamBench {
    let endpoint: HubEndpoint
    let hubPID: Int32
    let subscribers = 1_000
    let phases: [Plan]
    /// Called once every subscriber of the first fan-out phase is connected, before any update is sent.
    let whenConnected: () async -> Void
    static let goalP99: UInt64 = 5_000_000

    /// What a phase does: how many subscribers, updates and senders, and whether updates wait for delivery.
    struct Plan {
        var name: String
        var tag: NoteTag
        var subscribers: Int
        var updates: Int
        var senders: Int
        /// Send the next update only after every subscriber has the previous one (no queueing).
        var paced = false
    }

    init(endpoint: HubEndpoint, hubPID: Int32, quick: Bool, whenConnected: @escaping () async -> Void = {}) {
        self.endpoint = endpoint
        self.hubPID = hubPID
        self.whenConnected = whenConnected
        let fanOut = Format.count(subscribers) + " subscribers"
        phases = [
            Plan(name: "baseline: PATCH only, no subscriber", tag: NoteTag("hb-p0"), subscribers: 0, updates: quick ? 100 : 500, senders: 4),
            Plan(name: "baseline: 1 subscriber", tag: NoteTag("hb-p1"), subscribers: 1, updates: quick ? 100 : 500, senders: 4),
            Plan(name: fanOut + ", 4 senders (load)", tag: NoteTag("hb-p2"), subscribers: subscribers, updates: quick ? 300 : 2_000, senders: 4),
            Plan(name: fanOut + ", paced (one at a time)", tag: NoteTag("hb-p3"), subscribers: subscribers, updates: quick ? 50 : 200,
                 senders: 1, paced: true),
        ]
    }

    /// What one phase measured.
    struct Phase {
        var plan: Plan
        var sent: UpdateSender.Report
        var delivery: LatencySummary?
        /// Per update: from the send until the last subscriber had it.
        var lastDelivery: LatencySummary?
        var missing = 0
        var connectTime: UInt64?
        /// Subscribers whose connection ended with an error, or that never saw the stop note.
        var clientErrors = 0
        var unfinished = 0
        var cpu: CPUUsage.Shares
    }

    func run() async throws -> Table {
        var results: [Phase] = []
        var connectedHookPending = true
        for plan in phases {
            Console.progress("stream: \(plan.name), \(Format.count(plan.updates)) updates")
            let hook: () async -> Void = connectedHookPending && plan.subscribers == subscribers ? whenConnected : {}
            if plan.subscribers == subscribers { connectedHookPending = false }
            results.append(try await phase(plan, whenConnected: hook))
        }
        var table = Table(
            "3. PATCH presence → WebSocket delivery (real hub on 127.0.0.1)",
            columns: ["phase", "updates", "senders", "updates/s", "PATCH p50", "PATCH p99", "deliver p50", "deliver p99",
                      "deliver max", "last sub p50", "last sub p99", "hub CPU/update", "goal p99<5ms"])
        for phase in results {
            let rtt = LatencySummary(phase.sent.roundTrips)
            let dash = "—"
            table.add([
                phase.plan.name, Format.count(phase.sent.roundTrips.count), String(phase.plan.senders),
                Format.rate(phase.sent.updatesPerSecond),
                rtt.map { Format.duration($0.p50) } ?? dash, rtt.map { Format.duration($0.p99) } ?? dash,
                phase.delivery.map { Format.duration($0.p50) } ?? dash, phase.delivery.map { Format.duration($0.p99) } ?? dash,
                phase.delivery.map { Format.duration($0.max) } ?? dash,
                phase.lastDelivery.map { Format.duration($0.p50) } ?? dash, phase.lastDelivery.map { Format.duration($0.p99) } ?? dash,
                phase.cpu.hubCPUSeconds.map { Format.duration($0 * 1e9 / Double(max(phase.plan.updates, 1))) } ?? dash,
                phase.plan.subscribers == subscribers ? Format.verdict((phase.delivery?.p99 ?? .max) < Self.goalP99) : "",
            ])
        }
        table.note("latency = from just before the PATCH is written until a subscriber has the event's frame (matched "
            + "by note text); 'last sub' = per update, until the last subscriber had it")
        table.note("updates/s = PATCHes answered per second; each sender waits for its answer before its next PATCH; "
            + "every applied PATCH is a SQLite WAL commit with synchronous=FULL (fsync) before the 200")
        table.note("'paced': the next PATCH goes out only once every subscriber has the previous event, so no update "
            + "waits behind another one's fan-out")
        table.note("hub, subscribers and senders share the machine's \(Machine.current().processors) cores; "
            + "all clients use one MultiThreadedEventLoopGroup of 2 threads")
        for phase in results {
            var line = "\(phase.plan.name): CPU \(phase.cpu.summary)"
            if let connect = phase.connectTime { line += "; subscribers connected and counted by the hub in \(Format.duration(connect))" }
            table.note(line)
            if phase.missing > 0 { table.note("\(phase.plan.name): \(Format.count(phase.missing)) deliveries missing") }
            if phase.clientErrors > 0 || phase.unfinished > 0 {
                table.note("\(phase.plan.name): \(phase.clientErrors) subscribers ended with an error, \(phase.unfinished) never saw the stop note")
            }
            for failure in Set(phase.sent.failures).prefix(3) { table.note("\(phase.plan.name): failed PATCH: \(failure)") }
        }
        return table
    }

    private func phase(_ plan: Plan, whenConnected: () async -> Void) async throws -> Phase {
        let sender = UpdateSender(endpoint: endpoint, senders: plan.senders)
        guard plan.subscribers > 0 else {
            let cpu = CPUUsage(hubPID: hubPID)
            let sent = try await sender.send(count: plan.updates, tag: plan.tag)
            return Phase(plan: plan, sent: sent, cpu: cpu.finish())
        }
        let pool = Subscribers(count: plan.subscribers, url: endpoint.streamURL, tag: plan.tag, group: endpoint.group)
        let subscribers = plan.subscribers
        let hubPID = hubPID
        let paced = plan.paced
        // CPU is counted from the first PATCH until every subscriber has drained its queue and closed.
        let measure: (SharedCounter) async throws -> (UpdateSender.Report, CPUUsage) = { delivered in
            await whenConnected()
            let usage = CPUUsage(hubPID: hubPID)
            let pace = paced ? Self.pacer(delivered, subscribers: subscribers) : nil
            let sent = try await sender.send(count: plan.updates, tag: plan.tag, pace: pace)
            try await sender.sendStop(tag: plan.tag)
            return (sent, usage)
        }
        let ((sent, usage), outcome) = try await pool.run(serverCount: endpoint.streamSubscribers, measure)
        let cpu = usage.finish()
        var latencies: [UInt64] = []
        latencies.reserveCapacity(outcome.deliveries.count)
        var last = Array(repeating: UInt64(0), count: plan.updates)
        var received = 0
        for delivery in outcome.deliveries {
            let index = Int(delivery.update)
            guard index >= 0, index < plan.updates, sent.started[index] > 0 else { continue }
            let latency = delivery.receivedAt >= sent.started[index] ? delivery.receivedAt - sent.started[index] : 0
            latencies.append(latency)
            last[index] = max(last[index], latency)
            received += 1
        }
        return Phase(
            plan: plan, sent: sent, delivery: LatencySummary(latencies), lastDelivery: LatencySummary(last.filter { $0 > 0 }),
            missing: plan.updates * plan.subscribers - received, connectTime: outcome.connectTime,
            clientErrors: outcome.errors, unfinished: outcome.unfinished, cpu: cpu)
    }

    /// Waits until every subscriber has the update with `index` (at most 10 s, then moves on).
    private static func pacer(_ delivered: SharedCounter, subscribers: Int) -> @Sendable (Int) async throws -> Void {
        { index in try await waitUntil(deadline: .seconds(10)) { delivered.current >= (index + 1) * subscribers } }
    }
}
