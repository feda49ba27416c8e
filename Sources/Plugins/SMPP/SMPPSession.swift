import Foundation
import HubCore
import NIOCore

/// One bound connection's request bookkeeping: sequence numbers, the window of outstanding requests,
/// responses matched to requests, and the pause an SMSC asks for when it throttles.
actor SMPPSession {
    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private let window: Int
    private let clock: HubClock
    private var nextSequence: UInt32 = 1
    private var pending: [UInt32: SMPPResponseSlot] = [:]
    private var inFlight = 0
    private var windowWaiters: [(id: UInt64, continuation: CheckedContinuation<Void, any Error>)] = []
    private var nextWaiterID: UInt64 = 0
    private var closedBy: (any Error)?
    private var pausedUntil: Date?
    /// The most requests that were outstanding at once on this connection.
    private(set) var maxOutstanding = 0

    init(outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>, window: Int, clock: HubClock) {
        self.outbound = outbound
        self.window = max(window, 1)
        self.clock = clock
    }

    /// Sends a request and waits up to `timeout` for its response (any status).
    func request(_ command: SMPPCommandID, body: SMPPBody = .empty, timeout: Duration) async throws -> SMPPPDU {
        if let closedBy { throw closedBy }
        let sequence = allocateSequence()
        let bytes = try SMPPCodec.encode(SMPPPDU(command: command, sequence: sequence, body: body))
        let slot = SMPPResponseSlot()
        pending[sequence] = slot
        maxOutstanding = max(maxOutstanding, pending.count)
        defer { pending[sequence] = nil }
        let timer = Task { [clock] in
            do { try await clock.sleep(timeout) } catch { return }
            slot.resolve(.failure(SMPPClientError.responseTimeout(command, sequence: sequence)))
        }
        defer { timer.cancel() }
        do {
            try await outbound.write(ByteBuffer(bytes: bytes))
        } catch {
            slot.resolve(.failure(error))
        }
        return try await slot.value()
    }

    /// Writes a response (or generic_nack) to a request of the SMSC.
    func respond(_ command: SMPPCommandID, sequence: UInt32, status: SMPPCommandStatus = .ok, body: SMPPBody = .empty) async throws {
        try await outbound.write(ByteBuffer(bytes: try SMPPCodec.encode(SMPPPDU(command: command, status: status, sequence: sequence, body: body))))
    }

    /// Hands a response to the request with its sequence number; false when none is waiting.
    func complete(_ response: SMPPPDU) -> Bool {
        guard let slot = pending[response.sequence] else { return false }
        slot.resolve(.success(response))
        return true
    }

    /// Fails the request with `sequence` (its response could not be decoded).
    func fail(sequence: UInt32, _ error: any Error) -> Bool {
        guard let slot = pending[sequence] else { return false }
        slot.resolve(.failure(error))
        return true
    }

    /// Ends the session: every waiting request and window waiter gets `error`.
    func close(_ error: any Error) {
        if closedBy == nil { closedBy = error }
        for slot in pending.values { slot.resolve(.failure(error)) }
        let waiters = windowWaiters
        windowWaiters = []
        for waiter in waiters { waiter.continuation.resume(throwing: error) }
    }

    /// Takes one of the window's slots, waiting while `window` requests are outstanding.
    func acquireWindow() async throws {
        if let closedBy { throw closedBy }
        if inFlight < window {
            inFlight += 1
            return
        }
        let id = nextWaiterID
        nextWaiterID += 1
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                windowWaiters.append((id, continuation))
            }
        } onCancel: {
            Task { await self.cancelWaiter(id) }
        }
    }

    /// Returns a window slot, handing it straight to the longest waiter.
    func releaseWindow() {
        if windowWaiters.isEmpty {
            inFlight = max(inFlight - 1, 0)
        } else {
            windowWaiters.removeFirst().continuation.resume()
        }
    }

    /// Holds new submissions for `duration` (the SMSC throttled us).
    func pause(for duration: Duration) {
        let until = clock.now().addingTimeInterval(duration.timeInterval)
        pausedUntil = max(pausedUntil ?? until, until)
    }

    /// Waits until a throttling pause is over.
    func waitWhilePaused() async throws {
        while let until = pausedUntil, until > clock.now() {
            try await clock.sleep(until: until)
        }
    }

    private func cancelWaiter(_ id: UInt64) {
        guard let index = windowWaiters.firstIndex(where: { $0.id == id }) else { return }
        windowWaiters.remove(at: index).continuation.resume(throwing: CancellationError())
    }

    private func allocateSequence() -> UInt32 {
        defer { nextSequence = nextSequence >= 0x7FFF_FFFF ? 1 : nextSequence + 1 }
        return nextSequence
    }
}
