/// An append-only buffer of time-stamped entries that drops its oldest ones, each in amortised O(1).
///
/// Entries are kept sorted by time (the owner appends non-decreasing times), so a window is found by binary search.
struct TimeOrderedLog<Element: Sendable>: Sendable {
    private var storage: [(time: Double, element: Element)] = []
    private var head = 0

    /// Entries currently held.
    var count: Int { storage.count - head }

    /// The time of the newest entry.
    var lastTime: Double? { storage.last?.time }

    /// Appends an entry; `time` must not be earlier than ``lastTime``.
    mutating func append(_ element: Element, at time: Double) {
        storage.append((time, element))
    }

    /// Drops entries with a time at or before `cutoff`.
    mutating func drop(throughTime cutoff: Double) {
        while head < storage.count, storage[head].time <= cutoff { head += 1 }
        // Compact once the dead prefix is at least half the buffer: each entry is moved O(1) times overall.
        if head >= 64, head * 2 >= storage.count {
            storage.removeFirst(head)
            head = 0
        }
    }

    /// Calls `body` for every entry with `after < time <= through`, oldest first.
    func forEach(after: Double, through: Double, _ body: (Double, Element) -> Void) {
        var index = firstIndex(after: after)
        while index < storage.count, storage[index].time <= through {
            body(storage[index].time, storage[index].element)
            index += 1
        }
    }

    /// The first index whose time is later than `time`.
    private func firstIndex(after time: Double) -> Int {
        var low = head
        var high = storage.count
        while low < high {
            let mid = low + (high - low) / 2
            if storage[mid].time <= time { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
