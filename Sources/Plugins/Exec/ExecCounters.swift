import Synchronization

/// The instance's ``ExecStatistics``, shared by the tasks of a running program.
final class ExecCounters: Sendable {
    private let state = Mutex(ExecStatistics())

    /// Changes the counters.
    func update(_ body: (inout ExecStatistics) -> Void) {
        state.withLock { body(&$0) }
    }

    /// Counts one problem.
    func count(_ problem: ExecProblem) {
        update { $0[problem] += 1 }
    }

    /// A copy of the counters.
    var snapshot: ExecStatistics { state.withLock { $0 } }
}
