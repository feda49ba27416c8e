import Foundation
import HubCore

/// Bounds the reads in flight against one server and holds them all while the server asked us to back off.
actor ServerGate {
    private let capacity: Int
    private let clock: HubClock
    private var inUse = 0
    private var waiters: [(id: UInt64, continuation: CheckedContinuation<Bool, Never>)] = []
    private var nextID: UInt64 = 0
    private var pausedUntil: Date?

    init(capacity: Int, clock: HubClock) {
        self.capacity = max(capacity, 1)
        self.clock = clock
    }

    /// Waits for a free slot and for any back-off to pass; throws `CancellationError` if cancelled while waiting.
    func acquire() async throws {
        while true {
            if let until = pausedUntil, until > clock.now() {
                try await clock.sleep(until: until)
                continue
            }
            if inUse < capacity {
                inUse += 1
                return
            }
            let id = nextID
            nextID += 1
            let granted = await withTaskCancellationHandler {
                await withCheckedContinuation { continuation in
                    if Task.isCancelled {
                        continuation.resume(returning: false)
                    } else {
                        waiters.append((id, continuation))
                    }
                }
            } onCancel: {
                Task { await self.cancelWaiter(id) }
            }
            guard granted else { throw CancellationError() }
            // The releasing read handed its slot over; re-check a back-off set meanwhile.
            if let until = pausedUntil, until > clock.now() {
                release()
                continue
            }
            return
        }
    }

    /// Frees a slot, handing it to the longest waiter.
    func release() {
        if waiters.isEmpty {
            inUse = max(inUse - 1, 0)
        } else {
            waiters.removeFirst().continuation.resume(returning: true)
        }
    }

    /// Holds every read of the server until `until` (a server-wide throttle).
    func pause(until: Date) {
        pausedUntil = max(pausedUntil ?? until, until)
    }

    private func cancelWaiter(_ id: UInt64) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).continuation.resume(returning: false)
    }
}
