import HubCore
import Synchronization

extension PluginConformance {
    /// Runs the instance, cancels it, and checks how fast and how cleanly it stopped.
    func checkCancellation(
        of plugin: any HubPlugin, context: PluginContext, sink: RecordingSink, into report: inout Report
    ) async {
        let outcome = RunOutcome()
        let task = Task { await outcome.record { try await plugin.run(context: context) } }
        try? await Task.sleep(for: runFor)
        if minimumOutputs > 0 {
            try? await waitUntil(timeout: .seconds(10)) { sink.submissions.count >= minimumOutputs || outcome.result != nil }
            if sink.submissions.count < minimumOutputs, outcome.result == nil {
                report.failures.append("only \(sink.submissions.count) of \(minimumOutputs) outputs within 10 s")
            }
        }
        if let early = outcome.result {
            report.notes.append("run ended before cancellation: \(Self.describe(early))")
            switch early {
            case .success: report.failures.append("run returned before it was cancelled")
            case .failure(let error as PluginError) where !requireRunning:
                report.notes.append("(a PluginError before cancellation is allowed: \(error))")
                return
            case .failure(let error): report.failures.append("run threw \(error) before it was cancelled")
            }
            return
        }
        sink.markCancellationRequested()
        let clock = ContinuousClock()
        let cancelledAt = clock.now
        task.cancel()
        do {
            try await waitUntil(timeout: cancellationDeadline, "run to end") { outcome.result != nil }
        } catch {
            report.failures.append("run did not end within \(cancellationDeadline) of cancellation")
            return
        }
        report.notes.append("run ended \(clock.now - cancelledAt) after cancellation: \(Self.describe(outcome.result))")
        if case .failure(let error)? = outcome.result, !(error is CancellationError) {
            report.failures.append("after cancellation run threw \(error); expected a return or CancellationError")
        }
        let countAtEnd = sink.submissions.count
        try? await Task.sleep(for: .milliseconds(200))
        let submissions = sink.submissions
        report.notes.append("\(submissions.count) outputs submitted")
        if submissions.count > countAtEnd {
            report.failures.append("\(submissions.count - countAtEnd) outputs submitted after run ended")
        }
        // A submission racing the cancellation (checked, then cancelled, then submitted) is harmless; one
        // that a cancelled task makes well after the request means the plugin goes on producing.
        let late = submissions.filter { submission in
            submission.taskWasCancelled && (submission.sinceCancellationRequest ?? .zero) > Self.cancellationRace
        }.count
        if late > 0 { report.failures.append("\(late) outputs submitted by a cancelled task") }
    }

    /// How long after the cancellation request a submission still counts as racing it.
    static let cancellationRace = Duration.milliseconds(100)

    private static func describe(_ result: Result<Void, any Error>?) -> String {
        switch result {
        case nil: "still running"
        case .success: "returned"
        case .failure(let error)?: "threw \(error)"
        }
    }
}

/// How a `run` call ended, readable from another task.
private final class RunOutcome: Sendable {
    private let state = Mutex<Result<Void, any Error>?>(nil)

    var result: Result<Void, any Error>? { state.withLock { $0 } }

    func record(_ body: () async throws -> Void) async {
        do {
            try await body()
            state.withLock { $0 = .success(()) }
        } catch {
            state.withLock { $0 = .failure(error) }
        }
    }
}
