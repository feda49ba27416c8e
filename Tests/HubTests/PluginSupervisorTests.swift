import Clocks
import Foundation
import HTTPTypes
@testable import Hub
import HubCore
import HubPluginTesting
import HummingbirdTesting
import Testing

/// The plugin runtime: supervision states, backoff on the hub's clock, reloads, tenants, and the plugins API.
@Suite("Plugin supervisor")
struct PluginSupervisorTests {
    /// A hub, a plugins directory, fake kinds and a supervisor over them (no jitter: 1 s doubling up to 8 s).
    struct Fixture {
        let hub: TestHub
        let directory: ScratchDirectory
        let kinds: FakePluginKinds
        let supervisor: PluginSupervisor

        var board: PluginStatusBoard { hub.services.plugins }
        var log: FakePluginLog { kinds.log }

        static func make() async throws -> Fixture {
            let hub = try await TestHub.make()
            let directory = try ScratchDirectory()
            let kinds = FakePluginKinds()
            let supervisor = try hub.makeSupervisor(registry: kinds.registry, directory: directory.path)
            return Fixture(hub: hub, directory: directory, kinds: kinds, supervisor: supervisor)
        }

        /// Stops every instance and removes the files.
        func tearDown() async {
            await supervisor.stopAll()
            directory.remove()
            hub.cleanUp()
        }

        /// Waits until instance `id` is in `state` on the board.
        func waitFor(_ id: String, _ state: PluginInstanceStatus.State) async throws {
            let board = self.board
            try await waitUntil("\(id) to be \(state) (is \(board.status(id)?.state.rawValue ?? "absent"))") {
                board.status(id)?.state == state
            }
        }
    }

    @Test("(a) a failing instance is retrying, with restarts and nextAttemptAt following capped exponential backoff")
    func retriesWithBackoff() async throws {
        let fixture = try await Fixture.make()
        try fixture.directory.write("down.toml", FakePluginKinds.file(.unavailable))
        let start = fixture.hub.services.clock.now()
        #expect(await fixture.supervisor.reload().isEmpty)

        var failedAt = start
        for (index, delay) in [1, 2, 4, 8, 8].enumerated() {
            let attempt = index + 1
            try await waitUntil("failure \(attempt)") { fixture.board.status("down")?.restarts == attempt }
            let status = try #require(fixture.board.status("down"))
            #expect(status.state == .retrying)
            #expect(status.kind == "fake_unavailable")
            #expect(status.tenant == "acme")
            #expect(status.lastError == "unavailable: peer down")
            #expect(status.since == failedAt)
            #expect(status.nextAttemptAt == failedAt.addingTimeInterval(TimeInterval(delay)), "attempt \(attempt)")
            #expect(fixture.log.starts("down") == attempt)

            // Not a moment before the delay is over…
            try await fixture.hub.waitForSleeper()
            await fixture.hub.clock.advance(by: .seconds(delay) - .milliseconds(1))
            await TestHub.settle()
            #expect(fixture.log.starts("down") == attempt)
            #expect(fixture.board.status("down")?.restarts == attempt)
            // …and then it runs again.
            await fixture.hub.clock.advance(by: .milliseconds(1))
            failedAt = failedAt.addingTimeInterval(TimeInterval(delay))
        }
        try await waitUntil("failure 6") { fixture.board.status("down")?.restarts == 6 }
        #expect(fixture.board.status("down")?.nextAttemptAt == failedAt.addingTimeInterval(8))

        await fixture.supervisor.stopAll()
        let stopped = try #require(fixture.board.status("down"))
        #expect(stopped.state == .stopped)
        #expect(stopped.nextAttemptAt == nil)
        await fixture.tearDown()
    }

