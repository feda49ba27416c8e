import Foundation

/// The ringing legs of one call in the order they were added (leg ids only grow, so that is id order):
/// a short list searched in place, where a dictionary would allocate and hash for one to three entries.
struct LegTable: Sendable, Equatable {
    private var ids: [LegID] = []
    private var states: [LegState] = []

    /// The leg with `id`; setting nil removes it, setting a state adds or replaces it.
    subscript(id: LegID) -> LegState? {
        get { ids.firstIndex(of: id).map { states[$0] } }
        set {
            if let index = ids.firstIndex(of: id) {
                if let newValue { states[index] = newValue } else {
                    ids.remove(at: index)
                    states.remove(at: index)
                }
            } else if let newValue {
                ids.append(id)
                states.append(newValue)
            }
        }
    }

    var isEmpty: Bool { ids.isEmpty }
    /// Leg ids, ascending.
    var keys: [LegID] { ids }
    var values: [LegState] { states }
}
