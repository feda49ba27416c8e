import Foundation

extension RoutingEngine {
    /// Estimated wait in seconds for the caller at `position`, rounded up to 30 s; nil without a basis
    /// (no eligible agent or no recent handle time).
    mutating func estimatedWait(_ queueID: QueueID, position: Int, at now: Date) -> Int? {
        guard let queue = queueIndex[queueID] else { return nil }
        let samples = queues[queue].handleTimes
        guard !samples.isEmpty else { return nil }
        let eligible = eligibleAgents(queue)
        guard eligible > 0 else { return nil }
        let mean = samples.reduce(0, +) / Double(samples.count)
        let rounds = Double((position + eligible - 1) / eligible)
        let seconds = rounds * mean
        return Int((seconds / 30).rounded(.up)) * 30
    }

    /// Members who could take the queue's calls by presence and skill, busy or not. Counted once and kept
    /// until a login, logout, presence, directory or plan change may alter it: progress messages ask often.
    mutating func eligibleAgents(_ position: Int) -> Int {
        if let count = queues[position].eligibleCount { return count }
        var count = 0
        for slot in queues[position].members where agents[slot].present && agents[slot].eligibleQueues.contains(position) { count += 1 }
        queues[position].eligibleCount = count
        return count
    }

    mutating func recordHandleTime(_ position: Int, _ seconds: TimeInterval) {
        queues[position].handleTimes.append(seconds)
        if queues[position].handleTimes.count > 20 { queues[position].handleTimes.removeFirst(queues[position].handleTimes.count - 20) }
    }
}
