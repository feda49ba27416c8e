/// Feeds `RoutingIndexedModel` the routing benchmark's input mix at full size; the bookkeeping a front end
/// would do (who rings, who talks, who waits) stays outside the timed calls, as for the engine.
struct RoutingModelWorkload {
    var model: RoutingIndexedModel
    let queueCount: Int
    let waitingTarget: Int
    var busy = IndexedSet<Int>()
    var ringing = IndexedSet<Int>()
    var waiting = IndexedSet<Int>()
    var random = SeededRandom(seed: 2026)
    /// Positions read by the progress inputs, summed so the optimiser keeps the reads.
    private(set) var checksum = 0
    private var out: [RoutingIndexedModel.Decision] = []

    init(tenant: RoutingTenant, waiting: Int) {
        model = RoutingIndexedModel(tenant)
        queueCount = tenant.queueCount
        waitingTarget = waiting
        for agent in model.agents.indices { busy.insert(agent) }
        out.reserveCapacity(256)
        for index in 0..<waiting { offer(index % queueCount) }
    }

    /// Runs `steps` inputs of the mix and returns each one's nanoseconds.
    mutating func measure(steps: Int) -> [UInt64] {
        (0..<steps).map { _ in step() }
    }

    private mutating func step() -> UInt64 {
        model.now += 0.001
        let roll = Int.random(in: 0..<100, using: &random)
        switch roll {
        case 0..<20 where waiting.count < waitingTarget:
            return offer(Int.random(in: 0..<queueCount, using: &random))
        case 0..<38:
            if let agent = busy.random(using: &random) {
                busy.remove(agent)
                return timed { $0.end(agent: agent, into: &$1) }
            }
        case 38..<56:
            if let (call, agent) = ringingLeg() {
                ringing.remove(call)
                busy.insert(agent)
                return timed { $0.answer(call, agent: agent, into: &$1) }
            }
        case 56..<76:
            // Ringing reports and progress timers: the model's equivalent work is finding the caller's position.
            if let call = waiting.random(using: &random) {
                var position = 0
                let elapsed = timed { model, _ in position = model.position(call) ?? 0 }
                checksum &+= position
                return elapsed
            }
        case 76..<88:
            if let (call, agent) = ringingLeg() {
                let last = model.calls[call]?.legs.count == 1
                if last {
                    ringing.remove(call)
                    waiting.insert(call)
                }
                return timed { $0.fail(call, agent: agent, into: &$1) }
            }
        default:
            if waiting.count > waitingTarget * 9 / 10, let call = waiting.random(using: &random) {
                waiting.remove(call)
                return timed { model, _ in model.hangUp(call) }
            }
        }
        return offer(Int.random(in: 0..<queueCount, using: &random))
    }

    @discardableResult
    private mutating func offer(_ queue: Int) -> UInt64 {
        var call = 0
        let elapsed = timed { call = $0.offer(queue, into: &$1) }
        if model.calls[call]?.legs.isEmpty == true { waiting.insert(call) }
        return elapsed
    }

    private mutating func ringingLeg() -> (Int, Int)? {
        guard let call = ringing.random(using: &random), let legs = model.calls[call]?.legs, !legs.isEmpty else { return nil }
        return (call, legs[Int.random(in: 0..<legs.count, using: &random)])
    }

    /// Times one input, then books its decisions: rung callers stop waiting.
    private mutating func timed(_ body: (inout RoutingIndexedModel, inout [RoutingIndexedModel.Decision]) -> Void) -> UInt64 {
        out.removeAll(keepingCapacity: true)
        let start = ThreadCPU.now()
        body(&model, &out)
        let elapsed = ThreadCPU.work(since: start)
        for decision in out {
            if case let .ring(call, _) = decision {
                waiting.remove(call)
                ringing.insert(call)
            }
        }
        return elapsed
    }
}
