import Synchronization

/// Where one request's response lands; resolved once (response, timeout, connection loss or cancellation).
final class SMPPResponseSlot: Sendable {
    private enum State {
        case waiting(CheckedContinuation<SMPPPDU, any Error>?)
        case resolved(Result<SMPPPDU, any Error>)
    }

    private let state = Mutex<State>(.waiting(nil))

    /// Resolves the slot; later calls are ignored.
    func resolve(_ result: Result<SMPPPDU, any Error>) {
        let continuation: CheckedContinuation<SMPPPDU, any Error>? = state.withLock { state in
            guard case let .waiting(continuation) = state else { return nil }
            state = .resolved(result)
            return continuation
        }
        continuation?.resume(with: result)
    }

    /// Waits for the result; cancellation resolves the slot with `CancellationError`.
    func value() async throws -> SMPPPDU {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<SMPPPDU, any Error>) in
                let result: Result<SMPPPDU, any Error>? = state.withLock { state in
                    switch state {
                    case let .resolved(result): return result
                    case .waiting:
                        state = .waiting(continuation)
                        return nil
                    }
                }
                if let result { continuation.resume(with: result) }
            }
        } onCancel: {
            resolve(.failure(CancellationError()))
        }
    }
}
