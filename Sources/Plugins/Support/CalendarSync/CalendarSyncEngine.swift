import Foundation
import HubCore
import Logging
import Synchronization

/// Keeps the presence of every user with a calendar in step with their calendar (INT-CAL), for one
/// plugin instance and one ``CalendarSource``.
///
/// It reads the directory for users with calendars, runs one task per mailbox (bounded per server,
/// rate-limited per mailbox, jittered), applies ``CalendarPresenceRules`` at every entry boundary, submits
/// `.presence(user, …)` with source `.calendar`, moves what it caused when an entry moves, sends
/// `.liftPresence(user, source: .calendar)` when an entry in effect is cancelled or moved away (the hub
/// lifts it only if it is still the calendar's change), and records per-mailbox status under
/// ``CalendarSyncKeys``. Time comes from `context.clock` only.
///
/// ```swift
/// func run(context: PluginContext) async throws {
///     let engine = CalendarSyncEngine(source: GraphCalendarSource(http: http, settings: settings), options: settings.sync)
///     try await engine.run(context: context)   // until cancelled
/// }
/// // from a push notification handler: engine.trigger(address: "alice@example.com")
/// ```
public final class CalendarSyncEngine: Sendable {
    private let source: any CalendarSource
    private let options: CalendarSyncOptions
    private let signals = Mutex<[String: (user: UserID, signal: WakeSignal)]>([:])
    private let directoryChanged = WakeSignal()

    /// Creates an engine reading through `source` with `options`.
    public init(source: any CalendarSource, options: CalendarSyncOptions = CalendarSyncOptions()) {
        self.source = source
        self.options = options
    }

    /// Reads `user`'s mailbox soon (respecting the per-mailbox limit); false if the user is not synced.
    @discardableResult
    public func trigger(_ user: UserID) -> Bool {
        let signal = signals.withLock { $0.values.first { $0.user == user }?.signal }
        signal?.notify()
        return signal != nil
    }

    /// Reads the mailbox with calendar address `address` (case-insensitive) soon; false if unknown.
    @discardableResult
    public func trigger(address: String) -> Bool {
        let signal = signals.withLock { $0[address.lowercased()]?.signal }
        signal?.notify()
        return signal != nil
    }

    /// Runs until cancelled, then stops every mailbox task and returns.
    public func run(context: PluginContext) async throws {
        let board = CalendarSyncBoard(reporter: context.status)
        let gates = Mutex<[String: ServerGate]>([:])
        var workers: [UserID: (mailbox: CalendarMailbox, task: Task<Void, Never>)] = [:]
        let events = Task { [directoryChanged] in
            for await event in context.subscribe() {
                switch event.payload {
                case .userChanged, .userRemoved: directoryChanged.notify()
                default: break
                }
            }
        }
        defer { events.cancel() }
        var knownUsers: [UserID]? = try? await CalendarSyncStore(state: context.state).load([UserID].self, CalendarSyncKeys.users)
        while !Task.isCancelled {
            let wanted = await mailboxes(context)
            var gone = Set<UserID>()
            for (user, worker) in workers where wanted[user] != worker.mailbox {
                gone.insert(user)
                worker.task.cancel()
                await worker.task.value
                workers[user] = nil
                unregister(worker.mailbox)
                if wanted[user] == nil { await forget(user, context: context) }
            }
            for (user, mailbox) in wanted.sorted(by: { $0.key < $1.key }) where workers[user] == nil {
                let key = source.serverKey(for: mailbox)
                let gate = gates.withLock { gates in
                    if let gate = gates[key] { return gate }
                    let gate = ServerGate(capacity: options.maxConcurrentPerServer, clock: context.clock)
                    gates[key] = gate
                    return gate
                }
                let signal = WakeSignal()
                signals.withLock { $0[mailbox.address.lowercased()] = (user, signal) }
                var worker = CalendarMailboxWorker(
                    mailbox: mailbox, source: source, options: options, context: context, gate: gate, signal: signal,
                    board: board)
                workers[user] = (mailbox, Task { await worker.run() })
            }
            let users = wanted.keys.sorted()
            if users != knownUsers {
                await forgetStale(known: knownUsers ?? [], keeping: Set(users), context: context)
                try? await CalendarSyncStore(state: context.state).save(users, CalendarSyncKeys.users)
                knownUsers = users
            }
            board.setMailboxes(users.count, removing: gone)
            _ = await directoryChanged.wait(
                until: context.clock.now().addingTimeInterval(options.directoryInterval.timeInterval), clock: context.clock)
        }
        for worker in workers.values { worker.task.cancel() }
        for worker in workers.values { await worker.task.value }
        throw CancellationError()
    }

    private func mailboxes(_ context: PluginContext) async -> [UserID: CalendarMailbox] {
        var result: [UserID: CalendarMailbox] = [:]
        for user in await context.directory.usersWithCalendars() {
            guard let address = user.calendar?.trimmingCharacters(in: .whitespaces), !address.isEmpty else { continue }
            result[user.id] = CalendarMailbox(user: user.id, address: address)
        }
        return result
    }

    private func unregister(_ mailbox: CalendarMailbox) {
        signals.withLock { signals in
            if signals[mailbox.address.lowercased()]?.user == mailbox.user { signals[mailbox.address.lowercased()] = nil }
        }
    }

    /// A user lost their calendar: lift what the calendar still holds for them and drop their state.
    private func forget(_ user: UserID, context: PluginContext) async {
        let store = CalendarSyncStore(state: context.state)
        let now = context.clock.now()
        if let applied = try? await store.load(CalendarAppliedPresence.self, CalendarSyncKeys.applied(user)), applied.isLiftable(at: now) {
            _ = try? await context.sink.submit(.liftPresence(user, source: .calendar))
        }
        for key in [CalendarSyncKeys.applied(user), CalendarSyncKeys.mailbox(user), CalendarSyncKeys.status(user)] {
            try? await context.state.set(nil, for: key)
        }
    }

    /// Users in the stored index but no longer in the directory (removed while the hub was down).
    private func forgetStale(known: [UserID], keeping: Set<UserID>, context: PluginContext) async {
        for user in known where !keeping.contains(user) {
            await forget(user, context: context)
        }
    }
}