    @Test("(b) a misconfigured instance is failed and not restarted until its file changes")
    func misconfiguredIsFinal() async throws {
        let fixture = try await Fixture.make()
        try fixture.directory.write("bad.toml", FakePluginKinds.file(.misconfigured))
        // A settings value the kind cannot decode is misconfiguration too.
        try fixture.directory.write("typo.toml", "plugin = \"fake_parked\"\ntenant = \"acme\"\n[settings]\nlabel = 5\n")
        #expect(await fixture.supervisor.reload().isEmpty)

        try await fixture.waitFor("bad", .failed)
        let bad = try #require(fixture.board.status("bad"))
        #expect(bad.lastError == "misconfigured: settings.port: no such port")
        #expect(bad.restarts == 0)
        #expect(bad.nextAttemptAt == nil)
        #expect(fixture.log.starts("bad") == 1)

        try await fixture.waitFor("typo", .failed)
        let typo = try #require(fixture.board.status("typo"))
        #expect(typo.lastError?.hasPrefix("misconfigured: settings.label") == true, "\(typo.lastError ?? "nil")")
        #expect(fixture.log.starts("typo") == 0)

        // Nothing waits to retry it: time passing and a reload of the unchanged files change nothing.
        try await fixture.hub.clock.checkSuspension()
        await fixture.hub.clock.advance(by: .seconds(3_600))
        #expect(await fixture.supervisor.reload().isEmpty)
        await TestHub.settle()
        #expect(fixture.log.starts("bad") == 1)
        #expect(fixture.board.status("bad")?.state == .failed)

        // Editing the file is what retries it.
        try fixture.directory.write("bad.toml", FakePluginKinds.file(.misconfigured, settings: ["label": "fixed?"]))
        await fixture.supervisor.reload()
        try await waitUntil("a second start") { fixture.log.starts("bad") == 2 }
        try await fixture.waitFor("bad", .failed)
        #expect(fixture.board.status("bad")?.restarts == 0)
        await fixture.tearDown()
    }

    @Test("(c) reload restarts only the changed instance, stops removed ones and starts added ones")
    func reloadAppliesDifferences() async throws {
        let fixture = try await Fixture.make()
        let supervisor = fixture.supervisor
        let log = fixture.log
        // a's runs stop slowly: a replaced run ends only after its replacement has started.
        try fixture.directory.write("a.toml", FakePluginKinds.file(.parked, settings: ["label": "one", "stop": "after_replacement"]))
        try fixture.directory.write("b.toml", FakePluginKinds.file(.parked, settings: ["label": "one"]))
        #expect(await supervisor.reload().isEmpty)
        try await fixture.waitFor("a", .running)
        try await fixture.waitFor("b", .running)
        try await waitUntil("both started") { log.starts("a") == 1 && log.starts("b") == 1 }
        let before = await supervisor.fingerprints()
        #expect(Set(before.keys) == ["a", "b"])

        // Edit a; b is rewritten with only a comment added.
        try fixture.directory.write("a.toml", FakePluginKinds.file(.parked, settings: ["label": "two", "stop": "after_replacement"]))
        try fixture.directory.write("b.toml", "# touched\n" + FakePluginKinds.file(.parked, settings: ["label": "one"]))
        #expect(await supervisor.reload().isEmpty)
        try await waitUntil("a restarted") { log.starts("a") == 2 && log.stops("a") == 1 }
        let afterEdit = await supervisor.fingerprints()
        #expect(afterEdit["a"] != before["a"])
        #expect(afterEdit["b"] == before["b"])
        try await fixture.waitFor("a", .running)
        // The replaced run winding down must not overwrite the new run's state.
        await TestHub.settle(1_000)
        #expect(fixture.board.status("a")?.state == .running)
        #expect(fixture.board.status("a")?.restarts == 0)
        #expect(log.starts("b") == 1)
        #expect(log.stops("b") == 0)

        // Remove b: it is stopped and leaves the board.
        try fixture.directory.delete("b.toml")
        #expect(await supervisor.reload().isEmpty)
        #expect(fixture.board.status("b") == nil)
        #expect(Set(await supervisor.fingerprints().keys) == ["a"])
        try await waitUntil("b stopped") { log.stops("b") == 1 }

        // Add c: it starts, the others stay as they are.
        try fixture.directory.write("c.toml", FakePluginKinds.file(.parked))
        #expect(await supervisor.reload().isEmpty)
        try await fixture.waitFor("c", .running)
        try await waitUntil("c started") { log.starts("c") == 1 }
        #expect(Set(await supervisor.fingerprints().keys) == ["a", "c"])
        #expect(log.starts("a") == 2)
        #expect(fixture.board.snapshot().map(\.id) == ["a", "c"])

        // A file that stops loading is reported, and its instance stops.
        try fixture.directory.write("c.toml", "plugin = \"fake_parked\"\ntenant = \"acme\"\nbogus = 1\n")
        let problems = await supervisor.reload()
        #expect(problems.map(\.key) == ["bogus"])
        try await waitUntil("c stopped") { log.stops("c") == 1 }
        #expect(fixture.board.status("c") == nil)
        await fixture.tearDown()
    }

