import NIOCore

/// Runs the benchmarks that need a real hub (stream and memory) against one seeded hub process, so the
/// 10,000-user tenant is seeded once.
struct HubSuite {
    let options: Options
    let group: any EventLoopGroup
    let users = 10_000

    func run() async throws {
        var memory = MemoryBench(quick: options.quick)
        if options.runs(.memory) {
            let empty = try await HubFixture.start(hubPath: options.hubPath, users: 0, group: group)
            do { try await memory.recordSettled("baseline: empty hub (no tenant)", empty.hub) } catch {
                await empty.stop()
                throw error
            }
            await empty.stop()
        }
        let fixture = try await HubFixture.start(hubPath: options.hubPath, users: users, group: group)
        do {
            try await run(fixture, memory: &memory)
        } catch {
            Console.error("hub log (last lines):\n\(fixture.hub.logTail())")
            await fixture.stop()
            throw error
        }
        let outcome = await fixture.stop()
        Console.progress("hub stopped: \(outcome)")
    }

    private func run(_ fixture: HubFixture, memory: inout MemoryBench) async throws {
        let measuresMemory = options.runs(.memory)
        if measuresMemory { try await memory.recordSettled("\(Format.count(users)) users, idle after startup", fixture.hub) }
        let connectedReading = ConnectedReading()
        if options.runs(.stream) {
            let hub = fixture.hub
            let settle = memory.settle
            let stream = StreamBench(endpoint: fixture.endpoint, hubPID: hub.pid, quick: options.quick) {
                guard measuresMemory else { return }
                try? await Task.sleep(for: settle)
                connectedReading.memory = hub.residentMemory()
            }
            let table = try await stream.run()
            table.print()
        } else if measuresMemory {
            try await connectOnly(fixture) {
                try? await Task.sleep(for: memory.settle)
                connectedReading.memory = fixture.hub.residentMemory()
            }
        }
        guard measuresMemory else { return }
        if let reading = connectedReading.memory {
            memory.add(MemoryBench.Reading(label: "+ 1,000 WebSocket subscribers connected", residentKiB: reading.current, peakKiB: reading.peak))
        }
        if options.runs(.stream) { try await memory.recordSettled("after the stream run (subscribers closed)", fixture.hub) }
        memory.table(users: users, seedTime: fixture.seedTime, startupTime: fixture.startupTime).print()
    }

    /// Connects 1,000 subscribers, runs `body`, and closes them (memory without the stream benchmark).
    private func connectOnly(_ fixture: HubFixture, _ body: () async -> Void) async throws {
        let tag = NoteTag("hb-mem")
        let pool = Subscribers(count: 1_000, url: fixture.endpoint.streamURL, tag: tag, group: group)
        _ = try await pool.run(serverCount: fixture.endpoint.streamSubscribers) { _ in
            await body()
            try await UpdateSender(endpoint: fixture.endpoint, senders: 1).sendStop(tag: tag)
        }
    }
}

/// The memory reading taken while the subscribers are connected (set from inside the stream run).
final class ConnectedReading {
    var memory: (current: Int, peak: Int)?
}
