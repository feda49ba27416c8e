import Foundation
import HubCore
import HubPluginSupport
import Logging

/// Bytes in, presence updates out: decodes, interprets, looks badges up, submits, counts, and logs each
/// kind of problem at most once per 10 seconds (with the number held back).
struct StampPipeline {
    let context: PluginContext
    let counters: AccessControlCounters
    private var decoder: StampDecoder
    private var interpreter: StampInterpreter
    private var throttles: [AccessControlProblem: LogThrottle] = [:]

    init(configuration: AccessControlConfiguration, context: PluginContext, counters: AccessControlCounters) {
        self.context = context
        self.counters = counters
        decoder = StampDecoder(format: configuration.format)
        interpreter = StampInterpreter(configuration: configuration)
    }

    /// Handles bytes read from the port; throws only `CancellationError`.
    mutating func feed(_ bytes: [UInt8]) async throws {
        counters.update { $0.bytesRead += bytes.count }
        for event in decoder.append(bytes, at: context.clock.now()) { try await handle(event) }
    }

    /// The port closed: what is left of an unfinished record is handled (a last line) or dropped.
    mutating func portClosed() async throws {
        for event in decoder.finish(at: context.clock.now()) { try await handle(event) }
    }

    /// Logs a summary of problems still held back by the throttles.
    mutating func finish() {
        for (problem, var throttle) in throttles {
            let held = throttle.flush()
            if held > 0 { context.logger.warning("\(held) more \(problem.rawValue) problems (see statistics)") }
        }
        throttles = [:]
    }

    private mutating func handle(_ event: DecodeEvent) async throws {
        switch event {
        case let .problem(problem, sample):
            counters.update { $0.records += problem == .garbage ? 0 : 1 }
            report(problem, "\(Self.describe(problem, multiLine: decoder.format.linesPerRecord > 1))", metadata: ["sample": "\(sample)"])
        case let .stamp(stamp):
            counters.update {
                $0.records += 1
                $0.stamps += 1
            }
            try await apply(stamp)
        }
    }

    private mutating func apply(_ stamp: Stamp) async throws {
        switch interpreter.interpret(stamp, at: context.clock.now()) {
        case .duplicate:
            counters.update { $0.duplicates += 1 }
        case let .ignored(function):
            counters.update { $0.ignored += 1 }
            context.logger.debug("stamp ignored by its function", metadata: ["function": "\(function)", "badge": "\(stamp.badge)"])
        case let .problem(problem, reason):
            report(problem, reason, metadata: ["record": "\(stamp.record.prefix(80))"])
        case let .apply(keys, update):
            guard let user = await lookUp(keys, stamp: stamp) else { return }
            try await submit(update, for: user, stamp: stamp)
        }
    }

    private mutating func lookUp(_ keys: [String], stamp: Stamp) async -> UserID? {
        var found: [String: UserID] = [:]
        for key in keys {
            if let user = await context.directory.user(badge: key) { found[key] = user.id }
        }
        let users = Set(found.values)
        if users.count > 1 {
            let owners = found.sorted { $0.key < $1.key }.map { "\($0.key)→\($0.value)" }.joined(separator: ", ")
            report(.ambiguousBadge, "badge '\(stamp.badge)' matches different users (\(owners)); stamp not applied", metadata: [:])
            return nil
        }
        guard let user = users.first else {
            report(.unknownBadge, "no user carries badge '\(stamp.badge)' (tried \(keys.joined(separator: ", ")))", metadata: [:])
            return nil
        }
        return user
    }

    private mutating func submit(_ update: PresenceUpdate, for user: UserID, stamp: Stamp) async throws {
        try Task.checkCancellation()
        let result: PluginOutputResult
        do {
            result = try await context.sink.submit(.presence(user, update))
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            try Task.checkCancellation()
            result = .rejected("hub error: \(error)")
        }
        switch result {
        case .applied:
            counters.update { $0.applied += 1 }
            context.logger.debug("stamp applied", metadata: [
                "user": "\(user)", "activity": "\(update.activity?.rawValue ?? "")", "ends": "\(update.endsAt.map { "\($0)" } ?? "-")",
            ])
        case let .ignored(reason):
            counters.update { $0.unchanged += 1 }
            context.logger.debug("stamp changed nothing", metadata: ["user": "\(user)", "reason": "\(reason.rawValue)"])
        case let .rejected(reason):
            report(.rejected, "hub refused the stamp for \(user): \(reason)", metadata: ["record": "\(stamp.record.prefix(80))"])
        }
    }

    private mutating func report(_ problem: AccessControlProblem, _ message: String, metadata: Logger.Metadata) {
        counters.count(problem)
        var throttle = throttles[problem] ?? LogThrottle(interval: 10)
        defer { throttles[problem] = throttle }
        guard let suppressed = throttle.record(at: context.clock.now()) else { return }
        var metadata = metadata
        metadata["problem"] = "\(problem.rawValue)"
        metadata["suppressed"] = "\(suppressed)"
        context.logger.warning("\(message)", metadata: metadata)
    }

    private static func describe(_ problem: AccessControlProblem, multiLine: Bool) -> String {
        switch problem {
        case .overlongRecord: "record longer than max_record_bytes dropped"
        case .garbage where multiLine: "lines outside a complete record (page header, lost line) or line noise dropped"
        case .garbage: "line noise or binary bytes dropped (wrong baud or parity?)"
        case .badChecksum: "record with a wrong checksum dropped"
        case .badEncoding: "record not in the configured encoding dropped"
        case .noMatch: "record does not match the pattern"
        case .badTime: "time field does not fit time_format"
        default: problem.rawValue
        }
    }
}