    @Test("(d) an instance for a tenant the hub does not have is failed with a clear message")
    func unknownTenant() async throws {
        let fixture = try await Fixture.make()
        try fixture.directory.write("stray.toml", FakePluginKinds.file(.parked, tenant: "initech"))
        #expect(await fixture.supervisor.reload().isEmpty)
        try await fixture.waitFor("stray", .failed)
        let status = try #require(fixture.board.status("stray"))
        #expect(status.lastError == "no tenant 'initech' on this hub")
        #expect(status.tenant == "initech")
        #expect(fixture.log.starts("stray") == 0)
        try await fixture.hub.clock.checkSuspension()
        await fixture.tearDown()
    }

    @Test("(e) a disabled instance shows disabled, is never started, and follows its file")
    func disabledInstance() async throws {
        let fixture = try await Fixture.make()
        try fixture.directory.write("off.toml", FakePluginKinds.file(.parked, enabled: false))
        #expect(await fixture.supervisor.reload().isEmpty)
        let status = try #require(fixture.board.status("off"))
        #expect(status.state == .disabled)
        #expect(status.restarts == 0)
        #expect(status.lastError == nil)
        await TestHub.settle()
        #expect(fixture.log.starts("off") == 0)

        // Removing the file removes it from the board.
        try fixture.directory.delete("off.toml")
        #expect(await fixture.supervisor.reload().isEmpty)
        #expect(fixture.board.status("off") == nil)

        // Back, disabled; then enabled: it starts.
        try fixture.directory.write("off.toml", FakePluginKinds.file(.parked, enabled: false))
        await fixture.supervisor.reload()
        #expect(fixture.board.status("off")?.state == .disabled)
        try fixture.directory.write("off.toml", FakePluginKinds.file(.parked, enabled: true, settings: ["stop": "after_replacement"]))
        await fixture.supervisor.reload()
        try await fixture.waitFor("off", .running)
        try await waitUntil("started") { fixture.log.starts("off") == 1 }

        // Disabled again while running (and slow to stop): it ends up disabled, not stopped.
        try fixture.directory.write("off.toml", FakePluginKinds.file(.parked, enabled: false))
        await fixture.supervisor.reload()
        #expect(fixture.board.status("off")?.state == .disabled)
        try await waitUntil("the run to end") { fixture.log.stops("off") == 1 }
        await TestHub.settle(1_000)
        #expect(fixture.board.status("off")?.state == .disabled)
        await fixture.tearDown()
    }

    @Test("(f) presence from a plugin reaches the engine; a manual source or another tenant's user is rejected")
    func presenceThroughEngine() async throws {
        let fixture = try await Fixture.make()
        let engine = fixture.hub.engine
        let events = fixture.hub.services.bus.subscribe(tenant: "acme")
        try fixture.directory.write("door.toml", FakePluginKinds.file(
            .presence, settings: ["user": "anna", "activity": "in_meeting", "source": "access_control"]))
        try fixture.directory.write("impostor.toml", FakePluginKinds.file(
            .presence, settings: ["user": "bertil", "activity": "sick", "source": "user"]))
        try fixture.directory.write("ghost.toml", FakePluginKinds.file(
            .presence, settings: ["user": "g1", "activity": "busy", "source": "calendar"]))
        #expect(await fixture.supervisor.reload().isEmpty)
        let log = fixture.log
        try await waitUntil("three answers") {
            !log.results("door").isEmpty && !log.results("impostor").isEmpty && !log.results("ghost").isEmpty
        }

        #expect(log.results("door") == [.applied])
        let anna = try await engine.presence(tenant: "acme", user: "anna", viewer: nil)
        #expect(anna.activity == "in_meeting")
        #expect(anna.source == .accessControl)
        var iterator = events.makeAsyncIterator()
        let event = try #require(await iterator.next())
        guard case let .presenceChanged(change) = event.payload else {
            Issue.record("expected presence.changed, got \(event.type)")
            await fixture.tearDown()
            return
        }
        #expect(change.user == "anna")
        #expect(change.source == .accessControl)

        guard case let .rejected(reason)? = log.results("impostor").first else {
            Issue.record("a manual source from a plugin was not rejected: \(log.results("impostor"))")
            await fixture.tearDown()
            return
        }
        #expect(reason.contains("automatic sources"), "\(reason)")
        #expect(try await engine.presence(tenant: "acme", user: "bertil", viewer: nil).activity != "sick")

        // g1 is globex's; the acme instance cannot touch it.
        guard case let .rejected(ghostReason)? = log.results("ghost").first else {
            Issue.record("another tenant's user was not rejected: \(log.results("ghost"))")
            await fixture.tearDown()
            return
        }
        #expect(ghostReason.contains("g1"), "\(ghostReason)")
        #expect(try await engine.presence(tenant: "globex", user: "g1", viewer: nil).activity != "busy")
        await fixture.tearDown()
    }

