import Foundation
import HubCore

/// Joins the parts of concatenated incoming SMS; incomplete messages are dropped after `timeout`.
struct SMPPReassembler {
    struct Key: Hashable {
        var source: String
        var reference: UInt16
        var total: Int
    }

    private struct Pending {
        var bodies: [Int: [UInt8]]
        var dataCoding: UInt8
        var firstSeen: Date
    }

    let timeout: TimeInterval
    private var pending: [Key: Pending] = [:]

    init(timeout: TimeInterval) { self.timeout = timeout }

    /// Messages waiting for parts.
    var waiting: Int { pending.count }

    /// Adds one part; returns every part's body in order when the message is complete.
    mutating func add(
        source: String, concatenation: SMSConcatenation, body: [UInt8], dataCoding: UInt8, at now: Date
    ) -> [UInt8]? {
        let key = Key(source: source, reference: concatenation.reference, total: concatenation.total)
        var entry = pending[key] ?? Pending(bodies: [:], dataCoding: dataCoding, firstSeen: now)
        // A repeated part (the SMSC resending after a lost response) replaces the earlier copy.
        entry.bodies[concatenation.sequence] = body
        guard entry.bodies.count == concatenation.total else {
            pending[key] = entry
            return nil
        }
        pending[key] = nil
        return (1...concatenation.total).flatMap { entry.bodies[$0] ?? [] }
    }

    /// Drops messages whose first part is older than the timeout; returns how many.
    mutating func expire(at now: Date) -> Int {
        let stale = pending.filter { now.timeIntervalSince($0.value.firstSeen) > timeout }.map(\.key)
        for key in stale { pending[key] = nil }
        return stale.count
    }
}
