import Foundation
import HubCore

/// Message ids ordered by due time (then by arrival), as a binary min-heap.
///
/// Entries are not removed when a message leaves the queue some other way (a late "sent" report);
/// the outbox skips such stale entries when it finds the stored message no longer queued.
struct DueQueue: Sendable {
    private struct Entry: Sendable {
        var due: Date
        var order: UInt64
        var id: MessageID

        func precedes(_ other: Entry) -> Bool { due != other.due ? due < other.due : order < other.order }
    }

    private var heap: [Entry] = []
    private var counter: UInt64 = 0

    /// Number of entries (stale ones included).
    var count: Int { heap.count }

    /// The earliest due time.
    var earliest: Date? { heap.first?.due }

    /// Adds `id`, due at `due`.
    mutating func push(_ id: MessageID, due: Date) {
        counter += 1
        heap.append(Entry(due: due, order: counter, id: id))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the earliest entry if it is due at `now`.
    mutating func popDue(at now: Date) -> MessageID? {
        guard let first = heap.first, first.due <= now else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var smallest = parent
                if left < heap.count, heap[left].precedes(heap[smallest]) { smallest = left }
                if right < heap.count, heap[right].precedes(heap[smallest]) { smallest = right }
                guard smallest != parent else { break }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return first.id
    }
}
