import Foundation

/// The ringing legs of one call in the order they were added (leg ids only grow, so that is id order):
/// a short list searched in place, where a dictionary would allocate and hash for one to three entries.
struct LegTable: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var id: LegID
        var state: LegState
    }

    /// The legs, ascending by id.
    private(set) var entries: [Entry] = []

    /// The leg with `id`; setting nil removes it, setting a state adds or replaces it.
    subscript(id: LegID) -> LegState? {
        get { entries.first { $0.id == id }?.state }
        set {
            if let index = entries.firstIndex(where: { $0.id == id }) {
                if let newValue { entries[index].state = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append(Entry(id: id, state: newValue))
            }
        }
    }

    var isEmpty: Bool { entries.isEmpty }
    var values: [LegState] { entries.map(\.state) }
}
