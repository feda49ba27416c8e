import Foundation
import HubCore
import Logging

/// Keeps one mailbox in sync for as long as its task runs: reads it on schedule (or when woken), applies
/// the rules at every boundary, submits presence, and records its status.
///
/// Everything it keeps is its own (one task per mailbox), so it needs no locks.
struct CalendarMailboxWorker {
    let mailbox: CalendarMailbox
    let source: any CalendarSource
    let options: CalendarSyncOptions
    let context: PluginContext
    let gate: ServerGate
    let signal: WakeSignal
    let board: CalendarSyncBoard

    private var store: CalendarSyncStore { CalendarSyncStore(state: context.state) }
    private var clock: HubClock { context.clock }
    var user: UserID { mailbox.user }

    private var snapshot: CalendarMailboxSnapshot?
    var applied: CalendarAppliedPresence?
    private var status: CalendarSyncStatus?
    private var nextRead: Date
    private var lastRead: Date?
    var retryPresenceAt: Date?
    var logThrottle = LogThrottle(interval: 300)
    private var random = SystemRandomNumberGenerator()

    init(
        mailbox: CalendarMailbox, source: any CalendarSource, options: CalendarSyncOptions, context: PluginContext,
        gate: ServerGate, signal: WakeSignal, board: CalendarSyncBoard
    ) {
        self.mailbox = mailbox
        self.source = source
        self.options = options
        self.context = context
        self.gate = gate
        self.signal = signal
        self.board = board
        self.nextRead = context.clock.now()
    }

    /// Runs until the task is cancelled.
    mutating func run() async {
        do {
            try await load()
        } catch {
            context.logger.warning("calendar sync: cannot read stored state", metadata: ["user": "\(user)", "error": "\(error)"])
        }
        let spread = options.startSpread.timeInterval
        nextRead = clock.now().addingTimeInterval(spread > 0 ? Double.random(in: 0..<spread, using: &random) : 0)
        while !Task.isCancelled {
            let now = clock.now()
            if now >= nextRead {
                guard await read(at: now) else { return }
            }
            let decision = CalendarPresenceRules.decide(snapshot?.blocks ?? [], at: clock.now(), policy: options.policy)
            await apply(decision, at: clock.now())
            let wakeAt = [nextRead, decision.nextChange, retryPresenceAt].compactMap { $0 }.min() ?? nextRead
            let fired = await signal.wait(until: wakeAt, clock: clock)
            if fired, !Task.isCancelled {
                // A push trigger reads now, but never more often than the per-mailbox limit.
                let earliest = lastRead.map { $0.addingTimeInterval(options.minimumInterval.timeInterval) } ?? clock.now()
                nextRead = max(min(nextRead, clock.now()), earliest)
            }
        }
    }

    private mutating func load() async throws {
        let stored = try await store.load(CalendarMailboxSnapshot.self, CalendarSyncKeys.mailbox(user))
        snapshot = stored?.address == mailbox.address ? stored : nil
        applied = try await store.load(CalendarAppliedPresence.self, CalendarSyncKeys.applied(user))
        status = try await store.load(CalendarSyncStatus.self, CalendarSyncKeys.status(user))
        if status?.address != mailbox.address { status = nil }
    }

    // MARK: reading

    /// Reads the mailbox; false if cancelled while waiting for the server.
    private mutating func read(at start: Date) async -> Bool {
        do {
            try await gate.acquire()
        } catch {
            return false
        }
        let now = clock.now()
        let window = options.window(at: now)
        var token = usableToken(window: window, at: now)
        var outcome: Result<CalendarMailboxSnapshot, CalendarSourceError>
        repeat {
            let request = CalendarFetchRequest(mailbox: mailbox, window: window, syncToken: token)
            do {
                let result = try await source.fetch(request)
                if let next = CalendarMailboxSnapshot.applying(
                    result, to: snapshot, address: mailbox.address, window: window, at: now, policy: options.policy) {
                    outcome = .success(next)
                } else {
                    outcome = .failure(.syncTokenExpired)  // changes without a base: read in full
                }
            } catch {
                outcome = .failure(error)
            }
            // An expired token is normal: read again in full at once, but only once per read.
            if case .failure(.syncTokenExpired) = outcome, token != nil { token = nil } else { break }
        } while true
        await gate.release()
        lastRead = now
        switch outcome {
        case let .success(next):
            snapshot = next
            nextRead = now.addingTimeInterval(jittered(options.pollInterval))
            await record(CalendarSyncStatus(
                user: user, address: mailbox.address, state: .ok, lastAttempt: now, lastSuccess: now, entries: next.blocks.count,
                nextAttempt: nextRead))
            await save(next, CalendarSyncKeys.mailbox(user))
        case let .failure(error):
            await fail(error, at: now)
        }
        return !Task.isCancelled
    }

    private func usableToken(window: DateInterval, at now: Date) -> String? {
        guard let snapshot, snapshot.window == window,
              now.timeIntervalSince(snapshot.fullReadAt) < options.fullResyncInterval.timeInterval else { return nil }
        return snapshot.syncToken
    }

    private mutating func fail(_ error: CalendarSourceError, at now: Date) async {
        let failures = (status?.state == .failed ? status?.consecutiveFailures ?? 0 : 0) + 1
        var delay = options.failureBackoff.delay(attempt: failures, using: &random)
        switch error {
        case .mailboxNotFound, .accessDenied:
            delay = max(delay, options.pollInterval)  // a permission fix takes a human; do not hammer
        case let .throttled(retryAfter, _):
            delay = retryAfter ?? delay
            await gate.pause(until: now.addingTimeInterval(delay.timeInterval))
        case .syncTokenExpired, .unavailable, .invalidResponse:
            break
        }
        nextRead = now.addingTimeInterval(delay.timeInterval)
        await record(CalendarSyncStatus(
            user: user, address: mailbox.address, state: .failed, reason: error.description, lastAttempt: now,
            lastSuccess: status?.lastSuccess, consecutiveFailures: failures, entries: snapshot?.blocks.count ?? 0,
            nextAttempt: nextRead))
        if let suppressed = logThrottle.record(at: now) {
            context.logger.warning(
                "calendar sync failed", metadata: [
                    "user": "\(user)", "reason": "\(error)", "retry_in": "\(delay)", "suppressed": "\(suppressed)",
                ])
        }
    }

    private mutating func jittered(_ interval: Duration) -> TimeInterval {
        let seconds = interval.timeInterval
        guard options.jitter > 0 else { return seconds }
        return seconds * (1 + Double.random(in: -options.jitter...options.jitter, using: &random))
    }

    private mutating func record(_ next: CalendarSyncStatus) async {
        status = next
        board.update(user, failed: next.state == .failed)
        await save(next, CalendarSyncKeys.status(user))
    }

    func save<Value: Encodable>(_ value: Value?, _ key: String) async {
        do {
            try await store.save(value, key)
        } catch {
            context.logger.warning("calendar sync: cannot store state", metadata: ["key": "\(key)", "error": "\(error)"])
        }
    }
}