    @Test("(g) GET /tenants/{tenant}/plugins shows the tenant's instances and states, and only them")
    func pluginsAPI() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let kinds = FakePluginKinds()
        try directory.write("acme-door.toml", FakePluginKinds.file(.parked))
        try directory.write("acme-down.toml", FakePluginKinds.file(.unavailable))
        try directory.write("acme-off.toml", FakePluginKinds.file(.parked, enabled: false))
        try directory.write("acme-bad.toml", FakePluginKinds.file(.misconfigured))
        try directory.write("globex-door.toml", FakePluginKinds.file(.parked, tenant: "globex"))
        let hub = try await TestHub.make(pluginsDirectory: directory.path, registry: kinds.registry)
        defer { hub.cleanUp() }
        let tokens = hub.tokens
        let expected = ["acme-bad": "failed", "acme-door": "running", "acme-down": "retrying", "acme-off": "disabled"]
        try await hub.runtime.application().test(.router) { client in
            // The supervisor runs as a service of the application; wait for it to settle the instances.
            var acme = Reply(status: .ok, text: "", headers: [:])
            try await waitUntil("acme's instances in their states") {
                acme = try await client.send(.get, "/api/v1/tenants/acme/plugins", token: tokens["acmeAdmin"])
                let states = Dictionary(uniqueKeysWithValues: acme.array.map { ($0["id"] as? String ?? "", $0["state"] as? String ?? "") })
                return states == expected
            }
            #expect(acme.status == .ok)
            #expect(acme.array.map { $0["id"] as? String } == ["acme-bad", "acme-door", "acme-down", "acme-off"])
            let byID = Dictionary(uniqueKeysWithValues: acme.array.map { ($0["id"] as? String ?? "", $0) })
            let down = try #require(byID["acme-down"])
            #expect(down["kind"] as? String == "fake_unavailable")
            #expect(down["tenant"] as? String == "acme")
            #expect(down["file"] as? String == directory.file("acme-down.toml"))
            #expect((down["restarts"] as? Int ?? 0) >= 1)
            #expect(down["lastError"] as? String == "unavailable: peer down")
            #expect(down["nextAttemptAt"] is String)
            #expect(byID["acme-bad"]?["lastError"] as? String == "misconfigured: settings.port: no such port")
            #expect(byID["acme-door"]?["lastError"] == nil || byID["acme-door"]?["lastError"] is NSNull)
            #expect(byID["acme-door"]?["restarts"] as? Int == 0)

            let supervisor = try await client.send(.get, "/api/v1/tenants/acme/plugins", token: tokens["acmeSupervisor"])
            #expect(supervisor.status == .ok)
            #expect(supervisor.array.count == 4)

            // Another tenant's token sees none of acme's instances.
            let globexOnAcme = try await client.send(.get, "/api/v1/tenants/acme/plugins", token: tokens["globexAdmin"])
            #expect(globexOnAcme.status == .notFound)
            #expect(!globexOnAcme.text.contains("acme-door"))
            let globex = try await client.send(.get, "/api/v1/tenants/globex/plugins", token: tokens["globexAdmin"])
            #expect(globex.status == .ok)
            #expect(globex.array.map { $0["id"] as? String } == ["globex-door"])
            let globexAll = try await client.send(.get, "/api/v1/plugins", token: tokens["globexAdmin"])
            #expect(globexAll.status == .forbidden)
            #expect(!globexAll.text.contains("acme-door"))

            // Roles without access, and no token at all.
            let user = try await client.send(.get, "/api/v1/tenants/acme/plugins", token: tokens["acmeUser"])
            #expect(user.status == .forbidden)
            let anonymous = try await client.send(.get, "/api/v1/tenants/acme/plugins", token: nil)
            #expect(anonymous.status == .unauthorized)

            // The hub admin sees every instance of every tenant.
            let all = try await client.send(.get, "/api/v1/plugins", token: tokens["hubAdmin"])
            #expect(all.status == .ok)
            #expect(all.array.map { $0["id"] as? String } == ["acme-bad", "acme-door", "acme-down", "acme-off", "globex-door"])
        }
    }
}
